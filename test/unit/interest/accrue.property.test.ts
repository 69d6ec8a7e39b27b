import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, isoDate, type PlainDate } from "../../../src/domain/dates/plainDate.js";
import { accrueInterest, type AccrualInput, type DayCount } from "../../../src/domain/interest/accrue.js";
import type { BalanceTimeline, RateTimeline } from "../../../src/domain/interest/timelines.js";
import { divideRounded } from "../../../src/domain/money/rounding.js";

const ORIGIN = isoDate("2020-01-01");
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

const offsets = (minLength: number) => fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength, maxLength: 6 }).map((xs) => [...xs].sort((a, b) => a - b));
const principalArb = fc
  .tuple(offsets(0), fc.array(fc.bigInt({ min: 0n, max: 10n ** 10n }), { minLength: 7, maxLength: 7 }))
  .map(([days, amounts]): BalanceTimeline => [0, ...days].map((day, i) => ({ from: addDays(ORIGIN, day), amount: amounts[i]! })));
const ratesArb = fc
  .tuple(offsets(0), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 7, maxLength: 7 }))
  .map(([days, rates]): RateTimeline => [0, ...days].map((day, i) => ({ from: addDays(ORIGIN, day), rateBp: rates[i]! })));
const inputArb = fc
  .record({
    principal: principalArb,
    rates: ratesArb,
    start: fc.integer({ min: 0, max: 400 }),
    length: fc.integer({ min: -3, max: 400 }),
    dayCount: fc.constantFrom<DayCount>("act/365", "act/360"),
  })
  .map(({ start, length, ...rest }): AccrualInput => ({ ...rest, from: addDays(ORIGIN, start), to: addDays(ORIGIN, start + length) }));

function total(input: AccrualInput): bigint {
  const result = accrueInterest(input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.total;
}

const inForce = <T extends { from: PlainDate }>(timeline: readonly T[], day: PlainDate): T | undefined => timeline.filter((e) => compareDates(e.from, day) <= 0).at(-1);

/** The definition, one day at a time: Σ principal × rate over the days, divided once, rounded half up. */
function dayByDay(input: AccrualInput): bigint {
  let exact = 0n;
  for (let day = input.from; compareDates(day, input.to) <= 0; day = addDays(day, 1)) {
    exact += (inForce(input.principal, day)?.amount ?? 0n) * BigInt(inForce(input.rates, day)!.rateBp);
  }
  return divideRounded(exact, (input.dayCount === "act/365" ? 365n : 360n) * 10_000n, "halfUp");
}

describe("interest accrual properties", () => {
  it("equals the day-by-day definition, rounded once half up", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(total(input)).toBe(dayByDay(input));
      }),
      { numRuns: 150 },
    );
  });

  it("is never negative, and its lines are never negative and add up to the total", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = accrueInterest(input);
        if (!result.ok) throw new Error(result.error.message);
        expect(result.value.total >= 0n).toBe(true);
        expect(result.value.periods.every((p) => p.amount >= 0n && p.days > 0)).toBe(true);
        expect(result.value.periods.reduce((sum, p) => sum + p.amount, 0n)).toBe(result.value.total);
      }),
    );
  });

  it("never grows when the principal shrinks", () => {
    const shrunk = fc.tuple(inputArb, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 7, maxLength: 7 }));
    fc.assert(
      fc.property(shrunk, ([input, percents]) => {
        const smaller = input.principal.map((e, i) => ({ ...e, amount: (e.amount * BigInt(percents[i]!)) / 100n }));
        expect(total({ ...input, principal: smaller }) <= total(input)).toBe(true);
      }),
    );
  });

  it("does not change when a timeline is split at any date without changing the rate or principal", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 800 }), (input, splitAt) => {
        const day = addDays(ORIGIN, splitAt);
        const split = <T extends { from: PlainDate }>(timeline: readonly T[]): T[] =>
          timeline.some((e) => compareDates(e.from, day) === 0) ? [...timeline] : [...timeline, { ...inForce(timeline, day)!, from: day }].sort((a, b) => compareDates(a.from, b.from));
        expect(total({ ...input, rates: split(input.rates) })).toBe(total(input));
        expect(total({ ...input, principal: split(input.principal) })).toBe(total(input));
      }),
    );
  });

  it("moves by at most one minor unit per split when the window is accrued in pieces (monthly posting)", () => {
    const cuts = fc.uniqueArray(fc.integer({ min: 1, max: 399 }), { maxLength: 5 });
    fc.assert(
      fc.property(inputArb, cuts, (input, cutDays) => {
        const inside = cutDays.map((c) => addDays(input.from, c)).filter((c) => compareDates(c, input.to) <= 0).sort(compareDates);
        const starts = [input.from, ...inside];
        const pieces = starts.map((from, i) => total({ ...input, from, to: i + 1 < starts.length ? addDays(starts[i + 1]!, -1) : input.to }));
        const sum = pieces.reduce((a, b) => a + b, 0n);
        expect(abs(sum - total(input)) <= BigInt(inside.length)).toBe(true);
      }),
    );
  });
});
