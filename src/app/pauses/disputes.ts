import { fail } from "../../domain/errors.js";
import { insertActivities } from "../../store/activities.js";
import * as pauses from "../../store/pauses.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { DisputeInput, DisputeResolutionInput } from "../inputs/collectionInputs.js";
import { isUuid } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { resolveInvoice } from "../invoices/resolveInvoice.js";
import { disputeView, type DisputeView } from "./pauseViews.js";
import { tenantDay } from "./tenantDay.js";

/** Opens a dispute on an invoice: the daily run leaves that invoice out, and chases the rest. */
export async function openDispute(deps: AppDeps, actor: Actor, body: unknown): Promise<DisputeView> {
  const input = parseInput(DisputeInput, body, "dispute");
  const openedOn = await tenantDay(deps, actor.tenantId, input.openedOn);
  return deps.db.transaction().execute(async (tx) => {
    const invoice = await resolveInvoice(tx, actor.tenantId, input);
    if (await pauses.findOpenDispute(tx, actor.tenantId, invoice.id)) fail("DISPUTE_EXISTS", `invoice "${invoice.number}" already has an open dispute`, { path: "invoiceId" });
    const id = deps.newId();
    await pauses.insertDispute(tx, { tenant_id: actor.tenantId, id, customer_id: invoice.customer_id, invoice_id: invoice.id, reason: input.reason, note: input.note ?? null, owner_id: input.ownerId ?? null, opened_on: openedOn, due_on: input.dueOn ?? null, resolved_on: null, resolution_note: null, created_by: actor.name });
    await insertActivities(tx, actor.tenantId, [{ id: deps.newId(), customerId: invoice.customer_id, occurredOn: openedOn, kind: "dispute_opened", actor: actor.name, summary: `Dispute opened on ${invoice.number} (${input.reason})`, invoiceIds: [invoice.id], refId: id, details: { note: input.note } }]);
    await audit(tx, deps, actor, "dispute.open", "dispute", id, { invoice: invoice.number, reason: input.reason });
    return disputeView((await pauses.findDispute(tx, actor.tenantId, id))!);
  });
}

/** Closes a dispute. Rejected: the invoice is chased again. Upheld: the creditor credits it (a credit note). */
export async function resolveDispute(deps: AppDeps, actor: Actor, disputeId: string, body: unknown): Promise<DisputeView> {
  const input = parseInput(DisputeResolutionInput, body, "dispute resolution");
  const resolvedOn = await tenantDay(deps, actor.tenantId, input.resolvedOn);
  return deps.db.transaction().execute(async (tx) => {
    const dispute = (isUuid(disputeId) ? await pauses.findDispute(tx, actor.tenantId, disputeId) : undefined) ?? fail("DISPUTE_NOT_FOUND", `no dispute ${disputeId}`);
    if (dispute.status !== "open") fail("DISPUTE_CLOSED", `the dispute is already ${dispute.status}`);
    await pauses.resolveDispute(tx, actor.tenantId, dispute.id, { status: input.outcome, resolved_on: resolvedOn, resolution_note: input.note ?? null });
    await insertActivities(tx, actor.tenantId, [{ id: deps.newId(), customerId: dispute.customer_id, occurredOn: resolvedOn, kind: "dispute_resolved", actor: actor.name, summary: `Dispute ${input.outcome}`, invoiceIds: [dispute.invoice_id], refId: dispute.id, details: { note: input.note } }]);
    await audit(tx, deps, actor, "dispute.resolve", "dispute", dispute.id, { outcome: input.outcome });
    return disputeView((await pauses.findDispute(tx, actor.tenantId, dispute.id))!);
  });
}
