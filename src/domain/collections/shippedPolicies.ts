import { defaultTemplate, type Channel, type OffsetUnit, type PolicyStep } from "./policy.js";

/** A policy as authored: what `dunwell policy apply` and the API accept, before it gets a version. */
export interface PolicyDraft {
  readonly key: string;
  readonly name: string;
  readonly steps: readonly PolicyStep[];
  readonly minimumOverdue: Readonly<Record<string, bigint>>;
  readonly businessDaysOnly: boolean;
  readonly promiseGraceDays: number;
}

const step = (id: string, offsetDays: number, channel: Channel, extra: Partial<PolicyStep> = {}): PolicyStep => ({
  id,
  offsetDays,
  offsetUnit: "calendar" as OffsetUnit,
  channel,
  template: defaultTemplate(channel, offsetDays),
  conditions: {},
  attachInvoiceCopy: false,
  attachStatement: false,
  noticeDays: 0,
  ...extra,
});

const defaults = { minimumOverdue: {}, businessDaysOnly: true, promiseGraceDays: 3 };

/**
 * The cadences of the seeds, ready to use. "standard" is seed 001's follow-up plan; "cadence-15-30-45"
 * is seed 003's email / letter / phone ladder; "gentle" and "strict" bend them for strategic and
 * high-risk accounts.
 */
export const SHIPPED_POLICIES: readonly PolicyDraft[] = [
  {
    key: "standard",
    name: "Standard follow-up",
    ...defaults,
    steps: [
      step("friendly", -5, "email"),
      step("due-today", 0, "email"),
      step("formal", 7, "email", { attachInvoiceCopy: true }),
      step("second", 15, "email", { attachStatement: true }),
      step("escalate", 30, "escalation"),
      step("call", 30, "call"),
      step("final", 60, "letter", { attachStatement: true }),
      step("agency", 90, "agency", { noticeDays: 14 }),
    ],
  },
  {
    key: "gentle",
    name: "Gentle (strategic accounts)",
    ...defaults,
    steps: [
      step("friendly", -7, "email"),
      step("formal", 10, "email", { attachInvoiceCopy: true }),
      step("call", 21, "call"),
      step("second", 30, "email", { attachStatement: true }),
      step("escalate", 45, "escalation"),
      step("final", 75, "letter", { attachStatement: true }),
    ],
  },
  {
    key: "strict",
    name: "Strict (high risk)",
    ...defaults,
    promiseGraceDays: 1,
    steps: [
      step("friendly", -3, "email"),
      step("due-today", 0, "email"),
      step("formal", 3, "email", { attachInvoiceCopy: true }),
      step("sms", 5, "sms"),
      step("call", 10, "call"),
      step("credit-hold", 10, "credit_hold"),
      step("second", 15, "email", { attachStatement: true }),
      step("final", 30, "letter", { attachStatement: true }),
      step("agency", 45, "agency", { noticeDays: 10 }),
    ],
  },
  {
    key: "cadence-15-30-45",
    name: "Email 15 / letter 30 / phone 45",
    ...defaults,
    steps: [
      step("email-15", 15, "email", { attachInvoiceCopy: true }),
      step("letter-30", 30, "letter", { attachStatement: true }),
      step("phone-45", 45, "call"),
      step("legal", 60, "legal", { noticeDays: 14 }),
    ],
  },
];
