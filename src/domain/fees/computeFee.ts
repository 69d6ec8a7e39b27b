import { domainError } from "../errors.js";
import type { Currency } from "../money/currency.js";
import { divideRounded } from "../money/rounding.js";
import { err, ok, type Result } from "../result.js";
import { checkFeeRule, type FeeRule } from "./feeRule.js";

/** An invoice a step chases, with what is overdue on it (principal only: no fee on fees or interest). */
export interface FeeItem {
  invoiceId: string;
  overdue: bigint;
}

/** One fee to post as an open item of its own, with how it was reached. */
export interface FeeCharge {
  /** The invoice it belongs to; for a per-reminder fee, every invoice the reminder chased. */
  invoiceIds: string[];
  /** The overdue amount the percentage was taken of. */
  basis: bigint;
  fixed: bigint;
  percentage: bigint;
  /** fixed + percentage, kept within min/max. */
  amount: bigint;
  limitedBy: "min" | "max" | null;
}

const WHOLE_BP = 10_000n;

/**
 * The fees a step charges in `currency`: one per overdue invoice or one per reminder. The percentage part
 * rounds half up to the minor unit, then min and max apply. Items with nothing overdue get no fee, and a
 * fee of zero is not charged. Charging it once per invoice and step is the caller's (idempotent) job.
 */
export function computeFee(rule: FeeRule, items: readonly FeeItem[], currency: Currency): Result<FeeCharge[]> {
  const problem = checkFeeRule(rule);
  if (problem) return err(problem);
  for (const field of ["fixed", "min", "max"] as const) {
    const amounts = rule[field];
    if (amounts !== undefined && amounts[currency] === undefined) {
      const defined = Object.keys(amounts).join(", ") || "none";
      return err(domainError("INVALID_FEE", `the fee's ${field} amount is defined for ${defined}, not for ${currency}`, { path: `${field}.${currency}` }));
    }
  }
  const negative = items.findIndex((item) => item.overdue < 0n);
  if (negative >= 0) return err(domainError("NEGATIVE_AMOUNT", `an overdue amount must not be negative`, { path: `items[${negative}].overdue` }));

  const overdue = items.filter((item) => item.overdue > 0n);
  const groups = rule.per === "invoice" ? overdue.map((item) => [item]) : overdue.length > 0 ? [overdue] : [];
  const charges = groups.map((group) => charge(rule, currency, group));
  return ok(charges.filter((c) => c.amount > 0n));
}

function charge(rule: FeeRule, currency: Currency, items: readonly FeeItem[]): FeeCharge {
  const basis = items.reduce((sum, item) => sum + item.overdue, 0n);
  const fixed = rule.fixed?.[currency] ?? 0n;
  const percentage = rule.percentBp === undefined ? 0n : divideRounded(basis * BigInt(rule.percentBp), WHOLE_BP, "halfUp");
  const min = rule.min?.[currency];
  const max = rule.max?.[currency];
  let amount = fixed + percentage;
  let limitedBy: FeeCharge["limitedBy"] = null;
  if (min !== undefined && amount < min) [amount, limitedBy] = [min, "min"];
  if (max !== undefined && amount > max) [amount, limitedBy] = [max, "max"];
  return { invoiceIds: items.map((item) => item.invoiceId), basis, fixed, percentage, amount, limitedBy };
}
