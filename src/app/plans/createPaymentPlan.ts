import { fail } from "../../domain/errors.js";
import { sumAmounts } from "../../domain/money/index.js";
import { insertActivities, type NewActivity } from "../../store/activities.js";
import * as pauses from "../../store/pauses.js";
import * as plans from "../../store/paymentPlans.js";
import { audit } from "../audit.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { knownCurrency } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import { tenantDay } from "../pauses/tenantDay.js";
import { customerPolicy } from "../policies/customerPolicy.js";
import { amountText } from "../views/money.js";
import { installmentAmounts, PlanInput } from "./planInput.js";
import { planView, type PaymentPlanView } from "./planViews.js";

/**
 * Agrees a payment plan: the customer's debt in one currency is paid by the installments instead of
 * by its original due dates, and the chase in that currency pauses while the plan is active. A new
 * plan replaces the customer's active plan (and open promise to pay) in that currency. The daily run
 * completes it once paid, or defaults it when an installment is missed (a task, and the chase
 * resumes at once with its next step).
 */
export async function createPaymentPlan(deps: AppDeps, actor: Actor, body: unknown): Promise<PaymentPlanView> {
  const input = parseInput(PlanInput, body, "payment plan");
  const startedOn = await tenantDay(deps, actor.tenantId, input.startedOn);
  const first = input.installments[0]!.dueDate;
  if (first < startedOn) fail("INVALID_PLAN", `the first installment (${first}) is due before the plan starts (${startedOn})`, { path: "installments[0].dueDate" });
  return deps.db.transaction().execute(async (tx) => {
    const customer = await resolveCustomer(tx, actor.tenantId, input);
    await plans.lockCustomer(tx, actor.tenantId, customer.id);
    const currency = knownCurrency(input.currency ?? customer.currency);
    const { installments: amounts } = parseInput(installmentAmounts(currency), input, "payment plan");
    const debt = await plans.openDebt(tx, actor.tenantId, customer.id, currency, startedOn);
    if (debt === 0n) fail("INVALID_PLAN", `customer ${customer.external_id} owes nothing in ${currency} on ${startedOn}`, { path: "currency" });
    const graceDays = input.graceDays ?? (await customerPolicy(tx, deps, customer)).promiseGraceDays;

    const replaced = await plans.cancelActivePlans(tx, actor.tenantId, customer.id, currency, startedOn);
    const [promise] = await pauses.cancelOpenPromises(tx, actor.tenantId, customer.id, currency, startedOn);
    const id = deps.newId();
    const schedule = input.installments.map((inst, i) => ({ dueOn: inst.dueDate, amount: amounts[i]! }));
    await plans.insertPlan(tx, { tenant_id: actor.tenantId, id, customer_id: customer.id, currency, started_on: startedOn, grace_days: graceDays, note: input.note ?? null, created_by: actor.name }, schedule);

    const money = (minor: bigint) => `${currency} ${amountText(minor, currency)}`;
    const total = sumAmounts(amounts);
    const last = schedule.at(-1)!.dueOn;
    const replacesPromise = (promise?.numUpdatedRows ?? 0n) > 0n ? "; replaces the open promise to pay" : "";
    const entry = (kind: string, summary: string, refId: string, details?: unknown): NewActivity => ({ id: deps.newId(), customerId: customer.id, occurredOn: startedOn, kind, actor: actor.name, summary, refId, details });
    await insertActivities(tx, actor.tenantId, [
      ...replaced.map((old) => entry("payment_plan_cancelled", "Payment plan replaced by a new plan", old)),
      entry("payment_plan", `Payment plan agreed: ${money(total)} in ${schedule.length} installment${schedule.length === 1 ? "" : "s"}, ${first} to ${last} (${money(debt)} open)${replacesPromise}`, id, { graceDays, note: input.note, open: amountText(debt, currency) }),
    ]);
    await audit(tx, deps, actor, "payment_plan.create", "payment_plan", id, { customer: customer.external_id, currency, total: amountText(total, currency), installments: input.installments, graceDays, replaced });
    return planView((await plans.findPlan(tx, actor.tenantId, id))!);
  });
}
