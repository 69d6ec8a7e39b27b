import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "../../src/api/routes/index.js";
import { buildServer } from "../../src/api/server.js";
import type { AppDeps } from "../../src/app/deps.js";
import { engineAvailable } from "../kit/database.js";
import { useApiServer } from "../kit/apiServer.js";
import { newApiKey, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("HTTP API: OpenAPI, health, metrics and the error format", () => {
  const server = useApiServer("admin");

  it("describes every registered /api/v1 route in /openapi.json", async () => {
    const res = await server.app.inject({ method: "GET", url: "/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["bearerAuth", "apiKeyHeader"]);
    expect(doc.components.schemas.Error).toBeDefined();

    const registered = registeredRoutes(server.app).filter((r) => r.url.startsWith("/api/v1/") && r.method !== "HEAD");
    expect(registered).toHaveLength(apiRoutes.length);
    for (const route of registered) {
      const path = route.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path} is documented`).toBeDefined();
    }
    for (const r of apiRoutes) {
      const path = r.url.replace(/:(\w+)/g, "{$1}");
      const operation = doc.paths[path]?.[r.method.toLowerCase()];
      expect(operation, `${r.method} ${path}`).toBeDefined();
      expect(operation.operationId).toBe(r.operationId);
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(["401", "403", "500"]));
      expect(server.app.hasRoute({ method: r.method, url: r.url }), `${r.method} ${r.url} is registered`).toBe(true);
      for (const p of (r.url.match(/:(\w+)/g) ?? []).map((s) => s.slice(1))) {
        expect(operation.parameters.some((q: { name: string; in: string }) => q.name === p && q.in === "path"), `${path} documents {${p}}`).toBe(true);
      }
    }
    // Every operation in the document is a real route too, and every $ref resolves.
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(operations).toHaveLength(apiRoutes.length);
    for (const ref of JSON.stringify(doc).match(/"#\/components\/[^"]+"/g) ?? []) {
      const target = ref.slice(3, -1).split("/").reduce<Record<string, unknown> | undefined>((node, key) => node?.[key] as Record<string, unknown> | undefined, doc);
      expect(target, ref).toBeDefined();
    }
    expect(doc.paths["/api/v1/invoices"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["customerId", "status", "overdue", "asOf", "cursor", "limit"]));
    expect(doc.paths["/api/v1/invoices"].post.parameters).toContainEqual({ $ref: "#/components/parameters/IdempotencyKey" });
  });

  it("reports health with a database round trip, without authentication", async () => {
    const res = await server.app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok", database: { engine: server.database.engine } });
  });

  it("answers 503 from /healthz when the database is gone", async () => {
    const broken: AppDeps = { ...server.deps, db: { ...server.deps.db, getExecutor: () => { throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }); } } as unknown as AppDeps["db"] };
    const down = buildServer(broken, { logger: false });
    const res = await down.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("DATABASE_UNAVAILABLE");
    await down.close();
  });

  it("exposes Prometheus metrics with request durations by route template", async () => {
    await server.api.get("/api/v1/tenant");
    await server.api.get("/api/v1/invoices/0190f3a4-0000-7000-8000-000000000000");
    const res = await server.app.inject({ method: "GET", url: "/metrics" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toContain("process_cpu_user_seconds_total");
    expect(res.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/invoices\/:id",status_code="404"\} 1/);
    expect(res.body).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/v1\/tenant",status_code="200"\}/);
  });

  it("gives Fastify's own errors the API's error format", async () => {
    const unknown = await server.api.get("/api/v1/nothing-here");
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, "ROUTE_NOT_FOUND"]);
    const badJson = await server.app.inject({ method: "POST", url: "/api/v1/customers", headers: { authorization: `Bearer ${await newApiKey(server.deps, await newTenant(server.deps))}`, "content-type": "application/json" }, payload: "{not json" });
    expect([badJson.statusCode, badJson.json().error.code]).toEqual([400, "MALFORMED_REQUEST"]);
    const xml = await server.api.post("/api/v1/customers", "<customer/>", { "content-type": "application/xml" });
    expect([xml.statusCode, xml.json().error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    const huge = await server.api.post("/api/v1/customers", JSON.stringify({ legalName: "x".repeat(51 * 1024 * 1024) }), { "content-type": "application/json" });
    expect([huge.statusCode, huge.json().error.code]).toEqual([413, "BODY_TOO_LARGE"]);
  });

  it("hides internals behind INTERNAL and the request id", async () => {
    const failing: AppDeps = { ...server.deps, db: { ...server.deps.db, getExecutor: () => { throw new Error("secret table xyz exploded"); } } as unknown as AppDeps["db"] };
    const failingServer = buildServer(failing, { logger: false, authCacheTtlMs: 0 });
    const res = await failingServer.inject({ method: "GET", url: "/api/v1/tenant", headers: { "x-api-key": "dw_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x-request-id": "trace-42" } });
    expect(res.statusCode).toBe(500);
    expect(res.headers["x-request-id"]).toBe("trace-42");
    expect(res.json()).toEqual({ error: { code: "INTERNAL", message: "internal error (request trace-42)" } });
    await failingServer.close();
  });
});

/** Method and URL of every route the server registered, read from Fastify's route tree. */
function registeredRoutes(app: FastifyInstance): { method: string; url: string }[] {
  const stack: string[] = [];
  return app.printRoutes({ commonPrefix: false }).split("\n").flatMap((line) => {
    // a segment continues its parent's path: "/handoff" then ".pdf"
    const match = /^([│ ├└─]*)([/.]\S*) \(([A-Z, ]+)\)/.exec(line);
    if (!match) return [];
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    return match[3]!.split(", ").map((method) => ({ method, url: stack.join("") }));
  });
}
