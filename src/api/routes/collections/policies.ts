import { z } from "zod";
import { fail } from "../../../domain/errors.js";
import { PolicyInput } from "../../../app/inputs/policyInputs.js";
import { applyPolicy } from "../../../app/policies/applyPolicy.js";
import { listPolicies, policyHistory } from "../../../app/policies/listPolicies.js";
import type { PolicyView } from "../../../app/policies/policyView.js";
import { route } from "../../route.js";
import { pageOf } from "../../schemas/common.js";
import { Policy, PolicyApplied } from "../../schemas/collections.js";

const tag = "policies";
const KeyParams = z.object({ key: z.string().max(63).meta({ example: "standard" }) });

const latestOf = (policies: readonly PolicyView[], key: string): PolicyView => policies.find((p) => p.key === key) ?? fail("POLICY_NOT_FOUND", `no policy "${key}"`, { path: "key" });

export const policyRoutes = [
  route({
    operationId: "listPolicies",
    method: "GET",
    url: "/api/v1/policies",
    permission: "collections:read",
    tag,
    summary: "The latest version of every collections policy (the shipped ones included)",
    response: pageOf(Policy),
    handler: async ({ deps, actor }) => ({ items: await listPolicies(deps, actor), nextCursor: null }),
  }),
  route({
    operationId: "getPolicy",
    method: "GET",
    url: "/api/v1/policies/:key",
    permission: "collections:read",
    tag,
    summary: "The latest version of one policy",
    params: KeyParams,
    response: Policy,
    handler: async ({ deps, actor, params }) => latestOf(await listPolicies(deps, actor), params.key),
  }),
  route({
    operationId: "listPolicyVersions",
    method: "GET",
    url: "/api/v1/policies/:key/versions",
    permission: "collections:read",
    tag,
    summary: "Every version of one policy, oldest first",
    params: KeyParams,
    response: pageOf(Policy),
    handler: async ({ deps, actor, params }) => ({ items: await policyHistory(deps, actor, params.key), nextCursor: null }),
  }),
  route({
    operationId: "applyPolicy",
    method: "PUT",
    url: "/api/v1/policies/:key",
    permission: "collections:configure",
    tag,
    summary: "Create or change a policy: a changed definition becomes its next version, an unchanged one writes nothing",
    description: "The body's `key` must equal the path's. Actions already taken keep pointing at the version that caused them.",
    params: KeyParams,
    body: PolicyInput,
    status: 200,
    response: PolicyApplied,
    handler: async ({ deps, actor, params, body }) => {
      const key = (body as { key?: unknown } | null)?.key;
      if (key !== params.key) fail("VALIDATION_FAILED", `the body's key ${JSON.stringify(key ?? null)} differs from the path's "${params.key}"`, { path: "key" });
      return applyPolicy(deps, actor, body);
    },
  }),
];
