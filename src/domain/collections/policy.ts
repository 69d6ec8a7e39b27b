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
