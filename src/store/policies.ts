import { sql } from "kysely";
import type { PolicyRow } from "./collectionsSchema.js";
import type { Db } from "./schema.js";

export const insertPolicy = (db: Db, row: { tenant_id: string; id: string; key: string; version: number; name: string; definition: unknown; created_by: string }) =>
  db.insertInto("policies").values({ ...row, definition: JSON.stringify(row.definition) }).execute();

/** The newest version of every policy of the tenant. */
export const latestPolicies = (db: Db, tenantId: string): Promise<PolicyRow[]> =>
  db
    .selectFrom("policies")
    .selectAll()
    .distinctOn("key")
    .where("tenant_id", "=", tenantId)
    .orderBy("key")
    .orderBy("version", "desc")
    .execute();

export const latestPolicy = (db: Db, tenantId: string, key: string): Promise<PolicyRow | undefined> =>
  db.selectFrom("policies").selectAll().where("tenant_id", "=", tenantId).where("key", "=", key).orderBy("version", "desc").limit(1).executeTakeFirst();

export const policyVersions = (db: Db, tenantId: string, key: string): Promise<PolicyRow[]> =>
  db.selectFrom("policies").selectAll().where("tenant_id", "=", tenantId).where("key", "=", key).orderBy("version").execute();

/** Serialises policy writers of one tenant, so two applies cannot both take the same next version. */
export const lockPolicies = (db: Db, tenantId: string) => sql`select pg_advisory_xact_lock(hashtext('policies:' || ${tenantId}))`.execute(db);
