import { sql, type RawBuilder } from "kysely";

/**
 * Every open item (invoice without schedule, or installment) as of a date, with its balance on that
 * date. Branches are disjoint and each is shaped to one partial index (an OR inside a branch would
 * make PostgreSQL scan whole tables):
 *  - open now, nothing applied after the date: the cached balance, from the covering index alone;
 *  - open now but touched after the date: amount minus the allocations applied up to it;
 *  - settled after the date: the same computation, found through the settled_on index.
 */
export function openItemsAsOf(tenantId: string, asOf: string, customerId?: string): RawBuilder<unknown> {
  const d = sql`${asOf}::date`;
  const customer = customerId ? sql`and i.customer_id = ${customerId}` : sql``;
  const allocatedBy = (scope: RawBuilder<unknown>) =>
    sql`coalesce((select sum(a.amount) from allocations a where a.tenant_id = ${tenantId} and ${scope} and a.applied_on <= ${d}), 0)::bigint`;
  const invoiceRecomputed = (where: RawBuilder<unknown>) => sql`
    select i.customer_id, i.id as invoice_id, null::smallint as installment_seq, i.due_date, i.currency,
      i.amount - ${allocatedBy(sql`a.invoice_id = i.id`)} as open
    from invoices i
    where i.tenant_id = ${tenantId} ${customer} and not i.has_installments and i.issue_date <= ${d} and ${where}`;
  // `offset 0` keeps each installment's invoice a primary-key probe instead of a hash join over all invoices
  const installmentRows = (where: RawBuilder<unknown>, open: RawBuilder<unknown>) => sql`
    select i.customer_id, n.invoice_id, n.seq, n.due_date, i.currency, ${open}
    from invoice_installments n
    cross join lateral (select i.customer_id, i.currency, i.issue_date from invoices i
      where i.tenant_id = n.tenant_id and i.id = n.invoice_id ${customer} offset 0) i
    where n.tenant_id = ${tenantId} and i.issue_date <= ${d} and ${where}`;
  const installmentRecomputed = sql`n.amount - ${allocatedBy(sql`a.invoice_id = n.invoice_id and a.installment_seq = n.seq`)}`;
  return sql`
    select i.customer_id, i.id as invoice_id, null::smallint as installment_seq, i.due_date, i.currency, i.open_amount as open
    from invoices i
    where i.tenant_id = ${tenantId} ${customer} and i.open_amount <> 0 and not i.has_installments
      and i.issue_date <= ${d} and (i.last_applied_on is null or i.last_applied_on <= ${d})
    union all ${invoiceRecomputed(sql`i.open_amount <> 0 and i.last_applied_on > ${d}`)}
    union all ${invoiceRecomputed(sql`i.open_amount = 0 and i.settled_on > ${d}`)}
    union all ${installmentRows(sql`n.open_amount <> 0 and (n.last_applied_on is null or n.last_applied_on <= ${d})`, sql`n.open_amount`)}
    union all ${installmentRows(sql`n.open_amount <> 0 and n.last_applied_on > ${d}`, installmentRecomputed)}
    union all ${installmentRows(sql`n.open_amount = 0 and n.settled_on > ${d}`, installmentRecomputed)}`;
}
