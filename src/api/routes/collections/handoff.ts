import { z } from "zod";
import { handoffCase, HandoffQuery } from "../../../app/handoff/handoffCase.js";
import { handoffDossier, handoffFileStem } from "../../../app/handoff/renderHandoffDossier.js";
import { route } from "../../route.js";
import { IdParams, Money, zAmount, zCurrencyCode, zDate } from "../../schemas/common.js";
import { Dispute, Hold, PromiseToPay } from "../../schemas/collections.js";
import { Contact } from "../../schemas/ledger.js";

const tag = "handoff";
const PERMISSION = "collections:read";
const policyRef = z.strictObject({ key: z.string(), version: z.number().int() });

const CaseItem = z.strictObject({
  invoiceId: z.string(),
  number: z.string(),
  installment: z.number().int().nullable().meta({ description: "the installment of an invoice with a schedule" }),
  kind: z.string(),
  issueDate: zDate,
  dueDate: zDate,
  daysOverdue: z.number().int().meta({ description: "days past due on the file's day; negative before the due date" }),
  currency: zCurrencyCode,
  amount: zAmount,
  open: zAmount,
  poNumber: z.string().nullable(),
  disputed: z.boolean().meta({ description: "an open dispute on the file's day: Dunwell's own steps left the item out" }),
  dispute: z.strictObject({ id: z.string(), reason: z.string(), status: z.string() }).nullable().meta({ description: "the item's latest dispute, open or closed" }),
});

const CaseTotal = z.strictObject({
  currency: zCurrencyCode,
  open: zAmount,
  overdue: zAmount,
  disputed: zAmount.meta({ description: "overdue and disputed" }),
  credits: zAmount.meta({ description: "payments and credit notes received and not applied" }),
  claimed: zAmount.meta({ description: "overdue, undisputed, less the unapplied credits; never below zero" }),
});

const CaseAction = z.strictObject({
  id: z.string(),
  date: zDate,
  stepId: z.string(),
  channel: z.string(),
  status: z.enum(["performed", "skipped"]),
  skipReason: z.string().nullable().meta({ description: "catch_up or condition" }),
  cycle: z.number().int(),
  amount: Money.meta({ description: "the overdue amount the step chased" }),
  invoices: z.array(z.string()).meta({ description: "invoice numbers" }),
  policy: policyRef,
});

const CaseActivity = z.strictObject({
  id: z.string(),
  occurredOn: zDate,
  at: z.string().meta({ format: "date-time" }),
  kind: z.string(),
  actor: z.string(),
  summary: z.string(),
  invoices: z.array(z.string()).meta({ description: "invoice numbers" }),
  refId: z.string().nullable(),
  details: z.unknown().meta({ description: "the entry as stored; for messages the full rendered content, HTML included" }),
  message: z
    .strictObject({ channel: z.string(), to: z.string(), subject: z.string().nullable(), text: z.string() })
    .nullable()
    .meta({ description: "for a message that went out: what it said, as text" }),
});

export const HandoffCaseSchema = z
  .strictObject({
    asOf: zDate,
    creditor: z.strictObject({
      name: z.string(),
      country: z.string(),
      addressLines: z.array(z.string()),
      bank: z.strictObject({ iban: z.string(), bic: z.string().nullable(), holder: z.string().nullable() }).nullable(),
    }),
    debtor: z.strictObject({
      id: z.string(),
      externalId: z.string(),
      legalName: z.string(),
      taxId: z.string().nullable(),
      country: z.string().nullable(),
      addressLines: z.array(z.string()),
      language: z.string().nullable(),
      segment: z.string().nullable(),
      currency: zCurrencyCode,
      parent: z.strictObject({ id: z.string(), externalId: z.string(), legalName: z.string() }).nullable(),
      handedOffOn: zDate.nullable(),
    }),
    contacts: z.array(Contact),
    openItems: z.array(CaseItem),
    totals: z.array(CaseTotal),
    payments: z.array(
      z.strictObject({
        id: z.string(),
        externalId: z.string(),
        receivedOn: zDate,
        amount: Money,
        unapplied: zAmount,
        method: z.string().nullable(),
        reference: z.string().nullable(),
        payerName: z.string().nullable(),
      }),
    ),
    allocations: z.array(
      z.strictObject({
        invoiceId: z.string(),
        invoiceNumber: z.string(),
        installment: z.number().int().nullable(),
        kind: z.string().meta({ description: "payment, credit_note, write_off or discount" }),
        appliedOn: zDate,
        amount: Money,
        source: z.string().nullable().meta({ description: "the payment's external id or the credit note's number" }),
        reason: z.string().nullable(),
      }),
    ),
    actions: z.array(CaseAction),
    timeline: z.array(CaseActivity),
    promises: z.array(PromiseToPay),
    disputes: z.array(Dispute.extend({ invoiceNumber: z.string() })),
    holds: z.array(Hold.extend({ invoiceNumber: z.string().nullable() })),
    handoff: z
      .strictObject({ date: zDate, stepId: z.string(), channel: z.string(), amount: Money, actionId: z.string(), policy: policyRef })
      .nullable()
      .meta({ description: "the agency or legal step that handed the case off; null before it happened" }),
  })
  .meta({ id: "HandoffCase" });

/** The case file, as JSON and as the PDF dossier. */
export const handoffRoutes = [
  route({
    operationId: "getHandoffCase",
    method: "GET",
    url: "/api/v1/customers/:id/handoff",
    permission: PERMISSION,
    tag,
    summary: "The hand-off case file of a customer: parties, open items, payments, every step and message, promises, disputes",
    description:
      "Works before the hand-off too (a preview). `asOf` describes another day: items open then, history up to then. The same file as a PDF dossier: `GET /api/v1/customers/{id}/handoff.pdf` (same permission and query).",
    params: IdParams,
    query: HandoffQuery,
    response: HandoffCaseSchema,
    handler: ({ deps, actor, params, query }) => handoffCase(deps, actor, { customerId: params.id }, query),
  }),
  route({
    operationId: "getHandoffDossier",
    method: "GET",
    url: "/api/v1/customers/:id/handoff.pdf",
    permission: PERMISSION,
    tag,
    summary: "The hand-off case file as a PDF dossier for the agency or lawyer",
    params: IdParams,
    query: HandoffQuery,
    response: z.unknown(),
    produces: "application/pdf",
    handler: async ({ deps, actor, params, query }) => {
      const { case: file, pdf } = await handoffDossier(deps, actor, { customerId: params.id }, query);
      return { content: pdf, filename: `${handoffFileStem(file.debtor.externalId)}.pdf` };
    },
  }),
];
