import { insertActivities } from "../../store/activities.js";
import * as pauses from "../../store/pauses.js";
import { audit } from "../audit.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { PromiseInput } from "../inputs/collectionInputs.js";
import { parseAmount, type Currency } from "../../domain/money/index.js";
import { Failure, fail } from "../../domain/errors.js";
import { knownCurrency } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import { customerPolicy } from "../policies/customerPolicy.js";
import { amountText } from "../views/money.js";
import { promiseView, type PromiseView } from "./pauseViews.js";
import { tenantDay } from "./tenantDay.js";

/**
 * Records a promise to pay: the customer's chase in that currency pauses until the promised date
 * plus grace. The daily run marks it kept once enough money arrived, or broken (a task, and the
 * chase resumes with its next step).
 */
export async function recordPromise(deps: AppDeps, actor: Actor, body: unknown): Promise<PromiseView> {
  const input = parseInput(PromiseInput, body, "promise");
  const madeOn = await tenantDay(deps, actor.tenantId, input.madeOn);
  if (input.promisedDate < madeOn) fail("VALIDATION_FAILED", "the promised date is before the day the promise was made", { path: "promisedDate" });
  return deps.db.transaction().execute(async (tx) => {
    const customer = await resolveCustomer(tx, actor.tenantId, input);
    const currency = knownCurrency(input.currency ?? customer.currency);
    const amount = positiveAmount(input.amount, currency);
    const grace = input.graceDays ?? (await customerPolicy(tx, deps, customer)).promiseGraceDays;
    await pauses.cancelOpenPromises(tx, actor.tenantId, customer.id, currency, madeOn);
    const id = deps.newId();
    await pauses.insertPromise(tx, { tenant_id: actor.tenantId, id, customer_id: customer.id, currency, amount, made_on: madeOn, due_on: input.promisedDate, grace_days: grace, resolved_on: null, note: input.note ?? null, created_by: actor.name });
    const text = `${currency} ${amountText(amount, currency)} by ${input.promisedDate}`;
    await insertActivities(tx, actor.tenantId, [{ id: deps.newId(), customerId: customer.id, occurredOn: madeOn, kind: "promise", actor: actor.name, summary: `Promise to pay ${text}`, refId: id, details: { graceDays: grace, note: input.note } }]);
    await audit(tx, deps, actor, "promise.record", "promise", id, { customer: customer.external_id, amount: input.amount, currency, promisedDate: input.promisedDate });
    return promiseView((await pauses.findPromise(tx, actor.tenantId, id))!);
  });
}

function positiveAmount(text: string, currency: Currency): bigint {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) throw new Failure({ ...parsed.error, path: "amount" });
  return parsed.value > 0n ? parsed.value : fail("INVALID_AMOUNT", "a promise must be for more than zero", { path: "amount" });
}
