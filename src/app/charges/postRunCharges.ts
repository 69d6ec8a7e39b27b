import { addDays, isoDate } from "../../domain/dates/plainDate.js";
import { chargePlan, feesToPost, type FeeOrder, type ListedInvoice, type RecordedRunStep } from "../../domain/fees/feePlan.js";
import { insertActivities, type NewActivity } from "../../store/activities.js";
import { insertCharges, listedInvoices, type ListedInvoiceRow, type NewCharge } from "../../store/charges.js";
import type { ActionRecord } from "../../store/collections/runRecords.js";
import type { Db } from "../../store/schema.js";
import type { Decided } from "../collections/runOutputs.js";
import { amountText } from "../views/money.js";
import { interestCharges } from "./interestCharges.js";

export interface ChargeContext {
  tenantId: string;
  today: string;
  actor: string;
  newId: () => string;
}

const KIND_WORD = { fee: "Fee", interest: "Interest", compensation: "Compensation" } as const;

/**
 * Posts the charges of a batch's recorded actions, in the run's transaction, after the actions are
 * written (their listed invoices are chosen in SQL): the fees of the steps that charge one, and the
 * interest and compensation of the steps that post it. Everything goes in with one insert that skips
 * what the same step already posted in the same chase, so a repeated run adds nothing. Each posted
 * charge, and each one that could not be charged, goes on the customer's timeline.
 */
export async function postRunCharges(tx: Db, ctx: ChargeContext, decided: readonly Decided[], actions: readonly ActionRecord[]): Promise<number> {
  const policies = new Map(decided.map((d) => [d.policy.id, d.policy]));
  const steps: RecordedRunStep[] = actions.map((a) => ({ actionId: a.id, customerId: a.customerId, currency: a.currency, cycle: a.cycle, status: a.status, skipReason: a.skipReason, step: policies.get(a.policyId)!.steps[a.stepIndex]! }));
  const plan = chargePlan(steps);
  if (plan.fees.length === 0 && plan.interest.length === 0) return 0;

  const listed = groupByAction(await listedInvoices(tx, ctx.tenantId, [...new Set([...plan.fees, ...plan.interest].map((o) => o.listedBy))]));
  const activities: NewActivity[] = [];
  const note = (customerId: string, summary: string, details: unknown) => activities.push({ id: ctx.newId(), customerId, occurredOn: ctx.today, kind: "charge_not_posted", actor: ctx.actor, summary, details });

  const fees = plan.fees.flatMap((order) => {
    const posted = feesToPost(order, listed.get(order.listedBy) ?? []);
    if (posted.ok) return posted.value.map((f) => feeCharge(order, f, ctx));
    note(order.customerId, `No fee for step "${order.stepId}": ${posted.error.message}`, { stepId: order.stepId, code: posted.error.code, path: posted.error.path });
    return [];
  });
  const policyOf = new Map(decided.map((d) => [`${d.account.customerId}|${d.account.currency}`, d.policy]));
  const interest = await interestCharges(
    tx,
    { ...ctx, policyOf: (customerId, currency) => policyOf.get(`${customerId}|${currency}`)!, listedBy: new Map([...listed].map(([id, rows]) => [id, new Set(rows.map((r) => r.invoiceId))])) },
    plan.interest,
  );
  const charges = [...fees, ...interest.charges];
  for (const p of interest.problems) note(p.customerId, `No interest posted for step "${p.stepId}": ${p.message}`, { stepId: p.stepId });

  const inserted = new Set(await insertCharges(tx, ctx.tenantId, charges));
  for (const c of charges.filter((c) => inserted.has(c.id))) {
    activities.push({
      id: ctx.newId(),
      customerId: c.customerId,
      occurredOn: ctx.today,
      kind: "charge",
      actor: ctx.actor,
      summary: `${KIND_WORD[c.kind]} ${c.currency} ${amountText(c.amount, c.currency)} charged (${c.number}, step "${c.step}")`,
      invoiceIds: [c.chargeOf],
      refId: c.id,
      details: { kind: c.kind, number: c.number, amount: amountText(c.amount, c.currency), currency: c.currency, stepId: c.step, cycle: c.cycle, actionId: c.actionId },
    });
  }
  await insertActivities(tx, ctx.tenantId, activities);
  return inserted.size;
}

function feeCharge(order: FeeOrder, fee: { chargeOf: string; number: string; amount: bigint }, ctx: ChargeContext): NewCharge {
  return {
    id: ctx.newId(),
    customerId: order.customerId,
    kind: "fee",
    number: fee.number,
    chargeOf: fee.chargeOf,
    chargeOfSeq: null,
    currency: order.currency,
    amount: fee.amount,
    issueDate: ctx.today,
    dueDate: addDays(isoDate(ctx.today), order.fee.dueDays).toString(),
    step: order.stepId,
    cycle: order.cycle,
    actionId: order.listedBy,
    description: `Late fee of reminder step "${order.stepId}"`,
  };
}

function groupByAction(rows: readonly ListedInvoiceRow[]): Map<string, ListedInvoice[]> {
  const byAction = new Map<string, ListedInvoice[]>();
  for (const r of rows) {
    const list = byAction.get(r.action_id) ?? byAction.set(r.action_id, []).get(r.action_id)!;
    list.push({ invoiceId: r.invoice_id, number: r.number, overdue: BigInt(r.overdue) });
  }
  return byAction;
}
