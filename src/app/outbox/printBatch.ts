import type { LetterContent } from "../../channels/letters/letterPdf.js";
import { renderPrintBatch } from "../../channels/letters/printBatch.js";
import { fail } from "../../domain/errors.js";
import { addLetters, lettersOfDay, lockPrintBatch, printBatchOfDay, saveBatchPdf, type NewPrintedLetter } from "../../store/printBatches.js";
import type { Db } from "../../store/schema.js";
import type { Actor, AppDeps } from "../deps.js";
import { zIsoDate } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";

/**
 * Letters print simplex: each starts on a new sheet without blank pages in between. The print shop
 * can still print duplex letter by letter from the page ranges.
 */
const DUPLEX = false;

/**
 * Adds letters to the tenant's print batch of `day` and draws the batch again, all in the caller's
 * transaction (the one that marks the letters sent): a letter is in the batch exactly when its outbox
 * row is "sent", and one already there is not added twice.
 */
export async function addToPrintBatch(tx: Db, q: { tenantId: string; day: string; paper: "A4" | "LETTER" }, letters: readonly NewPrintedLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await lockPrintBatch(tx, q);
  await addLetters(tx, q, letters);
  const all = await lettersOfDay(tx, q.tenantId, q.day);
  const batch = await renderPrintBatch(
    all.map((l) => ({ content: l.content as LetterContent })),
    { paper: q.paper, duplex: DUPLEX },
  );
  await saveBatchPdf(tx, q, { pdf: batch.pdf, pages: all.map((l, i) => ({ outboxId: l.outbox_id, ...batch.letters[i]! })) });
}

export interface PrintBatchView {
  day: string;
  paper: "A4" | "LETTER";
  letterCount: number;
  pageCount: number;
  /** In print order; pages are 1-based within the batch PDF. */
  letters: { outboxId: string; customerId: string; firstPage: number | null; pageCount: number | null }[];
  updatedAt: string;
  pdf: Buffer;
}

/** The day's letters as one PDF for the print shop, with where each letter sits in it. */
export async function getPrintBatch(deps: AppDeps, actor: Actor, day: unknown): Promise<PrintBatchView> {
  const date = parseInput(zIsoDate, day, "day");
  const batch = await printBatchOfDay(deps.db, actor.tenantId, date);
  if (!batch?.pdf) return fail("PRINT_BATCH_NOT_FOUND", `no letters were dispatched for print on ${date}`);
  const letters = await lettersOfDay(deps.db, actor.tenantId, date);
  return {
    day: batch.day,
    paper: batch.paper,
    letterCount: batch.letter_count,
    pageCount: batch.page_count,
    letters: letters.map((l) => ({ outboxId: l.outbox_id, customerId: l.customer_id, firstPage: l.first_page, pageCount: l.page_count })),
    updatedAt: batch.updated_at.toISOString(),
    pdf: Buffer.from(batch.pdf),
  };
}
