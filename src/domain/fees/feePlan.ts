import type { PolicyStep } from "../collections/policy.js";
import { domainError } from "../errors.js";
import { currency } from "../money/currency.js";
import { err, ok, type Result } from "../result.js";
import { computeFee } from "./computeFee.js";
import { parseFeeRule, type FeeRule, type FeeRuleInput } from "./feeRule.js";

/** A policy step's `fee` and `interest` as written in the policy. */
export interface StepChargesInput {
  fee?: FeeRuleInput & { chargeWhenSkipped?: boolean; dueDays?: number };
  interest?: { post?: boolean; dueDays?: number };
}

export interface StepFee {
  rule: FeeRule;
  /** Charged also when a catch-up records the step as skipped; by default only a performed step charges. */
  chargeWhenSkipped: boolean;
  /** The fee falls due this many days after the run that charges it. */
  dueDays: number;
}

export interface StepCharges {
  fee: StepFee | null;
  /** The step posts the interest accrued so far (and the fixed compensation) as charges due after `dueDays`. */
  postInterest: { dueDays: number } | null;
}

/** Two weeks to pay a charge, the usual term of a reminder. */
export const DEFAULT_CHARGE_DUE_DAYS = 14;
const MAX_DUE_DAYS = 365;
const NO_CHARGES: StepCharges = { fee: null, postInterest: null };

const dueDaysProblem = (days: number | undefined): string | undefined =>
  days === undefined || (Number.isSafeInteger(days) && days >= 0 && days <= MAX_DUE_DAYS) ? undefined : `a charge falls due 0 to ${MAX_DUE_DAYS} days after it is posted, not ${days}`;

/** Reads a step's charge settings; every error names its field (`fee.fixed.USD`, `interest.dueDays`). */
export function parseStepCharges(input: StepChargesInput | undefined): Result<StepCharges> {
  if (!input) return ok(NO_CHARGES);
  let fee: StepFee | null = null;
  if (input.fee !== undefined) {
    const { chargeWhenSkipped, dueDays, ...written } = input.fee;
    const rule = parseFeeRule(written);
    if (!rule.ok) return err({ ...rule.error, path: rule.error.path && rule.error.path !== "fee" ? `fee.${rule.error.path}` : "fee" });
    const problem = dueDaysProblem(dueDays);
    if (problem) return err(domainError("INVALID_FEE", problem, { path: "fee.dueDays" }));
    fee = { rule: rule.value, chargeWhenSkipped: chargeWhenSkipped ?? false, dueDays: dueDays ?? DEFAULT_CHARGE_DUE_DAYS };
  }
  const interest = input.interest;
  const problem = dueDaysProblem(interest?.dueDays);
  if (problem) return err(domainError("INVALID_INTEREST", problem, { path: "interest.dueDays" }));
  return ok({ fee, postInterest: interest?.post ? { dueDays: interest.dueDays ?? DEFAULT_CHARGE_DUE_DAYS } : null });
}

/**
 * A fee charged against `currencies` (the ones a policy chases in): each must have the fixed, minimum
 * and maximum amounts the fee uses, and the fee may name no other currency.
 */
export function feeCurrencyProblem(rule: FeeRule, currencies: readonly string[]): { path: string; message: string } | undefined {
  for (const field of ["fixed", "min", "max"] as const) {
    const amounts = rule[field];
    if (amounts === undefined) continue;
    const stray = Object.keys(amounts).find((code) => !currencies.includes(code));
    if (stray) return { path: `${field}.${stray}`, message: `the policy chases in ${currencies.join(", ")}, not in ${stray}` };
    const missing = currencies.find((code) => amounts[code] === undefined);
    if (missing) return { path: `${field}.${missing}`, message: `the fee's ${field} amount is missing for ${missing}, a currency the policy chases in` };
  }
  return undefined;
}

/** One step the run recorded today, with the policy step it stands for. */
export interface RecordedRunStep {
  actionId: string;
  customerId: string;
  currency: string;
  cycle: number;
  status: "performed" | "skipped";
  skipReason: string | null;
  step: PolicyStep;
}

/** A fee to charge on the invoices listed by action `listedBy` (the performed action of the same account and day). */
export interface FeeOrder {
  customerId: string;
  currency: string;
  stepId: string;
  cycle: number;
  listedBy: string;
  fee: StepFee;
}

