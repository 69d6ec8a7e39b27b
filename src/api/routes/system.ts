import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../app/deps.js";
import { checkDatabase } from "../../app/maintenance/checkDatabase.js";
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
    try {
      return { status: "ok", database: await checkDatabase(deps) };
    } catch (error) {
      request.log.error({ err: error }, "health check: database unavailable");
      return reply.code(503).send({ status: "unavailable", error: { code: "DATABASE_UNAVAILABLE", message: "the database does not answer" } });
    }
  });

  let document: Record<string, unknown> | undefined;
  app.get("/openapi.json", async () => (document ??= openApiDocument(routes, { version: packageVersion() })));
}
