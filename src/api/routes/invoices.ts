import { InvoiceInput } from "../../app/inputs/ledgerInputs.js";
import { createInvoice } from "../../app/invoices/createInvoice.js";
import { getInvoice, InvoiceListQuery, listInvoices } from "../../app/invoices/readInvoices.js";
import { route } from "../route.js";
import { IdParams, pageOf } from "../schemas/common.js";
import { Invoice, InvoiceDetail } from "../schemas/ledger.js";

const tag = "invoices";

export const invoiceRoutes = [
  route({
    operationId: "listInvoices",
    method: "GET",
    url: "/api/v1/invoices",
    permission: "ledger:read",
    tag,
    summary: "List invoices, filtered by customer, status or overdue as of a date",
    description: "`overdue=true` keeps open invoices past due on `asOf` (default: today in the tenant's time zone).",
    query: InvoiceListQuery,
    response: pageOf(Invoice),
    handler: ({ deps, actor, query }) => listInvoices(deps, actor, query),
  }),
  route({
    operationId: "getInvoice",
    method: "GET",
    url: "/api/v1/invoices/:id",
    permission: "ledger:read",
    tag,
    summary: "Get one invoice with its installments and allocations",
    params: IdParams,
    response: InvoiceDetail,
    handler: ({ deps, actor, params }) => getInvoice(deps, actor, params.id),
  }),
  route({
    operationId: "createInvoice",
    method: "POST",
    url: "/api/v1/invoices",
    permission: "ledger:write",
    tag,
    summary: "Create an invoice (due date from dueDate, terms or installments)",
    body: InvoiceInput,
    response: Invoice,
    handler: ({ deps, actor, body }) => createInvoice(deps, actor, body),
  }),
];
