import type { Db } from "../../store/schema.js";
import { CellParsers } from "./cellParsers.js";
import type { MappedHeader } from "./header.js";
import type { KindImporter } from "./importKind.js";
import type { ImportRun } from "./importRun.js";
import type { Progress } from "./progress.js";
import type { CsvReader } from "./source/csvReader.js";
import type { JsonRecord } from "./source/jsonRecords.js";
import type { Delimiter } from "./source/sniff.js";

export type RowSource<K extends string> =
  | { format: "csv"; reader: CsvReader; delimiter: Delimiter; header: MappedHeader<K> }
  | { format: "json"; records: readonly JsonRecord[] };

// Rows per COPY: large enough that statements are few, small enough that memory stays flat.
const CHUNK_ROWS = 50_000;
// While a chunk is in the database, parsing pauses this often so its next statement goes out promptly.
const YIELD_EVERY = 4096;
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads every row of the source, validates it, rejects duplicate natural keys, and hands the valid
 * rows to the importer chunk by chunk. While one chunk is in the database (on PostgreSQL the server
 * works in parallel), the next one is parsed.
 */
export async function stageRows<K extends string, T>(tx: Db, run: ImportRun, importer: KindImporter<K, T>, source: RowSource<K>, progress: Progress): Promise<void> {
  await importer.prepare(tx, run);
  const parsers = new CellParsers(run.options.decimalComma ?? false);
  const firstRowOfKey = new Map<string, number>();
  const keyLabel = run.label(importer.key.column);
  let chunk: T[] = [];
  let inFlight: Promise<void> | undefined;

  const accept = (row: number, value: T | undefined): void => {
    if (value === undefined) return;
    const key = importer.key.of(value);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      run.reject(row, keyLabel, "DUPLICATE_IN_FILE", `"${key}" already appears on line ${run.lineOf(first)}`);
      return;
    }
    firstRowOfKey.set(key, row);
    chunk.push(value);
  };
  const flush = async (): Promise<void> => {
    await inFlight;
    const rows = chunk;
    chunk = [];
    inFlight = rows.length > 0 ? importer.stage(tx, run, rows) : undefined;
    // awaited at the next flush; this only keeps Node from calling the rejection unhandled meanwhile
    inFlight?.catch(() => undefined);
  };

  if (source.format === "csv") {
    const ctx = { run, parsers, header: source.header };
    for (let record = source.reader.next(); record; record = source.reader.next()) {
      const row = run.addRow(record.line);
      if (tooManyFields(record.fields, source.header.width)) {
        run.reject(row, null, "MALFORMED_FILE", `expected ${source.header.width} fields as in the header, found ${record.fields.length}`);
      } else {
        accept(row, importer.fromCsv(record.fields, row, ctx));
      }
      progress.tick(run.rows);
      if (chunk.length >= CHUNK_ROWS) await flush();
      else if (inFlight && (run.rows & (YIELD_EVERY - 1)) === 0) await yieldToIo();
    }
  } else {
    const ctx = { run, parsers };
    for (const record of source.records) {
      const row = run.addRow(record.line);
      accept(row, importer.fromJson(record.value, row, ctx));
      progress.tick(run.rows);
      if (chunk.length >= CHUNK_ROWS) await flush();
    }
  }
  await flush();
  await inFlight;
}

/** Missing trailing cells read as empty; extra cells are an error unless empty (spreadsheets pad rows). */
function tooManyFields(fields: readonly string[], width: number): boolean {
  for (let i = width; i < fields.length; i++) if (fields[i]!.trim() !== "") return true;
  return false;
}
