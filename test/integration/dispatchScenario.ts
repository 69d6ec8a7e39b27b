import { expect } from "vitest";
import { runCollections } from "../../src/app/collections/runCollections.js";
import { addContact } from "../../src/app/customers/contacts.js";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { updateChannelSettings } from "../../src/app/settings/updateChannelSettings.js";
import { outboxOfTenant } from "../../src/store/outbox.js";
import { newCustomer, newInvoice, newTenant } from "../kit/factories.js";

export const SENDER = "Test GmbH Buchhaltung <ar@test-gmbh.example>";

/**
 * A tenant that mails through `port`, and a German customer (contact language "de") with two overdue
 * invoices, A-1 (100.00, due 31 March 2024) and A-2 (50.00, due 4 April 2024). The daily run of
 * 8 April 2024 performs the standard policy's "formal" step: one email with invoice copies.
 */
export async function germanCustomerWithFormalReminder(deps: AppDeps, port: number, contact: Record<string, unknown> = {}) {
  const actor = await newTenant(deps);
  await updateChannelSettings(deps, actor, {
    email: { host: "127.0.0.1", port, from: SENDER, timeoutMs: 5000 },
    senderAddress: ["Hafenstraße 1", "20457 Hamburg"],
    bank: { iban: "DE89 3704 0044 0532 0130 00", bic: "COBADEFFXXX", holder: "Test GmbH" },
    portalUrl: "https://pay.test-gmbh.example/",
  });
  const customer = await newCustomer(deps, actor, { legalName: "Kunde AG", language: "de", addressLines: ["Lindenallee 5", "10115 Berlin"] });
  await addContact(deps, actor, customer.id, { name: "Jana Schulz", email: "ap@kunde.example", language: "de", ...contact });
  await newInvoice(deps, actor, customer.id, { number: "A-1", issueDate: "2024-03-01", dueDate: "2024-03-31", amount: "100.00" });
  await newInvoice(deps, actor, customer.id, { number: "A-2", issueDate: "2024-03-05", dueDate: "2024-04-04", amount: "50.00" });
  const run = await runCollections(deps, actor, { asOf: "2024-04-08" });
  expect(run.performed).toEqual({ email: 1 });
  const [message] = await outboxOfTenant(deps.db, actor.tenantId);
  return { actor, customer, message: message! };
}

export const outboxRow = async (deps: AppDeps, actor: Actor, id: string) => (await outboxOfTenant(deps.db, actor.tenantId)).find((row) => row.id === id)!;

export const activitiesOf = (deps: AppDeps, actor: Actor, kind = "message") =>
  deps.db.selectFrom("activities").selectAll().where("tenant_id", "=", actor.tenantId).where("kind", "=", kind).orderBy("at").execute();
