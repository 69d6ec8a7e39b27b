import type { Policy } from "../../domain/collections/policy.js";
import { collectionSettings } from "../../store/collectionSettings.js";
import type { CustomerRow, Db } from "../../store/schema.js";
import { policyFor } from "../collections/accountStates.js";
import type { AppDeps } from "../deps.js";
import { loadPolicies } from "./loadPolicies.js";

/** The policy a customer is chased with today: its own, its segment's, or the tenant default. */
export async function customerPolicy(tx: Db, deps: AppDeps, customer: CustomerRow): Promise<Policy> {
  const policies = await loadPolicies(tx, deps, customer.tenant_id);
  const settings = await collectionSettings(tx, customer.tenant_id);
  return policyFor(customer, { policies, segmentPolicies: settings.segmentPolicies, defaultPolicy: settings.defaultPolicy });
}
