import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildServer } from "../../src/api/server.js";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import type { Role } from "../../src/domain/access/roles.js";
import type { Database } from "../../src/store/database.js";
import { useTestDatabase } from "./database.js";
import { apiAs, depsAt, newApiKey, newTenant } from "./factories.js";

export interface ApiServer {
  /** The file's test database, the one the server runs on. */
  database: Database;
  app: FastifyInstance;
  deps: AppDeps;
  actor: Actor;
  api: ReturnType<typeof apiAs>;
}

/**
 * A server on the file's test database, with a tenant and a client holding a key of `role`. Every
 * answer is checked against its declared schema, so the OpenAPI document cannot drift. Fields are
 * filled in beforeAll: read them inside tests.
 */
export function useApiServer(role: Role): ApiServer {
  const t = useTestDatabase();
  const server = {} as ApiServer;
  beforeAll(async () => {
    server.database = t();
    server.deps = depsAt(server.database);
    server.actor = await newTenant(server.deps);
    server.app = buildServer(server.deps, { logger: false, checkResponses: true });
    server.api = apiAs(server.app, await newApiKey(server.deps, server.actor, role));
  });
  afterAll(() => server.app?.close());
  return server;
}
