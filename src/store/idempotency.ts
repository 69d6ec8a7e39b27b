import { sql } from "kysely";
import type { Db } from "./schema.js";

export interface IdempotencyRecord {
  requestHash: string;
  /** null while the first request with this key is still running. */
  statusCode: number | null;
  response: unknown;
}

/**
 * Claims a key for a new request. Returns false when the key is already held; a holder is replaced
 * only when it expired or was left in progress for longer than `staleSeconds` (its process died).
 * Times come from the database's clock so every API process judges age the same way.
 */
export async function reserveIdempotencyKey(
  db: Db,
  r: { tenantId: string; key: string; requestHash: string; staleSeconds: number; expireSeconds: number },
): Promise<boolean> {
  const claimed = await db
    .insertInto("idempotency_keys")
    .values({ tenant_id: r.tenantId, key: r.key, request_hash: r.requestHash, status_code: null, response: null })
    .onConflict((oc) =>
      oc
        .columns(["tenant_id", "key"])
        .doUpdateSet({ request_hash: r.requestHash, status_code: null, response: null, created_at: sql`now()` })
        .where((eb) =>
          eb.or([
            eb("idempotency_keys.created_at", "<", sql<Date>`now() - make_interval(secs => ${r.expireSeconds})`),
            eb.and([eb("idempotency_keys.status_code", "is", null), eb("idempotency_keys.created_at", "<", sql<Date>`now() - make_interval(secs => ${r.staleSeconds})`)]),
          ]),
        ),
    )
    .returning("key")
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function findIdempotencyKey(db: Db, tenantId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["request_hash", "status_code", "response"])
    .where("tenant_id", "=", tenantId)
    .where("key", "=", key)
    .executeTakeFirst();
  return row && { requestHash: row.request_hash, statusCode: row.status_code, response: row.response };
}

/** Stores the outcome to replay; `responseJson` is the JSON text that was sent. */
export const completeIdempotencyKey = (db: Db, c: { tenantId: string; key: string; statusCode: number; responseJson: string | null }) =>
  db
    .updateTable("idempotency_keys")
    .set({ status_code: c.statusCode, response: c.responseJson })
    .where("tenant_id", "=", c.tenantId)
    .where("key", "=", c.key)
    .where("status_code", "is", null)
    .execute();

/** Frees a key whose request failed in a way worth retrying (the retry then runs again). */
export const releaseIdempotencyKey = (db: Db, tenantId: string, key: string) =>
  db.deleteFrom("idempotency_keys").where("tenant_id", "=", tenantId).where("key", "=", key).where("status_code", "is", null).execute();

/** Deletes one tenant's keys older than the retention; returns how many went. */
export async function purgeIdempotencyKeys(db: Db, tenantId: string, expireSeconds: number): Promise<number> {
  const result = await db
    .deleteFrom("idempotency_keys")
    .where("tenant_id", "=", tenantId)
    .where("created_at", "<", sql<Date>`now() - make_interval(secs => ${expireSeconds})`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
