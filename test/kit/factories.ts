import { appDeps, type Actor, type AppDeps } from "../../src/app/deps.js";
import { createTenant } from "../../src/app/tenants/createTenant.js";
import { createCustomer } from "../../src/app/customers/createCustomer.js";
import { createInvoice } from "../../src/app/invoices/createInvoice.js";
import { fixedClock } from "../../src/domain/dates/clock.js";
import type { Database } from "../../src/store/database.js";

let counter = 0;
const unique = (prefix: string): string => `${prefix}-${process.pid}-${++counter}`;

/** Deps at a fixed instant (noon UTC of the given date). */
export const depsAt = (database: Database, date = "2024-06-30"): AppDeps => appDeps(database.db, database.engine, fixedClock(`${date}T12:00:00Z`));

/** A fresh tenant and an admin actor in it. */
export async function newTenant(deps: AppDeps, overrides: Partial<Parameters<typeof createTenant>[1]> = {}): Promise<Actor> {
  const tenant = await createTenant(deps, { slug: unique("t").toLowerCase(), name: "Test GmbH", baseCurrency: "EUR", country: "DE", timezone: "Europe/Berlin", ...overrides });
  return { tenantId: tenant.id, role: "admin", name: "test" };
}

export const newCustomer = (deps: AppDeps, actor: Actor, overrides: Record<string, unknown> = {}) =>
  createCustomer(deps, actor, { externalId: unique("C"), legalName: "Acme GmbH", currency: "EUR", country: "DE", ...overrides });

export const newInvoice = (deps: AppDeps, actor: Actor, customerId: string, overrides: Record<string, unknown> = {}) =>
  createInvoice(deps, actor, { number: unique("INV"), customerId, issueDate: "2024-01-01", dueDate: "2024-01-31", currency: "EUR", amount: "100.00", ...overrides });

// --- HTTP API (test/integration/api*.test.ts) ---
import type { FastifyInstance, InjectOptions } from "fastify";
import { createApiKey } from "../../src/app/access/apiKeys.js";
import type { Role } from "../../src/domain/access/roles.js";

/** A new API key of `role` in the actor's tenant; returns the secret to send. */
export const newApiKey = async (deps: AppDeps, actor: Actor, role: Role = "admin"): Promise<string> =>
  (await createApiKey(deps, actor, { name: unique("key"), role })).key;

/** Calls the API with one key: `const api = apiAs(app, key); (await api.get("/api/v1/tenant")).json()`. */
export function apiAs(app: FastifyInstance, key: string) {
  const call = (method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", url: string, payload?: InjectOptions["payload"], headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${key}`, ...headers }, ...(payload === undefined ? {} : { payload }) });
  return {
    get: (url: string, headers?: Record<string, string>) => call("GET", url, undefined, headers),
    post: (url: string, payload?: InjectOptions["payload"], headers?: Record<string, string>) => call("POST", url, payload ?? {}, headers),
    put: (url: string, payload: InjectOptions["payload"], headers?: Record<string, string>) => call("PUT", url, payload, headers),
    patch: (url: string, payload: InjectOptions["payload"], headers?: Record<string, string>) => call("PATCH", url, payload, headers),
    delete: (url: string, headers?: Record<string, string>) => call("DELETE", url, undefined, headers),
  };
}

// --- imports (test/integration/import*.test.ts) ---
import { Failure } from "../../src/domain/errors.js";
import type { ImportReport, RowError } from "../../src/app/imports/importFile.js";

/** A CSV file from its lines (header first), LF line ends. */
export const csvFile = (...lines: string[]): string => lines.join("\n") + "\n";

/** The IMPORT_REJECTED failure of an import that must fail: its row errors and report. */
export async function importRejection(attempt: Promise<unknown>): Promise<{ errors: RowError[]; report: ImportReport; message: string }> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof Failure && error.error.code === "IMPORT_REJECTED") {
      const details = error.error.details as { errors: RowError[]; report: ImportReport };
      return { ...details, message: error.error.message };
    }
    throw error;
  }
  throw new Error("expected the import to be rejected");
}
