import { parseIsoDate, type PlainDate } from "../dates/plainDate.js";
import { domainError } from "../errors.js";
import type { DayCount } from "../interest/accrue.js";
import { parseInterestRule, parseRatePercent, type InterestRule, type InterestRuleInput } from "../interest/interestRule.js";
import { err, ok, type Result } from "../result.js";

/**
 * A collections policy: ordered steps, each triggered at an offset from the due date of the oldest
 * item being chased. Policies are values; the store keeps every version.
 */
export const CHANNELS = ["email", "sms", "letter", "call", "escalation", "credit_hold", "agency", "legal"] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels that reach the customer; a contact gets at most one of them per day. */
export const MESSAGE_CHANNELS: ReadonlySet<Channel> = new Set(["email", "sms", "letter"]);
/** Hand-offs end Dunwell's own chase of the customer. */
export const HANDOFF_CHANNELS: ReadonlySet<Channel> = new Set(["agency", "legal"]);

export type OffsetUnit = "calendar" | "business";

export interface StepConditions {
  /** Minor units per currency: below it the step is skipped (the chase goes on with later steps). */
  readonly minimumOverdue?: Readonly<Record<string, bigint>>;
  /** Only customers in one of these segments get the step. */
  readonly segments?: readonly string[];
}

export interface PolicyStep {
  readonly id: string;
  /** Days from the due date; negative = before it. */
  readonly offsetDays: number;
  readonly offsetUnit: OffsetUnit;
  readonly channel: Channel;
  /** Template key; the engine picks the language. */
  readonly template: string;
  readonly conditions: StepConditions;
  readonly attachInvoiceCopy: boolean;
  readonly attachStatement: boolean;
  /**
   * The step waits until a message reached the customer at least this many days earlier in the
   * same chase, so catching up never lands on a hand-off without notice.
   */
  readonly noticeDays: number;
  /** Fee and interest settings, recorded here and applied by the fees engine. */
  readonly charges?: unknown;
}

export interface Policy {
  /** Id of this version. */
  readonly id: string;
  readonly key: string;
  readonly version: number;
  readonly name: string;
  readonly steps: readonly PolicyStep[];
  /** Minor units per currency: while the amount chased is below it nothing is sent. */
  readonly minimumOverdue: Readonly<Record<string, bigint>>;
  /** Actions falling on a weekend or holiday of the tenant's calendar wait for the next business day. */
  readonly businessDaysOnly: boolean;
  /** Days after a promised date before a missing payment counts as a broken promise. */
  readonly promiseGraceDays: number;
  /** Late-payment interest on the customers this policy chases; none when absent. */
  readonly interest?: PolicyInterest;
  /** Fixed compensation per late invoice where the statutory rule gives one; absent = the tenant's setting. */
  readonly compensation?: boolean;
}

/** The policy-level charge settings, as a draft carries them before it becomes a version. */
export type PolicyCharges = Pick<Policy, "interest" | "compensation">;

/** How a policy charges late-payment interest: the rule and the limits the accrual honours. */
export interface PolicyInterest {
  readonly rule: InterestRule;
  readonly dayCount: DayCount;
  readonly graceDays: number;
  /** Usury limit: a higher rate is cut to it. */
  readonly capAnnualBp?: number;
  /** Interest stops this many days after the first interest day (grace included). */
  readonly stopAfterDays?: number;
  /** Interest stops on the day the customer is handed off to an agency or lawyer (they claim it from then). */
  readonly stopAfterHandoff: boolean;
  /**
   * Interest is claimed for days from this date only, so switching interest on does not reach back
   * over years of history (items settled before it are not claimed at all).
   */
  readonly from?: PlainDate;
}

/** A policy's `interest` as written: the rule (one of three) and the limits. */
export interface PolicyInterestInput extends InterestRuleInput {
  dayCount?: string;
  graceDays?: number;
  capAnnualPercent?: string;
  stopAfterDays?: number;
  stopAfterHandoff?: boolean;
  from?: string;
}

const DAY_COUNTS: readonly DayCount[] = ["act/365", "act/360"];

/** Reads a policy's interest settings through the interest rules; every error names its field. */
export function parsePolicyInterest(input: PolicyInterestInput): Result<PolicyInterest> {
  const rule = parseInterestRule(input);
  if (!rule.ok) return rule;
  const invalid = (path: string, message: string) => err(domainError("INVALID_INTEREST", message, { path }));
  const dayCount = (input.dayCount ?? "act/365") as DayCount;
  if (!DAY_COUNTS.includes(dayCount)) return invalid("dayCount", `day count "${input.dayCount}" is not act/365 or act/360`);
  const graceDays = input.graceDays ?? 0;
  if (!Number.isSafeInteger(graceDays) || graceDays < 0) return invalid("graceDays", `grace days must be a whole number from 0, got ${graceDays}`);
  const stop = input.stopAfterDays;
  if (stop !== undefined && (!Number.isSafeInteger(stop) || stop < 1)) return invalid("stopAfterDays", `interest can stop after 1 day at the earliest, got ${stop}`);
  let interest: PolicyInterest = { rule: rule.value, dayCount, graceDays, stopAfterHandoff: input.stopAfterHandoff ?? false, ...(stop !== undefined ? { stopAfterDays: stop } : {}) };
  if (input.capAnnualPercent !== undefined) {
    const cap = parseRatePercent(input.capAnnualPercent, "capAnnualPercent");
    if (!cap.ok) return cap;
    interest = { ...interest, capAnnualBp: cap.value };
  }
  if (input.from !== undefined) {
    const from = parseIsoDate(input.from);
    if (!from.ok) return err({ ...from.error, path: "from" });
    interest = { ...interest, from: from.value };
  }
  return ok(interest);
}

export const isMessageStep = (step: PolicyStep): boolean => MESSAGE_CHANNELS.has(step.channel);

/** Default template of a channel at a given offset: the tone ladder of the shipped policies. */
export function defaultTemplate(channel: Channel, offsetDays: number): string {
  switch (channel) {
    case "email":
      if (offsetDays < 0) return "reminder.upcoming";
      if (offsetDays === 0) return "reminder.due";
      return offsetDays <= 10 ? "reminder.overdue" : offsetDays <= 45 ? "reminder.second" : "notice.final";
    case "sms":
      return "sms.reminder";
    case "letter":
      return "notice.final";
    case "call":
      return "task.call";
    case "agency":
    case "legal":
      return "notice.agency";
    case "escalation":
    case "credit_hold":
      return "task.escalation";
  }
}
