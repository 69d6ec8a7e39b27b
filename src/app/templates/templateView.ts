import type { MessageTemplate } from "../../domain/templates/index.js";

export interface TemplateView {
  key: string;
  language: string;
  channel: MessageTemplate["channel"];
  subject: string | null;
  text: string;
  html: string | null;
  /** "tenant" for the tenant's own wording, "builtin" for what Dunwell ships. */
  source: "tenant" | "builtin";
  /** A built-in template the tenant replaced with its own for the same key, language and channel. */
  overridden?: boolean;
}

export const templateView = (template: MessageTemplate, source: TemplateView["source"]): TemplateView => ({
  key: template.key,
  language: template.language,
  channel: template.channel,
  subject: template.subject ?? null,
  text: template.text,
  html: template.html ?? null,
  source,
});

export const sameSlot = (a: MessageTemplate, b: MessageTemplate): boolean =>
  a.key === b.key && a.channel === b.channel && a.language.toLowerCase() === b.language.toLowerCase();
