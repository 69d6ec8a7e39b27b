import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/domain/dates/plainDate.js";
import { accrueInterest, firstInterestDay, type AccrualInput } from "../../../src/domain/interest/accrue.js";
import { formatRateBp, principalTimeline, type RateTimeline } from "../../../src/domain/interest/timelines.js";

const d = isoDate;
const flat = (rateBp: number, from = "2000-01-01"): RateTimeline => [{ from: d(from), rateBp }];
const base: AccrualInput = {
  principal: [{ from: d("2024-01-01"), amount: 1_000_000n }],
  rates: flat(1000),
  from: d("2024-03-02"),
  to: d("2024-03-31"),
  dayCount: "act/365",
};

function accrue(overrides: Partial<AccrualInput>) {
  const result = accrueInterest({ ...base, ...overrides });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
const errorOf = (overrides: Partial<AccrualInput>) => {
  const result = accrueInterest({ ...base, ...overrides });
  return result.ok ? undefined : { code: result.error.code, path: result.error.path };
};

describe("accrueInterest", () => {
  it("counts both ends: 30 days from 2024-03-02 to 2024-03-31 at 10 % on 10,000.00 = 82.19", () => {
    // 1,000,000 × 1000 × 30 / (10,000 × 365) = 8219.17…
    expect(accrue({})).toMatchObject({ total: 8219n, periods: [{ days: 30, amount: 8219n }] });
  });

  it("charges nothing when paid on the due date or before", () => {
    const due = d("2024-03-01");
    expect(accrue({ from: firstInterestDay(due), to: due })).toEqual({ total: 0n, periods: [] });
    expect(accrue({ from: firstInterestDay(due), to: d("2024-02-20") })).toEqual({ total: 0n, periods: [] });
  });

  it("divides by 360 under act/360", () => {
    // 1,000,000 × 1000 × 30 / 3,600,000 = 8333.33…
    expect(accrue({ dayCount: "act/360" }).total).toBe(8333n);
  });

  it("starts after the grace days and charges nothing when paid within them", () => {
    expect(accrue({ graceDays: 10 }).periods).toMatchObject([{ from: d("2024-03-12"), to: d("2024-03-31"), days: 20 }]);
    expect(accrue({ graceDays: 30 })).toEqual({ total: 0n, periods: [] });
  });

  it("stops after N days counted from the first day, grace included", () => {
    expect(accrue({ stopAfterDays: 10 }).periods).toMatchObject([{ from: d("2024-03-02"), to: d("2024-03-11"), days: 10 }]);
    expect(accrue({ stopAfterDays: 10, graceDays: 5 }).periods).toMatchObject([{ from: d("2024-03-07"), to: d("2024-03-11"), days: 5 }]);
  });

  it("cuts rates above the cap to the cap and says so", () => {
    const rates: RateTimeline = [
      { from: d("2024-01-01"), rateBp: 1800 },
      { from: d("2024-03-16"), rateBp: 900 },
    ];
    const result = accrue({ rates, capAnnualBp: 1200 });
    expect(result.periods.map((p) => [p.days, p.rateBp, p.capped])).toEqual([
      [14, 1200, true],
      [16, 900, false],
    ]);
  });

  it("accrues only on what is still owed: nothing once the principal is paid", () => {
    const principal = [
      { from: d("2024-01-01"), amount: 1_000_000n },
      { from: d("2024-03-11"), amount: 0n },
    ];
    const result = accrue({ principal });
    expect(result.periods).toMatchObject([{ from: d("2024-03-02"), to: d("2024-03-10"), days: 9 }]);
    // 1,000,000 × 1000 × 9 / 3,650,000 = 2465.75… — stays owed after the principal is paid
    expect(result.total).toBe(2466n);
  });

  it("reads one line per unchanged stretch, even across rate-table rows with the same rate", () => {
    const rates: RateTimeline = [
      { from: d("2024-01-01"), rateBp: 1000 },
      { from: d("2024-03-10"), rateBp: 1000 },
    ];
    expect(accrue({ rates }).periods).toHaveLength(1);
  });

  it("rounds the exact sum once, so three thirds of a cent make a cent and the lines add up to it", () => {
    // at 1 bp a year over one day, 1,216,667 minor units earn 1,216,667 / 3,650,000 ≈ 0.333 each day
    const principal = [
      { from: d("2024-01-01"), amount: 1_216_667n },
      { from: d("2024-01-02"), amount: 1_216_666n },
      { from: d("2024-01-03"), amount: 1_216_667n },
    ];
    const result = accrue({ principal, rates: flat(1), from: d("2024-01-01"), to: d("2024-01-03") });
    // exact sum 3,650,000 / 3,650,000 = 1; rounding each line would give 0 + 0 + 0
    expect(result.total).toBe(1n);
    expect(result.periods.map((p) => p.amount)).toEqual([1n, 0n, 0n]);
  });

  it("never charges more after a payment, which rounding each line separately would", () => {
    const window = { rates: flat(1), from: d("2024-01-01"), to: d("2024-01-02") };
    // unpaid: 2 days × 2,007,500 at 1 bp = 1.1 → 1
    const unpaid = accrue({ ...window, principal: [{ from: d("2024-01-01"), amount: 2_007_500n }] });
    // 107,500 paid on day 1: 0.55 + 0.52 = 1.07 → 1 (per-line rounding: 1 + 1 = 2)
    const paid = accrue({ ...window, principal: [{ from: d("2024-01-01"), amount: 2_007_500n }, { from: d("2024-01-02"), amount: 1_900_000n }] });
    expect([unpaid.total, paid.total]).toEqual([1n, 1n]);
  });

  it("owes nothing before the first principal entry", () => {
    const result = accrue({ principal: [{ from: d("2024-03-22"), amount: 1_000_000n }] });
    expect(result.periods).toMatchObject([{ from: d("2024-03-22"), days: 10 }]);
  });

  it.each([
    [{ rates: flat(1000, "2024-03-05") }, "RATE_TABLE_GAP", "rates"],
    [{ rates: [] }, "RATE_TABLE_GAP", "rates"],
    [{ rates: flat(-50) }, "INVALID_RATE", "rates[0].rateBp"],
    [{ rates: flat(10_001) }, "INVALID_RATE", "rates[0].rateBp"],
    [{ rates: flat(12.5) }, "INVALID_RATE", "rates[0].rateBp"],
    [{ rates: [...flat(1000), ...flat(900)] }, "RATE_TABLE_OVERLAP", "rates[1].from"],
    [{ principal: [{ from: d("2024-01-01"), amount: -1n }] }, "NEGATIVE_AMOUNT", "principal[0].amount"],
    [{ graceDays: -1 }, "INVALID_INTEREST", "graceDays"],
    [{ stopAfterDays: 0 }, "INVALID_INTEREST", "stopAfterDays"],
    [{ capAnnualBp: -1 }, "INVALID_RATE", "capAnnualBp"],
    [{ dayCount: "30/360" as "act/360" }, "INVALID_INTEREST", "dayCount"],
  ])("refuses bad input %# with a code naming the field", (overrides, code, path) => {
    expect(errorOf(overrides)).toEqual({ code, path });
  });
});

describe("principalTimeline", () => {
  it("reduces the principal from the day after each payment, combining payments of one day and never going below zero", () => {
    const result = principalTimeline(1_000_00n, d("2024-03-01"), [
      { on: d("2024-03-20"), amount: 200_00n },
      { on: d("2024-03-10"), amount: 300_00n },
      { on: d("2024-03-20"), amount: 100_00n },
      { on: d("2024-04-01"), amount: 900_00n },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        { from: d("2024-03-01"), amount: 1_000_00n },
        { from: d("2024-03-11"), amount: 700_00n },
        { from: d("2024-03-21"), amount: 400_00n },
        { from: d("2024-04-02"), amount: 0n },
      ],
    });
  });

  it("counts a payment made before the start from the start", () => {
    expect(principalTimeline(500n, d("2024-03-01"), [{ on: d("2024-02-15"), amount: 200n }])).toEqual({ ok: true, value: [{ from: d("2024-03-01"), amount: 300n }] });
  });

  it("refuses negative amounts", () => {
    expect(principalTimeline(-1n, d("2024-03-01"), [])).toMatchObject({ ok: false, error: { code: "NEGATIVE_AMOUNT", path: "principal" } });
    expect(principalTimeline(1n, d("2024-03-01"), [{ on: d("2024-03-02"), amount: -1n }])).toMatchObject({ ok: false, error: { path: "reductions[0].amount" } });
  });
});

describe("formatRateBp", () => {
  it.each([
    [1262, "12.62"],
    [900, "9"],
    [-88, "-0.88"],
    [1250, "12.5"],
    [5, "0.05"],
  ])("writes %i bp as %s %", (bp, text) => {
    expect(formatRateBp(bp)).toBe(text);
  });
});
