import { isDeepStrictEqual } from "node:util";
import { validatePolicy } from "../../domain/collections/validatePolicy.js";
import { Failure } from "../../domain/errors.js";
import * as policies from "../../store/policies.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { PolicyInput, policyDocument, policyDraft } from "../inputs/policyInputs.js";
import { parseInput } from "../inputs/validate.js";
import { loadPolicies } from "./loadPolicies.js";
import { policyView, type PolicyView } from "./policyView.js";

/**
 * Writes a policy. An unchanged definition changes nothing; a changed one becomes the next version,
 * so actions already taken keep pointing at the version that caused them.
 */
export async function applyPolicy(deps: AppDeps, actor: Actor, body: unknown): Promise<{ policy: PolicyView; changed: boolean }> {
  const draft = policyDraft(parseInput(PolicyInput, body, "policy"));
  const valid = validatePolicy({ id: "", version: 0, ...draft });
  if (!valid.ok) throw new Failure(valid.error);
  const document = policyDocument(draft);
  return deps.db.transaction().execute(async (tx) => {
    await loadPolicies(tx, deps, actor.tenantId);
    await policies.lockPolicies(tx, actor.tenantId);
    const latest = await policies.latestPolicy(tx, actor.tenantId, draft.key);
    if (latest && isDeepStrictEqual(latest.definition, document)) return { policy: policyView(latest), changed: false };
    const id = deps.newId();
    const version = (latest?.version ?? 0) + 1;
    await policies.insertPolicy(tx, { tenant_id: actor.tenantId, id, key: draft.key, version, name: draft.name, definition: document, created_by: actor.name });
    await audit(tx, deps, actor, "policy.apply", "policy", id, { key: draft.key, version });
    return { policy: policyView((await policies.latestPolicy(tx, actor.tenantId, draft.key))!), changed: true };
  });
}