/** Interest to post on the invoices listed by `listedBy`. */
export interface InterestOrder {
  customerId: string;
  currency: string;
  stepId: string;
  cycle: number;
  listedBy: string;
  dueDays: number;
}

/**
 * Which charges a day's recorded steps call for. A performed step with a fee charges it; a step
 * skipped by catch-up only when its fee says `chargeWhenSkipped` (on what the performed step lists);
 * a step skipped because its conditions failed never does. Interest is posted once per account and
 * day, by the first performed step that says so: a second posting on the same day would count it twice.
 */
export function chargePlan(steps: readonly RecordedRunStep[]): { fees: FeeOrder[]; interest: InterestOrder[] } {
  const parsed = new Map<PolicyStep, StepCharges>();
  // Stored policies were checked when applied, so an unreadable setting cannot occur here; it charges nothing.
  const chargesOf = (step: PolicyStep): StepCharges => {
    if (!parsed.has(step)) {
      const result = parseStepCharges(step.charges as StepChargesInput | undefined);
      parsed.set(step, result.ok ? result.value : NO_CHARGES);
    }
    return parsed.get(step)!;
  };
  const chaseKey = (s: RecordedRunStep) => `${s.customerId}|${s.currency}|${s.cycle}`;
  const lister = new Map<string, string>();
  for (const s of steps) if (s.status === "performed" && !lister.has(chaseKey(s))) lister.set(chaseKey(s), s.actionId);

  const fees: FeeOrder[] = [];
  const interest: InterestOrder[] = [];
  for (const s of steps) {
    const charges = chargesOf(s.step);
    const listedBy = lister.get(chaseKey(s));
    if (listedBy === undefined) continue;
    const order = { customerId: s.customerId, currency: s.currency, stepId: s.step.id, cycle: s.cycle, listedBy };
    const fee = charges.fee;
    if (fee && (s.status === "performed" || (s.skipReason === "catch_up" && fee.chargeWhenSkipped))) fees.push({ ...order, fee });
    if (charges.postInterest && s.status === "performed" && !interest.some((o) => o.customerId === s.customerId && o.currency === s.currency)) {
      interest.push({ ...order, dueDays: charges.postInterest.dueDays });
    }
  }
  return { fees, interest };
}

/** An ordinary invoice a performed step listed, with its principal overdue on the run date. */
export interface ListedInvoice {
  invoiceId: string;
  number: string;
  overdue: bigint;
}

export interface FeeToPost {
  /** The invoice the fee is linked to: its own, or for a per-reminder fee the oldest one listed. */
  chargeOf: string;
  number: string;
  amount: bigint;
}

/** The fee items an order posts, amounts by computeFee (half up, then min/max). Listed in due-date order. */
export function feesToPost(order: FeeOrder, listed: readonly ListedInvoice[]): Result<FeeToPost[]> {
  const charges = computeFee(order.fee.rule, listed.map((l) => ({ invoiceId: l.invoiceId, overdue: l.overdue })), currency(order.currency));
  if (!charges.ok) return charges;
  const numbers = new Map(listed.map((l) => [l.invoiceId, l.number]));
  return ok(
    charges.value.map((c) => {
      const chargeOf = c.invoiceIds[0]!;
      return { chargeOf, number: chargeNumber("fee", numbers.get(chargeOf)!, order), amount: c.amount };
    }),
  );
}

const MARK = { fee: "F", interest: "I", compensation: "C" } as const;

/**
 * The number of a charge, derived from its item, step and chase (`INV-1-F-r2-1`, `INV-7/2-I-r4-1`,
 * `INV-1-C`), so a repeated posting can never mint a second one.
 */
export const chargeNumber = (kind: keyof typeof MARK, item: string, step?: { stepId: string; cycle: number }): string =>
  step ? `${item}-${MARK[kind]}-${step.stepId}-${step.cycle}` : `${item}-${MARK[kind]}`;

/** Whether `number` is that of a fee charged in chase `cycle` (how a message finds the fee its step charged). */
export const isFeeNumber = (number: string, cycle: number): boolean => new RegExp(`-${MARK.fee}-.+-${cycle}$`).test(number);
