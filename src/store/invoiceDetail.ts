import { sql } from "kysely";
import type { AllocationRow, Db, InstallmentRow, InvoiceRow } from "./schema.js";

export interface InvoiceDetail {
  invoice: InvoiceRow;
  installments: InstallmentRow[];
  allocations: AllocationRow[];
}

type JsonInstallment = Omit<InstallmentRow, "amount" | "open_amount"> & { amount: string; open_amount: string };
type JsonAllocation = Omit<AllocationRow, "amount" | "created_at"> & { amount: string; created_at: string };

/**
 * An invoice with its installments and allocations in one round trip (the API's hottest read).
 * Amounts cross JSON as text so no bigint ever passes through a float.
 */
export async function findInvoiceDetail(db: Db, tenantId: string, id: string): Promise<InvoiceDetail | undefined> {
  const result = await sql<InvoiceRow & { installments_json: JsonInstallment[] | null; allocations_json: JsonAllocation[] | null }>`
    select i.*,
      case when i.has_installments then (
        select json_agg(json_build_object('tenant_id', n.tenant_id, 'invoice_id', n.invoice_id, 'seq', n.seq, 'due_date', n.due_date,
          'amount', n.amount::text, 'open_amount', n.open_amount::text, 'last_applied_on', n.last_applied_on, 'settled_on', n.settled_on) order by n.seq)
        from invoice_installments n where n.tenant_id = i.tenant_id and n.invoice_id = i.id) end as installments_json,
      case when i.last_applied_on is not null then (
        select json_agg(json_build_object('tenant_id', a.tenant_id, 'id', a.id, 'invoice_id', a.invoice_id, 'installment_seq', a.installment_seq,
          'kind', a.kind, 'payment_id', a.payment_id, 'credit_note_id', a.credit_note_id, 'amount', a.amount::text, 'applied_on', a.applied_on,
          'reason', a.reason, 'created_by', a.created_by, 'created_at', a.created_at) order by a.applied_on, a.id)
        from allocations a where a.tenant_id = i.tenant_id and a.invoice_id = i.id) end as allocations_json
    from invoices i where i.tenant_id = ${tenantId} and i.id = ${id}`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  const { installments_json, allocations_json, ...invoice } = row;
  return {
    invoice,
    installments: (installments_json ?? []).map((n) => ({ ...n, amount: BigInt(n.amount), open_amount: BigInt(n.open_amount) })),
    allocations: (allocations_json ?? []).map((a) => ({ ...a, amount: BigInt(a.amount), created_at: new Date(a.created_at) })),
  };
}
