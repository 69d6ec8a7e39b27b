import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { compileOptions, templateEnvironment } from "./environment.js";
import { CHANNEL_PARTS, TEMPLATE_CHANNELS, TEMPLATE_PARTS, type MessageTemplate, type TemplatePart } from "./messageTemplate.js";
import { checkTemplateSource } from "./sourceCheck.js";

const KEY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/i;
const MAX_KEY_LENGTH = 100;
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

/**
 * Checks a template when it is saved, so that sending it cannot fail: the parts fit the channel,
 * every part parses, uses only known variables and helpers with fitting arguments, and compiles.
 * On failure the error is the first problem; `details` lists all of them when there are several,
 * each with the part as `path` and its line.
 */
export function validateTemplate(template: MessageTemplate): Result<MessageTemplate> {
  const problems = shapeProblems(template);
  if (problems.length === 0) {
    for (const [part, source] of presentParts(template)) {
      for (const p of checkTemplateSource(source, part)) {
        problems.push(domainError(p.code, `${part}, line ${p.line}, column ${p.column}: ${p.message}`, { path: part, line: p.line }));
      }
    }
  }
  if (problems.length === 0) problems.push(...compileProblems(template));
  const [first] = problems;
  if (!first) return ok(template);
  return err(problems.length === 1 ? first : { ...first, details: problems.map(({ code, message, path, line }) => ({ code, message, path, line })) });
}

export function presentParts(template: MessageTemplate): [TemplatePart, string][] {
  return TEMPLATE_PARTS.flatMap((part) => {
    const source = template[part];
    return source == null ? [] : [[part, source] as [TemplatePart, string]];
  });
}

function shapeProblems(template: MessageTemplate): DomainError[] {
  const problems: DomainError[] = [];
  const invalid = (path: string, message: string) => problems.push(domainError("VALIDATION_FAILED", message, { path }));
  if (typeof template.key !== "string" || !KEY.test(template.key) || template.key.length > MAX_KEY_LENGTH) {
    invalid("key", `template key ${JSON.stringify(template.key)} must be words joined by ".", "_" or "-" (e.g. "reminder.overdue")`);
  }
  if (typeof template.language !== "string" || !LANGUAGE.test(template.language) || !isLocale(template.language)) {
    invalid("language", `${JSON.stringify(template.language)} is not a language tag such as "en" or "de-AT"`);
  }
  const parts = CHANNEL_PARTS[template.channel];
  if (!(TEMPLATE_CHANNELS as readonly string[]).includes(template.channel) || !parts) {
    invalid("channel", `channel must be one of ${TEMPLATE_CHANNELS.join(", ")}`);
    return problems;
  }
  for (const part of TEMPLATE_PARTS) {
    const source = template[part];
    if (parts.required.includes(part) && (typeof source !== "string" || source.trim() === "")) {
      invalid(part, `a ${template.channel} template needs a ${part}`);
    } else if (source != null && !parts.required.includes(part) && !parts.optional.includes(part)) {
      invalid(part, `a ${template.channel} template has no ${part}; it has ${[...parts.required, ...parts.optional].join(" and ")}`);
    } else if (source != null && typeof source !== "string") {
      invalid(part, `${part} must be text`);
    }
  }
  return problems;
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A safety net behind the static check: anything the compiler itself refuses is refused at save time too. */
function compileProblems(template: MessageTemplate): DomainError[] {
  return presentParts(template).flatMap(([part, source]) => {
    try {
      templateEnvironment.precompile(source, compileOptions(part));
      return [];
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [domainError("TEMPLATE_SYNTAX", `${part}: ${reason}`, { path: part })];
    }
  });
}
