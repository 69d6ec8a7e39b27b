import { parse } from "csv-parse/sync";
import { addDays, compareDates, parseIsoDate, type PlainDate } from "../dates/plainDate.js";
import { domainError, type DomainError } from "../errors.js";
import { parsePercentBp } from "../money/percent.js";
import { err, ok, type Result } from "../result.js";
import { formatRateBp } from "./timelines.js";

/**
 * How a table is published. "half-yearly": one row per half-year on 1 January and 1 July, none missing,
 * each valid to the end of its half-year only (the next one is not known until published). "on-change":
 * a row per change of a central-bank rate, the last one in force until further notice.
 */
export type RateCadence = "half-yearly" | "on-change";

export interface ReferenceRate {
  readonly from: PlainDate;
  /** Basis points; reference rates may be negative (Basiszinssatz −0.88 % in 2016–2022). */
  readonly rateBp: number;
  readonly note: string;
  /** Line in the CSV file, for errors found later (cross-checks). */
  readonly line: number;
}

export interface ReferenceRateTable {
  readonly name: string;
  readonly cadence: RateCadence;
  /** Ascending by date, never empty. */
  readonly rows: readonly ReferenceRate[];
}

// Outside these a reference rate is a typo (Bank Rate peaked at 17 % in 1979; the lowest ECB rate was −0.5 %).
const MIN_REFERENCE_BP = -1_000;
const MAX_REFERENCE_BP = 3_000;
const COLUMNS = { date: "effective_from", rate: "rate_percent", note: "source_note" } as const;

/**
 * Reads a rate table (columns `effective_from,rate_percent,source_note`) and checks it: ISO dates in
 * ascending order, one row per date, rates as percentages with at most two decimals, and for half-yearly
 * tables every half-year present. Errors carry the line and the column.
 */
export function parseRateTable(csv: string, spec: { name: string; cadence: RateCadence }): Result<ReferenceRateTable> {
  const records = readRecords(csv, spec.name);
  if (!records.ok) return records;
  const [header, ...body] = records.value;
  const noRates = err(domainError("RATE_TABLE_GAP", `${spec.name}: the table has no rates`, { path: COLUMNS.date }));
  if (!header) return noRates;
  const at = (column: string) => header.record.indexOf(column);
  for (const column of [COLUMNS.date, COLUMNS.rate]) {
    if (at(column) < 0) return err(domainError("MISSING_COLUMN", `${spec.name}: no "${column}" column`, { path: column, line: header.line }));
  }
  if (body.length === 0) return noRates;

  const rows: ReferenceRate[] = [];
  for (const { record, line } of body) {
    const row = readRow(record[at(COLUMNS.date)] ?? "", record[at(COLUMNS.rate)] ?? "", line, spec.name);
    if (!row.ok) return row;
    const problem = orderProblem(rows.at(-1), row.value, spec);
    if (problem) return err(problem);
    rows.push({ ...row.value, note: record[at(COLUMNS.note)] ?? "" });
  }
  return ok({ name: spec.name, cadence: spec.cadence, rows });
}

/** The row in force on `day`, or undefined when the table does not reach it (before its first row, or past a half-yearly table's last half-year). */
export function rateInForce(table: ReferenceRateTable, day: PlainDate): ReferenceRate | undefined {
  let found: ReferenceRate | undefined;
  for (const row of table.rows) {
    if (compareDates(row.from, day) > 0) break;
    found = row;
  }
  if (!found || table.cadence === "on-change") return found;
  return compareDates(day, nextHalfYear(found.from)) < 0 ? found : undefined;
}

/** The last day a table covers, or null when its last rate is in force until further notice. */
export const coveredUntil = (table: ReferenceRateTable): PlainDate | null =>
  table.cadence === "on-change" ? null : addDays(nextHalfYear(table.rows.at(-1)!.from), -1);

/** The first day of the half-year containing `day` (1 January or 1 July). */
export const halfYearStart = (day: PlainDate): PlainDate => day.with({ month: day.month <= 6 ? 1 : 7, day: 1 });

const nextHalfYear = (start: PlainDate): PlainDate => start.add({ months: 6 });

function readRecords(csv: string, name: string): Result<{ record: string[]; line: number }[]> {
  try {
    const parsed = parse(csv, { bom: true, info: true, skip_empty_lines: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
    return ok(parsed.map((p) => ({ record: p.record, line: p.info.lines })));
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return err(domainError("MALFORMED_FILE", `${name}: not a readable CSV file: ${(e as Error).message}`, line === undefined ? {} : { line }));
  }
}

function readRow(dateText: string, rateText: string, line: number, name: string): Result<Omit<ReferenceRate, "note">> {
  const from = parseIsoDate(dateText);
  if (!from.ok) return err({ ...from.error, message: `${name} line ${line}: ${from.error.message}`, path: COLUMNS.date, line });
  const rateBp = parseReferenceBp(rateText);
  if (!rateBp.ok) return err(domainError("INVALID_RATE", `${name} line ${line}: ${rateBp.error}`, { path: COLUMNS.rate, line }));
  return ok({ from: from.value, rateBp: rateBp.value, line });
}

function parseReferenceBp(text: string): Result<number, string> {
  const negative = text.startsWith("-");
  const magnitude = parsePercentBp(negative ? text.slice(1) : text);
  if (!magnitude.ok) return err(`"${text}" is not a percentage with at most two decimals`);
  const bp = negative ? -magnitude.value : magnitude.value;
  if (bp < MIN_REFERENCE_BP || bp > MAX_REFERENCE_BP) {
    return err(`${text} % is outside the plausible range of a reference rate (${formatRateBp(MIN_REFERENCE_BP)} % to ${formatRateBp(MAX_REFERENCE_BP)} %)`);
  }
  return ok(bp);
}

function orderProblem(previous: ReferenceRate | undefined, row: Omit<ReferenceRate, "note">, spec: { name: string; cadence: RateCadence }): DomainError | undefined {
  const where = { path: COLUMNS.date, line: row.line };
  if (spec.cadence === "half-yearly" && compareDates(halfYearStart(row.from), row.from) !== 0) {
    return domainError("INVALID_DATE", `${spec.name} line ${row.line}: ${row.from} does not start a half-year; a half-yearly table has rows on 1 January and 1 July`, where);
  }
  if (!previous) return undefined;
  const order = compareDates(row.from, previous.from);
  if (order <= 0) {
    const why = order === 0 ? "repeats the date of line" : "comes before the date of line";
    return domainError("RATE_TABLE_OVERLAP", `${spec.name} line ${row.line}: ${row.from} ${why} ${previous.line} (${previous.from}); rows must be in ascending date order, one per date`, where);
  }
  const expected = nextHalfYear(previous.from);
  if (spec.cadence === "half-yearly" && compareDates(row.from, expected) > 0) {
    return domainError("RATE_TABLE_GAP", `${spec.name} line ${row.line}: the half-year from ${expected} is missing between ${previous.from} and ${row.from}`, where);
  }
  return undefined;
}
