import { sql } from "kysely";
import type { Db } from "../schema.js";
import { openItems } from "./chaseableItems.js";

/** Customers with ids from `from` (inclusive) up to `to` (exclusive; null = no upper bound): one batch of a run. */
export interface CustomerRange {
  from: string;
  to: string | null;
}

export const inRange = (range: CustomerRange | undefined, column = "customer_id") =>
  range ? sql`and ${sql.ref(column)} >= ${range.from}::uuid ${range.to === null ? sql`` : sql`and ${sql.ref(column)} < ${range.to}::uuid`}` : sql``;

/** One customer in one currency, with what the daily run needs to decide. Amounts are minor units. */
export interface AccountRow {
  customer_id: string;
  currency: string;
  oldest_due: string | null;
  /** Including paused items (disputed, held, "do not dun"), which keep a chase from ending. */
  oldest_open_due: string | null;
  overdue: string;
  upcoming: string;
  cycle: number | null;
  step_id: string | null;
  step_offset: number | null;
  last_message_on: string | null;
  policy_key: string | null;
  segment: string | null;
  do_not_dun: boolean;
  handed_off: boolean;
  on_hold: boolean;
  promised: boolean;
  on_plan: boolean;
  messaged_today: boolean;
}

/**
 * Every account with an item due by `today + leadDays` or a chase in progress, in one set-based
 * query (hash joins over the pause tables, no per-customer round trips).
 */
export async function loadAccounts(db: Db, q: { tenantId: string; today: string; leadDays: number; customers?: CustomerRange }): Promise<AccountRow[]> {
  const { tenantId, today } = q;
  const only = inRange(q.customers);
  const result = await sql<AccountRow>`
    with items as (
      select customer_id, currency, due_date, open_amount, paused from ${openItems(tenantId, today, { chased: false })} ci
       where due_date <= ${today}::date + ${q.leadDays}::int ${only}
    ),
    acc as (
      select customer_id, currency,
             (min(due_date) filter (where not paused))::text as oldest_due,
             min(due_date)::text as oldest_open_due,
             coalesce(sum(open_amount) filter (where due_date < ${today}::date and not paused), 0)::text as overdue,
             coalesce(sum(open_amount) filter (where due_date >= ${today}::date and not paused), 0)::text as upcoming
        from items group by customer_id, currency
    ),
    chased as (
      select customer_id, currency from dunning_stages where tenant_id = ${tenantId} and step_id is not null ${only}
    ),
    keys as (select customer_id, currency from acc union select customer_id, currency from chased),
    holds as (
      select distinct customer_id from dunning_holds
       where tenant_id = ${tenantId} and invoice_id is null and released_on is null
         and from_on <= ${today}::date and (until_on is null or until_on >= ${today}::date)
    ),
    promised as (
      select distinct customer_id, currency from promises
       where tenant_id = ${tenantId} and status = 'open' and ${today}::date <= due_on + grace_days
    ),
    plans as (select distinct customer_id, currency from payment_plans where tenant_id = ${tenantId} and status = 'active'),
    messaged as (
      select distinct customer_id from dunning_actions
       where tenant_id = ${tenantId} and run_date = ${today}::date and status = 'performed' and channel in ('email', 'sms', 'letter')
    )
    select k.customer_id, k.currency, a.oldest_due, a.oldest_open_due, coalesce(a.overdue, '0') as overdue, coalesce(a.upcoming, '0') as upcoming,
           s.cycle, s.step_id, s.step_offset, s.last_message_on::text as last_message_on,
           c.policy_key, c.segment, c.do_not_dun, c.handed_off_on is not null as handed_off,
           h.customer_id is not null as on_hold, p.customer_id is not null as promised,
           pl.customer_id is not null as on_plan, m.customer_id is not null as messaged_today
      from keys k
      join customers c on c.tenant_id = ${tenantId} and c.id = k.customer_id
      left join acc a on a.customer_id = k.customer_id and a.currency = k.currency
      left join dunning_stages s on s.tenant_id = ${tenantId} and s.customer_id = k.customer_id and s.currency = k.currency
      left join holds h on h.customer_id = k.customer_id
      left join promised p on p.customer_id = k.customer_id and p.currency = k.currency
      left join plans pl on pl.customer_id = k.customer_id and pl.currency = k.currency
      left join messaged m on m.customer_id = k.customer_id
     order by k.customer_id, k.currency`.execute(db);
  return result.rows;
}
