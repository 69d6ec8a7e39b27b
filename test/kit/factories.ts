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
