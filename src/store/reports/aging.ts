import { sql } from "kysely";
import type { Db } from "../schema.js";
import { openItemsAsOf } from "./openItemsAsOf.js";

export interface AgingCell {
  currency: string;
  bucket: number;
  amount: bigint;
  items: bigint;
}

/** Open A/R per currency and bucket, as of a date. `thresholds` are width_bucket lower bounds. */
export async function agingTotals(db: Db, q: { tenantId: string; asOf: string; thresholds: number[] }): Promise<AgingCell[]> {
  const result = await sql<AgingCell>`
    select currency, width_bucket(${q.asOf}::date - due_date, ${q.thresholds}::int[]) as bucket, sum(open)::bigint as amount, count(*)::bigint as items
    from (${openItemsAsOf(q.tenantId, q.asOf)}) o
    where open <> 0
    group by 1, 2 order by 1, 2`.execute(db);
  return result.rows;
}

export interface CustomerAgingCell extends AgingCell {
  customer_id: string;
  external_id: string;
  legal_name: string;
}

/** The same, per customer; ordered by customer external id. */
export async function agingByCustomer(db: Db, q: { tenantId: string; asOf: string; thresholds: number[] }): Promise<CustomerAgingCell[]> {
  const result = await sql<CustomerAgingCell>`
    select c.id as customer_id, c.external_id, c.legal_name, g.currency, g.bucket, g.amount, g.items
    from (
      select customer_id, currency, width_bucket(${q.asOf}::date - due_date, ${q.thresholds}::int[]) as bucket, sum(open)::bigint as amount, count(*)::bigint as items
      from (${openItemsAsOf(q.tenantId, q.asOf)}) o
      where open <> 0
      group by 1, 2, 3
    ) g join customers c on c.tenant_id = ${q.tenantId} and c.id = g.customer_id
    order by c.external_id, g.currency, g.bucket`.execute(db);
  return result.rows;
}
