import { ContactInput } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import * as contacts from "../../store/contacts.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { contactView, type ContactView } from "../views/ledgerViews.js";
import { resolveCustomer } from "./resolveCustomer.js";

export async function addContact(deps: AppDeps, actor: Actor, customerId: string, body: unknown): Promise<ContactView> {
  const input = parseInput(ContactInput, body, "contact");
  return deps.db.transaction().execute(async (tx) => {
    const customer = await resolveCustomer(tx, actor.tenantId, { customerId });
    const existing = await contacts.listContacts(tx, actor.tenantId, customer.id);
    const isPrimary = input.isPrimary || existing.length === 0;
    if (isPrimary) await contacts.clearPrimaryContact(tx, actor.tenantId, customer.id);
    const row = {
      tenant_id: actor.tenantId,
      id: deps.newId(),
      customer_id: customer.id,
      name: input.name,
      email: input.email ?? null,
      phone: input.phone ?? null,
      roles: input.roles,
      preferred_channel: input.preferredChannel ?? null,
      language: input.language ?? null,
      is_primary: isPrimary,
    };
    await contacts.insertContact(tx, row);
    await audit(tx, deps, actor, "contact.add", "customer", customer.id, { contactId: row.id });
    return contactView({ ...row, created_at: new Date(), updated_at: new Date() });
  });
}

export async function listContacts(deps: AppDeps, actor: Actor, customerId: string): Promise<ContactView[]> {
  const customer = await resolveCustomer(deps.db, actor.tenantId, { customerId });
  return (await contacts.listContacts(deps.db, actor.tenantId, customer.id)).map(contactView);
}
