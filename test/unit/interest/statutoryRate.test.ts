import { beforeAll, describe, expect, it } from "vitest";
import { isoDate } from "../../../src/domain/dates/plainDate.js";
import { parseInterestRule, rateTimelineFor, type InterestRuleInput } from "../../../src/domain/interest/interestRule.js";
import type { ReferenceRateTables } from "../../../src/domain/interest/referenceRateTables.js";
import { statutoryRate } from "../../../src/domain/interest/statutoryRate.js";
import { loadReferenceRateTables } from "../../../src/store/referenceRateFiles.js";

const d = isoDate;
let tables: ReferenceRateTables;
beforeAll(async () => {
  const loaded = await loadReferenceRateTables();
  if (!loaded.ok) throw new Error(loaded.error.message);
  tables = loaded.value;
});

/** [first day, annual rate in bp] of each entry. */
function rates(jurisdiction: string, dueDate: string, until: string) {
  const result = statutoryRate(jurisdiction, tables, { dueDate: d(dueDate), until: d(until) });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value.map((e) => [e.from.toString(), e.rateBp]);
}
/** The tables as compiled, so the gap tests keep passing after 2027 rates are added. */
const asCompiled = (): ReferenceRateTables =>
  Object.fromEntries(Object.entries(tables).map(([name, t]) => [name, { ...t, rows: t.rows.filter((r) => r.from.toString() <= "2026-11-23") }])) as unknown as ReferenceRateTables;
const errorOf = (jurisdiction: string, dueDate: string, until: string) => {
  const result = statutoryRate(jurisdiction, asCompiled(), { dueDate: d(dueDate), until: d(until) });
  return result.ok ? undefined : { code: result.error.code, path: result.error.path };
};

describe("statutoryRate", () => {
  it("DE follows each half-year's base rate + 9 points, from the day after the due date", () => {
    expect(rates("DE", "2023-11-30", "2025-02-01")).toEqual([
      ["2023-12-01", 312 + 900],
      ["2024-01-01", 362 + 900],
      ["2024-07-01", 337 + 900],
      ["2025-01-01", 227 + 900],
    ]);
  });

  it("DE counts from a negative base rate too (2016–2022: −0.88 % → 8.12 %)", () => {
    expect(rates("DE", "2020-03-01", "2020-04-01")).toEqual([["2020-03-02", 812]]);
  });

  it("FR and EU follow the ECB rate in force on 1 January / 1 July, + 10 and + 8 points", () => {
    expect(rates("FR", "2024-06-01", "2024-08-01")).toEqual([
      ["2024-06-02", 450 + 1000],
      ["2024-07-01", 425 + 1000],
    ]);
    expect(rates("EU", "2022-06-30", "2022-12-31")).toEqual([["2022-07-01", 800]]); // the 27 July 2022 hike waits for 2023
  });

  it("GB fixes Bank Rate + 8 of the half-year in which the debt became overdue, for its whole life", () => {
    // due 30 June 2023: overdue from 1 July → 2023-H2 reference (Bank Rate on 30 June 2023, 5.00 %)
    expect(rates("GB", "2023-06-30", "2025-03-01")).toEqual([["2023-07-01", 1300]]);
    // due a day earlier: overdue on 30 June → 2023-H1 reference (Bank Rate on 31 December 2022, 3.50 %)
    expect(rates("GB", "2023-06-29", "2025-03-01")).toEqual([["2023-06-30", 1150]]);
  });

  it("is empty when the debt is not late by `until`", () => {
    expect(rates("DE", "2030-03-01", "2030-03-01")).toEqual([]);
  });

  it("reports a gap, never reuses the last rate, when the table does not reach a day", () => {
    expect(errorOf("DE", "2026-12-01", "2027-01-05")).toEqual({ code: "RATE_TABLE_GAP", path: "until" });
    expect(errorOf("EU", "2012-06-01", "2013-03-01")).toEqual({ code: "RATE_TABLE_GAP", path: "dueDate" });
    expect(errorOf("GB", "2027-01-15", "2027-02-01")).toEqual({ code: "RATE_TABLE_GAP", path: "dueDate" });
  });

  it("has no statutory rate for the US or an unknown code", () => {
    expect(errorOf("US", "2024-03-01", "2024-04-01")).toEqual({ code: "INVALID_INTEREST", path: "jurisdiction" });
    expect(errorOf("XX", "2024-03-01", "2024-04-01")).toEqual({ code: "INVALID_INTEREST", path: "jurisdiction" });
  });
});

describe("parseInterestRule", () => {
  it.each([
    [{ annualPercent: "10" }, { kind: "contractual", annualBp: 1000, quoted: "annual" }],
    [{ annualPercent: "7.25" }, { kind: "contractual", annualBp: 725, quoted: "annual" }],
    [{ monthlyPercent: "1.5" }, { kind: "contractual", annualBp: 1800, quoted: "monthly" }],
    [{ statutory: "de" }, { kind: "statutory", jurisdiction: "DE" }],
    [{ statutory: "GB" }, { kind: "statutory", jurisdiction: "GB" }],
  ] as [InterestRuleInput, unknown][])("reads %j", (input, rule) => {
    expect(parseInterestRule(input)).toEqual({ ok: true, value: rule });
  });

  it.each([
    [{}, "INVALID_INTEREST", "interest"],
    [{ annualPercent: "10", statutory: "DE" }, "INVALID_INTEREST", "interest"],
    [{ statutory: "US" }, "INVALID_INTEREST", "statutory"],
    [{ statutory: "ES" }, "INVALID_INTEREST", "statutory"],
    [{ annualPercent: "-5" }, "INVALID_RATE", "annualPercent"],
    [{ annualPercent: "12.625" }, "INVALID_RATE", "annualPercent"],
    [{ annualPercent: "ten" }, "INVALID_RATE", "annualPercent"],
    [{ annualPercent: "150" }, "INVALID_RATE", "annualPercent"],
    [{ monthlyPercent: "9" }, "INVALID_RATE", "monthlyPercent"],
    [{ monthlyPercent: "1.505" }, "INVALID_RATE", "monthlyPercent"],
  ] as [InterestRuleInput, string, string][])("refuses %j with a code naming the field", (input, code, path) => {
    expect(parseInterestRule(input)).toMatchObject({ ok: false, error: { code, path } });
  });

  it("gives a contractual rate from the day after the due date", () => {
    const rule = parseInterestRule({ monthlyPercent: "1.5" });
    if (!rule.ok) throw new Error(rule.error.message);
    expect(rateTimelineFor(rule.value, tables, { dueDate: d("2024-03-01"), until: d("2030-01-01") })).toEqual({ ok: true, value: [{ from: d("2024-03-02"), rateBp: 1800 }] });
  });
});
