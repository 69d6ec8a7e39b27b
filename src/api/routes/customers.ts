import { createCustomer } from "../../app/customers/createCustomer.js";
import { CustomerListQuery, getCustomer, listCustomers } from "../../app/customers/readCustomers.js";
import { updateCustomer } from "../../app/customers/updateCustomer.js";
import { CustomerInput, CustomerPatch } from "../../app/inputs/ledgerInputs.js";
import { customerStatement, StatementQuery } from "../../app/reports/customerStatement.js";
import { route } from "../route.js";
import { IdParams, pageOf } from "../schemas/common.js";
import { Customer } from "../schemas/ledger.js";
import { CustomerStatement } from "../schemas/reports.js";

const tag = "customers";

export const customerRoutes = [
  route({
    operationId: "listCustomers",
    method: "GET",
    url: "/api/v1/customers",
    permission: "ledger:read",
    tag,
    summary: "List customers by external id, a page at a time",
    query: CustomerListQuery,
    response: pageOf(Customer),
    handler: ({ deps, actor, query }) => listCustomers(deps, actor, query),
  }),
  route({
    operationId: "getCustomer",
    method: "GET",
    url: "/api/v1/customers/:id",
    permission: "ledger:read",
    tag,
    summary: "Get one customer",
    params: IdParams,
    response: Customer,
    handler: ({ deps, actor, params }) => getCustomer(deps, actor, params.id),
  }),
  route({
    operationId: "createCustomer",
    method: "POST",
    url: "/api/v1/customers",
    permission: "ledger:write",
    tag,
    summary: "Create a customer",
    body: CustomerInput,
    response: Customer,
    handler: ({ deps, actor, body }) => createCustomer(deps, actor, body),
  }),
  route({
    operationId: "updateCustomer",
    method: "PATCH",
    url: "/api/v1/customers/:id",
    permission: "ledger:write",
    tag,
    summary: "Change some of a customer's fields (externalId and currency cannot change)",
    params: IdParams,
    body: CustomerPatch,
    response: Customer,
    handler: ({ deps, actor, params, body }) => updateCustomer(deps, actor, params.id, body),
  }),
  route({
    operationId: "getCustomerStatement",
    method: "GET",
    url: "/api/v1/customers/:id/statement",
    permission: "reports:read",
    tag,
    summary: "What the customer owes as of a date: open items, unapplied credits and totals per currency",
    params: IdParams,
    query: StatementQuery,
    response: CustomerStatement,
    handler: ({ deps, actor, params, query }) => customerStatement(deps, actor, params.id, query),
  }),
];
