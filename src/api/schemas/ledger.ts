import { z } from "zod";
import { Money, zAmount, zCurrencyCode, zDate } from "./common.js";

/** Response schemas of the ledger views in src/app/views/ledgerViews.ts (kept in step by type and by test). */
export const Customer = z
  .strictObject({
    id: z.string(),
    externalId: z.string(),
    legalName: z.string(),
    taxId: z.string().nullable(),
    country: z.string().nullable(),
    currency: zCurrencyCode,
    language: z.string().nullable(),
    segment: z.string().nullable(),
    tags: z.array(z.string()),
    parentId: z.string().nullable(),
    creditLimit: Money.nullable(),
    doNotDun: z.boolean(),
    policy: z.string().nullable().meta({ description: "Collections policy overriding the segment's" }),
    collectorId: z.string().nullable(),
    addressLines: z.array(z.string()),
    creditHold: z.boolean(),
    handedOffOn: zDate.nullable(),
  })
  .meta({ id: "Customer" });

export const Contact = z
  .strictObject({
    id: z.string(),
    customerId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    roles: z.array(z.string()),
    preferredChannel: z.enum(["email", "sms", "letter", "phone"]).nullable(),
    language: z.string().nullable(),
    isPrimary: z.boolean(),
  })
  .meta({ id: "Contact" });

export const Installment = z
  .strictObject({ seq: z.number().int(), dueDate: zDate, amount: zAmount, open: zAmount, settledOn: zDate.nullable() })
  .meta({ id: "Installment" });

export const Allocation = z
  .strictObject({
    id: z.string(),
    invoiceId: z.string(),
    installmentSeq: z.number().int().nullable(),
    kind: z.enum(["payment", "credit_note", "write_off", "discount", "waiver"]),
    paymentId: z.string().nullable(),
    creditNoteId: z.string().nullable(),
    amount: zAmount,
    appliedOn: zDate,
    reason: z.string().nullable(),
  })
  .meta({ id: "Allocation" });

const invoiceFields = {
  id: z.string(),
  number: z.string(),
  kind: z.enum(["invoice", "fee", "interest", "compensation"]),
  customerId: z.string(),
  issueDate: zDate,
  dueDate: zDate,
  currency: zCurrencyCode,
  amount: zAmount,
  taxAmount: zAmount,
  open: zAmount,
  status: z.enum(["open", "settled"]),
  settledOn: zDate.nullable(),
  poNumber: z.string().nullable(),
  terms: z.string().nullable(),
  description: z.string().nullable(),
  doNotDun: z.boolean(),
  installments: z.array(Installment),
};
export const Invoice = z.strictObject(invoiceFields).meta({ id: "Invoice" });
export const InvoiceDetail = z.strictObject({ ...invoiceFields, allocations: z.array(Allocation) }).meta({ id: "InvoiceDetail" });

const paymentFields = {
  id: z.string(),
  externalId: z.string(),
  customerId: z.string().nullable(),
  receivedOn: zDate,
  currency: zCurrencyCode,
  amount: zAmount,
  unapplied: zAmount,
  method: z.string().nullable(),
  payerName: z.string().nullable(),
  payerAccount: z.string().nullable(),
  reference: z.string().nullable(),
};
export const Payment = z.strictObject(paymentFields).meta({ id: "Payment" });
export const PaymentDetail = z.strictObject({ ...paymentFields, allocations: z.array(Allocation) }).meta({ id: "PaymentDetail" });

export const CreditNote = z
  .strictObject({
    id: z.string(),
    number: z.string(),
    customerId: z.string(),
    invoiceId: z.string().nullable(),
    issueDate: zDate,
    currency: zCurrencyCode,
    amount: zAmount,
    unapplied: zAmount,
    reason: z.string().nullable(),
  })
  .meta({ id: "CreditNote" });
