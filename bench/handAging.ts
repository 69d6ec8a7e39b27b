import { sql, type Kysely } from "kysely";
import type { DB } from "../src/store/schema.js";

/*
 * The best hand-written SQL for the aging figures, the baseline the app's reports are held to.
 * It reads the cached open balances directly, which gives the same result as the as-of machinery
 * when nothing is dated after `asOf` (true for a book that ends today). Bucket i holds items whose
 * days past due are at least thresholds[i-1] (width_bucket), the app's rule. Installments find their
 * invoice's currency by one primary-key probe each (`offset 0` keeps the lateral from being turned
 * into a hash join that reads every invoice of the tenant).
 */

const openItems = (tenantId: string, asOf: string, thresholds: readonly number[]) => sql`
  select i.customer_id, i.currency, i.open_amount as open, width_bucket(${asOf}::date - i.due_date, ${[...thresholds]}::int[]) as bucket
  from invoices i
  where i.tenant_id = ${tenantId} and i.open_amount <> 0 and not i.has_installments
  union all
  select i.customer_id, i.currency, n.open_amount, width_bucket(${asOf}::date - n.due_date, ${[...thresholds]}::int[])
  from invoice_installments n
  cross join lateral (select customer_id, currency from invoices i where i.tenant_id = n.tenant_id and i.id = n.invoice_id offset 0) i
  where n.tenant_id = ${tenantId} and n.open_amount <> 0`;

const sums = (buckets: number) =>
  sql.join(
    Array.from({ length: buckets }, (_, b) => sql`coalesce(sum(open) filter (where bucket = ${sql.lit(b)}), 0)::bigint`),
    sql`, `,
  );

export interface HandAgingRow {
  currency: string;
  amounts: (bigint | string)[];
  items: bigint | string;
}

export async function handAgingTotals(db: Kysely<DB>, tenantId: string, asOf: string, thresholds: readonly number[]): Promise<HandAgingRow[]> {
  const result = await sql<HandAgingRow>`
    select currency, array[${sums(thresholds.length + 1)}] as amounts, count(*) as items
    from (${openItems(tenantId, asOf, thresholds)}) o group by currency order by currency`.execute(db);
  return result.rows;
}

export async function handAgingByCustomer(db: Kysely<DB>, tenantId: string, asOf: string, thresholds: readonly number[]): Promise<(HandAgingRow & { customer_id: string; external_id: string; legal_name: string })[]> {
  const result = await sql<HandAgingRow & { customer_id: string; external_id: string; legal_name: string }>`
    select c.id as customer_id, c.external_id, c.legal_name, g.currency, g.amounts, g.items
    from (
      select customer_id, currency, array[${sums(thresholds.length + 1)}] as amounts, count(*) as items
      from (${openItems(tenantId, asOf, thresholds)}) o group by customer_id, currency
    ) g join customers c on c.tenant_id = ${tenantId} and c.id = g.customer_id
    order by c.external_id, g.currency`.execute(db);
  return result.rows;
}
