import { fail } from "../../domain/errors.js";
import { insertActivities } from "../../store/activities.js";
import * as pauses from "../../store/pauses.js";
import { audit } from "../audit.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { HoldInput } from "../inputs/collectionInputs.js";
import { isUuid } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { resolveInvoice } from "../invoices/resolveInvoice.js";
import { holdView, type HoldView } from "./pauseViews.js";
import { tenantDay } from "./tenantDay.js";

/** A manual hold with a reason: on a customer it stops the whole chase, on an invoice only that invoice; `until` ends it by itself. */
export async function placeHold(deps: AppDeps, actor: Actor, body: unknown): Promise<HoldView> {
  const input = parseInput(HoldInput, body, "hold");
  const from = await tenantDay(deps, actor.tenantId, input.from);
  if (input.until && input.until < from) fail("VALIDATION_FAILED", "a hold cannot end before it starts", { path: "until" });
  return deps.db.transaction().execute(async (tx) => {
    const invoice = input.invoiceId || input.invoiceNumber ? await resolveInvoice(tx, actor.tenantId, input) : undefined;
    const customer = invoice ? { id: invoice.customer_id } : await resolveCustomer(tx, actor.tenantId, input);
    const id = deps.newId();
    await pauses.insertHold(tx, { tenant_id: actor.tenantId, id, customer_id: customer.id, invoice_id: invoice?.id ?? null, reason: input.reason, from_on: from, until_on: input.until ?? null, released_on: null, created_by: actor.name });
    const what = invoice ? `invoice ${invoice.number}` : "the customer";
    await insertActivities(tx, actor.tenantId, [{ id: deps.newId(), customerId: customer.id, occurredOn: from, kind: "hold", actor: actor.name, summary: `Dunning on hold for ${what}${input.until ? ` until ${input.until}` : ""}: ${input.reason}`, invoiceIds: invoice ? [invoice.id] : [], refId: id }]);
    await audit(tx, deps, actor, "hold.place", "hold", id, { invoice: invoice?.number, reason: input.reason, until: input.until });
    return holdView((await pauses.findHold(tx, actor.tenantId, id))!);
  });
}

export async function releaseHold(deps: AppDeps, actor: Actor, holdId: string, body: { on?: string } = {}): Promise<HoldView> {
  const on = await tenantDay(deps, actor.tenantId, body.on);
  return deps.db.transaction().execute(async (tx) => {
    const hold = (isUuid(holdId) ? await pauses.findHold(tx, actor.tenantId, holdId) : undefined) ?? fail("HOLD_NOT_FOUND", `no hold ${holdId}`);
    if (hold.released_on !== null) fail("HOLD_RELEASED", `the hold was released on ${hold.released_on}`);
    await pauses.releaseHold(tx, actor.tenantId, hold.id, on);
    await insertActivities(tx, actor.tenantId, [{ id: deps.newId(), customerId: hold.customer_id, occurredOn: on, kind: "hold_released", actor: actor.name, summary: "Hold released", invoiceIds: hold.invoice_id ? [hold.invoice_id] : [], refId: hold.id }]);
    await audit(tx, deps, actor, "hold.release", "hold", hold.id);
    return holdView((await pauses.findHold(tx, actor.tenantId, hold.id))!);
  });
}
