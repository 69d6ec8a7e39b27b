import type { Policy } from "../../domain/collections/policy.js";
import { SHIPPED_POLICIES } from "../../domain/collections/shippedPolicies.js";
import type { PolicyRow } from "../../store/collectionsSchema.js";
import * as policies from "../../store/policies.js";
import type { Db } from "../../store/schema.js";
import type { AppDeps } from "../deps.js";
import { PolicyInput, policyDocument, policyDraft } from "../inputs/policyInputs.js";

/** A stored version as the engine uses it. Stored definitions were validated when written. */
export function policyOfRow(row: PolicyRow): Policy {
  return { id: row.id, version: row.version, ...policyDraft(PolicyInput.parse(row.definition)) };
}

/**
 * The newest version of each of the tenant's policies, by key. A tenant that never wrote one gets
 * the shipped cadences as version 1, so a new installation chases with the seeds' plan.
 */
export async function loadPolicies(tx: Db, deps: AppDeps, tenantId: string): Promise<Map<string, Policy>> {
  let rows = await policies.latestPolicies(tx, tenantId);
  if (rows.length === 0) {
    await policies.lockPolicies(tx, tenantId);
    rows = await policies.latestPolicies(tx, tenantId);
    if (rows.length === 0) {
      for (const draft of SHIPPED_POLICIES) {
        await policies.insertPolicy(tx, { tenant_id: tenantId, id: deps.newId(), key: draft.key, version: 1, name: draft.name, definition: policyDocument(draft), created_by: "dunwell" });
      }
      rows = await policies.latestPolicies(tx, tenantId);
    }
  }
  return new Map(rows.map((r) => [r.key, policyOfRow(r)]));
}
