import type { ErrorCode } from "../../domain/errors.js";

/** The public shapes of `dunwell import`; importFile.ts re-exports them for adapters. */
export type ImportKind = "customers" | "invoices" | "payments";

export interface ImportOptions {
  /** Default: from the file name, else from the content (a leading `[` or `{` means JSON). */
  format?: "csv" | "json";
  /** Amounts written "1.234,56". */
  decimalComma?: boolean;
  /** Default: sniffed from the header line. */
  delimiter?: "," | ";" | "\t";
  /** Import the valid rows and report the others, instead of rejecting the whole file. */
  skipInvalid?: boolean;
  fileName?: string;
  /** Default 200 MiB; checked before anything is parsed. */
  maxBytes?: number;
  /** Rows parsed so far out of the rows expected; called at most about 20 times a second. */
  onProgress?: (done: number, total: number) => void;
}

export interface RowError {
  /** Physical line in the file where the row starts; the CSV header is line 1. */
  line: number;
  /** The column as written in the file's header (CSV) or the JSON path; null when the whole row is wrong. */
  column: string | null;
  code: ErrorCode;
  message: string;
}

export interface ImportReport {
  kind: ImportKind;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: RowError[];
  /** CSV text of the rejected rows with an extra "error" column when skipInvalid, else null. */
  rejects: string | null;
  durationMs: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
