import { addDays, compareDates, daysBetween, minDate, type PlainDate } from "../dates/plainDate.js";
import { domainError, type DomainError } from "../errors.js";
import { allocateByWeights } from "../money/allocate.js";
import { divideRounded } from "../money/rounding.js";
import { err, ok, type Result } from "../result.js";
import { checkBalanceTimeline, checkRateTimeline, rateProblem, type BalanceTimeline, type RateBasis, type RateTimeline } from "./timelines.js";

/** Days in the year the annual rate is divided by; the days counted are always the actual calendar days. */
export type DayCount = "act/365" | "act/360";
const YEAR_DAYS: Record<DayCount, bigint> = { "act/365": 365n, "act/360": 360n };
const BP_PER_UNIT = 10_000n;

/** One stretch of days with the same principal and rate: the line a quote or letter prints. */
export interface InterestPeriod {
  from: PlainDate;
  /** Inclusive. */
  to: PlainDate;
  days: number;
  principal: bigint;
  /** The annual rate charged, after any cap. */
  rateBp: number;
  /** Minor units; the periods add up to the total exactly. */
  amount: bigint;
  /** True when the cap lowered the rate. */
  capped: boolean;
  basis?: RateBasis;
}

export interface InterestAccrual {
  total: bigint;
  periods: InterestPeriod[];
}

export interface AccrualInput {
  principal: BalanceTimeline;
  rates: RateTimeline;
  /** First day that can bear interest: the day after the due date (see firstInterestDay). */
  from: PlainDate;
  /** Last day, inclusive: the day of payment, a quote's as-of date, or the day of an agency hand-off. */
  to: PlainDate;
  dayCount: DayCount;
  /** Interest starts this many days later than `from`. */
  graceDays?: number;
  /** The highest annual rate that may be charged (usury limit); higher rates are cut to it. */
  capAnnualBp?: number;
  /** Days after `from` (grace included) after which interest stops. */
  stopAfterDays?: number;
}

/** Interest runs from the day after the due date; a debt paid on its due date is not late. */
export const firstInterestDay = (dueDate: PlainDate): PlainDate => addDays(dueDate, 1);

/**
 * Simple daily interest on the principal outstanding each day, split at every principal and rate change.
 *
 * Rounding: every period's interest is kept exact (principal × rate × days ÷ (10,000 × year days), one
 * common denominator), the exact sum is rounded once, half up, to the minor unit, and that total is
 * spread back over the periods in proportion to their exact amounts (largest remainder) so the printed
 * lines add up to it. Rounding each period instead would let an extra split (a payment, a rate table
 * row) move the total by a unit, and could even make a smaller principal cost more; rounding once makes
 * splits free and keeps interest monotone in the principal. Interest on interest is never charged.
 */
export function accrueInterest(input: AccrualInput): Result<InterestAccrual> {
  const invalid = checkInput(input);
  if (invalid) return err(invalid);
  const { principal, rates } = input;
  const start = addDays(input.from, input.graceDays ?? 0);
  const end = input.stopAfterDays === undefined ? input.to : minDate(input.to, addDays(input.from, input.stopAfterDays - 1));
  if (compareDates(end, start) < 0) return ok({ total: 0n, periods: [] });

  let ri = lastIndexInForce(rates, start);
  if (ri < 0) {
    const first = rates[0]?.from;
    return err(domainError("RATE_TABLE_GAP", first ? `no rate is in force on ${start}; the first starts on ${first}` : "no rate given", { path: "rates" }));
  }
  let pi = lastIndexInForce(principal, start);
  const periods: Omit<InterestPeriod, "amount">[] = [];
  const stop = addDays(end, 1);
  for (let cursor = start; compareDates(cursor, stop) < 0; ) {
    const nextRate = rates[ri + 1]?.from;
    const nextPrincipal = principal[pi + 1]?.from;
    let until = stop;
    if (nextRate && compareDates(nextRate, until) < 0) until = nextRate;
    if (nextPrincipal && compareDates(nextPrincipal, until) < 0) until = nextPrincipal;
    const amount = pi >= 0 ? principal[pi]!.amount : 0n;
    if (amount > 0n) addPeriod(periods, cursor, until, amount, rates[ri]!, input.capAnnualBp);
    if (nextRate && compareDates(nextRate, until) === 0) ri++;
    if (nextPrincipal && compareDates(nextPrincipal, until) === 0) pi++;
    cursor = until;
  }
  return ok(roundOnce(periods, YEAR_DAYS[input.dayCount] * BP_PER_UNIT));
}

function addPeriod(periods: Omit<InterestPeriod, "amount">[], from: PlainDate, until: PlainDate, principal: bigint, rate: RateTimeline[number], cap: number | undefined): void {
  const capped = cap !== undefined && rate.rateBp > cap;
  const rateBp = capped ? cap : rate.rateBp;
  const days = daysBetween(from, until);
  const to = addDays(until, -1);
  const last = periods.at(-1);
  // unchanged terms across a split (an unchanged half-year, a rate above the cap) read as one line
  if (last && last.principal === principal && last.rateBp === rateBp && last.capped === capped && sameBasis(last.basis, rate.basis) && daysBetween(last.to, from) === 1) {
    last.to = to;
    last.days += days;
    return;
  }
  periods.push({ from, to, days, principal, rateBp, capped, ...(rate.basis ? { basis: rate.basis } : {}) });
}

function roundOnce(periods: Omit<InterestPeriod, "amount">[], denominator: bigint): InterestAccrual {
  const exact = periods.map((p) => p.principal * BigInt(p.rateBp) * BigInt(p.days));
  const exactSum = exact.reduce((a, b) => a + b, 0n);
  const total = divideRounded(exactSum, denominator, "halfUp");
  const amounts = exactSum === 0n ? exact : allocateByWeights(total, exact);
  return { total, periods: periods.map((p, i) => ({ ...p, amount: amounts[i]! })) };
}

const sameBasis = (a: RateBasis | undefined, b: RateBasis | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.table === b.table && a.referenceBp === b.referenceBp && a.marginBp === b.marginBp);

function lastIndexInForce(timeline: readonly { from: PlainDate }[], day: PlainDate): number {
  let found = -1;
  for (let i = 0; i < timeline.length && compareDates(timeline[i]!.from, day) <= 0; i++) found = i;
  return found;
}

function checkInput(input: AccrualInput): DomainError | undefined {
  const wrong = (path: string, message: string) => domainError("INVALID_INTEREST", message, { path });
  if (!(input.dayCount in YEAR_DAYS)) return wrong("dayCount", `day count "${input.dayCount}" is not act/365 or act/360`);
  const grace = input.graceDays;
  if (grace !== undefined && (!Number.isSafeInteger(grace) || grace < 0)) return wrong("graceDays", `grace days must be a whole number from 0, got ${grace}`);
  const stop = input.stopAfterDays;
  if (stop !== undefined && (!Number.isSafeInteger(stop) || stop < 1)) return wrong("stopAfterDays", `interest can stop after 1 day at the earliest, got ${stop}`);
  const capProblem = input.capAnnualBp === undefined ? undefined : rateProblem(input.capAnnualBp);
  if (capProblem) return domainError("INVALID_RATE", `the rate cap: ${capProblem}`, { path: "capAnnualBp" });
  return checkBalanceTimeline(input.principal) ?? checkRateTimeline(input.rates);
}
