import type { CreditNoteRow, Db } from "./schema.js";
import { toPage, type Page } from "./pagination.js";

export type NewCreditNote = Omit<CreditNoteRow, "created_at">;

export const insertCreditNote = (db: Db, c: NewCreditNote) => db.insertInto("credit_notes").values(c).execute();

export const findCreditNote = (db: Db, tenantId: string, id: string): Promise<CreditNoteRow | undefined> =>
  db.selectFrom("credit_notes").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();

export const findCreditNoteByNumber = (db: Db, tenantId: string, number: string): Promise<CreditNoteRow | undefined> =>
  db.selectFrom("credit_notes").selectAll().where("tenant_id", "=", tenantId).where("number", "=", number).executeTakeFirst();

export async function listCreditNotes(db: Db, q: { tenantId: string; limit: number; after?: string[] | undefined; customerId?: string | undefined }): Promise<Page<CreditNoteRow>> {
  let query = db.selectFrom("credit_notes").selectAll().where("tenant_id", "=", q.tenantId);
  if (q.customerId) query = query.where("customer_id", "=", q.customerId);
  if (q.after) query = query.where("number", ">", q.after[0]!);
  const rows = await query.orderBy("number").limit(q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.number]);
}
