import { fail } from "../../domain/errors.js";
import { chooseTemplate, previewContext, renderTemplate, type RenderedMessage } from "../../domain/templates/index.js";
import type { Actor, AppDeps } from "../deps.js";
import { parseInput } from "../inputs/validate.js";
import { tenantCatalog, templateSource } from "./templateCatalog.js";
import { TemplateRef, canonicalLanguage } from "./templateInput.js";
import { templateView, type TemplateView } from "./templateView.js";

/**
 * Renders the template a message in `language` would use (the tenant's own first, then the built-in
 * one, falling back to the base language and English as sending does) with sample data.
 */
export async function previewTemplate(deps: AppDeps, actor: Actor, ref: unknown): Promise<{ template: TemplateView; rendered: RenderedMessage }> {
  const q = parseInput(TemplateRef, ref, "template");
  const catalog = await tenantCatalog(deps.db, actor.tenantId);
  const language = canonicalLanguage(q.language);
  const template = chooseTemplate(catalog.templates, q.key, [language], q.channel) ?? fail("TEMPLATE_NOT_FOUND", `no template ${q.key} for ${q.channel}`);
  return { template: templateView(template, templateSource(catalog, template)), rendered: renderTemplate(template, previewContext(language)) };
}
