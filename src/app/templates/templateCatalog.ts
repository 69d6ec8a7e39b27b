import { builtinCatalog, type MessageTemplate } from "../../domain/templates/index.js";
import { tenantTemplates, type MessageTemplateRow } from "../../store/messageTemplates.js";
import type { Db } from "../../store/schema.js";

export const templateOfRow = (row: MessageTemplateRow): MessageTemplate => ({
  key: row.key,
  language: row.language,
  channel: row.channel,
  text: row.text_body,
  ...(row.subject !== null && { subject: row.subject }),
  ...(row.html_body !== null && { html: row.html_body }),
});

/** What chooseTemplate searches for a tenant: its own templates first, so they win over the shipped ones. */
export interface TenantCatalog {
  own: ReadonlySet<MessageTemplate>;
  templates: readonly MessageTemplate[];
}

export async function tenantCatalog(db: Db, tenantId: string): Promise<TenantCatalog> {
  const own = (await tenantTemplates(db, tenantId)).map(templateOfRow);
  return { own: new Set(own), templates: [...own, ...builtinCatalog] };
}

export const templateSource = (catalog: TenantCatalog, template: MessageTemplate): "tenant" | "builtin" => (catalog.own.has(template) ? "tenant" : "builtin");
