import { builtinCatalog } from "../../domain/templates/index.js";
import { tenantTemplates } from "../../store/messageTemplates.js";
import type { Actor, AppDeps } from "../deps.js";
import { templateOfRow } from "./templateCatalog.js";
import { sameSlot, templateView, type TemplateView } from "./templateView.js";

/** The tenant's own templates, then every built-in one, each marked with its source. */
export async function listTemplates(deps: AppDeps, actor: Actor): Promise<TemplateView[]> {
  const own = (await tenantTemplates(deps.db, actor.tenantId)).map(templateOfRow);
  return [
    ...own.map((t) => templateView(t, "tenant")),
    ...builtinCatalog.map((t) => ({ ...templateView(t, "builtin"), overridden: own.some((o) => sameSlot(o, t)) })),
  ];
}
