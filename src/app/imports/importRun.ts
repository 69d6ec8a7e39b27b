import type { ErrorCode } from "../../domain/errors.js";
import type { Actor, AppDeps } from "../deps.js";
import type { ImportOptions, RowError } from "./importTypes.js";

/**
 * The state of one import while it runs: which file line each row came from, and which rows are
 * rejected and why. Rows are numbered in reading order (0, 1, …); staging tables carry that number, so
 * errors found in SQL come back to the right line even when several JSON objects share one line.
 */
export class ImportRun {
  private readonly found: RowError[] = [];
  /** Messages per rejected row, for the rejects file. */
  private readonly rejected = new Map<number, string[]>();
  private lines = new Int32Array(4096);
  private count = 0;
  /** The first problem with the whole file (header, encoding, structure): then nothing can be imported. */
  fileError: RowError | undefined;
  /** How errors name a canonical column: its header as written in a CSV file, its field in JSON. */
  label: (column: string) => string = (column) => column;

  constructor(
    readonly deps: AppDeps,
    readonly actor: Actor,
    readonly options: ImportOptions,
  ) {}

  get rows(): number {
    return this.count;
  }

  /** Registers the next row and returns its number. */
  addRow(line: number): number {
    if (this.count === this.lines.length) {
      const grown = new Int32Array(this.lines.length * 2);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[this.count] = line;
    return this.count++;
  }

  lineOf(row: number): number {
    return this.lines[row]!;
  }

  reject(row: number, column: string | null, code: ErrorCode, message: string): void {
    this.found.push({ line: this.lineOf(row), column, code, message });
    const messages = this.rejected.get(row);
    const text = `${code}${column ? ` (${column})` : ""}: ${message}`;
    if (messages) messages.push(text);
    else this.rejected.set(row, [text]);
  }

  /** Every error so far, by line (rows are checked in JS first, then in SQL, so they are found out of order). */
  get errors(): RowError[] {
    return [...this.found].sort((a, b) => a.line - b.line);
  }

  get hasErrors(): boolean {
    return this.found.length > 0;
  }

  rejectFile(error: RowError): void {
    this.found.push(error);
    this.fileError ??= error;
  }

  get fileRejected(): boolean {
    return this.fileError !== undefined;
  }

  isRejected(row: number): boolean {
    return this.rejected.has(row);
  }

  /** Why the row was rejected, one line per error. */
  reasons(row: number): string {
    return (this.rejected.get(row) ?? []).join("; ");
  }

  get rejectedRows(): number[] {
    return [...this.rejected.keys()].sort((a, b) => a - b);
  }

  get rejectedCount(): number {
    return this.rejected.size;
  }
}
