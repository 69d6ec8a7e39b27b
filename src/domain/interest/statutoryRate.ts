import { compareDates, maxDate, type PlainDate } from "../dates/plainDate.js";
import { domainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { firstInterestDay } from "./accrue.js";
import { coveredUntil, rateInForce, type ReferenceRateTable } from "./referenceRates.js";
import type { ReferenceRateName, ReferenceRateTables } from "./referenceRateTables.js";
import type { RateEntry, RateTimeline } from "./timelines.js";

/** Where a debt is governed: an ISO 3166 country code, or EU for the directive's minimum. */
export const JURISDICTIONS = ["DE", "FR", "GB", "EU", "US"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
/** The US has no statutory B2B late-payment interest: contractual rates only. */
export type StatutoryJurisdiction = Exclude<Jurisdiction, "US">;

export const isJurisdiction = (code: string): code is Jurisdiction => (JURISDICTIONS as readonly string[]).includes(code);

interface StatutoryRule {
  table: ReferenceRateName;
  marginBp: number;
  /** "follows": each half-year's reference rate applies to the days in it; "fixed": the one in force when the debt became overdue applies for its whole life. */
  reference: "follows" | "fixed";
}

/** The legal rules; data/reference-rates/README.md cites the law behind each. */
export const STATUTORY_RULES: Readonly<Record<StatutoryJurisdiction, StatutoryRule>> = {
  DE: { table: "deBaseRate", marginBp: 900, reference: "follows" }, // § 288 Abs. 2 BGB: Basiszinssatz + 9 points
  FR: { table: "euSemiannual", marginBp: 1000, reference: "follows" }, // Code de commerce L441-10: ECB rate + 10 points
  EU: { table: "euSemiannual", marginBp: 800, reference: "follows" }, // Directive 2011/7/EU: reference rate + 8 points
  GB: { table: "ukReference", marginBp: 800, reference: "fixed" }, // Late Payment of Commercial Debts Act 1998: + 8 points
};

/**
 * The statutory late-payment rate of a debt due on `dueDate`, for the days from the day after it to
 * `until`. A table that does not reach a needed day (a half-year not yet published) is a RATE_TABLE_GAP,
 * never a silent reuse of the last rate; so accrue with the timeline up to `until` and no further.
 */
export function statutoryRate(jurisdiction: string, tables: ReferenceRateTables, window: { dueDate: PlainDate; until: PlainDate }): Result<RateTimeline> {
  if (!isJurisdiction(jurisdiction)) {
    return err(domainError("INVALID_INTEREST", `"${jurisdiction}" is not a jurisdiction with statutory interest (${JURISDICTIONS.filter((j) => j !== "US").join(", ")})`, { path: "jurisdiction" }));
  }
  if (jurisdiction === "US") {
    return err(domainError("INVALID_INTEREST", "the US has no statutory B2B late-payment interest; use a contractual rate within the state's usury limit", { path: "jurisdiction" }));
  }
  const rule = STATUTORY_RULES[jurisdiction];
  const table = tables[rule.table];
  const overdueSince = firstInterestDay(window.dueDate);
  if (compareDates(window.until, overdueSince) < 0) return ok([]);

  const first = rateInForce(table, overdueSince);
  if (!first) return err(gap(table, overdueSince, "dueDate"));
  if (rule.reference === "fixed") return ok([entry(table, rule, first.rateBp, overdueSince)]);

  if (!rateInForce(table, window.until)) return err(gap(table, window.until, "until"));
  const rows = table.rows.filter((row) => compareDates(row.from, window.until) <= 0 && compareDates(row.from, first.from) >= 0);
  return ok(rows.map((row) => entry(table, rule, row.rateBp, maxDate(row.from, overdueSince))));
}

const entry = (table: ReferenceRateTable, rule: StatutoryRule, referenceBp: number, from: PlainDate): RateEntry => ({
  from,
  rateBp: referenceBp + rule.marginBp,
  basis: { table: table.name, referenceBp, marginBp: rule.marginBp },
});

function gap(table: ReferenceRateTable, day: PlainDate, path: "dueDate" | "until") {
  const until = coveredUntil(table);
  const first = table.rows[0]!.from;
  const why = compareDates(day, first) < 0 ? `it starts on ${first}` : `it ends on ${until ?? "?"}; add the newly published rate (see data/reference-rates/README.md)`;
  return domainError("RATE_TABLE_GAP", `${table.name} has no rate for ${day}: ${why}`, { path, details: { table: table.name, day: day.toString() } });
}
