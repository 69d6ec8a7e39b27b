import { beforeAll, describe, expect, it } from "vitest";
import { isoDate, type PlainDate } from "../../../src/domain/dates/plainDate.js";
import { fixedCompensation } from "../../../src/domain/fees/fixedCompensation.js";
import { accrueInterest, firstInterestDay, type DayCount } from "../../../src/domain/interest/accrue.js";
import { parseInterestRule, rateTimelineFor } from "../../../src/domain/interest/interestRule.js";
import type { ReferenceRateTables } from "../../../src/domain/interest/referenceRateTables.js";
import { principalTimeline } from "../../../src/domain/interest/timelines.js";
import { currency, formatAmount } from "../../../src/domain/money/index.js";
import type { Result } from "../../../src/domain/result.js";
import { loadReferenceRateTables } from "../../../src/store/referenceRateFiles.js";

const d = isoDate;
const EUR = currency("EUR");
const GBP = currency("GBP");

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

let tables: ReferenceRateTables;
beforeAll(async () => {
  tables = value(await loadReferenceRateTables());
});

/** The whole chain a quote runs: rule → rates from the shipped tables → accrual on the outstanding principal. */
function lateInterest(rule: Parameters<typeof parseInterestRule>[0], debt: { amount: bigint; due: string; paid: string; payments?: { on: PlainDate; amount: bigint }[] }, dayCount: DayCount = "act/365") {
  const dueDate = d(debt.due);
  const rates = value(rateTimelineFor(value(parseInterestRule(rule)), tables, { dueDate, until: d(debt.paid) }));
  const principal = value(principalTimeline(debt.amount, dueDate, debt.payments ?? []));
  return value(accrueInterest({ principal, rates, from: firstInterestDay(dueDate), to: d(debt.paid), dayCount }));
}

describe("the issue's worked examples, on the shipped rate tables", () => {
  it("DE: €10,000.00 due 2024-03-01 paid 2024-05-30 is 90 days at 12.62 % = €311.18, plus €40.00", () => {
    const interest = lateInterest({ statutory: "DE" }, { amount: 1_000_000n, due: "2024-03-01", paid: "2024-05-30" });
    expect(formatAmount(interest.total, EUR)).toBe("311.18");
    expect(interest.periods).toEqual([
      {
        from: d("2024-03-02"),
        to: d("2024-05-30"),
        days: 90,
        principal: 1_000_000n,
        rateBp: 1262,
        amount: 31_118n,
        capped: false,
        basis: { table: "de-basiszinssatz.csv", referenceBp: 362, marginBp: 900 },
      },
    ]);
    expect(value(fixedCompensation("DE", 1_000_000n, EUR))).toEqual({ amount: 40_00n, currency: EUR });
  });

  it("DE: a base-rate change on 2024-07-01 splits the period: 15 days at 12.62 % and 15 at 12.37 % = €102.70", () => {
    const interest = lateInterest({ statutory: "DE" }, { amount: 1_000_000n, due: "2024-06-15", paid: "2024-07-15" });
    expect(formatAmount(interest.total, EUR)).toBe("102.70");
    expect(interest.periods.map((p) => [p.from.toString(), p.to.toString(), p.days, p.rateBp, p.amount])).toEqual([
      ["2024-06-16", "2024-06-30", 15, 1262, 5186n],
      ["2024-07-01", "2024-07-15", 15, 1237, 5084n],
    ]);
  });

  it("UK: £5,000.00 paid 30 days late at Bank Rate 5.25 % + 8 = 13.25 % is £54.45, plus £70.00", () => {
    const interest = lateInterest({ statutory: "GB" }, { amount: 500_000n, due: "2024-03-01", paid: "2024-03-31" });
    expect(formatAmount(interest.total, GBP)).toBe("54.45");
    expect(interest.periods).toMatchObject([{ days: 30, rateBp: 1325, basis: { table: "uk-reference.csv", referenceBp: 525, marginBp: 800 } }]);
    expect(value(fixedCompensation("GB", 500_000n, GBP))).toEqual({ amount: 70_00n, currency: GBP });
  });

  it("a partial payment reduces the principal from the day after it arrives", () => {
    // €10,000.00 due 2024-03-01, €4,000.00 paid on 2024-03-31, the rest on 2024-05-30
    const interest = lateInterest({ statutory: "DE" }, { amount: 1_000_000n, due: "2024-03-01", paid: "2024-05-30", payments: [{ on: d("2024-03-31"), amount: 400_000n }] });
    expect(interest.periods.map((p) => [p.from.toString(), p.to.toString(), p.days, p.principal])).toEqual([
      ["2024-03-02", "2024-03-31", 30, 1_000_000n],
      ["2024-04-01", "2024-05-30", 60, 600_000n],
    ]);
    // 10,000 × 12.62 % × 30/365 + 6,000 × 12.62 % × 60/365 = 103.7260… + 124.4712… = 228.1972… → 228.20
    expect(formatAmount(interest.total, EUR)).toBe("228.20");
  });

  it("1.5 % a month is 18 % a year pro-rated by day: 30 days on $1,000.00 cost $14.79 (act/365) or $15.00 (act/360)", () => {
    const debt = { amount: 100_000n, due: "2024-03-01", paid: "2024-03-31" };
    expect(lateInterest({ monthlyPercent: "1.5" }, debt).total).toBe(14_79n);
    expect(lateInterest({ monthlyPercent: "1.5" }, debt, "act/360").total).toBe(15_00n);
    expect(lateInterest({ annualPercent: "18" }, debt).total).toBe(14_79n);
  });

  it("France charges the ECB half-year rate + 10 points, the directive + 8", () => {
    // 2024-H1: ECB MRO on 1 January 4.50 % → FR 14.50 %, EU 12.50 %
    const debt = { amount: 1_000_000n, due: "2024-03-01", paid: "2024-03-31" };
    expect(lateInterest({ statutory: "FR" }, debt).periods[0]?.rateBp).toBe(1450);
    expect(lateInterest({ statutory: "EU" }, debt).periods[0]?.rateBp).toBe(1250);
    // 10,000 × 14.50 % × 30/365 = 119.1780… → 119.18
    expect(lateInterest({ statutory: "FR" }, debt).total).toBe(119_18n);
  });
});
