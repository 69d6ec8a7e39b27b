import { z } from "zod";
import { cancelPaymentPlan } from "../../../app/plans/cancelPaymentPlan.js";
import { createPaymentPlan } from "../../../app/plans/createPaymentPlan.js";
import { listCustomerPlans } from "../../../app/plans/listCustomerPlans.js";
import { PlanCancelInput, PlanInput } from "../../../app/plans/planInput.js";
import { route } from "../../route.js";
import { IdParams, Money, pageOf, zCurrencyCode, zDate } from "../../schemas/common.js";

const tag = "pauses";

export const PaymentPlan = z
  .strictObject({
    id: z.string(),
    customerId: z.string(),
    currency: zCurrencyCode,
    status: z.enum(["active", "completed", "defaulted", "cancelled"]).meta({ description: "active (the chase pauses), completed (paid), defaulted (an installment missed; the chase resumed) or cancelled (by hand, or replaced by a newer plan)" }),
    startedOn: zDate,
    endedOn: zDate.nullable(),
    graceDays: z.number().int().meta({ description: "days after each installment's date before a shortfall defaults the plan" }),
    note: z.string().nullable(),
    total: Money,
    // The customer's payments in the plan's currency from its start (up to its end, once ended).
    paid: Money,
    installments: z.array(
      z.strictObject({
        seq: z.number().int(),
        dueDate: zDate,
        amount: Money,
        covered: z.boolean().meta({ description: "the payments counted towards the plan cover this installment and all before it" }),
      }),
    ),
    createdBy: z.string(),
  })
  .meta({ id: "PaymentPlan" });

/** Payment plans: an agreed schedule of installments that replaces the original due dates and pauses the chase. */
export const planRoutes = [
  route({
    operationId: "createPaymentPlan",
    method: "POST",
    url: "/api/v1/payment-plans",
    permission: "collections:act",
    tag,
    summary: "Agree a payment plan: the customer's chase in that currency pauses while the installments are paid",
    description:
      "A new plan replaces the customer's active plan and open promise in the same currency. The daily run completes the plan once the payments since its start reach its total, or defaults it when an installment's date plus grace passes with the payments short of everything due so far: a follow-up task, and the chase resumes at once with its next step.",
    body: PlanInput,
    response: PaymentPlan,
    handler: ({ deps, actor, body }) => createPaymentPlan(deps, actor, body),
  }),
  route({
    operationId: "cancelPaymentPlan",
    method: "POST",
    url: "/api/v1/payment-plans/:id/cancel",
    permission: "collections:act",
    tag,
    summary: "Cancel an active payment plan: the chase resumes at the next run",
    params: IdParams,
    body: PlanCancelInput,
    status: 200,
    response: PaymentPlan,
    handler: ({ deps, actor, params, body }) => cancelPaymentPlan(deps, actor, params.id, body),
  }),
  route({
    operationId: "listCustomerPaymentPlans",
    method: "GET",
    url: "/api/v1/customers/:id/payment-plans",
    permission: "collections:read",
    tag,
    summary: "A customer's payment plans, newest first, with their schedules (one page: a customer has few)",
    params: IdParams,
    response: pageOf(PaymentPlan),
    handler: async ({ deps, actor, params }) => ({ items: await listCustomerPlans(deps, actor, params.id), nextCursor: null }),
  }),
];
