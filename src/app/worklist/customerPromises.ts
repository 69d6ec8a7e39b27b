import * as pauseLists from "../../store/pauseLists.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { promiseView, type PromiseView } from "../pauses/pauseViews.js";

/** Every promise to pay a customer made, newest first, with whether it was kept. */
export async function customerPromises(deps: AppDeps, actor: Actor, customerId: string): Promise<PromiseView[]> {
  const customer = await resolveCustomer(deps.db, actor.tenantId, { customerId });
  return (await pauseLists.customerPromises(deps.db, actor.tenantId, customer.id)).map(promiseView);
}
