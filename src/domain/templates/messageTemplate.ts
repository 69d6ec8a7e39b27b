/** A message template as stored: one key, one language, one channel; its parts are Handlebars sources. */
export interface MessageTemplate {
  /** What the message is for, named by the policy step: "reminder.overdue", "notice.final". */
  key: string;
  /** BCP 47 tag: "en", "de", "de-AT". */
  language: string;
  channel: TemplateChannel;
  subject?: string;
  /** Plain text: the email text part, the SMS, the letter body, the task's talking points. */
  text: string;
  /** Email only; variables are HTML-escaped here and nowhere else. */
  html?: string;
}

export const TEMPLATE_CHANNELS = ["email", "sms", "letter", "task"] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export const TEMPLATE_PARTS = ["subject", "text", "html"] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

/**
 * The parts each channel has. A letter's subject is its heading and its items table is drawn by the
 * letter renderer; a task's subject is the task title; an SMS is text alone.
 */
export const CHANNEL_PARTS: Readonly<Record<TemplateChannel, { required: readonly TemplatePart[]; optional: readonly TemplatePart[] }>> = {
  email: { required: ["subject", "text"], optional: ["html"] },
  sms: { required: ["text"], optional: [] },
  letter: { required: ["subject", "text"], optional: [] },
  task: { required: ["text"], optional: ["subject"] },
};

/** What rendering produces; `subject` is "" for channels without one. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}
