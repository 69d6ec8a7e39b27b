import { sql } from "kysely";
import type { Db } from "../schema.js";

/** External ids of the customers named by id in a JSON import (rows carry external ids from then on). */
export async function externalIdsByCustomerId(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await sql<{ id: string; external_id: string }>`
    select id, external_id from customers where tenant_id = ${tenantId} and id = any(${ids}::uuid[])`.execute(db);
  return new Map(result.rows.map((r) => [r.id, r.external_id]));
}

/** Ids of the customers with the given external ids; unknown ones are simply absent. */
export async function customerIdsByExternalId(db: Db, tenantId: string, externalIds: readonly string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const result = await sql<{ id: string; external_id: string }>`
    select id, external_id from customers where tenant_id = ${tenantId} and external_id = any(${externalIds}::text[])`.execute(db);
  return new Map(result.rows.map((r) => [r.external_id, r.id]));
}
