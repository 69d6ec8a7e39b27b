import { fail, Failure } from "../../domain/errors.js";
import { parseRateTable, type ReferenceRateTable } from "../../domain/interest/referenceRates.js";
import { parseReferenceRateTables, REFERENCE_RATE_FILES, type ReferenceRateName, type ReferenceRateTables } from "../../domain/interest/referenceRateTables.js";
import { rateTableOverrides, shippedRateTexts, type RateTableOverride, type RateTableTexts } from "../../store/referenceRateOverrides.js";
import type { Db } from "../../store/schema.js";

/** What each table is called in a quote's explanation ("base rate 3.62 + 9 points"). */
export const RATE_TABLE_LABELS: Readonly<Record<ReferenceRateName, string>> = {
  deBaseRate: "base rate",
  ecbMro: "ECB main refinancing rate",
  boeBankRate: "Bank Rate",
  euSemiannual: "ECB reference rate",
  ukReference: "Bank Rate",
};

const NAMES = Object.keys(REFERENCE_RATE_FILES) as ReferenceRateName[];

/** A table's public name: its file name without ".csv" (de-basiszinssatz). */
export const publicRateTableName = (name: ReferenceRateName): string => REFERENCE_RATE_FILES[name].file.replace(/\.csv$/, "");

/** The table a user names by file name (with or without .csv) or by its internal name (deBaseRate). */
export function resolveRateTableName(text: string): ReferenceRateName {
  const wanted = text.trim().toLowerCase().replace(/\.csv$/, "");
  return (
    NAMES.find((name) => name.toLowerCase() === wanted || publicRateTableName(name) === wanted) ??
    fail("RATE_TABLE_NOT_FOUND", `no rate table "${text}"; the tables are ${NAMES.map(publicRateTableName).join(", ")}`, { path: "table" })
  );
}

/** Reads one table's CSV the way the loader does, so an import fails exactly as a load would (line and column named). */
export function parseNamedRateTable(name: ReferenceRateName, csv: string): ReferenceRateTable {
  const parsed = parseRateTable(csv, { name: REFERENCE_RATE_FILES[name].file, cadence: REFERENCE_RATE_FILES[name].cadence });
  if (!parsed.ok) throw new Failure(parsed.error);
  return parsed.value;
}

export interface TenantRateTexts {
  texts: RateTableTexts;
  overrides: Map<ReferenceRateName, RateTableOverride>;
}

/** The CSV of every table as the tenant's interest uses it: its own copy where it imported one, else the shipped one. */
export async function tenantRateTexts(db: Db, tenantId: string): Promise<TenantRateTexts> {
  const [shipped, own] = await Promise.all([shippedRateTexts(), rateTableOverrides(db, tenantId)]);
  const overrides = new Map(own.map((o) => [o.name, o]));
  const texts = { ...shipped };
  for (const [name, o] of overrides) texts[name] = o.csv;
  return { texts, overrides };
}

/** Parses the whole set with the cross-checks between tables (an ECB change list against its half-yearly table). */
export function checkedRateTables(texts: RateTableTexts): ReferenceRateTables {
  const tables = parseReferenceRateTables(texts);
  if (!tables.ok) throw new Failure(tables.error);
  return tables.value;
}

/** The reference rates a tenant's statutory interest is computed with. */
export const rateTablesFor = async (db: Db, tenantId: string): Promise<ReferenceRateTables> => checkedRateTables((await tenantRateTexts(db, tenantId)).texts);
