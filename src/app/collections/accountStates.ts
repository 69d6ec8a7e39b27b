import { NO_STAGE, type AccountState, type PauseReason } from "../../domain/collections/account.js";
import type { Policy } from "../../domain/collections/policy.js";
import { isoDate } from "../../domain/dates/plainDate.js";
import type { AccountRow } from "../../store/collections/accounts.js";

export interface PolicyChoice {
  readonly policies: ReadonlyMap<string, Policy>;
  /** Segment key → policy key. */
  readonly segmentPolicies: ReadonlyMap<string, string>;
  readonly defaultPolicy: string;
}

/** The customer's own policy wins, then its segment's, then the tenant default, then "standard". */
export function policyFor(row: Pick<AccountRow, "policy_key" | "segment">, choice: PolicyChoice): Policy {
  const keys = [row.policy_key, row.segment === null ? undefined : choice.segmentPolicies.get(row.segment), choice.defaultPolicy, "standard"];
  for (const key of keys) {
    const policy = key ? choice.policies.get(key) : undefined;
    if (policy) return policy;
  }
  return [...choice.policies.values()][0]!;
}

// Stronger reasons first: a customer flagged "do not dun" reports that, not a promise it also made.
function pauseOf(row: AccountRow): PauseReason | null {
  if (row.do_not_dun) return "do_not_dun";
  if (row.handed_off) return "handed_off";
  if (row.on_hold) return "hold";
  if (row.on_plan) return "payment_plan";
  if (row.promised) return "promise";
  return null;
}

export function accountState(row: AccountRow, brokenPromises: ReadonlySet<string>): AccountState {
  return {
    customerId: row.customer_id,
    currency: row.currency,
    oldestDue: row.oldest_due === null ? null : isoDate(row.oldest_due),
    oldestOpenDue: row.oldest_open_due === null ? null : isoDate(row.oldest_open_due),
    overdueTotal: BigInt(row.overdue),
    upcomingTotal: BigInt(row.upcoming),
    stage: row.cycle === null ? NO_STAGE : { cycle: row.cycle, stepId: row.step_id, stepOffset: row.step_offset },
    pause: pauseOf(row),
    promiseBroken: brokenPromises.has(accountKey(row.customer_id, row.currency)),
    messagedToday: row.messaged_today,
    lastMessageOn: row.last_message_on === null ? null : isoDate(row.last_message_on),
    segment: row.segment,
  };
}

export const accountKey = (customerId: string, currency: string): string => `${customerId}|${currency}`;

/** How far ahead of today the earliest pre-due reminder of any policy looks. */
export const leadDays = (policies: Iterable<Policy>): number => Math.max(0, ...[...policies].flatMap((p) => p.steps.map((s) => (s.offsetUnit === "business" ? -2 * s.offsetDays : -s.offsetDays))));
