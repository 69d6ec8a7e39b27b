import { fail } from "../../domain/errors.js";
import { insertActivities } from "../../store/activities.js";
import * as plans from "../../store/paymentPlans.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { isUuid } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { tenantDay } from "../pauses/tenantDay.js";
import { PlanCancelInput } from "./planInput.js";
import { planView, type PaymentPlanView } from "./planViews.js";

/** Ends an active plan by agreement or decision: the chase in its currency resumes at the next run, as after any pause. */
export async function cancelPaymentPlan(deps: AppDeps, actor: Actor, planId: string, body: unknown): Promise<PaymentPlanView> {
  const input = parseInput(PlanCancelInput, body ?? {}, "payment plan cancellation");
  const on = await tenantDay(deps, actor.tenantId, input.on);
  return deps.db.transaction().execute(async (tx) => {
    const plan = (isUuid(planId) ? await plans.findPlan(tx, actor.tenantId, planId) : undefined) ?? fail("PLAN_NOT_FOUND", `no payment plan ${planId}`);
    if (plan.status !== "active") fail("PLAN_CLOSED", `the payment plan is already ${plan.status} (since ${plan.ended_on})`);
    if (on < plan.started_on) fail("VALIDATION_FAILED", `a plan cannot end before it starts (${plan.started_on})`, { path: "on" });
    const [updated] = await plans.cancelPlan(tx, actor.tenantId, plan.id, on);
    // The daily run may have completed or defaulted it since it was read.
    if (!updated || updated.numUpdatedRows === 0n) fail("PLAN_CLOSED", "the payment plan ended meanwhile");
    await insertActivities(tx, actor.tenantId, [{ id: deps.newId(), customerId: plan.customer_id, occurredOn: on, kind: "payment_plan_cancelled", actor: actor.name, summary: `Payment plan cancelled${input.reason ? `: ${input.reason}` : ""}`, refId: plan.id }]);
    await audit(tx, deps, actor, "payment_plan.cancel", "payment_plan", plan.id, { on, reason: input.reason });
    return planView((await plans.findPlan(tx, actor.tenantId, plan.id))!);
  });
}
