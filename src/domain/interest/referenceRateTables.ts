import { addDays, type PlainDate } from "../dates/plainDate.js";
import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { parseRateTable, rateInForce, type RateCadence, type ReferenceRateTable } from "./referenceRates.js";
import { formatRateBp } from "./timelines.js";

/** The rate tables Dunwell ships in data/reference-rates/, by the name the statutory rules use. */
export const REFERENCE_RATE_FILES = {
  /** German Basiszinssatz (§ 247 BGB), every half-year. */
  deBaseRate: { file: "de-basiszinssatz.csv", cadence: "half-yearly" },
  /** ECB main refinancing operations rate, every change. */
  ecbMro: { file: "ecb-mro.csv", cadence: "on-change" },
  /** Bank of England Bank Rate, every change. */
  boeBankRate: { file: "boe-bank-rate.csv", cadence: "on-change" },
  /** ECB MRO in force on 1 January / 1 July (Directive 2011/7/EU, France L441-10). */
  euSemiannual: { file: "eu-semiannual-reference.csv", cadence: "half-yearly" },
  /** Bank Rate in force on 31 December / 30 June before each half-year (UK Late Payment Act). */
  ukReference: { file: "uk-reference.csv", cadence: "half-yearly" },
} as const satisfies Record<string, { file: string; cadence: RateCadence }>;

export type ReferenceRateName = keyof typeof REFERENCE_RATE_FILES;
export type ReferenceRateTables = Record<ReferenceRateName, ReferenceRateTable>;

/**
 * Parses all shipped tables from their CSV texts, then checks that each derived half-yearly table agrees
 * with the change list it comes from, so an update to one file without the other is caught on load.
 */
export function parseReferenceRateTables(csvByName: Readonly<Record<ReferenceRateName, string>>): Result<ReferenceRateTables> {
  const tables: Partial<ReferenceRateTables> = {};
  for (const [name, spec] of Object.entries(REFERENCE_RATE_FILES) as [ReferenceRateName, (typeof REFERENCE_RATE_FILES)[ReferenceRateName]][]) {
    const table = parseRateTable(csvByName[name], { name: spec.file, cadence: spec.cadence });
    if (!table.ok) return table;
    tables[name] = table.value;
  }
  const complete = tables as ReferenceRateTables;
  // The ECB rule takes the rate in force on the first day of the half-year, the UK rule the day before it.
  const mismatch =
    derivedMismatch(complete.euSemiannual, complete.ecbMro, (start) => start) ??
    derivedMismatch(complete.ukReference, complete.boeBankRate, (start) => addDays(start, -1));
  return mismatch ? err(mismatch) : ok(complete);
}

function derivedMismatch(derived: ReferenceRateTable, source: ReferenceRateTable, referenceDay: (halfYear: PlainDate) => PlainDate): DomainError | undefined {
  for (const row of derived.rows) {
    const day = referenceDay(row.from);
    const inForce = rateInForce(source, day);
    if (!inForce) {
      return domainError("RATE_TABLE_GAP", `${derived.name} line ${row.line}: ${source.name} has no rate in force on ${day} to derive ${row.from} from`, { path: "effective_from", line: row.line });
    }
    if (inForce.rateBp !== row.rateBp) {
      return domainError(
        "RATE_TABLE_MISMATCH",
        `${derived.name} line ${row.line}: ${formatRateBp(row.rateBp)} % from ${row.from}, but ${source.name} has ${formatRateBp(inForce.rateBp)} % in force on ${day} (line ${inForce.line})`,
        { path: "rate_percent", line: row.line },
      );
    }
  }
  return undefined;
}
