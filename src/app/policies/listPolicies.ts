import { fail } from "../../domain/errors.js";
import * as policies from "../../store/policies.js";
import type { Actor, AppDeps } from "../deps.js";
import { loadPolicies } from "./loadPolicies.js";
import { policyView, type PolicyView } from "./policyView.js";

/** The newest version of every policy (the shipped ones appear on first use). */
export async function listPolicies(deps: AppDeps, actor: Actor): Promise<PolicyView[]> {
  return deps.db.transaction().execute(async (tx) => {
    await loadPolicies(tx, deps, actor.tenantId);
    return (await policies.latestPolicies(tx, actor.tenantId)).map(policyView);
  });
}

/** Every version of one policy, oldest first. */
export async function policyHistory(deps: AppDeps, actor: Actor, key: string): Promise<PolicyView[]> {
  const rows = await policies.policyVersions(deps.db, actor.tenantId, key);
  if (rows.length === 0) fail("POLICY_NOT_FOUND", `no policy "${key}"`, { path: "key" });
  return rows.map(policyView);
}
