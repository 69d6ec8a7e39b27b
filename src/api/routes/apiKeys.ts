import { z } from "zod";
import { createApiKey, listApiKeys, revokeApiKey } from "../../app/access/apiKeys.js";
import { parseInput } from "../../app/inputs/validate.js";
import { ROLES } from "../../domain/access/roles.js";
import { route } from "../route.js";

const tag = "api keys";

// The use cases take typed commands, so this adapter validates the body itself.
const ApiKeyInput = z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES) });

// A malformed id is refused here: the revoke use case does not screen ids before its SQL.
const ApiKeyParams = z.object({ id: z.uuid() });

const ApiKey = z
  .strictObject({ id: z.string(), name: z.string(), role: z.enum(ROLES), createdAt: z.string().meta({ format: "date-time" }), revokedAt: z.string().meta({ format: "date-time" }).nullable() })
  .meta({ id: "ApiKey" });

const CreatedApiKey = z
  .strictObject({ id: z.string(), name: z.string(), role: z.enum(ROLES), key: z.string().meta({ description: "the secret, shown only in this answer" }) })
  .meta({ id: "CreatedApiKey" });

export const apiKeyRoutes = [
  route({
    operationId: "listApiKeys",
    method: "GET",
    url: "/api/v1/api-keys",
    permission: "admin:users",
    tag,
    summary: "List the tenant's API keys (never their secrets)",
    response: z.strictObject({ items: z.array(ApiKey), nextCursor: z.null() }),
    handler: async ({ deps, actor }) => ({
      items: await listApiKeys(deps, actor),
      nextCursor: null,
    }),
  }),
  route({
    operationId: "createApiKey",
    method: "POST",
    url: "/api/v1/api-keys",
    permission: "admin:users",
    tag,
    summary: "Create an API key; the answer holds its secret, shown once",
    body: ApiKeyInput,
    response: CreatedApiKey,
    handler: ({ deps, actor, body }) => createApiKey(deps, actor, parseInput(ApiKeyInput, body, "API key")),
  }),
  route({
    operationId: "revokeApiKey",
    method: "DELETE",
    url: "/api/v1/api-keys/:id",
    permission: "admin:users",
    tag,
    summary: "Revoke an API key",
    description: "Takes effect at once in the API process that handles this request; other API processes may accept the key for up to 5 s more (their authentication cache).",
    params: ApiKeyParams,
    status: 204,
    response: z.undefined(),
    handler: async ({ deps, actor, params, auth }) => {
      await revokeApiKey(deps, actor, params.id);
      auth.forgetKey(params.id);
      return undefined;
    },
  }),
];
