import { addDays, compareDates, type PlainDate } from "../dates/plainDate.js";
import { domainError, type DomainError } from "../errors.js";
import { parsePercentBp } from "../money/percent.js";
import { divideRounded } from "../money/rounding.js";
import { err, ok, type Result } from "../result.js";
import type { DiscountTier } from "../terms/paymentTerms.js";

export type { DiscountTier };

/** As written on an invoice in a scenario or import: `{ "days": 10, "percent": "2" }`. */
export interface DiscountTierInput {
  days: number;
  percent: string;
}

/** A tier on a dated invoice: the last day it can be taken and what it is worth. */
export interface DatedDiscountTier extends DiscountTier {
  deadline: PlainDate;
  /** Minor units off the invoice amount, rounded half up. */
  discount: bigint;
}

const WHOLE_BP = 10_000;
const MAX_DAYS = 3650;

const invalid = (path: string, message: string): DomainError => domainError("INVALID_DISCOUNT", message, { path });

/** Reads written tiers into basis points, then checks them like checkDiscountTiers. */
export function parseDiscountTiers(input: readonly DiscountTierInput[], invoice?: { issueDate: PlainDate; dueDate: PlainDate }, path = "discounts"): Result<DiscountTier[]> {
  const tiers: DiscountTier[] = [];
  for (const [i, tier] of input.entries()) {
    const bp = parsePercentBp(tier.percent, "INVALID_DISCOUNT");
    if (!bp.ok) return err({ ...bp.error, path: `${path}[${i}].percent` });
    tiers.push({ days: tier.days, percentBp: bp.value });
  }
  const problem = checkDiscountTiers(tiers, invoice, path);
  return problem ? err(problem) : ok(tiers);
}

/**
 * A tier gives a positive discount below 100 % for a window of at least one day that ends no later than
 * the due date; a later tier gives more time for less money (Skonto 3 % / 14 days, 2 % / 30 days).
 */
export function checkDiscountTiers(tiers: readonly DiscountTier[], invoice?: { issueDate: PlainDate; dueDate: PlainDate }, path = "discounts"): DomainError | undefined {
  for (const [i, tier] of tiers.entries()) {
    const at = (field: string) => `${path}[${i}].${field}`;
    if (!Number.isSafeInteger(tier.days) || tier.days < 1 || tier.days > MAX_DAYS) return invalid(at("days"), `a discount window is 1 to ${MAX_DAYS} days, got ${tier.days}`);
    if (!Number.isSafeInteger(tier.percentBp) || tier.percentBp <= 0 || tier.percentBp >= WHOLE_BP) {
      return invalid(at("percent"), `a discount is above 0 and below 100 % in whole basis points, got ${tier.percentBp}`);
    }
    if (invoice && compareDates(addDays(invoice.issueDate, tier.days), invoice.dueDate) > 0) {
      return invalid(at("days"), `the ${tier.days}-day discount window ends on ${addDays(invoice.issueDate, tier.days)}, after the due date ${invoice.dueDate}`);
    }
    const previous = tiers[i - 1];
    if (previous && tier.days <= previous.days) return invalid(at("days"), `tier windows must grow: ${previous.days} days then ${tier.days}`);
    if (previous && tier.percentBp >= previous.percentBp) return invalid(at("percent"), `a longer window must give a smaller discount: ${previous.percentBp} bp then ${tier.percentBp} bp`);
  }
  return undefined;
}

/** The tiers of an invoice of `amount` issued on `issueDate`, earliest deadline first. */
export function datedTiers(tiers: readonly DiscountTier[], amount: bigint, issueDate: PlainDate): DatedDiscountTier[] {
  return [...tiers]
    .sort((a, b) => a.days - b.days)
    .map((tier) => ({ ...tier, deadline: addDays(issueDate, tier.days), discount: divideRounded(amount * BigInt(tier.percentBp), BigInt(WHOLE_BP), "halfUp") }));
}
