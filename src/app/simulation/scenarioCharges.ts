import { z } from "zod";
import { daysBetween, isoDate } from "../../domain/dates/plainDate.js";
import { parseDiscountTiers, type DiscountTierInput } from "../../domain/discounts/discountTiers.js";
import type { DomainError } from "../../domain/errors.js";
import { formatPaymentTerms } from "../../domain/terms/paymentTerms.js";
import { zDecimal } from "../inputs/fields.js";

/** A fee amount: a bare decimal in the scenario's currency, or amounts per currency as in a policy. */
const zAmounts = z.union([zDecimal, z.record(z.string(), zDecimal)]);

/** A step's fee in a scenario: the policy format, with bare amounts allowed. Checked by the policy rules. */
export const ScenarioFee = z.strictObject({
  fixed: zAmounts.optional(),
  percent: z.string().optional(),
  min: zAmounts.optional(),
  max: zAmounts.optional(),
  per: z.string().optional(),
  chargeWhenSkipped: z.boolean().optional(),
  dueDays: z.number().int().optional(),
});
type ScenarioFee = z.output<typeof ScenarioFee>;

export const ScenarioStepInterest = z.strictObject({ post: z.boolean().optional(), dueDays: z.number().int().optional() });

/** Early-payment discount tiers of an invoice: `[{ "days": 10, "percent": "2" }]`. */
export const ScenarioDiscounts = z.array(z.strictObject({ days: z.number().int(), percent: z.string() })).min(1);

/** The fee in the policy format: a bare amount becomes an amount in the scenario's currency. */
export function feeInputOf(fee: ScenarioFee, currency: string): Record<string, unknown> {
  const perCurrency = (amount: ScenarioFee["fixed"]) => (typeof amount === "string" ? { [currency]: amount } : amount);
  return Object.fromEntries(Object.entries({ ...fee, fixed: perCurrency(fee.fixed), min: perCurrency(fee.min), max: perCurrency(fee.max) }).filter(([, v]) => v !== undefined));
}

interface DiscountedInvoice {
  issueDate: string;
  dueDate: string;
  discounts?: DiscountTierInput[] | undefined;
}

/** What is wrong with an invoice's discount tiers (a window after the due date, tiers out of order), path from `discounts`. */
export function discountProblem(invoice: DiscountedInvoice): DomainError | undefined {
  if (!invoice.discounts) return undefined;
  const parsed = parseDiscountTiers(invoice.discounts, { issueDate: isoDate(invoice.issueDate), dueDate: isoDate(invoice.dueDate) });
  return parsed.ok ? undefined : parsed.error;
}

/** The invoice's discount tiers (checked by discountProblem) as payment terms ("2/10 net 30") for createInvoice; the explicit due date still wins. */
export function discountTerms(invoice: DiscountedInvoice): string | undefined {
  const parsed = invoice.discounts && parseDiscountTiers(invoice.discounts);
  if (!parsed?.ok) return undefined;
  return formatPaymentTerms({ kind: "net", days: daysBetween(isoDate(invoice.issueDate), isoDate(invoice.dueDate)), discounts: parsed.value });
}
