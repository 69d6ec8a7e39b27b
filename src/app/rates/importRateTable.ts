import { REFERENCE_RATE_FILES } from "../../domain/interest/referenceRateTables.js";
import { deleteRateTableOverride, rateTableOverrides, saveRateTableOverride } from "../../store/referenceRateOverrides.js";
import { lockTenantSettings } from "../../store/tenantSettings.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { rateTableSummary, type RateTableSummary } from "./listRateTables.js";
import { checkedRateTables, parseNamedRateTable, resolveRateTableName, tenantRateTexts } from "./rateTables.js";

/**
 * Replaces one reference-rate table for the tenant with the whole CSV given (the shipped file with the
 * newly published rows added). The table is checked alone (dates, gaps, overlaps, rates: the error
 * names the line) and then with the others (a half-yearly table against its change list); on any error
 * nothing is saved. The next quote uses it.
 */
export async function importRateTable(deps: AppDeps, actor: Actor, input: { table: string; csv: string | Buffer }): Promise<RateTableSummary> {
  const name = resolveRateTableName(input.table);
  const csv = Buffer.isBuffer(input.csv) ? input.csv.toString("utf8") : input.csv;
  const table = parseNamedRateTable(name, csv);
  return deps.db.transaction().execute(async (tx) => {
    // one import at a time per tenant, so the cross-check sees the other tables as they will be
    await lockTenantSettings(tx, actor.tenantId);
    const { texts } = await tenantRateTexts(tx, actor.tenantId);
    checkedRateTables({ ...texts, [name]: csv });
    await saveRateTableOverride(tx, actor.tenantId, name, csv, actor.name);
    await audit(tx, deps, actor, "rates.import", "reference_rate_table", null, { table: REFERENCE_RATE_FILES[name].file, rows: table.rows.length, last: table.rows.at(-1)!.from.toString() });
    const saved = (await rateTableOverrides(tx, actor.tenantId)).find((o) => o.name === name);
    return rateTableSummary(name, table, saved);
  });
}

/** Drops the tenant's own copy of a table, after checking the shipped one still fits the tenant's other tables. */
export async function resetRateTable(deps: AppDeps, actor: Actor, tableName: string): Promise<RateTableSummary> {
  const name = resolveRateTableName(tableName);
  return deps.db.transaction().execute(async (tx) => {
    await lockTenantSettings(tx, actor.tenantId);
    await deleteRateTableOverride(tx, actor.tenantId, name);
    const { texts } = await tenantRateTexts(tx, actor.tenantId);
    checkedRateTables(texts);
    await audit(tx, deps, actor, "rates.reset", "reference_rate_table", null, { table: REFERENCE_RATE_FILES[name].file });
    return rateTableSummary(name, parseNamedRateTable(name, texts[name]), undefined);
  });
}
