import { z } from "zod";
import { TEMPLATE_CHANNELS } from "../../domain/templates/index.js";

/** Which template: the key a policy step names, a language tag, a channel. */
export const TemplateRef = z.strictObject({
  key: z.string().min(1).max(100),
  language: z.string().min(2).max(35),
  channel: z.enum(TEMPLATE_CHANNELS),
});
export type TemplateRef = z.output<typeof TemplateRef>;

/** A tenant's own wording for a template; the parts are Handlebars sources (see docs/channels.md). */
export const TemplateInput = TemplateRef.extend({
  subject: z.string().max(1_000).optional(),
  text: z.string().max(100_000),
  html: z.string().max(500_000).optional(),
});

/** "de-at" and "de-AT" name the same language: stored in canonical form, so one key holds one template. */
export function canonicalLanguage(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}
