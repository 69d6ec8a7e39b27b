import type { ColumnType, Generated, Selectable } from "kysely";

/** Tables of the outbox dispatcher (migration 0006). Dates are "YYYY-MM-DD" strings, as in schema.ts. */
type DateCol = string;

export interface PrintBatchesTable {
  tenant_id: string;
  day: DateCol;
  paper: "A4" | "LETTER";
  letter_count: Generated<number>;
  page_count: Generated<number>;
  pdf: Uint8Array | null;
  updated_at: Generated<Date>;
}

export interface PrintBatchLettersTable {
  tenant_id: string;
  outbox_id: string;
  day: DateCol;
  customer_id: string;
  added_at: Generated<Date>;
  /** The LetterContent the letter was drawn from, as JSON. */
  content: ColumnType<unknown, string, string>;
  pdf: Uint8Array;
  first_page: number | null;
  page_count: number | null;
}

export interface DispatchTables {
  print_batches: PrintBatchesTable;
  print_batch_letters: PrintBatchLettersTable;
}

export type PrintBatchRow = Selectable<PrintBatchesTable>;
