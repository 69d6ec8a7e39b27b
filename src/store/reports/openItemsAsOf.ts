import { sql, type RawBuilder } from "kysely";

/**
 * Every open item (invoice without schedule, or installment) as of a date, with its balance on that
 * date. The branches are disjoint and each matches one index:
 *  1. open now, nothing applied after the date: the cached balance (index-only scan of invoices_open_due);
 *  2. open now but touched after the date, or settled after the date: amount minus allocations up to it;
 *  3. installments, the same rule per installment.
 */
export function openItemsAsOf(tenantId: string, asOf: string, customerId?: string): RawBuilder<unknown> {
  const d = sql`${asOf}::date`;
  const customer = customerId ? sql`and i.customer_id = ${customerId}` : sql``;
  const allocatedBy = (scope: RawBuilder<unknown>) =>
    sql`coalesce((select sum(a.amount) from allocations a where a.tenant_id = ${tenantId} and ${scope} and a.applied_on <= ${d}), 0)::bigint`;
  return sql`
    select i.customer_id, i.id as invoice_id, null::smallint as installment_seq, i.due_date, i.currency, i.open_amount as open
    from invoices i
    where i.tenant_id = ${tenantId} ${customer} and i.open_amount <> 0 and not i.has_installments
      and i.issue_date <= ${d} and (i.last_applied_on is null or i.last_applied_on <= ${d})
    union all
    select i.customer_id, i.id, null, i.due_date, i.currency, i.amount - ${allocatedBy(sql`a.invoice_id = i.id`)}
    from invoices i
    where i.tenant_id = ${tenantId} ${customer} and not i.has_installments and i.issue_date <= ${d}
      and ((i.open_amount <> 0 and i.last_applied_on > ${d}) or (i.open_amount = 0 and i.settled_on > ${d}))
    union all
    select i.customer_id, i.id, n.seq, n.due_date, i.currency,
      case when n.last_applied_on is null or n.last_applied_on <= ${d} then n.open_amount
        else n.amount - ${allocatedBy(sql`a.invoice_id = n.invoice_id and a.installment_seq = n.seq`)} end
    from invoice_installments n join invoices i on i.tenant_id = n.tenant_id and i.id = n.invoice_id
    where n.tenant_id = ${tenantId} ${customer} and i.issue_date <= ${d} and (n.open_amount <> 0 or n.settled_on > ${d})`;
}
