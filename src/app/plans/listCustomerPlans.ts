import * as plans from "../../store/paymentPlans.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { planView, type PaymentPlanView } from "./planViews.js";

/** Every payment plan of a customer, newest first, with its schedule and how far payments cover it. */
export async function listCustomerPlans(deps: AppDeps, actor: Actor, customerId: string): Promise<PaymentPlanView[]> {
  const customer = await resolveCustomer(deps.db, actor.tenantId, { customerId });
  return (await plans.customerPlans(deps.db, actor.tenantId, customer.id)).map(planView);
}
