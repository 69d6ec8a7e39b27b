import { sql, type RawBuilder } from "kysely";

/**
 * Open items the engine may chase on `today`: invoices (or their installments) with money open,
 * minus invoices flagged "do not dun", under open dispute or on an active invoice hold. Columns:
 * invoice_id, customer_id, currency, due_date, open_amount. The plain-invoice branch reads only the
 * covering index invoices_open_due.
 */
export function chaseableItems(tenantId: string, today: string): RawBuilder<unknown> {
  return sql`(
    with excluded as (
      select id from invoices where tenant_id = ${tenantId} and do_not_dun
      union select invoice_id from disputes where tenant_id = ${tenantId} and status = 'open'
      union select invoice_id from dunning_holds
       where tenant_id = ${tenantId} and invoice_id is not null and released_on is null
         and from_on <= ${today}::date and (until_on is null or until_on >= ${today}::date)
    )
    select i.id as invoice_id, i.customer_id, i.currency, i.due_date, i.open_amount
      from invoices i
     where i.tenant_id = ${tenantId} and i.open_amount > 0 and not i.has_installments
       and i.id not in (select id from excluded)
    union all
    select s.invoice_id, i.customer_id, i.currency, s.due_date, s.open_amount
      from invoice_installments s
      -- a keyed lookup per open installment; a plain join lets the planner hash all invoices
      cross join lateral (select customer_id, currency from invoices
                           where tenant_id = s.tenant_id and id = s.invoice_id limit 1) i
     where s.tenant_id = ${tenantId} and s.open_amount > 0
       and s.invoice_id not in (select id from excluded)
  )`;
}
