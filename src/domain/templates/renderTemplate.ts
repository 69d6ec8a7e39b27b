import type Handlebars from "handlebars";
import { fail } from "../errors.js";
import type { MessageContext } from "./context.js";
import { compileOptions, templateEnvironment } from "./environment.js";
import type { MessageTemplate, RenderedMessage, TemplatePart } from "./messageTemplate.js";
import { presentParts, validateTemplate } from "./validateTemplate.js";

type CompiledParts = Partial<Record<TemplatePart, Handlebars.TemplateDelegate<MessageContext>>>;

// A run renders thousands of messages from a handful of templates: each template object is
// validated and compiled once. Keyed weakly so templates dropped by their owner are not kept alive;
// templates are values: an edited template is a new object (the built-ins are frozen).
const compiled = new WeakMap<MessageTemplate, CompiledParts>();

function compile(template: MessageTemplate): CompiledParts {
  let parts = compiled.get(template);
  if (parts) return parts;
  const checked = validateTemplate(template);
  // saved templates were validated; this only trips on one that skipped validation or predates a schema change
  if (!checked.ok) fail(checked.error.code, `template ${template.key}/${template.language}: ${checked.error.message}`, { path: checked.error.path });
  parts = Object.fromEntries(presentParts(template).map(([part, source]) => [part, templateEnvironment.compile<MessageContext>(source, compileOptions(part))]));
  compiled.set(template, parts);
  return parts;
}

/**
 * Renders a template for one message. Throws `Failure` only for a template that does not pass
 * `validateTemplate`, and a TypeError for a context that breaks its own type (a malformed amount).
 */
export function renderTemplate(template: MessageTemplate, context: MessageContext): RenderedMessage {
  const parts = compile(template);
  const text = parts.text!(context);
  const rendered: RenderedMessage = { subject: parts.subject?.(context) ?? "", text: template.channel === "sms" ? withPlainSpaces(text) : text };
  if (parts.html) rendered.html = parts.html(context);
  return rendered;
}

// Intl separates digits and currency with no-break spaces (de "1.250,00\u00a0€", fr "1\u202f250,00\u00a0€").
// Neither is in the GSM 7-bit alphabet, and one of them would send the whole SMS as UCS-2: 70
// characters per part instead of 160.
const withPlainSpaces = (text: string): string => text.replace(/[\u00a0\u2007\u202f]/g, " ");
