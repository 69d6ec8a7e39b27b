import { stringify } from "csv-stringify/sync";
import type { ImportRun } from "./importRun.js";
import { CsvReader } from "./source/csvReader.js";
import type { JsonRecord } from "./source/jsonRecords.js";
import type { Delimiter } from "./source/sniff.js";

/**
 * The rejected rows of a CSV file, as written, with an "error" column added: fix them and import the
 * file again. Reads the text a second time (in the same row order as the import) rather than keeping
 * every row in memory for the few that fail.
 */
export function csvRejects(text: string, delimiter: Delimiter, run: ImportRun): string {
  const reader = new CsvReader(text, delimiter);
  const header = reader.next()?.fields ?? [];
  const rows: string[][] = [[...header, "error"]];
  const rejected = new Set(run.rejectedRows);
  let row = 0;
  for (let record = reader.next(); record && rejected.size > 0; record = reader.next(), row++) {
    if (!rejected.delete(row)) continue;
    const cells = record.fields.slice(0, header.length);
    while (cells.length < header.length) cells.push("");
    rows.push([...cells, run.reasons(row)]);
  }
  return stringify(rows, { delimiter, record_delimiter: "\n" });
}

/** JSON imports: one CSV line per rejected object, carrying the object itself. */
export function jsonRejects(records: readonly JsonRecord[], run: ImportRun): string {
  const rows = run.rejectedRows.map((row) => [String(records[row]?.line ?? ""), JSON.stringify(records[row]?.value ?? null), run.reasons(row)]);
  return stringify([["line", "record", "error"], ...rows], { record_delimiter: "\n" });
}
