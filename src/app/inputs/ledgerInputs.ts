import { z } from "zod";
import { parseCurrency } from "../../domain/money/currency.js";
import { refineAmount, refinePositiveAmount, zCurrency, zDecimal, zIsoDate, zTags, zUuid } from "./fields.js";

const zCountry = z.string().regex(/^[A-Za-z]{2}$/, "expected an ISO 3166 two-letter country code").transform((s) => s.toUpperCase());
const zLanguage = z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "expected a language tag such as en or de-CH");
const zPolicyKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "expected a policy key such as standard");
const zAddressLines = z.array(z.string().min(1).max(200)).max(6);

export const CustomerInput = z
  .object({
    externalId: z.string().min(1).max(100),
    legalName: z.string().min(1).max(300),
    taxId: z.string().max(50).optional(),
    country: zCountry.optional(),
    currency: zCurrency,
    language: zLanguage.optional(),
    segment: z.string().max(64).optional(),
    tags: zTags.optional(),
    parentExternalId: z.string().max(100).optional(),
    creditLimit: zDecimal.optional(),
    doNotDun: z.boolean().optional(),
    /** Collections policy for this customer, overriding its segment's. */
    policy: zPolicyKey.optional(),
    collectorId: zUuid.optional(),
    addressLines: zAddressLines.optional(),
  })
  .strict()
  .superRefine((v, ctx) => refineAmount(ctx, v.creditLimit, v.currency, "creditLimit"));
export type CustomerInput = z.output<typeof CustomerInput>;

export const CustomerPatch = z
  .object({
    legalName: z.string().min(1).max(300),
    taxId: z.string().max(50).nullable(),
    country: zCountry.nullable(),
    language: zLanguage.nullable(),
    segment: z.string().max(64).nullable(),
    tags: zTags,
    creditLimit: zDecimal.nullable(),
    doNotDun: z.boolean(),
    policy: zPolicyKey.nullable(),
    collectorId: zUuid.nullable(),
    addressLines: zAddressLines,
    /** Releasing a credit hold the engine placed is a deliberate, audited act. */
    creditHold: z.boolean(),
  })
  .partial()
  .strict();
export type CustomerPatch = z.output<typeof CustomerPatch>;

export const CONTACT_ROLES = ["accounts_payable", "decision_maker", "billing", "legal", "other"] as const;

export const ContactInput = z
  .object({
    name: z.string().max(200).default(""),
    email: z.email().optional(),
    phone: z.string().regex(/^\+?[0-9 ()./-]{5,30}$/, "expected a phone number").optional(),
    roles: z.array(z.enum(CONTACT_ROLES)).max(5).default(["accounts_payable"]),
    preferredChannel: z.enum(["email", "sms", "letter", "phone"]).optional(),
    language: zLanguage.optional(),
    isPrimary: z.boolean().default(false),
  })
  .strict()
  .refine((c) => c.email !== undefined || c.phone !== undefined, { message: "a contact needs an email or a phone", path: ["email"] });
export type ContactInput = z.output<typeof ContactInput>;

const InstallmentInput = z.object({ dueDate: zIsoDate, amount: zDecimal.optional(), percent: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/).optional() }).strict();

export const InvoiceInput = z
  .object({
    number: z.string().min(1).max(64),
    customerId: zUuid.optional(),
    customerExternalId: z.string().min(1).max(100).optional(),
    issueDate: zIsoDate,
    dueDate: zIsoDate.optional(),
    terms: z.string().max(64).optional(),
    currency: zCurrency,
    amount: zDecimal,
    taxAmount: zDecimal.optional(),
    poNumber: z.string().max(64).optional(),
    description: z.string().max(2000).optional(),
    installments: z.array(InstallmentInput).min(1).max(120).optional(),
    doNotDun: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    refineAmount(ctx, v.amount, v.currency, "amount");
    refineAmount(ctx, v.taxAmount, v.currency, "taxAmount");
    if (!v.customerId && !v.customerExternalId) ctx.addIssue({ code: "custom", path: ["customerId"], message: "customerId or customerExternalId is required", params: { code: "MISSING_VALUE" } });
    if (!v.dueDate && !v.terms && !v.installments) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "dueDate, terms or installments is required", params: { code: "MISSING_VALUE" } });
    v.installments?.forEach((inst, i) => refineAmount(ctx, inst.amount, v.currency, `installments[${i}].amount`));
  });
export type InvoiceInput = z.output<typeof InvoiceInput>;

export const CreditNoteInput = z
  .object({
    number: z.string().min(1).max(64),
    customerId: zUuid.optional(),
    customerExternalId: z.string().min(1).max(100).optional(),
    invoiceNumber: z.string().max(64).optional(),
    issueDate: zIsoDate,
    currency: zCurrency,
    amount: zDecimal,
    reason: z.string().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    refinePositiveAmount(ctx, v.amount, v.currency, "amount");
    if (!v.customerId && !v.customerExternalId && !v.invoiceNumber) ctx.addIssue({ code: "custom", path: ["customerId"], message: "customerId, customerExternalId or invoiceNumber is required", params: { code: "MISSING_VALUE" } });
  });
export type CreditNoteInput = z.output<typeof CreditNoteInput>;

export const PaymentInput = z
  .object({
    externalId: z.string().min(1).max(100),
    customerId: zUuid.optional(),
    customerExternalId: z.string().min(1).max(100).optional(),
    receivedOn: zIsoDate,
    currency: zCurrency,
    amount: zDecimal,
    method: z.string().max(32).optional(),
    payerName: z.string().max(200).optional(),
    payerAccount: z.string().max(64).optional(),
    reference: z.string().max(200).optional(),
    /** Invoice numbers this payment pays, in order; without them it pays the oldest items first. */
    invoices: z.array(z.string().min(1).max(64)).max(1000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => refinePositiveAmount(ctx, v.amount, v.currency, "amount"));
export type PaymentInput = z.output<typeof PaymentInput>;

export const AllocationInput = z
  .object({
    paymentId: zUuid.optional(),
    creditNoteId: zUuid.optional(),
    invoiceId: zUuid,
    amount: zDecimal.optional(),
  })
  .strict()
  .refine((v) => (v.paymentId === undefined) !== (v.creditNoteId === undefined), { message: "exactly one of paymentId or creditNoteId", path: ["paymentId"] });
export type AllocationInput = z.output<typeof AllocationInput>;

export const WriteOffInput = z.object({ invoiceId: zUuid, amount: zDecimal.optional(), date: zIsoDate.optional(), reason: z.string().min(1).max(500) }).strict();
export type WriteOffInput = z.output<typeof WriteOffInput>;

/** Narrows an already-validated currency string. */
export const knownCurrency = (code: string) => {
  const parsed = parseCurrency(code);
  if (!parsed.ok) throw new Error(`unchecked currency ${code}`);
  return parsed.value;
};
