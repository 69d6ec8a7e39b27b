import { sql, type RawBuilder } from "kysely";

/**
 * Every open item (invoice without schedule, or installment) as of a date, with its balance on that
 * date: cached balances when no allocation is dated after it, otherwise the amount minus the
 * allocations applied up to it. Two disjoint branches per table (open now / settled after the date)
 * let each use its partial index.
 */
export function openItemsAsOf(tenantId: string, asOf: string, customerId?: string): RawBuilder<unknown> {
  const customer = customerId ? sql`and i.customer_id = ${customerId}` : sql``;
  const invoiceOpen = sql`case when i.last_applied_on is null or i.last_applied_on <= ${asOf}::date then i.open_amount
      else i.amount - coalesce((select sum(a.amount) from allocations a where a.tenant_id = i.tenant_id and a.invoice_id = i.id and a.applied_on <= ${asOf}::date), 0)::bigint end`;
  const installmentOpen = sql`case when n.last_applied_on is null or n.last_applied_on <= ${asOf}::date then n.open_amount
      else n.amount - coalesce((select sum(a.amount) from allocations a where a.tenant_id = n.tenant_id and a.invoice_id = n.invoice_id and a.installment_seq = n.seq and a.applied_on <= ${asOf}::date), 0)::bigint end`;
  return sql`
    select i.customer_id, i.id as invoice_id, null::smallint as installment_seq, i.number, i.issue_date, i.due_date, i.currency, i.amount, ${invoiceOpen} as open
    from invoices i where i.tenant_id = ${tenantId} ${customer} and not i.has_installments and i.issue_date <= ${asOf}::date and i.open_amount <> 0
    union all
    select i.customer_id, i.id, null, i.number, i.issue_date, i.due_date, i.currency, i.amount, ${invoiceOpen}
    from invoices i where i.tenant_id = ${tenantId} ${customer} and not i.has_installments and i.issue_date <= ${asOf}::date and i.open_amount = 0 and i.settled_on > ${asOf}::date
    union all
    select i.customer_id, i.id, n.seq, i.number, i.issue_date, n.due_date, i.currency, n.amount, ${installmentOpen}
    from invoice_installments n join invoices i on i.tenant_id = n.tenant_id and i.id = n.invoice_id
    where n.tenant_id = ${tenantId} ${customer} and i.issue_date <= ${asOf}::date and (n.open_amount <> 0 or n.settled_on > ${asOf}::date)`;
}
