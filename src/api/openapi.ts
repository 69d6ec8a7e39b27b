import { z } from "zod";
import { ErrorBody } from "./errors.js";
import { successStatus, UPLOAD_MEDIA_TYPES, type ApiRoute } from "./route.js";

type JsonSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.1 document, generated from the routes' own zod schemas so it cannot disagree with
 * what the server validates. OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod emits directly;
 * schemas named with .meta({ id }) become components, shared by every operation that uses them.
 */
export function openApiDocument(routes: readonly ApiRoute[], info: { version: string }): JsonSchema {
  const components: Record<string, JsonSchema> = {};

  const schemaOf = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
    const { $schema: _ignored, $defs, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
    for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const text = JSON.stringify(rebase(def));
      if (components[name] && JSON.stringify(components[name]) !== text) throw new Error(`two different schemas are named ${name}`);
      components[name] = JSON.parse(text) as JsonSchema;
    }
    return rebase(rest);
  };

  const parameters = (schema: z.ZodType | undefined, where: "path" | "query") => {
    if (!schema) return [];
    const object = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(object.properties ?? {}).map(([name, property]) => {
      const { description, ...propertySchema } = property;
      return { name, in: where, required: where === "path" || (object.required ?? []).includes(name), ...(description ? { description } : {}), schema: propertySchema };
    });
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    const status = successStatus(r);
    const success =
      status === 204
        ? { description: "Done; no content" }
        : r.produces
          ? { description: "Success: the file, as a download", content: { [r.produces]: { schema: { type: "string", contentMediaType: r.produces } } } }
          : { description: "Success", content: { "application/json": { schema: schemaOf(r.response, "output") } } };
    const operation: Record<string, unknown> = {
      operationId: r.operationId,
      tags: [r.tag],
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      "x-permission": r.permission,
      parameters: [
        ...parameters(r.params, "path"),
        ...parameters(r.query, "query"),
        ...(r.method === "POST" ? [{ $ref: "#/components/parameters/IdempotencyKey" }] : []),
      ],
      ...(r.body ? { requestBody: requestBody(r.body, schemaOf) } : {}),
      responses: {
        [String(status)]: success,
        ...Object.fromEntries((r.alsoStatus ?? []).map((s) => [String(s), success])),
        ...errorResponses(r),
      },
    };
    (paths[path] ??= {})[r.method.toLowerCase()] = operation;
  }
  schemaOf(ErrorBody, "output"); // registers components.schemas.Error, which the error responses point at

  return {
    openapi: "3.1.0",
    info: {
      title: "Dunwell API",
      version: info.version,
      description: "Accounts-receivable collections. Amounts are decimal strings with a currency, dates YYYY-MM-DD. See docs/api.md and docs/errors.md.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key: `Authorization: Bearer dw_…`" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-Api-Key" },
      },
      parameters: {
        IdempotencyKey: {
          name: "Idempotency-Key",
          in: "header",
          required: false,
          description: "Makes retries safe: a repeat with the same key and request replays the first answer; with another request it is 409 IDEMPOTENCY_KEY_REUSED. Kept 24 h per tenant.",
          schema: { type: "string", minLength: 1, maxLength: 255 },
        },
      },
      responses: Object.fromEntries(ERROR_RESPONSES.map(([status, description]) => [String(status), { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }])),
    },
  };
}

// $defs references become component references once the definitions are hoisted.
const rebase = (schema: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;

function requestBody(body: z.ZodType | "file", schemaOf: (s: z.ZodType, io: "input") => JsonSchema) {
  if (body !== "file") return { required: true, content: { "application/json": { schema: schemaOf(body, "input") } } };
  const file = { schema: { type: "string", contentMediaType: "application/octet-stream" } };
  return { required: true, description: "The file itself, as the request body (up to 50 MiB)", content: Object.fromEntries(UPLOAD_MEDIA_TYPES.map((t) => [t, file])) };
}

const ERROR_RESPONSES: readonly (readonly [number, string])[] = [
  [400, "The request is invalid: `error.path` names the field"],
  [401, "No API key, or an unknown or revoked one"],
  [403, "The key's role lacks the route's permission"],
  [404, "Not found in this tenant"],
  [409, "Conflicts with existing data, or an Idempotency-Key reused for another request"],
  [413, "The body is larger than 50 MiB"],
  [415, "The body's content type is not accepted"],
  [422, "The file was read but refused; `error.details.errors` lists the rows"],
  [500, "A bug; the message carries the request id to quote"],
  [503, "The database is unavailable; retry later"],
];

function errorResponses(r: ApiRoute): Record<string, { $ref: string }> {
  const statuses = [400, 401, 403, 500, 503];
  if (r.params || r.method !== "GET") statuses.push(404);
  if (r.method === "POST" || r.method === "PATCH") statuses.push(409);
  if (r.body) statuses.push(413, 415);
  if (r.body === "file") statuses.push(422);
  return Object.fromEntries(statuses.sort().map((s) => [String(s), { $ref: `#/components/responses/${s}` }]));
}
