import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { z } from "zod";
import type { Actor, AppDeps } from "../app/deps.js";
import { parseInput } from "../app/inputs/validate.js";
import type { Permission } from "../domain/access/roles.js";
import { authorize, type ApiKeyAuthenticator } from "./auth.js";
import { idempotencyHooks } from "./idempotency.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the route's authentication hook; every /api/v1 handler runs with one. */
    actor: Actor | null;
  }
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteContext<P> {
  deps: AppDeps;
  actor: Actor;
  params: P;
  /** The raw query string object and body: use cases validate them with the schemas the route declares. */
  query: unknown;
  body: unknown;
  headers: FastifyRequest["headers"];
  /** Answers with another success status than the route's own (declared in `alsoStatus`). */
  setStatus(code: number): void;
  auth: ApiKeyAuthenticator;
}

export interface RouteDefinition<P extends z.ZodType, R extends z.ZodType> {
  /** Stable operation name in the OpenAPI document (client generators turn it into a method name). */
  operationId: string;
  method: HttpMethod;
  /** Fastify syntax, e.g. /api/v1/customers/:id. */
  url: string;
  permission: Permission;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: z.ZodType;
  /** The JSON body's schema, or "file" for a raw upload (CSV, JSON or binary) passed on as a Buffer. */
  body?: z.ZodType | "file";
  /** Success status; defaults to 201 for POST, 200 otherwise. 204 sends no body. */
  status?: 200 | 201 | 204;
  alsoStatus?: readonly number[];
  response: R;
  /**
   * A binary media type (e.g. application/pdf): the handler then answers a BinaryBody, sent as a
   * download with that type; `response` is not used for it.
   */
  produces?: string;
  handler(ctx: RouteContext<z.output<P>>): Promise<z.output<R> | BinaryBody>;
}

/** What a `produces` route answers: the bytes and the file name offered to save them under. */
export interface BinaryBody {
  content: Buffer;
  filename: string;
}

/** A route with its types erased, as the server, the OpenAPI generator and tests see it. */
export interface ApiRoute {
  operationId: string;
  method: HttpMethod;
  url: string;
  permission: Permission;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType | "file";
  status?: 200 | 201 | 204;
  alsoStatus?: readonly number[];
  response: z.ZodType;
  produces?: string;
  handler(ctx: RouteContext<unknown>): Promise<unknown>;
}

/** Declares a route: what it needs (permission, inputs), what it answers, and the one use case it calls. */
export const route = <P extends z.ZodType = z.ZodObject<Record<string, never>>, R extends z.ZodType = z.ZodType>(def: RouteDefinition<P, R>): ApiRoute =>
  def as unknown as ApiRoute;

export const successStatus = (r: ApiRoute): number => r.status ?? (r.method === "POST" ? 201 : 200);

export interface RouteServices {
  deps: AppDeps;
  auth: ApiKeyAuthenticator;
  /** Checks every answer against the declared response schema (tests), so the OpenAPI document cannot drift. */
  checkResponses: boolean;
}

function checkResponse(r: ApiRoute, status: number, result: unknown): void {
  if (status === 204) return;
  const checked = r.response.safeParse(JSON.parse(JSON.stringify(result)));
  if (!checked.success) throw new Error(`${r.operationId} answered outside its declared schema: ${checked.error.message}`);
}

function toFastify(r: ApiRoute, services: RouteServices): RouteOptions {
  const idempotency = r.method === "POST" ? idempotencyHooks(services.deps) : undefined;
  return {
    method: r.method,
    url: r.url,
    onRequest: async (request: FastifyRequest) => {
      request.actor = await authorize(services.auth, request, r.permission);
    },
    ...(idempotency ? { preHandler: idempotency.preHandler, onSend: idempotency.onSend } : {}),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      let status = successStatus(r);
      const result = await r.handler({
        deps: services.deps,
        actor: request.actor!,
        params: r.params ? parseInput(r.params, request.params, "path") : request.params,
        query: request.query,
        body: request.body,
        headers: request.headers,
        setStatus: (code) => void (status = code),
        auth: services.auth,
      });
      if (r.produces) {
        const binary = result as BinaryBody;
        const filename = binary.filename.replace(/[^A-Za-z0-9._-]/g, "_");
        return reply.code(status).type(r.produces).header("content-disposition", `attachment; filename="${filename}"`).header("cache-control", "private, no-store").send(binary.content);
      }
      if (services.checkResponses) checkResponse(r, status, result);
      reply.code(status);
      return status === 204 ? reply.send() : result;
    },
  };
}

/** What an upload route accepts; anything else is 415 UNSUPPORTED_MEDIA_TYPE. */
export const UPLOAD_MEDIA_TYPES = ["text/csv", "text/plain", "application/json", "application/octet-stream"];

/**
 * Registers the routes. Upload routes live in their own scope whose body parsers hand over the raw
 * bytes, so an imported JSON file reaches the importer unparsed and the JSON routes keep theirs.
 */
export function registerRoutes(app: FastifyInstance, routes: readonly ApiRoute[], services: RouteServices): void {
  for (const r of routes.filter((x) => x.body !== "file")) app.route(toFastify(r, services));
  // Plugins load when the server starts (listen, ready or inject), so this stays synchronous.
  void app.register(async (uploads) => {
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser(UPLOAD_MEDIA_TYPES, { parseAs: "buffer" }, (_request, raw, done) => done(null, raw));
    for (const r of routes.filter((x) => x.body === "file")) uploads.route(toFastify(r, services));
  });
}
