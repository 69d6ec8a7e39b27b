import { z } from "zod";
import { isCurrency, parseAmount, type Currency } from "../../domain/money/index.js";
import { zDecimal, zIsoDate } from "../inputs/fields.js";

/** Enough for ten years of monthly installments; a longer schedule is a loan, not a payment plan. */
export const MAX_INSTALLMENTS = 120;

const Installment = z.strictObject({ dueDate: zIsoDate, amount: zDecimal });

export const PlanInput = z
  .strictObject({
    customerId: z.string().optional(),
    customerExternalId: z.string().optional(),
    currency: z
      .string()
      .refine(isCurrency, { message: "not an ISO 4217 currency code", params: { code: "UNKNOWN_CURRENCY" } })
      .optional()
      .meta({ description: "default: the customer's currency", example: "EUR" }),
    startedOn: zIsoDate.optional().meta({ description: "the day the plan was agreed; default today in the tenant's time zone" }),
    graceDays: z.number().int().min(0).max(60).optional().meta({ description: "days after each installment's date before a shortfall defaults the plan; default the policy's promiseGraceDays" }),
    note: z.string().max(2000).optional(),
    installments: z.array(Installment).min(1).max(MAX_INSTALLMENTS).meta({ description: "in date order, each on a later day than the one before" }),
  })
  .superRefine((v, ctx) => {
    if (v.customerId === undefined && v.customerExternalId === undefined) ctx.addIssue({ code: "custom", path: ["customerId"], message: "name the customer: customerId or customerExternalId" });
    v.installments.forEach((inst, i) => {
      const before = v.installments[i - 1]?.dueDate;
      if (before !== undefined && inst.dueDate <= before) ctx.addIssue({ code: "custom", path: ["installments", i, "dueDate"], message: `must be after installments[${i - 1}].dueDate (${before})`, params: { code: "INVALID_PLAN" } });
    });
  })
  .meta({ id: "PaymentPlanInput" });
export type PlanInput = z.output<typeof PlanInput>;

export const PlanCancelInput = z
  .strictObject({
    on: zIsoDate.optional().meta({ description: "the day the plan ends; default today in the tenant's time zone" }),
    reason: z.string().min(1).max(500).optional(),
  })
  .meta({ id: "PaymentPlanCancelInput" });

/** Installment amounts in minor units of the plan's currency (known once the customer is); every bad amount is an issue. */
export const installmentAmounts = (currency: Currency) =>
  z.object({
    installments: z.array(z.object({ amount: z.string() })).transform((items, ctx) =>
      items.map((item, i) => {
        const parsed = parseAmount(item.amount, currency);
        const issue = !parsed.ok ? parsed.error : parsed.value === 0n ? { code: "INVALID_AMOUNT", message: "must be greater than zero" } : undefined;
        if (issue) ctx.addIssue({ code: "custom", path: [i, "amount"], message: issue.message, params: { code: issue.code } });
        return parsed.ok ? parsed.value : 0n;
      }),
    ),
  });
