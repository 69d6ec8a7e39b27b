import { addDays, compareDates, type PlainDate } from "../dates/plainDate.js";
import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";

/** Principal outstanding from `from` until the next entry's date. Before the first entry nothing is owed. */
export type BalanceTimeline = readonly { readonly from: PlainDate; readonly amount: bigint }[];

/** Where a statutory rate comes from, so a quote or letter can say "base rate 3.62 % + 9 points". */
export interface RateBasis {
  readonly table: string;
  readonly referenceBp: number;
  readonly marginBp: number;
}

/** An annual rate in basis points (12.62 % = 1262) in force from `from` until the next entry; the last is open-ended. */
export interface RateEntry {
  readonly from: PlainDate;
  readonly rateBp: number;
  readonly basis?: RateBasis;
}
export type RateTimeline = readonly RateEntry[];

/** 100 % a year: anything above is a typo, not a rate, even under the loosest usury law. */
export const MAX_ANNUAL_RATE_BP = 10_000;

/**
 * The principal outstanding each day: `original` until the first reduction, less every payment or credit
 * note from the day after it arrives (the debtor had the money until then). Never below zero.
 */
export function principalTimeline(original: bigint, since: PlainDate, reductions: readonly { on: PlainDate; amount: bigint }[]): Result<BalanceTimeline> {
  if (original < 0n) return err(domainError("NEGATIVE_AMOUNT", `the principal must not be negative, got ${original}`, { path: "principal" }));
  const bad = reductions.findIndex((r) => r.amount < 0n);
  if (bad >= 0) return err(domainError("NEGATIVE_AMOUNT", `a payment reducing the principal must not be negative`, { path: `reductions[${bad}].amount` }));
  const timeline: { from: PlainDate; amount: bigint }[] = [{ from: since, amount: original }];
  let balance = original;
  for (const r of [...reductions].sort((a, b) => compareDates(a.on, b.on))) {
    if (r.amount === 0n) continue;
    balance = balance > r.amount ? balance - r.amount : 0n;
    const from = addDays(r.on, 1);
    const last = timeline.at(-1)!;
    // a reduction before `since`, or a second one on the same day, rewrites the current entry
    if (compareDates(from, last.from) <= 0) last.amount = balance;
    else timeline.push({ from, amount: balance });
  }
  return ok(timeline);
}

/** Checks what accrual relies on: ascending dates, balances not negative. */
export function checkBalanceTimeline(principal: BalanceTimeline): DomainError | undefined {
  for (const [i, entry] of principal.entries()) {
    if (entry.amount < 0n) return domainError("NEGATIVE_AMOUNT", `principal ${entry.amount} from ${entry.from} is negative`, { path: `principal[${i}].amount` });
    const previous = principal[i - 1];
    if (previous && compareDates(entry.from, previous.from) <= 0) {
      return domainError("VALIDATION_FAILED", `principal entries must have ascending dates: ${previous.from} then ${entry.from}`, { path: `principal[${i}].from` });
    }
  }
  return undefined;
}

/** Checks a rate timeline: ascending dates (one rate per day), whole basis points from 0 to 100 % a year. */
export function checkRateTimeline(rates: RateTimeline, path = "rates"): DomainError | undefined {
  for (const [i, entry] of rates.entries()) {
    const problem = rateProblem(entry.rateBp);
    if (problem) return domainError("INVALID_RATE", `rate from ${entry.from}: ${problem}`, { path: `${path}[${i}].rateBp` });
    const previous = rates[i - 1];
    if (previous && compareDates(entry.from, previous.from) <= 0) {
      return domainError("RATE_TABLE_OVERLAP", `two rates would apply on ${entry.from}: dates must ascend (${previous.from} then ${entry.from})`, { path: `${path}[${i}].from` });
    }
  }
  return undefined;
}

/** Why an annual rate in basis points cannot be charged, or undefined when it can. */
export function rateProblem(rateBp: number): string | undefined {
  if (!Number.isSafeInteger(rateBp)) return `${rateBp} is not a whole number of basis points`;
  if (rateBp < 0) return `${formatRateBp(rateBp)} % is negative`;
  if (rateBp > MAX_ANNUAL_RATE_BP) return `${formatRateBp(rateBp)} % a year is above the ${formatRateBp(MAX_ANNUAL_RATE_BP)} % limit`;
  return undefined;
}

/** 1262 → "12.62", -88 → "-0.88", 900 → "9": the percentage as people write it. */
export function formatRateBp(bp: number): string {
  const sign = bp < 0 ? "-" : "";
  const abs = Math.abs(bp);
  const fraction = String(abs % 100).padStart(2, "0").replace(/0+$/, "");
  return `${sign}${Math.trunc(abs / 100)}${fraction ? `.${fraction}` : ""}`;
}
