import type { InterestRule } from "../../domain/interest/interestRule.js";
import type { InterestPeriod } from "../../domain/interest/accrue.js";
import { REFERENCE_RATE_FILES, type ReferenceRateName } from "../../domain/interest/referenceRateTables.js";
import { formatRateBp } from "../../domain/interest/timelines.js";
import type { PolicyInput } from "../inputs/policyInputs.js";
import { amountText } from "../views/money.js";
import { RATE_TABLE_LABELS } from "../rates/rateTables.js";

/** One line of an item's interest: a stretch of days with one principal and one rate. */
export interface InterestPeriodView {
  from: string;
  /** Inclusive. */
  to: string;
  days: number;
  principal: string;
  /** Annual percent charged: "12.62". */
  rate: string;
  amount: string;
  /** Where the rate comes from: "base rate 3.62 + 9 points", "contractual 1.5 % a month". */
  basis: string;
  capped: boolean;
}

/** Amounts are decimal strings in the item's currency. */
export interface QuoteItemView {
  invoiceId: string;
  number: string;
  /** "invoice", or a charge standing alone ("fee", "interest", "compensation"); linked charges show on their item. */
  kind: string;
  installment: number | null;
  dueDate: string;
  /** For an item paid late: the day it was settled (its interest runs to that day). */
  settledOn: string | null;
  /** Days from the due date to the quote date, or to the settlement of an item paid late. */
  daysOverdue: number;
  currency: string;
  principal: string;
  /** Fees posted for the item, still open. */
  fees: string;
  /** Interest accrued to the quote date, less what was already posted as interest charges. */
  interest: string;
  /** Interest posted as charges for the item, still open. */
  postedInterest: string;
  compensation: string;
  total: string;
  /** The whole accrual to the quote date, posted or not: the sum of the breakdown. */
  interestAccrued: string;
  breakdown: InterestPeriodView[];
}

export interface QuoteTotalView {
  currency: string;
  principal: string;
  fees: string;
  /** Posted and not yet posted interest together. */
  interest: string;
  compensation: string;
  total: string;
  /** Payments and credit notes received and not applied by the date. */
  credits: string;
  /** What pays everything off: total less credits (negative when the credits exceed it). */
  payoff: string;
}

export interface PayoffQuote {
  asOf: string;
  customer: { id: string; externalId: string; legalName: string };
  policy: { key: string; version: number };
  /** The policy's interest settings as written, or null: the policy charges no interest. */
  interest: NonNullable<PolicyInput["interest"]> | null;
  /** Whether late invoices earn the fixed compensation (the policy's choice, else the tenant's). */
  compensation: boolean;
  items: QuoteItemView[];
  totals: QuoteTotalView[];
}

const TABLE_BY_FILE = new Map<string, ReferenceRateName>((Object.keys(REFERENCE_RATE_FILES) as ReferenceRateName[]).map((name) => [REFERENCE_RATE_FILES[name].file, name]));

/** How a period's rate came about, in words a letter can print. */
export function rateBasis(period: InterestPeriod, rule: InterestRule): string {
  const text = period.basis ? referenceText(period.basis) : contractualText(rule, period.rateBp);
  return period.capped ? `${text}, capped at ${formatRateBp(period.rateBp)} %` : text;
}

function referenceText(basis: NonNullable<InterestPeriod["basis"]>): string {
  const table = TABLE_BY_FILE.get(basis.table);
  return `${table ? RATE_TABLE_LABELS[table] : basis.table} ${formatRateBp(basis.referenceBp)} + ${formatRateBp(basis.marginBp)} points`;
}

function contractualText(rule: InterestRule, rateBp: number): string {
  if (rule.kind !== "contractual") return `${formatRateBp(rateBp)} %`;
  return rule.quoted === "monthly" ? `contractual ${formatRateBp(rule.annualBp / 12)} % a month` : `contractual ${formatRateBp(rule.annualBp)} % a year`;
}

export const periodView = (period: InterestPeriod, rule: InterestRule, currency: string): InterestPeriodView => ({
  from: period.from.toString(),
  to: period.to.toString(),
  days: period.days,
  principal: amountText(period.principal, currency),
  rate: formatRateBp(period.rateBp),
  amount: amountText(period.amount, currency),
  basis: rateBasis(period, rule),
  capped: period.capped,
});
