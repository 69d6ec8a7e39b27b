import { randomUUID } from "node:crypto";
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { AppDeps } from "../app/deps.js";
import { ApiKeyAuthenticator, DEFAULT_AUTH_CACHE_TTL_MS } from "./auth.js";
import { installErrorMapping } from "./errors.js";
import { installMetrics } from "./metrics.js";
import { registerRoutes } from "./route.js";
import { apiRoutes } from "./routes/index.js";
import { registerSystemRoutes } from "./routes/system.js";

export interface ServerOptions {
  /** true (default): JSON logs at info; false: silent; or pino options. */
  logger?: boolean | Exclude<FastifyServerOptions["logger"], boolean | undefined>;
  /** How long a successful API-key check is reused in this process (default 5 s; 0 disables). */
  authCacheTtlMs?: number;
  /** Check each answer against its declared response schema (tests turn this on). */
  checkResponses?: boolean;
}

/** Imports send whole files as the request body. */
export const BODY_LIMIT_BYTES = 50 * 1024 * 1024;

// A client's X-Request-Id is kept when it is a sane token, so its logs and ours correlate.
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

const loggerOptions = (logger: ServerOptions["logger"]): FastifyServerOptions["logger"] => {
  if (logger === false) return false;
  const base = logger === true || logger === undefined ? { level: "info" } : logger;
  return { ...base, redact: { paths: ["req.headers.authorization", 'req.headers["x-api-key"]'], censor: "[redacted]" } };
};

/** The HTTP API, ready to `listen` or `inject`. Owns no resources: closing it leaves the database open. */
export function buildServer(deps: AppDeps, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // One log line per request (written in onResponse below) instead of Fastify's two.
    logController: new LogController({ requestIdLogLabel: "requestId", disableRequestLogging: true }),
    return503OnClosing: true,
  });
  app.decorateRequest("actor", null);
  app.decorateRequest("idempotencyKey", null);

  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  app.addHook("onResponse", (request, reply, done) => {
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10, tenantId: request.actor?.tenantId, actor: request.actor?.name };
    if (reply.statusCode >= 500) request.log.error(line, "request failed");
    else request.log.info(line, "request completed");
    done();
  });

  installErrorMapping(app);
  installMetrics(app);
  registerSystemRoutes(app, deps, apiRoutes);
  const auth = new ApiKeyAuthenticator(deps, options.authCacheTtlMs ?? DEFAULT_AUTH_CACHE_TTL_MS);
  registerRoutes(app, apiRoutes, { deps, auth, checkResponses: options.checkResponses ?? false });
  return app;
}
