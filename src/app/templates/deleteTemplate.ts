import { fail } from "../../domain/errors.js";
import { deleteTemplate as deleteRow } from "../../store/messageTemplates.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { parseInput } from "../inputs/validate.js";
import { TemplateRef, canonicalLanguage } from "./templateInput.js";

/** Removes the tenant's own wording; messages fall back to the built-in template (or the next language). */
export async function deleteTemplate(deps: AppDeps, actor: Actor, ref: unknown): Promise<void> {
  const q = parseInput(TemplateRef, ref, "template");
  const language = canonicalLanguage(q.language);
  await deps.db.transaction().execute(async (tx) => {
    const deleted = await deleteRow(tx, { tenantId: actor.tenantId, key: q.key, language, channel: q.channel });
    if (!deleted) fail("TEMPLATE_NOT_FOUND", `the tenant has no own template ${q.key} (${language}, ${q.channel})`);
    await audit(tx, deps, actor, "template.delete", "template", null, { key: q.key, language, channel: q.channel });
  });
}
