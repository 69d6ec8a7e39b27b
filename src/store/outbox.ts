import { sql } from "kysely";
import type { OutboxChannel, OutboxRow } from "./collectionsSchema.js";
import type { Db } from "./schema.js";

export interface NewOutboxMessage {
  id: string;
  idempotencyKey: string;
  channel: OutboxChannel;
  customerId: string | null;
  actionId: string | null;
  payload: unknown;
}

/** Written in the transaction that decided the message; a key already present is left alone. */
export async function enqueue(db: Db, tenantId: string, messages: readonly NewOutboxMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += 500) {
    const chunk = messages.slice(i, i + 500);
    await db
      .insertInto("outbox")
      .values(chunk.map((m) => ({ tenant_id: tenantId, id: m.id, idempotency_key: m.idempotencyKey, channel: m.channel, customer_id: m.customerId, action_id: m.actionId, payload: JSON.stringify(m.payload) })))
      .onConflict((oc) => oc.columns(["tenant_id", "idempotency_key"]).doNothing())
      .execute();
  }
}

/**
 * Claims up to `limit` messages that are due, across tenants, for one dispatcher. Claimed rows turn
 * "sending" with a lease: a dispatcher that dies mid-send leaves them to be claimed again once the
 * lease ends, and the resend carries the same idempotency key.
 */
export async function claimDue(db: Db, q: { worker: string; limit: number; leaseSeconds: number; channels?: readonly OutboxChannel[] }): Promise<OutboxRow[]> {
  const channels = q.channels ?? ["email", "sms", "letter", "event"];
  const result = await sql<OutboxRow>`
    update outbox o set status = 'sending', claimed_by = ${q.worker}, attempts = o.attempts + 1,
                        next_attempt_at = now() + make_interval(secs => ${q.leaseSeconds})
      from (select tenant_id, id from outbox
             where status in ('pending', 'sending') and next_attempt_at <= now() and channel = any(${channels}::text[])
             order by next_attempt_at, id
             limit ${q.limit}
             for update skip locked) due
     where o.tenant_id = due.tenant_id and o.id = due.id
    returning o.*`.execute(db);
  return result.rows;
}

export const markSent = (db: Db, row: Pick<OutboxRow, "tenant_id" | "id">, providerMessageId: string | null) =>
  db.updateTable("outbox").set({ status: "sent", sent_at: sql<Date>`now()`, provider_message_id: providerMessageId, last_error: null }).where("tenant_id", "=", row.tenant_id).where("id", "=", row.id).where("status", "=", "sending").execute();

/** A transient failure waits `retryInSeconds`; a permanent one (or the last attempt) ends as "failed". */
export const markFailed = (db: Db, row: Pick<OutboxRow, "tenant_id" | "id">, error: string, retryInSeconds: number | null) =>
  db
    .updateTable("outbox")
    .set(retryInSeconds === null ? { status: "failed", last_error: error } : { status: "pending", last_error: error, next_attempt_at: sql<Date>`now() + make_interval(secs => ${retryInSeconds})` })
    .where("tenant_id", "=", row.tenant_id)
    .where("id", "=", row.id)
    .execute();

export const markCancelled = (db: Db, row: Pick<OutboxRow, "tenant_id" | "id">, reason: string) =>
  db.updateTable("outbox").set({ status: "cancelled", last_error: reason }).where("tenant_id", "=", row.tenant_id).where("id", "=", row.id).execute();

export const outboxOfTenant = (db: Db, tenantId: string): Promise<OutboxRow[]> =>
  db.selectFrom("outbox").selectAll().where("tenant_id", "=", tenantId).orderBy("created_at").orderBy("id").execute();

