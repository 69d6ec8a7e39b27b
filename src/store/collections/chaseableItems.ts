import { sql, type RawBuilder } from "kysely";

/**
 * Open items of the tenant on `today`: invoices (or their installments) with money open. Columns:
 * invoice_id, customer_id, currency, due_date, open_amount, paused — paused items (invoices flagged
 * "do not dun", under open dispute or on an active invoice hold) are not chased, but they are still
 * owed, so they keep a chase from ending. `chased: true` leaves them out. The plain-invoice branch
 * reads only the covering index invoices_open_due.
 */
export function openItems(tenantId: string, today: string, opts: { chased: boolean }): RawBuilder<unknown> {
  const pausedTest = (column: RawBuilder<unknown>) => sql`${column} in (select id from paused)`;
  const keep = (column: RawBuilder<unknown>) => (opts.chased ? sql`and not ${pausedTest(column)}` : sql``);
  return sql`(
    with paused as (
      select id from invoices where tenant_id = ${tenantId} and do_not_dun
      union select invoice_id from disputes where tenant_id = ${tenantId} and status = 'open'
      union select invoice_id from dunning_holds
       where tenant_id = ${tenantId} and invoice_id is not null and released_on is null
         and from_on <= ${today}::date and (until_on is null or until_on >= ${today}::date)
    )
    select i.id as invoice_id, i.customer_id, i.currency, i.due_date, i.open_amount, ${pausedTest(sql`i.id`)} as paused
      from invoices i
     where i.tenant_id = ${tenantId} and i.open_amount > 0 and not i.has_installments ${keep(sql`i.id`)}
    union all
    select s.invoice_id, i.customer_id, i.currency, s.due_date, s.open_amount, ${pausedTest(sql`s.invoice_id`)}
      from invoice_installments s
      -- a keyed, index-only lookup per open installment (invoices_with_installments); a plain join lets the planner hash all invoices
      cross join lateral (select customer_id, currency from invoices
                           where tenant_id = s.tenant_id and id = s.invoice_id and has_installments limit 1) i
     where s.tenant_id = ${tenantId} and s.open_amount > 0 ${keep(sql`s.invoice_id`)}
  )`;
}

/** The items the engine may chase: open and not paused. */
export const chaseableItems = (tenantId: string, today: string): RawBuilder<unknown> => openItems(tenantId, today, { chased: true });
