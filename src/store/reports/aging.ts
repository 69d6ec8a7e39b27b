import { sql } from "kysely";
import type { Db } from "../schema.js";
import { openItemsAsOf } from "./openItemsAsOf.js";

export interface AgingRowData {
  currency: string;
  /** One sum per bucket, in bucket order. */
  amounts: bigint[];
  items: bigint;
}

export interface CustomerAgingRowData extends AgingRowData {
  customer_id: string;
  external_id: string;
  legal_name: string;
}

/** thresholds are width_bucket lower bounds; the pivot happens in SQL so one row comes back per group. */
const bucketSums = (thresholds: number[]) =>
  sql.join(
    Array.from({ length: thresholds.length + 1 }, (_, b) => sql`coalesce(sum(open) filter (where bucket = ${sql.lit(b)}), 0)::bigint`),
    sql`, `,
  );

const bucketed = (q: { tenantId: string; asOf: string; thresholds: number[] }) =>
  sql`select customer_id, currency, open, width_bucket(${q.asOf}::date - due_date, ${q.thresholds}::int[]) as bucket
      from (${openItemsAsOf(q.tenantId, q.asOf)}) o where open <> 0`;

/** Open A/R per currency, one sum per bucket, as of a date. */
export async function agingTotals(db: Db, q: { tenantId: string; asOf: string; thresholds: number[] }): Promise<AgingRowData[]> {
  const result = await sql<AgingRowData>`
    select currency, array[${bucketSums(q.thresholds)}] as amounts, count(*)::bigint as items
    from (${bucketed(q)}) b group by currency order by currency`.execute(db);
  return result.rows;
}

/** The same per customer and currency, ordered by customer external id. */
export async function agingByCustomer(db: Db, q: { tenantId: string; asOf: string; thresholds: number[] }): Promise<CustomerAgingRowData[]> {
  const result = await sql<CustomerAgingRowData>`
    select c.id as customer_id, c.external_id, c.legal_name, g.currency, g.amounts, g.items
    from (
      select customer_id, currency, array[${bucketSums(q.thresholds)}] as amounts, count(*)::bigint as items
      from (${bucketed(q)}) b group by customer_id, currency
    ) g join customers c on c.tenant_id = ${q.tenantId} and c.id = g.customer_id
    order by c.external_id, g.currency`.execute(db);
  return result.rows;
}
