import { addDays, compareDates, type PlainDate } from "../dates/plainDate.js";
import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { checkDiscountTiers, datedTiers, type DatedDiscountTier, type DiscountTier } from "./discountTiers.js";

/** What the tenant lets pass when a debtor takes a discount. */
export interface DiscountTolerance {
  /** A discount deducted up to this many days after its deadline is accepted (still flagged as taken late). */
  days?: number;
  /** A payment this much short of the discounted amount still settles it; the shortfall is written off. */
  amount?: bigint;
}

export interface DiscountPayment {
  /** The invoice amount the discount is a percentage of. */
  invoiceAmount: bigint;
  issueDate: PlainDate;
  /** When given, a tier whose window ends after it is refused (INVALID_DISCOUNT). */
  dueDate?: PlainDate;
  tiers: readonly DiscountTier[];
  paidOn: PlainDate;
  paid: bigint;
  /** Paid on the invoice before this payment (a discount counts on the whole invoice). */
  alreadyPaid?: bigint;
  tolerance?: DiscountTolerance;
}

export type DiscountOutcome =
  /** Paid at least the discounted amount within a window: the difference is booked as a discount and the invoice is settled. */
  | "settled-with-discount"
  /** Less than the discounted amount within a window, or less than the full amount after it with no discount deducted: the rest stays open. */
  | "partial"
  /** The debtor deducted a tier's discount after its window: the difference stays open unless the days tolerance accepts it. */
  | "discount-taken-late"
  /** Paid in full (or more); no discount involved. */
  | "paid-in-full";

export interface DiscountEvaluation {
  outcome: DiscountOutcome;
  /** Booked as a discount allocation (reduces the invoice without cash). */
  discount: bigint;
  /** Shortfall written off under the amount tolerance. */
  writtenOff: bigint;
  /** Still open on the invoice after this payment. */
  open: bigint;
  /** Paid beyond what was owed, for the caller to leave unapplied. */
  unapplied: bigint;
  /** The tier the payment fell in or (late) the one deducted; for a partial payment in a window, the one still available. */
  tier: DatedDiscountTier | null;
  /** For "discount-taken-late": whether the tolerance accepted it (then `discount` is booked and nothing stays open). */
  acceptedLate: boolean;
}

/**
 * Decides what a payment does to an invoice with early-payment discounts. 2/10 net 30 on 1,000.00 issued
 * 2024-03-01: 980.00 on 2024-03-11 settles it with a 20.00 discount; 980.00 on 2024-03-12 leaves 20.00
 * open as "discount taken late".
 */
export function evaluateDiscount(input: DiscountPayment): Result<DiscountEvaluation> {
  const problem = checkPayment(input);
  if (problem) return err(problem);
  const owed = input.invoiceAmount - (input.alreadyPaid ?? 0n);
  const result = (fields: Partial<DiscountEvaluation> & Pick<DiscountEvaluation, "outcome" | "open">): DiscountEvaluation => ({
    discount: 0n,
    writtenOff: 0n,
    unapplied: 0n,
    tier: null,
    acceptedLate: false,
    ...fields,
  });
  if (input.paid >= owed) return ok(result({ outcome: "paid-in-full", open: 0n, unapplied: input.paid - owed }));

  const tiers = datedTiers(input.tiers, input.invoiceAmount, input.issueDate);
  const tolerance = input.tolerance?.amount ?? 0n;
  const inWindow = tiers.find((t) => compareDates(input.paidOn, t.deadline) <= 0);
  if (inWindow) {
    const shortOfDiscounted = owed - inWindow.discount - input.paid;
    if (shortOfDiscounted <= 0n) return ok(result({ outcome: "settled-with-discount", open: 0n, discount: owed - input.paid, tier: inWindow }));
    if (shortOfDiscounted <= tolerance) return ok(result({ outcome: "settled-with-discount", open: 0n, discount: inWindow.discount, writtenOff: shortOfDiscounted, tier: inWindow }));
    return ok(result({ outcome: "partial", open: owed - input.paid, tier: inWindow }));
  }

  // After every window: a shortfall matching a tier's discount (within the amount tolerance) is that discount, deducted late.
  const shortfall = owed - input.paid;
  const deducted = closestTier(tiers, shortfall, tolerance);
  if (!deducted) return ok(result({ outcome: "partial", open: shortfall }));
  const acceptedLate = compareDates(input.paidOn, addDays(deducted.deadline, input.tolerance?.days ?? 0)) <= 0;
  if (!acceptedLate) return ok(result({ outcome: "discount-taken-late", open: shortfall, tier: deducted }));
  const discount = deducted.discount < shortfall ? deducted.discount : shortfall;
  return ok(result({ outcome: "discount-taken-late", open: 0n, discount, writtenOff: shortfall - discount, tier: deducted, acceptedLate }));
}

function closestTier(tiers: readonly DatedDiscountTier[], shortfall: bigint, tolerance: bigint): DatedDiscountTier | undefined {
  let best: { tier: DatedDiscountTier; distance: bigint } | undefined;
  for (const tier of tiers) {
    const distance = tier.discount > shortfall ? tier.discount - shortfall : shortfall - tier.discount;
    if (distance <= tolerance && (!best || distance < best.distance)) best = { tier, distance };
  }
  return best?.tier;
}

function checkPayment(input: DiscountPayment): DomainError | undefined {
  const negative = (path: string) => domainError("NEGATIVE_AMOUNT", `${path} must not be negative`, { path });
  if (input.invoiceAmount <= 0n) return domainError("INVALID_AMOUNT", `an invoice with a discount needs a positive amount, got ${input.invoiceAmount}`, { path: "invoiceAmount" });
  if (input.paid < 0n) return negative("paid");
  const already = input.alreadyPaid ?? 0n;
  if (already < 0n) return negative("alreadyPaid");
  if (already >= input.invoiceAmount) return domainError("OVER_ALLOCATION", `the invoice is already paid (${already} of ${input.invoiceAmount})`, { path: "alreadyPaid" });
  const tolerance = input.tolerance;
  if (tolerance?.amount !== undefined && tolerance.amount < 0n) return negative("tolerance.amount");
  if (tolerance?.days !== undefined && (!Number.isSafeInteger(tolerance.days) || tolerance.days < 0)) {
    return domainError("INVALID_DISCOUNT", `tolerance days must be a whole number from 0, got ${tolerance.days}`, { path: "tolerance.days" });
  }
  return checkDiscountTiers(input.tiers, input.dueDate ? { issueDate: input.issueDate, dueDate: input.dueDate } : undefined, "tiers");
}
