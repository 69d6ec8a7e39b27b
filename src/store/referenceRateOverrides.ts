import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import { REFERENCE_RATE_FILES, type ReferenceRateName } from "../domain/interest/referenceRateTables.js";
import { SHIPPED_RATES_DIR } from "./referenceRateFiles.js";
import type { Db } from "./schema.js";

export type RateTableTexts = Record<ReferenceRateName, string>;

let shipped: Promise<RateTableTexts> | undefined;

/** The CSV texts shipped in data/reference-rates/, read once per process (they change only with a release). */
export function shippedRateTexts(): Promise<RateTableTexts> {
  if (!shipped) {
    shipped = readShipped();
    shipped.catch(() => (shipped = undefined)); // a failed read is retried by the next caller
  }
  return shipped;
}

async function readShipped(): Promise<RateTableTexts> {
  const names = Object.keys(REFERENCE_RATE_FILES) as ReferenceRateName[];
  const texts = await Promise.all(names.map((name) => readFile(join(SHIPPED_RATES_DIR, REFERENCE_RATE_FILES[name].file), "utf8")));
  return Object.fromEntries(names.map((name, i) => [name, texts[i]!])) as RateTableTexts;
}

export interface RateTableOverride {
  name: ReferenceRateName;
  csv: string;
  updated_by: string;
  updated_at: Date;
}

/** The tenant's own copies of rate tables, by name. */
export async function rateTableOverrides(db: Db, tenantId: string): Promise<RateTableOverride[]> {
  const rows = await db.selectFrom("reference_rate_tables").select(["name", "csv", "updated_by", "updated_at"]).where("tenant_id", "=", tenantId).execute();
  return rows.filter((r): r is RateTableOverride => r.name in REFERENCE_RATE_FILES);
}

export async function saveRateTableOverride(db: Db, tenantId: string, name: ReferenceRateName, csv: string, updatedBy: string): Promise<void> {
  await db
    .insertInto("reference_rate_tables")
    .values({ tenant_id: tenantId, name, csv, updated_by: updatedBy })
    .onConflict((oc) => oc.columns(["tenant_id", "name"]).doUpdateSet({ csv, updated_by: updatedBy, updated_at: sql<Date>`now()` }))
    .execute();
}

/** Removes the tenant's copy: the shipped table applies again. True when there was one. */
export async function deleteRateTableOverride(db: Db, tenantId: string, name: ReferenceRateName): Promise<boolean> {
  const result = await db.deleteFrom("reference_rate_tables").where("tenant_id", "=", tenantId).where("name", "=", name).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
