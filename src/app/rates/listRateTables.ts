import { coveredUntil, type ReferenceRateTable } from "../../domain/interest/referenceRates.js";
import { REFERENCE_RATE_FILES, type ReferenceRateName } from "../../domain/interest/referenceRateTables.js";
import { formatRateBp } from "../../domain/interest/timelines.js";
import type { RateTableOverride } from "../../store/referenceRateOverrides.js";
import type { Actor, AppDeps } from "../deps.js";
import { parseNamedRateTable, publicRateTableName, resolveRateTableName, tenantRateTexts } from "./rateTables.js";

export interface RateRowView {
  from: string;
  /** Percent as written: "3.62", "-0.88". */
  rate: string;
  note: string;
}

export interface RateTableSummary {
  name: string;
  file: string;
  cadence: "half-yearly" | "on-change";
  /** "tenant": the tenant imported its own copy, which replaces the shipped one. */
  source: "shipped" | "tenant";
  rows: number;
  first: RateRowView;
  last: RateRowView;
  /** The last day a half-yearly table covers; null for a change list (its last rate holds until the next change). */
  coveredUntil: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface RateTableDetail extends RateTableSummary {
  rates: RateRowView[];
}

const rowView = (row: ReferenceRateTable["rows"][number]): RateRowView => ({ from: row.from.toString(), rate: formatRateBp(row.rateBp), note: row.note });

export function rateTableSummary(name: ReferenceRateName, table: ReferenceRateTable, override: RateTableOverride | undefined): RateTableSummary {
  return {
    name: publicRateTableName(name),
    file: REFERENCE_RATE_FILES[name].file,
    cadence: table.cadence,
    source: override ? "tenant" : "shipped",
    rows: table.rows.length,
    first: rowView(table.rows[0]!),
    last: rowView(table.rows.at(-1)!),
    coveredUntil: coveredUntil(table)?.toString() ?? null,
    updatedBy: override?.updated_by ?? null,
    updatedAt: override ? new Date(override.updated_at).toISOString() : null,
  };
}

/** Every reference-rate table the tenant's interest uses, with where it comes from and how far it reaches. */
export async function listRateTables(deps: AppDeps, actor: Actor): Promise<RateTableSummary[]> {
  const { texts, overrides } = await tenantRateTexts(deps.db, actor.tenantId);
  return (Object.keys(REFERENCE_RATE_FILES) as ReferenceRateName[]).map((name) => rateTableSummary(name, parseNamedRateTable(name, texts[name]), overrides.get(name)));
}

/** One table with all its rates. */
export async function getRateTable(deps: AppDeps, actor: Actor, table: string): Promise<RateTableDetail> {
  const name = resolveRateTableName(table);
  const { texts, overrides } = await tenantRateTexts(deps.db, actor.tenantId);
  const parsed = parseNamedRateTable(name, texts[name]);
  return { ...rateTableSummary(name, parsed, overrides.get(name)), rates: parsed.rows.map(rowView) };
}
