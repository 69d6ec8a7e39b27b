import type { BusinessCalendar } from "../dates/businessCalendar.js";
import { addDays, type PlainDate } from "../dates/plainDate.js";
import type { Policy, PolicyStep } from "./policy.js";

/** Where the chase of one customer in one currency stands. */
export interface StageState {
  /** Counts the chases; a step runs at most once per cycle. 0 before the first chase. */
  readonly cycle: number;
  /** The last step recorded in the current chase; null while nothing is being chased. */
  readonly stepId: string | null;
  /** Offset of that step, to find its place when a new policy version no longer has it. */
  readonly stepOffset: number | null;
}

export const NO_STAGE: StageState = { cycle: 0, stepId: null, stepOffset: null };

export type PauseReason = "do_not_dun" | "handed_off" | "hold" | "promise" | "payment_plan";

/**
 * One customer in one currency, as the daily run sees it. Items that may not be chased (disputed,
 * held, flagged "do not dun") are already left out of the dates and totals.
 */
export interface AccountState {
  readonly customerId: string;
  readonly currency: string;
  /** Due date of the oldest open item that may be chased; null when there is none. */
  readonly oldestDue: PlainDate | null;
  /** Due date of the oldest open item, paused ones included: a disputed or held debt is not paid, so its chase goes on. */
  readonly oldestOpenDue: PlainDate | null;
  /** Open amount of items due before today. */
  readonly overdueTotal: bigint;
  /** Open amount of items due from today up to the end of the policy's reminder lead time. */
  readonly upcomingTotal: bigint;
  readonly stage: StageState;
  readonly pause: PauseReason | null;
  /** A promise broke since the last run: the chase resumes with the next step at once. */
  readonly promiseBroken: boolean;
  /** Some message already went to this customer today (in any currency). */
  readonly messagedToday: boolean;
  /** Day of the last message to the customer in the current chase. */
  readonly lastMessageOn: PlainDate | null;
  readonly segment: string | null;
}

/** Days since 1970-01-01: the run compares thousands of step dates, and integers are far cheaper than date objects. */
export const epochDay = (d: PlainDate): number => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

/** The day (epoch day) a step falls due for a chase anchored on the oldest item's due date. */
export function stepDay(step: Pick<PolicyStep, "offsetDays" | "offsetUnit">, oldestDue: PlainDate, calendar: BusinessCalendar): number {
  return step.offsetUnit === "business" ? epochDay(calendar.addBusinessDays(oldestDue, step.offsetDays)) : epochDay(oldestDue) + step.offsetDays;
}

export const isReached = (step: Pick<PolicyStep, "offsetDays" | "offsetUnit">, oldestDue: PlainDate, today: PlainDate, calendar: BusinessCalendar): boolean =>
  stepDay(step, oldestDue, calendar) <= epochDay(today);

/**
 * A chase goes on while something is overdue (paid, credited and written-off items stop counting; a
 * disputed or held one does not); a chase that only reached reminders before the due date goes on
 * while an item is within that reminder's lead time.
 */
export function isStillChased(account: AccountState, today: PlainDate, calendar: BusinessCalendar, stageStep: Pick<PolicyStep, "offsetUnit"> | undefined): boolean {
  if (account.stage.stepId === null || account.oldestOpenDue === null) return false;
  const offsetDays = Math.min(1, account.stage.stepOffset ?? 1);
  return isReached({ offsetDays, offsetUnit: stageStep?.offsetUnit ?? "calendar" }, account.oldestOpenDue, today, calendar);
}

/** Position of the account's stage in `policy`; a step removed by a newer version maps to the last step at or before its offset. */
export function stageIndex(policy: Policy, stage: StageState): number {
  if (stage.stepId === null) return -1;
  const exact = policy.steps.findIndex((s) => s.id === stage.stepId);
  if (exact >= 0) return exact;
  const offset = stage.stepOffset ?? Number.NEGATIVE_INFINITY;
  return policy.steps.reduce((found, s, i) => (s.offsetDays <= offset ? i : found), -1);
}

/** The last due date of items a step's message covers: all overdue items, or those within a pre-due reminder's lead time. */
export function itemsDueBy(step: PolicyStep, today: PlainDate, calendar: BusinessCalendar): PlainDate {
  if (step.offsetDays >= 1) return addDays(today, -1);
  return step.offsetUnit === "business" ? calendar.addBusinessDays(today, -step.offsetDays) : addDays(today, -step.offsetDays);
}
