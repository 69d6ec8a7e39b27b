import { sql, type Kysely } from "kysely";
import { copyInto } from "../engine/copy.js";
import type { Db } from "../schema.js";

/*
 * Every import first COPYs its validated rows into temporary staging tables that vanish at commit,
 * then checks and writes them with a few set-based statements. `row` is the row's number in the file
 * (see ImportRun), so whatever SQL finds wrong comes back to its line.
 */

export type StagingTable = "import_invoices" | "import_existing" | "import_customers" | "import_payments";

/** COPY lines (tab-separated, copyField-escaped) into a staging or ledger table, in the caller's transaction. */
export async function copyLines(db: Db, table: StagingTable | "invoices" | "invoice_installments" | "allocations", columns: readonly string[], lines: readonly string[]): Promise<void> {
  // copyInto is typed for any Kysely instance; a transaction is one
  if (lines.length > 0) await copyInto(db as unknown as Kysely<unknown>, table, columns, lines.join("\n") + "\n");
}

/** Statistics for the planner: a fresh temp table has none, and a wrong guess turns a hash join into a nested loop. */
export async function analyzeStaged(db: Db, table: StagingTable): Promise<void> {
  await sql`analyze ${sql.table(table)}`.execute(db);
}

/** Removes rejected rows before the staged rows are written (skipInvalid). */
export async function dropStagedRows(db: Db, table: StagingTable, rows: readonly number[]): Promise<void> {
  if (rows.length > 0) await sql`delete from ${sql.table(table)} where row = any(${rows}::int[])`.execute(db);
}
