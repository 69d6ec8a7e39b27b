import { sql } from "kysely";
import type { ActivityRow } from "./collectionsSchema.js";
import { toPage, type Page } from "./pagination.js";
import type { Db } from "./schema.js";

/** An activity with its timestamp to the microsecond, as text: a JS Date would cut it to milliseconds and break the cursor. */
export interface TimelineRow extends ActivityRow {
  at_key: string;
}

export interface TimelineQuery {
  tenantId: string;
  customerId: string;
  kinds?: readonly string[] | undefined;
  limit: number;
  /** Cursor: [occurred_on, at_key, id] of the last entry of the previous page. */
  after?: string[] | undefined;
}

const timelineRows = (db: Db, tenantId: string) =>
  db
    .selectFrom("activities")
    .selectAll()
    .select(sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as("at_key"))
    .where("tenant_id", "=", tenantId);

/**
 * One page of a customer's timeline, newest first by the day it happened, then by when it was
 * written: a back-dated entry (a promise taken yesterday, a replayed scenario) sits on its own day.
 */
export async function timelinePage(db: Db, q: TimelineQuery): Promise<Page<TimelineRow>> {
  let query = timelineRows(db, q.tenantId).where("customer_id", "=", q.customerId);
  if (q.kinds && q.kinds.length > 0) query = query.where("kind", "in", q.kinds);
  if (q.after) query = query.where(sql<boolean>`(occurred_on, at, id) < (${q.after[0]}::date, ${q.after[1]}::timestamptz, ${q.after[2]}::uuid)`);
  const rows = await query.orderBy("occurred_on", "desc").orderBy("at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.occurred_on, r.at_key, r.id]);
}

export const findActivity = (db: Db, tenantId: string, id: string): Promise<TimelineRow | undefined> => timelineRows(db, tenantId).where("id", "=", id).executeTakeFirst();
