import type { BusinessCalendar } from "../dates/businessCalendar.js";
import type { PlainDate } from "../dates/plainDate.js";
import { epochDay, isReached, isStillChased, itemsDueBy, stageIndex, stepDay, type AccountState, type PauseReason } from "./account.js";
import { isMessageStep, type Policy, type PolicyStep } from "./policy.js";

export interface DecisionContext {
  readonly today: PlainDate;
  readonly calendar: BusinessCalendar;
}

export interface RecordedStep {
  readonly step: PolicyStep;
  readonly index: number;
}

export type WaitReason = PauseReason | "below_minimum" | "closed_day" | "messaged_today" | "notice_period";

export type AccountDecision =
  /** Nothing to do today. `cleared`: the chase ended because nothing is overdue any more. */
  | { readonly kind: "idle"; readonly cleared: boolean }
  /** A step is due but may not happen today; nothing is recorded, so it stays due. */
  | { readonly kind: "wait"; readonly cleared: boolean; readonly reason: WaitReason }
  | {
      readonly kind: "advance";
      readonly cleared: boolean;
      /** The chase this advance belongs to (a new one after a clear or from a clean stage). */
      readonly cycle: number;
      /** Due steps passed over, in order: by catch-up (a later step is due too) or because their conditions fail. */
      readonly skipped: readonly (RecordedStep & { readonly reason: "catch_up" | "condition" })[];
      /** The steps carried out today: all due steps of the latest due day that apply. */
      readonly performed: readonly RecordedStep[];
      /** The stage after today: the last recorded step. */
      readonly stage: RecordedStep;
      /** Amount chased: what the message asks for. */
      readonly amount: bigint;
      /** Items due up to this day are in the message. */
      readonly itemsDueBy: PlainDate;
    };

/**
 * Decides one customer's collections for `today`: every due step is recorded in order, but only the
 * steps of the latest due day are carried out, so a run after days of downtime catches up with one
 * message instead of a burst. Pure: the same state, policy and day always give the same decision.
 */
export function decideAccount(account: AccountState, policy: Policy, ctx: DecisionContext): AccountDecision {
  const { today, calendar } = ctx;
  const currentIndex = stageIndex(policy, account.stage);
  const chasing = account.stage.stepId !== null;
  const cleared = chasing && !isStillChased(account, today, calendar, policy.steps[currentIndex]);
  const fromIndex = cleared ? -1 : currentIndex;
  const newCycle = cleared || !chasing;
  const idle = { kind: "idle", cleared } as const;
  if (account.oldestDue === null) return idle;
  if (account.pause) return { kind: "wait", cleared, reason: account.pause };

  const oldestDue = account.oldestDue;
  const resumeAfterBrokenPromise = account.promiseBroken && !newCycle;
  const due = policy.steps.map((step, index) => ({ step, index })).filter(({ step, index }) => index > fromIndex && (isReached(step, oldestDue, today, calendar) || (resumeAfterBrokenPromise && index === fromIndex + 1)));
  if (due.length === 0) return idle;
  if (policy.businessDaysOnly && !calendar.isBusinessDay(today)) return { kind: "wait", cleared, reason: "closed_day" };

  const applies = (s: RecordedStep): boolean => conditionsHold(s.step, account);
  const candidates = due.filter(applies);
  const eligible = resumeAfterBrokenPromise ? nextStepDay(candidates) : withNoticeFirst(candidates, newCycle ? null : account.lastMessageOn, today);
  if (candidates.length > 0 && eligible.length === 0) return { kind: "wait", cleared, reason: "notice_period" };

  const performed = resumeAfterBrokenPromise ? [...eligible] : latestDay(eligible, oldestDue, calendar);
  const last = performed.at(-1) ?? due.at(-1)!;
  const amount = chasedAmount(account, last.step);
  if (amount <= 0n || amount < (policy.minimumOverdue[account.currency] ?? 0n)) return { kind: "wait", cleared, reason: "below_minimum" };
  if (account.messagedToday && performed.some((s) => isMessageStep(s.step))) return { kind: "wait", cleared, reason: "messaged_today" };

  const performedIds = new Set(performed.map((s) => s.index));
  const skipped = due
    .filter((s) => s.index <= last.index && !performedIds.has(s.index))
    .map((s) => ({ ...s, reason: applies(s) ? ("catch_up" as const) : ("condition" as const) }));
  return {
    kind: "advance",
    cleared,
    cycle: newCycle ? account.stage.cycle + 1 : account.stage.cycle,
    skipped,
    performed,
    stage: last,
    amount,
    itemsDueBy: itemsDueBy(last.step, today, calendar),
  };
}

function conditionsHold(step: PolicyStep, account: AccountState): boolean {
  const { minimumOverdue, segments } = step.conditions;
  if (segments && segments.length > 0 && (account.segment === null || !segments.includes(account.segment))) return false;
  const minimum = minimumOverdue?.[account.currency];
  return minimum === undefined || chasedAmount(account, step) >= minimum;
}

const chasedAmount = (account: AccountState, step: PolicyStep): bigint => (step.offsetDays >= 1 ? account.overdueTotal : account.overdueTotal + account.upcomingTotal);

/**
 * Steps that need notice (hand-offs) wait until a message reached the customer long enough ago.
 * When the chase has not messaged the customer yet, it lands on the latest due message first, so
 * catching up never jumps straight to an agency.
 */
function withNoticeFirst(candidates: readonly RecordedStep[], lastMessageOn: PlainDate | null, today: PlainDate): readonly RecordedStep[] {
  const noticeGiven = (s: RecordedStep): boolean => s.step.noticeDays === 0 || (lastMessageOn !== null && epochDay(today) - epochDay(lastMessageOn) >= s.step.noticeDays);
  const guard = candidates.find((s) => !noticeGiven(s));
  if (!guard) return candidates;
  const before = candidates.filter((s) => s.index < guard.index);
  if (lastMessageOn !== null) return before;
  const lastMessage = before.findLast((s) => isMessageStep(s.step));
  return lastMessage ? before.filter((s) => s.index <= lastMessage.index) : before;
}

/** The first candidate and the steps sharing its offset (a call task and an escalation at +30 go together). */
function nextStepDay(candidates: readonly RecordedStep[]): readonly RecordedStep[] {
  const first = candidates[0];
  return first ? candidates.filter((s) => s.step.offsetDays === first.step.offsetDays && s.step.offsetUnit === first.step.offsetUnit) : [];
}

/** The steps falling on the latest due day among `steps` (steps sharing an offset happen together). */
function latestDay(steps: readonly RecordedStep[], oldestDue: PlainDate, calendar: BusinessCalendar): RecordedStep[] {
  if (steps.length === 0) return [];
  const days = steps.map((s) => stepDay(s.step, oldestDue, calendar));
  const latest = Math.max(...days);
  return steps.filter((_, i) => days[i] === latest);
}
