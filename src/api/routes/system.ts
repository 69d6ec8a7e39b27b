import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { AppDeps } from "../../app/deps.js";
import { openApiDocument } from "../openapi.js";
import type { ApiRoute } from "../route.js";

const packageVersion = (): string => {
  try {
    return (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
};

/**
 * Unauthenticated operational endpoints: GET /healthz (liveness plus a trivial database query, for
 * load balancers) and GET /openapi.json. /metrics is installed by metrics.ts.
 */
export function registerSystemRoutes(app: FastifyInstance, deps: AppDeps, routes: readonly ApiRoute[]): void {
  app.get("/healthz", { logLevel: "warn" }, async (request, reply) => {
    const started = performance.now();
    try {
      // Infrastructure probe, not a use case: it asks only whether the database answers.
      await sql`select 1`.execute(deps.db);
      return { status: "ok", database: { engine: deps.engine, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
    } catch (error) {
      request.log.error({ err: error }, "health check: database unavailable");
      return reply.code(503).send({ status: "unavailable", error: { code: "DATABASE_UNAVAILABLE", message: "the database does not answer" } });
    }
  });

  let document: Record<string, unknown> | undefined;
  app.get("/openapi.json", async () => (document ??= openApiDocument(routes, { version: packageVersion() })));
}
