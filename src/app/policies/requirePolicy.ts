import { fail } from "../../domain/errors.js";
import type { Db } from "../../store/schema.js";
import type { AppDeps } from "../deps.js";
import { loadPolicies } from "./loadPolicies.js";

/** A customer or segment may only name a policy that exists (the shipped ones always do). */
export async function requirePolicy(tx: Db, deps: AppDeps, tenantId: string, key: string): Promise<void> {
  const policies = await loadPolicies(tx, deps, tenantId);
  if (!policies.has(key)) fail("UNKNOWN_REFERENCE", `no policy "${key}" (known: ${[...policies.keys()].join(", ")})`, { path: "policy" });
}
