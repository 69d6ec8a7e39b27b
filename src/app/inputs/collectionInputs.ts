import { z } from "zod";
import { zCurrency, zDecimal, zIsoDate } from "./fields.js";

/** A customer named by id or by its external id (ERP number). */
const customerRef = { customerId: z.string().optional(), customerExternalId: z.string().optional() };
/** An invoice named by id or by number. */
const invoiceRef = { invoiceId: z.string().optional(), invoiceNumber: z.string().optional() };
const needsInvoice = (v: { invoiceId?: string | undefined; invoiceNumber?: string | undefined }) => v.invoiceId !== undefined || v.invoiceNumber !== undefined;
const needsCustomer = (v: { customerId?: string | undefined; customerExternalId?: string | undefined }) => v.customerId !== undefined || v.customerExternalId !== undefined;

export const DISPUTE_REASONS = ["pricing", "quantity", "quality", "not_received", "duplicate", "other"] as const;

export const DisputeInput = z
  .strictObject({ ...invoiceRef, reason: z.enum(DISPUTE_REASONS), note: z.string().max(2000).optional(), openedOn: zIsoDate.optional(), dueOn: zIsoDate.optional(), ownerId: z.uuid().optional() })
  .refine(needsInvoice, { message: "name the invoice: invoiceId or invoiceNumber", path: ["invoiceId"] })
  .meta({ id: "DisputeInput" });

export const DisputeResolutionInput = z
  .strictObject({ outcome: z.enum(["upheld", "rejected"]), note: z.string().max(2000).optional(), resolvedOn: zIsoDate.optional() })
  .meta({ id: "DisputeResolutionInput" });

export const PromiseInput = z
  .strictObject({ ...customerRef, amount: zDecimal, currency: zCurrency.optional(), promisedDate: zIsoDate, madeOn: zIsoDate.optional(), graceDays: z.number().int().min(0).max(60).optional(), note: z.string().max(2000).optional() })
  .refine(needsCustomer, { message: "name the customer: customerId or customerExternalId", path: ["customerId"] })
  .meta({ id: "PromiseInput" });

export const HoldInput = z
  .strictObject({ ...customerRef, ...invoiceRef, reason: z.string().min(1).max(500), from: zIsoDate.optional(), until: zIsoDate.optional() })
  .refine((v) => needsCustomer(v) || needsInvoice(v), { message: "name the customer or the invoice to hold", path: ["customerId"] })
  .meta({ id: "HoldInput" });
