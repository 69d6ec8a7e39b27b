import { sql } from "kysely";
import type { Db } from "./schema.js";

/*
 * The open balance of an invoice, installment, payment or credit note is never adjusted in place:
 * after allocations change, these statements recompute the cached columns from all allocations of
 * the touched rows, set-based, in the caller's transaction. settled_on is the date the last
 * allocation brought the balance to zero, which lets as-of queries skip settled rows.
 */

export async function recomputeInvoices(db: Db, tenantId: string, invoiceIds: readonly string[]): Promise<void> {
  if (invoiceIds.length === 0) return;
  await sql`
    update invoices i set
      open_amount = i.amount - s.total,
      last_applied_on = s.last,
      settled_on = case when i.amount = s.total then coalesce(s.last, i.issue_date) end,
      updated_at = now()
    from (
      select ids.id, coalesce(sum(a.amount), 0)::bigint as total, max(a.applied_on) as last
      from unnest(${invoiceIds}::uuid[]) as ids(id)
      left join allocations a on a.tenant_id = ${tenantId} and a.invoice_id = ids.id
      group by ids.id
    ) s
    where i.tenant_id = ${tenantId} and i.id = s.id`.execute(db);
  await sql`
    update invoice_installments n set
      open_amount = n.amount - s.total,
      last_applied_on = s.last,
      settled_on = case when n.amount = s.total then coalesce(s.last, i.issue_date) end
    from (
      select n2.invoice_id, n2.seq, coalesce(sum(a.amount), 0)::bigint as total, max(a.applied_on) as last
      from invoice_installments n2
      left join allocations a on a.tenant_id = n2.tenant_id and a.invoice_id = n2.invoice_id and a.installment_seq = n2.seq
      where n2.tenant_id = ${tenantId} and n2.invoice_id = any(${invoiceIds}::uuid[])
      group by n2.invoice_id, n2.seq
    ) s, invoices i
    where n.tenant_id = ${tenantId} and n.invoice_id = s.invoice_id and n.seq = s.seq
      and i.tenant_id = ${tenantId} and i.id = n.invoice_id`.execute(db);
}

/** Payments and credit notes both keep "amount minus what has been allocated" as unapplied_amount. */
async function recomputeUnapplied(db: Db, tenantId: string, table: "payments" | "credit_notes", ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const source = table === "payments" ? sql.ref("a.payment_id") : sql.ref("a.credit_note_id");
  await sql`
    update ${sql.table(table)} s set unapplied_amount = s.amount - coalesce(
      (select sum(a.amount) from allocations a where a.tenant_id = s.tenant_id and ${source} = s.id), 0)::bigint
    where s.tenant_id = ${tenantId} and s.id = any(${ids}::uuid[])`.execute(db);
}

export const recomputePayments = (db: Db, tenantId: string, paymentIds: readonly string[]) => recomputeUnapplied(db, tenantId, "payments", paymentIds);
export const recomputeCreditNotes = (db: Db, tenantId: string, creditNoteIds: readonly string[]) => recomputeUnapplied(db, tenantId, "credit_notes", creditNoteIds);

/** Rows whose cached balance disagrees with their allocations; empty on a healthy ledger. */
export async function findBalanceDrift(db: Db, tenantId: string): Promise<{ kind: string; id: string }[]> {
  const result = await sql<{ kind: string; id: string }>`
    select 'invoice' as kind, i.id::text as id from invoices i
    where i.tenant_id = ${tenantId} and i.open_amount <> i.amount - coalesce((select sum(a.amount) from allocations a where a.tenant_id = i.tenant_id and a.invoice_id = i.id), 0)
    union all
    select 'payment', p.id::text from payments p
    where p.tenant_id = ${tenantId} and p.unapplied_amount <> p.amount - coalesce((select sum(a.amount) from allocations a where a.tenant_id = p.tenant_id and a.payment_id = p.id), 0)
    union all
    select 'credit_note', c.id::text from credit_notes c
    where c.tenant_id = ${tenantId} and c.unapplied_amount <> c.amount - coalesce((select sum(a.amount) from allocations a where a.tenant_id = c.tenant_id and a.credit_note_id = c.id), 0)`.execute(db);
  return result.rows;
}
