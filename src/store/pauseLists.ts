import { sql } from "kysely";
import { toPage, type Page } from "./pagination.js";
import type { DisputeRow, PromiseRow } from "./pauses.js";
import type { Db } from "./schema.js";

export interface DisputeQuery {
  tenantId: string;
  status?: DisputeRow["status"] | undefined;
  customerId?: string | undefined;
  limit: number;
  /** Cursor: [opened_on, id] of the last dispute of the previous page. */
  after?: string[] | undefined;
}

/** One page of disputes, oldest opened first: the ones waiting longest lead the queue. */
export async function disputePage(db: Db, q: DisputeQuery): Promise<Page<DisputeRow>> {
  let query = db.selectFrom("disputes").selectAll().where("tenant_id", "=", q.tenantId);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.customerId) query = query.where("customer_id", "=", q.customerId);
  if (q.after) query = query.where(sql<boolean>`(opened_on, id) > (${q.after[0]}::date, ${q.after[1]}::uuid)`);
  const rows = await query.orderBy("opened_on").orderBy("id").limit(q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.opened_on, r.id]);
}

/** A customer's promises to pay, newest first (a customer makes few). */
export const customerPromises = (db: Db, tenantId: string, customerId: string): Promise<PromiseRow[]> =>
  db.selectFrom("promises").selectAll().where("tenant_id", "=", tenantId).where("customer_id", "=", customerId).orderBy("made_on", "desc").orderBy("id", "desc").execute();
