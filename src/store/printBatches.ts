import { sql } from "kysely";
import type { PrintBatchRow } from "./dispatchSchema.js";
import type { Db } from "./schema.js";

export interface NewPrintedLetter {
  outboxId: string;
  customerId: string;
  content: unknown;
  pdf: Buffer;
}

/**
 * Creates the day's batch if needed and locks it: dispatchers adding letters to the same day take
 * turns, so each redraws the batch with every letter the others added.
 */
export async function lockPrintBatch(db: Db, q: { tenantId: string; day: string; paper: "A4" | "LETTER" }): Promise<void> {
  await db.insertInto("print_batches").values({ tenant_id: q.tenantId, day: q.day, paper: q.paper }).onConflict((oc) => oc.columns(["tenant_id", "day"]).doNothing()).execute();
  await db.selectFrom("print_batches").select("day").where("tenant_id", "=", q.tenantId).where("day", "=", q.day).forUpdate().execute();
}

/** Adds letters to the day; a letter already in a batch (same outbox row) is left as it is. */
export async function addLetters(db: Db, q: { tenantId: string; day: string }, letters: readonly NewPrintedLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await db
    .insertInto("print_batch_letters")
    .values(letters.map((l) => ({ tenant_id: q.tenantId, outbox_id: l.outboxId, day: q.day, customer_id: l.customerId, content: JSON.stringify(l.content), pdf: l.pdf })))
    .onConflict((oc) => oc.columns(["tenant_id", "outbox_id"]).doNothing())
    .execute();
}

export const lettersOfDay = (db: Db, tenantId: string, day: string): Promise<{ outbox_id: string; customer_id: string; content: unknown; first_page: number | null; page_count: number | null }[]> =>
  db
    .selectFrom("print_batch_letters")
    .select(["outbox_id", "customer_id", "content", "first_page", "page_count"])
    .where("tenant_id", "=", tenantId)
    .where("day", "=", day)
    .orderBy("added_at")
    .orderBy("outbox_id")
    .execute();

/** Stores the redrawn batch and where each letter sits in it. */
export async function saveBatchPdf(db: Db, q: { tenantId: string; day: string; paper: "A4" | "LETTER" }, batch: { pdf: Buffer; pages: { outboxId: string; firstPage: number; pageCount: number }[] }): Promise<void> {
  const pageCount = batch.pages.reduce((last, p) => Math.max(last, p.firstPage + p.pageCount - 1), 0);
  await db
    .updateTable("print_batches")
    .set({ pdf: batch.pdf, paper: q.paper, letter_count: batch.pages.length, page_count: pageCount, updated_at: sql<Date>`now()` })
    .where("tenant_id", "=", q.tenantId)
    .where("day", "=", q.day)
    .execute();
  if (batch.pages.length === 0) return;
  await sql`
    update print_batch_letters l set first_page = p.first_page, page_count = p.page_count
      from unnest(${batch.pages.map((p) => p.outboxId)}::uuid[], ${batch.pages.map((p) => p.firstPage)}::int[], ${batch.pages.map((p) => p.pageCount)}::int[])
        as p(outbox_id, first_page, page_count)
     where l.tenant_id = ${q.tenantId} and l.outbox_id = p.outbox_id`.execute(db);
}

export const printBatchOfDay = (db: Db, tenantId: string, day: string): Promise<PrintBatchRow | undefined> =>
  db.selectFrom("print_batches").selectAll().where("tenant_id", "=", tenantId).where("day", "=", day).executeTakeFirst();
