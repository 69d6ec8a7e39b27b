import { Failure } from "../../domain/errors.js";
import { validateTemplate, type MessageTemplate } from "../../domain/templates/index.js";
import { upsertTemplate } from "../../store/messageTemplates.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { parseInput } from "../inputs/validate.js";
import { TemplateInput, canonicalLanguage } from "./templateInput.js";
import { templateView, type TemplateView } from "./templateView.js";

/**
 * Saves the tenant's own wording for a template, replacing any earlier one for the same key,
 * language and channel. It is validated first: a template that could fail when sent (an unknown
 * variable, a helper with the wrong arguments, a syntax error) is refused now, with the part, line
 * and column of every problem.
 */
export async function saveTemplate(deps: AppDeps, actor: Actor, body: unknown): Promise<TemplateView> {
  const input = parseInput(TemplateInput, body, "template");
  const template: MessageTemplate = {
    key: input.key,
    language: canonicalLanguage(input.language),
    channel: input.channel,
    text: input.text,
    ...(input.subject !== undefined && { subject: input.subject }),
    ...(input.html !== undefined && { html: input.html }),
  };
  const checked = validateTemplate(template);
  if (!checked.ok) throw new Failure(checked.error);
  await deps.db.transaction().execute(async (tx) => {
    await upsertTemplate(tx, {
      tenant_id: actor.tenantId,
      key: template.key,
      language: template.language,
      channel: template.channel,
      subject: template.subject ?? null,
      text_body: template.text,
      html_body: template.html ?? null,
      updated_by: actor.name,
    });
    await audit(tx, deps, actor, "template.save", "template", null, { key: template.key, language: template.language, channel: template.channel });
  });
  return templateView(template, "tenant");
}
