import { customerCharges } from "../../store/charges.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { chargeView, type ChargeView } from "./chargeView.js";

/** The fees, interest and compensation charged to a customer, oldest first, with what was waived and what is open. */
export async function listCustomerCharges(deps: AppDeps, actor: Actor, customerId: string): Promise<{ items: ChargeView[] }> {
  const customer = await resolveCustomer(deps.db, actor.tenantId, { customerId });
  return { items: (await customerCharges(deps.db, actor.tenantId, customer.id)).map(chargeView) };
}
