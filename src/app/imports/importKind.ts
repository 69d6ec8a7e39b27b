import type { Db } from "../../store/schema.js";
import type { CellParsers } from "./cellParsers.js";
import type { ColumnSpec, MappedHeader } from "./header.js";
import type { ImportRun } from "./importRun.js";
import type { ImportKind } from "./importTypes.js";

export interface RowContext {
  run: ImportRun;
  parsers: CellParsers;
}

export interface CsvRowContext<K extends string> extends RowContext {
  header: MappedHeader<K>;
}

export interface ImportCounts {
  inserted: number;
  updated: number;
}

/**
 * What one kind of import (customers, invoices, payments) supplies to the shared pipeline in
 * stageRows.ts and importFile.ts: its columns, how a CSV row or a JSON object becomes a validated
 * row, and the set-based steps that stage, check and write those rows.
 */
export interface KindImporter<K extends string, T> {
  kind: ImportKind;
  columns: readonly ColumnSpec<K>[];
  /** The input field (JSON) of each column, so errors found in SQL name what the file called it. */
  fieldOf: Readonly<Record<K, string>>;
  /** The natural key: a second row with the same key in one file is rejected. */
  key: { column: K; of: (row: T) => string };
  /** A CSV row (cells in file order) → a valid row, or undefined after rejecting it through ctx.run. */
  fromCsv(fields: readonly string[], row: number, ctx: CsvRowContext<K>): T | undefined;
  /** A JSON object in the API's input shape → a valid row, or undefined after rejecting it. */
  fromJson(value: unknown, row: number, ctx: RowContext): T | undefined;
  /** Creates the staging tables. */
  prepare(tx: Db, run: ImportRun): Promise<void>;
  /** Stages one chunk of valid rows (COPY). */
  stage(tx: Db, run: ImportRun, rows: T[]): Promise<void>;
  /** Finds the rows the database refuses (unknown references, conflicts) and rejects them. */
  check(tx: Db, run: ImportRun): Promise<void>;
  /** Drops rejected rows from staging, then writes the rest. */
  apply(tx: Db, run: ImportRun): Promise<ImportCounts>;
}
