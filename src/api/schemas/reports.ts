import { z } from "zod";
import { zAmount, zCurrencyCode, zDate } from "./common.js";
import { Customer } from "./ledger.js";

/** Response schemas of src/app/reports (agingReport, customerStatement). */
const AgingBucket = z
  .strictObject({ key: z.string().meta({ example: "31-60" }), fromDays: z.number().int().nullable(), toDays: z.number().int().nullable() })
  .meta({ id: "AgingBucket" });

const agingRowFields = {
  currency: zCurrencyCode,
  buckets: z.array(zAmount).meta({ description: "one amount per bucket, in the order of `buckets`" }),
  total: zAmount,
  items: z.number().int(),
};

export const AgingReport = z
  .strictObject({
    asOf: zDate,
    buckets: z.array(AgingBucket),
    totals: z.array(z.strictObject(agingRowFields)).meta({ description: "one row per currency; each total equals the open A/R in that currency" }),
    customers: z
      .array(z.strictObject({ customerId: z.string(), externalId: z.string(), legalName: z.string(), ...agingRowFields }))
      .optional()
      .meta({ description: "with ?by=customer: one row per customer and currency" }),
  })
  .meta({ id: "AgingReport" });

export const CustomerStatement = z
  .strictObject({
    asOf: zDate,
    customer: Customer,
    items: z.array(
      z.strictObject({
        invoiceId: z.string(),
        number: z.string(),
        installment: z.number().int().nullable(),
        issueDate: zDate,
        dueDate: zDate,
        daysPastDue: z.number().int(),
        currency: zCurrencyCode,
        amount: zAmount,
        open: zAmount,
      }),
    ),
    credits: z.array(
      z.strictObject({
        kind: z.enum(["payment", "credit_note"]),
        id: z.string(),
        reference: z.string(),
        date: zDate,
        currency: zCurrencyCode,
        amount: zAmount,
        unapplied: zAmount,
      }),
    ),
    totals: z.array(z.strictObject({ currency: zCurrencyCode, open: zAmount, overdue: zAmount, credits: zAmount, balance: zAmount })),
  })
  .meta({ id: "CustomerStatement" });
