import type { PlainDate } from "../dates/plainDate.js";
import { domainError } from "../errors.js";
import { parsePercentBp } from "../money/percent.js";
import { err, ok, type Result } from "../result.js";
import { firstInterestDay } from "./accrue.js";
import type { ReferenceRateTables } from "./referenceRateTables.js";
import { isJurisdiction, statutoryRate, type StatutoryJurisdiction } from "./statutoryRate.js";
import { formatRateBp, MAX_ANNUAL_RATE_BP, rateProblem, type RateTimeline } from "./timelines.js";

/** Which late-payment rate a policy charges. */
export type InterestRule =
  | {
      kind: "contractual";
      /** The annual rate accrued daily; a monthly rate is stored as 12 × itself (1.5 %/month = 1800). */
      annualBp: number;
      /** How the contract states it, for the explanation. */
      quoted: "annual" | "monthly";
    }
  | { kind: "statutory"; jurisdiction: StatutoryJurisdiction };

export interface InterestRuleInput {
  annualPercent?: string;
  monthlyPercent?: string;
  statutory?: string;
}

const MONTHS = 12;

/**
 * Reads `{annualPercent}`, `{monthlyPercent}` or `{statutory}` (exactly one). A monthly rate is
 * pro-rated daily as 12 × the monthly rate a year: 1.5 % a month is 18 % a year, so 30 days on 1,000.00
 * cost 14.79 under act/365 (exactly 15.00 under act/360).
 */
export function parseInterestRule(input: InterestRuleInput): Result<InterestRule> {
  const given = (["annualPercent", "monthlyPercent", "statutory"] as const).filter((key) => input[key] !== undefined);
  if (given.length !== 1) {
    return err(domainError("INVALID_INTEREST", `give exactly one of annualPercent, monthlyPercent or statutory${given.length ? `, not ${given.join(" and ")}` : ""}`, { path: "interest" }));
  }
  if (input.statutory !== undefined) {
    const code = input.statutory.trim().toUpperCase();
    if (code === "US" || !isJurisdiction(code)) {
      return err(domainError("INVALID_INTEREST", `"${input.statutory}" has no statutory interest; use DE, FR, GB or EU, or a contractual rate`, { path: "statutory" }));
    }
    return ok({ kind: "statutory", jurisdiction: code as StatutoryJurisdiction });
  }
  const quoted = input.monthlyPercent !== undefined ? "monthly" : "annual";
  const path = `${quoted}Percent`;
  const bp = parseRatePercent(input.monthlyPercent ?? input.annualPercent ?? "", path);
  if (!bp.ok) return bp;
  const annualBp = quoted === "monthly" ? bp.value * MONTHS : bp.value;
  const problem = rateProblem(annualBp);
  if (problem) return err(domainError("INVALID_RATE", quoted === "monthly" ? `${formatRateBp(bp.value)} % a month: ${problem}` : problem, { path }));
  return ok({ kind: "contractual", annualBp, quoted });
}

/** A percentage field (annual rate, usury cap) as basis points, with the field named in every error. */
export function parseRatePercent(text: string, path: string): Result<number> {
  if (text.trim().startsWith("-")) return err(domainError("INVALID_RATE", `${path}: a rate must not be negative, got "${text}"`, { path }));
  const bp = parsePercentBp(text, "INVALID_RATE");
  if (!bp.ok) return err({ ...bp.error, path });
  if (bp.value > MAX_ANNUAL_RATE_BP) return err(domainError("INVALID_RATE", `${path}: ${text} % is above the ${formatRateBp(MAX_ANNUAL_RATE_BP)} % limit`, { path }));
  return ok(bp.value);
}

/** The rates to accrue a debt due on `dueDate` with, for the days up to `until`. */
export function rateTimelineFor(rule: InterestRule, tables: ReferenceRateTables, window: { dueDate: PlainDate; until: PlainDate }): Result<RateTimeline> {
  if (rule.kind === "statutory") return statutoryRate(rule.jurisdiction, tables, window);
  return ok([{ from: firstInterestDay(window.dueDate), rateBp: rule.annualBp }]);
}
