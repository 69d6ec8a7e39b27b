import type { AllocationRow, Db, NewAllocation } from "./schema.js";

export async function insertAllocations(db: Db, rows: readonly NewAllocation[]): Promise<void> {
  if (rows.length > 0) await db.insertInto("allocations").values([...rows]).execute();
}

export const listAllocations = (db: Db, q: { tenantId: string; invoiceId?: string; paymentId?: string; creditNoteId?: string }): Promise<AllocationRow[]> => {
  let query = db.selectFrom("allocations").selectAll().where("tenant_id", "=", q.tenantId);
  if (q.invoiceId) query = query.where("invoice_id", "=", q.invoiceId);
  if (q.paymentId) query = query.where("payment_id", "=", q.paymentId);
  if (q.creditNoteId) query = query.where("credit_note_id", "=", q.creditNoteId);
  return query.orderBy("applied_on").orderBy("id").execute();
};
