import { sql } from "kysely";
import type { Db } from "./schema.js";
import type { CustomerRange } from "./collections/accounts.js";
import { inRange } from "./collections/accounts.js";

export interface SegmentRow {
  key: string;
  name: string;
  priority: number;
  rules: unknown;
  policy_key: string;
  collector_id: string | null;
}

export const listSegmentRows = (db: Db, tenantId: string): Promise<SegmentRow[]> =>
  db.selectFrom("segments").select(["key", "name", "priority", "rules", "policy_key", "collector_id"]).where("tenant_id", "=", tenantId).orderBy("priority").orderBy("key").execute();

export const upsertSegment = (db: Db, tenantId: string, row: SegmentRow) =>
  db
    .insertInto("segments")
    .values({ tenant_id: tenantId, key: row.key, name: row.name, priority: row.priority, rules: JSON.stringify(row.rules), policy_key: row.policy_key, collector_id: row.collector_id })
    .onConflict((oc) => oc.columns(["tenant_id", "key"]).doUpdateSet({ name: row.name, priority: row.priority, rules: JSON.stringify(row.rules), policy_key: row.policy_key, collector_id: row.collector_id, updated_at: new Date() }))
    .execute();

export const deleteSegment = (db: Db, tenantId: string, key: string) => db.deleteFrom("segments").where("tenant_id", "=", tenantId).where("key", "=", key).executeTakeFirst();

export interface CustomerAttributeRow {
  id: string;
  tags: string[];
  country: string | null;
  balances: { currency: string; open: string }[] | null;
  average_days_late: number | null;
}

/**
 * What segment rules look at, for customers without a segment of their own: tags, country, open
 * balance per currency, and (only when a rule needs it) the average days late over 12 months.
 */
export async function customerAttributes(db: Db, q: { tenantId: string; today: string; customers?: CustomerRange; withHistory: boolean }): Promise<CustomerAttributeRow[]> {
  const history = q.withHistory
    ? sql`select customer_id, avg(settled_on - due_date)::float8 as days from invoices
           where tenant_id = ${q.tenantId} and settled_on > ${q.today}::date - 365 and settled_on <= ${q.today}::date group by customer_id`
    : sql`select null::uuid as customer_id, null::float8 as days where false`;
  // Balances come from the open-items index (two branches, as it is partial), not from each customer's invoices.
  const result = await sql<CustomerAttributeRow>`
    with balances as (
      select customer_id, json_agg(json_build_object('currency', currency, 'open', open::text)) as balances
        from (select customer_id, currency, sum(open_amount) as open
                from (select customer_id, currency, open_amount from invoices where tenant_id = ${q.tenantId} and open_amount <> 0 and not has_installments
                      union all
                      select customer_id, currency, open_amount from invoices where tenant_id = ${q.tenantId} and open_amount <> 0 and has_installments) o
               group by customer_id, currency) b
       group by customer_id
    ),
    history as (${history})
    select c.id, c.tags, c.country, b.balances, h.days as average_days_late
      from customers c
      left join balances b on b.customer_id = c.id
      left join history h on h.customer_id = c.id
     where c.tenant_id = ${q.tenantId} and c.segment is null ${inRange(q.customers, "c.id")}`.execute(db);
  return result.rows;
}
