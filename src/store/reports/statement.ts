import { sql } from "kysely";
import type { Db } from "../schema.js";
import { openItemsAsOf } from "./openItemsAsOf.js";

export interface StatementItem {
  invoice_id: string;
  installment_seq: number | null;
  number: string;
  issue_date: string;
  due_date: string;
  currency: string;
  amount: bigint;
  open: bigint;
}

export async function statementItems(db: Db, q: { tenantId: string; customerId: string; asOf: string }): Promise<StatementItem[]> {
  const result = await sql<StatementItem>`
    select o.invoice_id, o.installment_seq, i.number, i.issue_date, o.due_date, o.currency,
      coalesce(n.amount, i.amount) as amount, o.open
    from (${openItemsAsOf(q.tenantId, q.asOf, q.customerId)}) o
    join invoices i on i.tenant_id = ${q.tenantId} and i.id = o.invoice_id
    left join invoice_installments n on n.tenant_id = ${q.tenantId} and n.invoice_id = o.invoice_id and n.seq = o.installment_seq
    where o.open <> 0 order by o.currency, o.due_date, i.number, o.installment_seq`.execute(db);
  return result.rows;
}

export interface UnappliedCredit {
  kind: "payment" | "credit_note";
  id: string;
  reference: string;
  date: string;
  currency: string;
  amount: bigint;
  unapplied: bigint;
}

/** Cash and credit notes received by the date and not yet applied by then. */
export async function unappliedAsOf(db: Db, q: { tenantId: string; customerId: string; asOf: string }): Promise<UnappliedCredit[]> {
  const result = await sql<UnappliedCredit>`
    select * from (
      select 'payment' as kind, p.id, p.external_id as reference, p.received_on as date, p.currency, p.amount,
        p.amount - coalesce((select sum(a.amount) from allocations a where a.tenant_id = p.tenant_id and a.payment_id = p.id and a.applied_on <= ${q.asOf}::date), 0)::bigint as unapplied
      from payments p where p.tenant_id = ${q.tenantId} and p.customer_id = ${q.customerId} and p.received_on <= ${q.asOf}::date
      union all
      select 'credit_note', c.id, c.number, c.issue_date, c.currency, c.amount,
        c.amount - coalesce((select sum(a.amount) from allocations a where a.tenant_id = c.tenant_id and a.credit_note_id = c.id and a.applied_on <= ${q.asOf}::date), 0)::bigint
      from credit_notes c where c.tenant_id = ${q.tenantId} and c.customer_id = ${q.customerId} and c.issue_date <= ${q.asOf}::date
    ) u where unapplied <> 0 order by currency, date, reference`.execute(db);
  return result.rows;
}
