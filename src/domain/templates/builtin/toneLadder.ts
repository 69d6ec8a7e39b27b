import type { TemplateChannel } from "../messageTemplate.js";

/** From the first nudge to the last word: how firmly each shipped template speaks. */
export const TONES = ["friendly", "courteous", "formal", "firm", "final"] as const;
export type Tone = (typeof TONES)[number];

/**
 * The customer-facing templates of the shipped policies (PRODUCT.md §4 cadence), in ladder order.
 * Friendly and courteous steps come before the money is late: they greet informally and list no
 * days overdue. Letters exist for the two notices a policy may send on paper.
 */
export const TONE_LADDER = [
  { key: "reminder.upcoming", tone: "friendly", channels: ["email"] },
  { key: "reminder.due", tone: "courteous", channels: ["email"] },
  { key: "reminder.overdue", tone: "formal", channels: ["email"] },
  { key: "reminder.second", tone: "firm", channels: ["email"] },
  { key: "notice.final", tone: "final", channels: ["email", "letter"] },
  { key: "notice.agency", tone: "final", channels: ["email", "letter"] },
] as const satisfies readonly { key: string; tone: Tone; channels: readonly TemplateChannel[] }[];

export type NoticeKey = (typeof TONE_LADDER)[number]["key"];

/** Short SMS nudge and the collector's internal tasks; the same in every policy. */
export const SMS_KEY = "sms.reminder";
export const TASK_KEYS = ["task.call", "task.escalation"] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

export const isBeforeDue = (tone: Tone): boolean => tone === "friendly" || tone === "courteous";
