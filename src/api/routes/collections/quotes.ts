import { z } from "zod";
import { payoffQuote, PayoffQuery } from "../../../app/quotes/payoffQuote.js";
import { importRateTable, resetRateTable } from "../../../app/rates/importRateTable.js";
import { getRateTable, listRateTables } from "../../../app/rates/listRateTables.js";
import { route } from "../../route.js";
import { IdParams, zAmount, zCurrencyCode, zDate } from "../../schemas/common.js";
import { Policy } from "../../schemas/collections.js";

const InterestPeriod = z
  .strictObject({
    from: zDate,
    to: zDate.meta({ description: "inclusive" }),
    days: z.number().int(),
    principal: zAmount.meta({ description: "the principal outstanding on each of these days" }),
    rate: z.string().meta({ description: "annual percent charged", example: "12.62" }),
    amount: zAmount,
    basis: z.string().meta({ example: "base rate 3.62 + 9 points" }),
    capped: z.boolean().meta({ description: "the policy's cap lowered the rate" }),
  })
  .meta({ id: "InterestPeriod" });

const QuoteItem = z
  .strictObject({
    invoiceId: z.string(),
    number: z.string(),
    kind: z.string().meta({ description: "invoice, or a charge without an item on the quote: fee, interest, compensation" }),
    installment: z.number().int().nullable(),
    dueDate: zDate,
    settledOn: zDate.nullable().meta({ description: "for an item paid late: the day it was settled (interest runs to it)" }),
    daysOverdue: z.number().int().meta({ description: "to the quote date, or to the settlement; negative before the due date" }),
    currency: zCurrencyCode,
    principal: zAmount,
    fees: zAmount.meta({ description: "fees posted for the item, open" }),
    interest: zAmount.meta({ description: "interest accrued to the date, less what was posted as interest charges" }),
    postedInterest: zAmount.meta({ description: "interest charges posted for the item, open" }),
    compensation: zAmount.meta({ description: "the statutory fixed sum per late invoice (EU/DE/FR €40; UK £40/£70/£100)" }),
    total: zAmount,
    interestAccrued: zAmount.meta({ description: "the whole accrual to the date, posted or not: the sum of the breakdown" }),
    breakdown: z.array(InterestPeriod),
  })
  .meta({ id: "QuoteItem" });

const QuoteTotal = z.strictObject({
  currency: zCurrencyCode,
  principal: zAmount,
  fees: zAmount,
  interest: zAmount.meta({ description: "posted and not yet posted" }),
  compensation: zAmount,
  total: zAmount,
  credits: zAmount.meta({ description: "payments and credit notes received and not applied" }),
  payoff: zAmount.meta({ description: "total less credits" }),
});

export const PayoffQuoteSchema = z
  .strictObject({
    asOf: zDate,
    customer: z.strictObject({ id: z.string(), externalId: z.string(), legalName: z.string() }),
    policy: z.strictObject({ key: z.string(), version: z.number().int() }),
    interest: Policy.shape.definition.shape.interest.unwrap().nullable().meta({ description: "the policy's interest settings; null: no interest" }),
    compensation: z.boolean(),
    items: z.array(QuoteItem),
    totals: z.array(QuoteTotal),
  })
  .meta({ id: "PayoffQuote" });

const RateRow = z.strictObject({ from: zDate, rate: z.string().meta({ example: "3.62" }), note: z.string() });
const RateTableSummary = z
  .strictObject({
    name: z.string().meta({ example: "de-basiszinssatz" }),
    file: z.string(),
    cadence: z.enum(["half-yearly", "on-change"]),
    source: z.enum(["shipped", "tenant"]).meta({ description: "tenant: the tenant's imported copy replaces the shipped table" }),
    rows: z.number().int(),
    first: RateRow,
    last: RateRow,
    coveredUntil: zDate.nullable().meta({ description: "last day a half-yearly table covers; null for a change list" }),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable().meta({ format: "date-time" }),
  })
  .meta({ id: "RateTableSummary" });
const RateTable = RateTableSummary.extend({ rates: z.array(RateRow) }).meta({ id: "RateTable" });
const TableParams = z.object({ table: z.string().max(64).meta({ example: "de-basiszinssatz" }) });

/** The payoff quote and the reference rates it is computed with. */
export const quoteRoutes = [
  route({
    operationId: "getPayoffQuote",
    method: "GET",
    url: "/api/v1/customers/:id/payoff",
    permission: "collections:read",
    tag: "quotes",
    summary: "What pays the customer off on a date: principal, fees, interest (explained period by period) and compensation per item",
    description: "Interest follows the customer's policy (`interest`, `compensation`); items paid late stay on the quote while their interest is owed.",
    params: IdParams,
    query: PayoffQuery,
    response: PayoffQuoteSchema,
    handler: ({ deps, actor, params, query }) => payoffQuote(deps, actor, { customerId: params.id }, query),
  }),
  route({
    operationId: "listRateTables",
    method: "GET",
    url: "/api/v1/reference-rates",
    permission: "collections:read",
    tag: "quotes",
    summary: "The reference-rate tables statutory interest uses, where each comes from and how far it reaches",
    response: z.strictObject({ items: z.array(RateTableSummary) }),
    handler: async ({ deps, actor }) => ({ items: await listRateTables(deps, actor) }),
  }),
  route({
    operationId: "getRateTable",
    method: "GET",
    url: "/api/v1/reference-rates/:table",
    permission: "collections:read",
    tag: "quotes",
    summary: "One reference-rate table with all its rates",
    params: TableParams,
    response: RateTable,
    handler: ({ deps, actor, params }) => getRateTable(deps, actor, params.table),
  }),
  route({
    operationId: "importRateTable",
    method: "PUT",
    url: "/api/v1/reference-rates/:table",
    permission: "collections:configure",
    tag: "quotes",
    summary: "Replace a reference-rate table for the tenant with a CSV body (effective_from,rate_percent,source_note)",
    description: "The whole table: the shipped file with the newly published rows added. A gap, an overlap or a bad rate is refused naming the line (RATE_TABLE_GAP, RATE_TABLE_OVERLAP, INVALID_RATE), and nothing is saved.",
    params: TableParams,
    body: "file",
    response: RateTableSummary,
    handler: ({ deps, actor, params, body }) => importRateTable(deps, actor, { table: params.table, csv: Buffer.isBuffer(body) ? body : Buffer.alloc(0) }),
  }),
  route({
    operationId: "resetRateTable",
    method: "DELETE",
    url: "/api/v1/reference-rates/:table",
    permission: "collections:configure",
    tag: "quotes",
    summary: "Drop the tenant's copy of a table: the shipped one applies again",
    params: TableParams,
    response: RateTableSummary,
    handler: ({ deps, actor, params }) => resetRateTable(deps, actor, params.table),
  }),
];
