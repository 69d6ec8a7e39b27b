import { z } from "zod";
import { fail } from "../../domain/errors.js";
import { currency, parseAmount } from "../../domain/money/index.js";
import { insertActivities } from "../../store/activities.js";
import { findCharge, lockCharge } from "../../store/charges.js";
import type { AllocationKind } from "../../store/schema.js";
import { applyAllocations } from "../allocations/applyAllocations.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { isUuid, zDecimal, zIsoDate } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { tenantDay } from "../pauses/tenantDay.js";
import { amountText } from "../views/money.js";
import { chargeView, type ChargeView } from "./chargeView.js";

export const WaiverInput = z
  .strictObject({
    amount: zDecimal.optional().meta({ description: "how much to waive; default: all that is open" }),
    reason: z.string().trim().min(1).max(2000),
    on: zIsoDate.optional().meta({ description: "the day of the waiver; default today in the tenant's time zone" }),
  })
  .meta({ id: "WaiverInput" });

const WAIVER: AllocationKind = "waiver";

/**
 * Waives all or part of a fee, interest or compensation charge. The waiver is an allocation of its own
 * kind, so the charge's open balance stays derived from the ledger (and the payoff quote follows); a
 * waived interest charge is not accrued again. Recorded on the customer's timeline and in the audit log.
 */
export async function waiveCharge(deps: AppDeps, actor: Actor, chargeId: string, body: unknown): Promise<ChargeView> {
  const input = parseInput(WaiverInput, body ?? {}, "waiver");
  const on = await tenantDay(deps, actor.tenantId, input.on);
  return deps.db.transaction().execute(async (tx) => {
    const locked = isUuid(chargeId) && (await lockCharge(tx, actor.tenantId, chargeId));
    const charge = (locked ? await findCharge(tx, actor.tenantId, chargeId) : undefined) ?? fail("CHARGE_NOT_FOUND", `no fee, interest or compensation charge ${chargeId}`);
    const open = BigInt(charge.open_amount);
    let amount = open;
    if (input.amount !== undefined) {
      const parsed = parseAmount(input.amount, currency(charge.currency));
      amount = parsed.ok ? parsed.value : fail(parsed.error.code, parsed.error.message, { path: "amount" });
    }
    if (amount <= 0n) fail("INVALID_AMOUNT", open === 0n ? `nothing is open on ${charge.number}` : "a waiver must be greater than zero", { path: "amount" });
    if (amount > open) fail("OVER_ALLOCATION", `cannot waive more than the ${amountText(open, charge.currency)} open on ${charge.number}`, { path: "amount" });
    if (on < charge.issue_date) fail("VALIDATION_FAILED", `a waiver cannot precede the charge (${charge.issue_date})`, { path: "on" });

    await applyAllocations(tx, deps, actor, { kind: WAIVER, availableOn: on, reason: input.reason }, [{ invoiceId: charge.id, installmentSeq: null, amount }], new Map([[charge.id, charge.issue_date]]));
    const waived = `${charge.currency} ${amountText(amount, charge.currency)}`;
    await insertActivities(tx, actor.tenantId, [
      { id: deps.newId(), customerId: charge.customer_id, occurredOn: on, kind: "charge_waived", actor: actor.name, summary: `${charge.kind} ${charge.number}: ${waived} waived (${input.reason})`, invoiceIds: charge.charge_of ? [charge.charge_of] : [], refId: charge.id, details: { kind: charge.kind, number: charge.number, amount: amountText(amount, charge.currency), currency: charge.currency, reason: input.reason } },
    ]);
    await audit(tx, deps, actor, "charge.waive", "invoice", charge.id, { number: charge.number, kind: charge.kind, amount: amountText(amount, charge.currency), currency: charge.currency, reason: input.reason, on });
    return chargeView((await findCharge(tx, actor.tenantId, charge.id))!);
  });
}
