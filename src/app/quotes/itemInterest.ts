import type { PolicyInterest } from "../../domain/collections/policy.js";
import { compareDates, isoDate, minDate, type PlainDate } from "../../domain/dates/plainDate.js";
import { Failure } from "../../domain/errors.js";
import { fixedCompensation } from "../../domain/fees/fixedCompensation.js";
import { accrueInterest, firstInterestDay, type InterestAccrual } from "../../domain/interest/accrue.js";
import { rateTimelineFor } from "../../domain/interest/interestRule.js";
import type { ReferenceRateTables } from "../../domain/interest/referenceRateTables.js";
import { principalTimeline, type BalanceTimeline } from "../../domain/interest/timelines.js";
import type { Money } from "../../domain/money/money.js";
import { currency } from "../../domain/money/currency.js";
import type { Result } from "../../domain/result.js";
import type { QuoteItemRow } from "../../store/quotes.js";

/** What decides an item's interest besides the item: the customer's policy, the rates and the quote date. */
export interface InterestTerms {
  interest: PolicyInterest | undefined;
  tables: ReferenceRateTables;
  asOf: PlainDate;
  /** The customer's agency or legal hand-off, when the policy stops interest there. */
  handedOffOn: PlainDate | null;
}

const NONE: InterestAccrual = { total: 0n, periods: [] };

/** Throws a domain error with the item named, so a quote that cannot be made says which invoice stopped it. */
function orFail<T>(result: Result<T>, item: QuoteItemRow): T {
  if (result.ok) return result.value;
  throw new Failure({ ...result.error, message: `${itemLabel(item)}: ${result.error.message}` });
}

export const itemLabel = (item: Pick<QuoteItemRow, "number" | "installment_seq">): string => (item.installment_seq === null ? item.number : `${item.number}/${item.installment_seq}`);

/** The last day an item bears interest: the quote date, its settlement, or the hand-off, whichever comes first. */
function lastInterestDay(item: QuoteItemRow, terms: InterestTerms): PlainDate {
  let last = terms.asOf;
  if (item.settled_on) last = minDate(last, isoDate(item.settled_on));
  if (terms.interest?.stopAfterHandoff && terms.handedOffOn) last = minDate(last, terms.handedOffOn);
  return last;
}

/** Nothing is owed before `day`: the balance in force then starts there. */
function claimableFrom(timeline: BalanceTimeline, day: PlainDate): BalanceTimeline {
  const before = timeline.filter((e) => compareDates(e.from, day) <= 0);
  const after = timeline.filter((e) => compareDates(e.from, day) > 0);
  const inForce = before.at(-1);
  return inForce ? [{ from: day, amount: inForce.amount }, ...after] : after;
}

/**
 * The interest an ordinary item has accrued by the quote date: on its principal outstanding each day
 * (each day's allocations reduce it from the next day), from the day after its due date plus the
 * policy's grace, split at every rate and principal change, and only for days from the policy's
 * interest `from` date.
 */
export function itemInterest(item: QuoteItemRow, terms: InterestTerms): InterestAccrual {
  const rule = terms.interest;
  if (!rule || item.kind !== "invoice") return NONE;
  const due = isoDate(item.due_date);
  const first = firstInterestDay(due);
  const last = lastInterestDay(item, terms);
  if (compareDates(last, first) < 0 || (rule.from && compareDates(last, rule.from) < 0)) return NONE;
  const reductions = item.reductions.map((r) => ({ on: isoDate(r.on), amount: r.amount }));
  const principal = orFail(principalTimeline(item.amount, first, reductions), item);
  const rates = orFail(rateTimelineFor(rule.rule, terms.tables, { dueDate: due, until: last }), item);
  return orFail(
    accrueInterest({
      principal: rule.from ? claimableFrom(principal, rule.from) : principal,
      rates,
      from: first,
      to: last,
      dayCount: rule.dayCount,
      graceDays: rule.graceDays,
      ...(rule.capAnnualBp !== undefined ? { capAnnualBp: rule.capAnnualBp } : {}),
      ...(rule.stopAfterDays !== undefined ? { stopAfterDays: rule.stopAfterDays } : {}),
    }),
    item,
  );
}

/** An item is late once its due date passed unpaid: still open after it on the quote date, or settled after it. */
export const isLate = (item: QuoteItemRow, asOf: PlainDate): boolean =>
  item.kind === "invoice" && compareDates(item.settled_on ? isoDate(item.settled_on) : asOf, isoDate(item.due_date)) > 0;

/**
 * The fixed compensation the statutory rule gives a late invoice (the caller grants it once per
 * invoice), or null: no statutory rule, or a contractual one. A sum in another currency than the
 * invoice's is refused (CURRENCY_MISMATCH) rather than added to it.
 */
export function itemCompensation(item: QuoteItemRow, interest: PolicyInterest | undefined): bigint {
  if (interest?.rule.kind !== "statutory") return 0n;
  const sum: Money | null = orFail(fixedCompensation(interest.rule.jurisdiction, item.invoice_amount, currency(item.currency)), item);
  if (sum === null) return 0n;
  if (sum.currency !== item.currency) {
    throw new Failure({ code: "CURRENCY_MISMATCH", message: `${itemLabel(item)}: the ${interest.rule.jurisdiction} compensation is in ${sum.currency}, the invoice in ${item.currency}`, path: "compensation" });
  }
  return sum.amount;
}
