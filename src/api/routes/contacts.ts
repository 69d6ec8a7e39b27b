import { addContact, listContacts } from "../../app/customers/contacts.js";
import { ContactInput } from "../../app/inputs/ledgerInputs.js";
import { route } from "../route.js";
import { IdParams, pageOf } from "../schemas/common.js";
import { Contact } from "../schemas/ledger.js";

const tag = "customers";

export const contactRoutes = [
  route({
    operationId: "listContacts",
    method: "GET",
    url: "/api/v1/customers/:id/contacts",
    permission: "ledger:read",
    tag,
    summary: "List a customer's contacts (one page: a customer has few)",
    params: IdParams,
    response: pageOf(Contact),
    handler: async ({ deps, actor, params }) => ({ items: await listContacts(deps, actor, params.id), nextCursor: null }),
  }),
  route({
    operationId: "addContact",
    method: "POST",
    url: "/api/v1/customers/:id/contacts",
    permission: "ledger:write",
    tag,
    summary: "Add a contact to a customer (the first one becomes primary)",
    params: IdParams,
    body: ContactInput,
    response: Contact,
    handler: ({ deps, actor, params, body }) => addContact(deps, actor, params.id, body),
  }),
];
