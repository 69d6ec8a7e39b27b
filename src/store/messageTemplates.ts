import { sql, type Selectable } from "kysely";
import type { MessageTemplatesTable } from "./collectionsSchema.js";
import type { Db } from "./schema.js";

export type MessageTemplateRow = Selectable<MessageTemplatesTable>;

export const tenantTemplates = (db: Db, tenantId: string): Promise<MessageTemplateRow[]> =>
  db.selectFrom("message_templates").selectAll().where("tenant_id", "=", tenantId).orderBy("key").orderBy("language").orderBy("channel").execute();

export async function upsertTemplate(db: Db, row: Omit<MessageTemplateRow, "updated_at">): Promise<void> {
  await db
    .insertInto("message_templates")
    .values(row)
    .onConflict((oc) =>
      oc.columns(["tenant_id", "key", "language", "channel"]).doUpdateSet({ subject: row.subject, text_body: row.text_body, html_body: row.html_body, updated_by: row.updated_by, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

export async function deleteTemplate(db: Db, q: { tenantId: string; key: string; language: string; channel: MessageTemplateRow["channel"] }): Promise<boolean> {
  const result = await db
    .deleteFrom("message_templates")
    .where("tenant_id", "=", q.tenantId)
    .where("key", "=", q.key)
    .where("language", "=", q.language)
    .where("channel", "=", q.channel)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
