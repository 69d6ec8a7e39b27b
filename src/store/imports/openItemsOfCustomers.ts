import { sql } from "kysely";
import { copyField as f } from "../engine/copy.js";
import { copyLines } from "./stagingTables.js";
import type { OpenItem } from "../../domain/ledger/allocateOldestFirst.js";
import type { Db, NewAllocation } from "../schema.js";

export interface CustomerOpenItem extends OpenItem {
  customerId: string;
  currency: string;
}

/**
 * Every open item of the given customers, locked (as recordPayment locks them) so no concurrent
 * allocation can spend the same balance. One query for the whole import.
 */
export async function lockOpenItemsOfCustomers(db: Db, tenantId: string, customerIds: readonly string[]): Promise<CustomerOpenItem[]> {
  if (customerIds.length === 0) return [];
  await sql`select id from invoices where tenant_id = ${tenantId} and customer_id = any(${customerIds}::uuid[]) and open_amount > 0 for update`.execute(db);
  const result = await sql<CustomerOpenItem>`
    select i.customer_id as "customerId", i.currency::text as currency, i.id as "invoiceId", null::smallint as "installmentSeq",
      i.number, i.issue_date as "issueDate", i.due_date as "dueDate", i.open_amount as open
    from invoices i
    where i.tenant_id = ${tenantId} and i.customer_id = any(${customerIds}::uuid[]) and i.open_amount > 0 and not i.has_installments
    union all
    select i.customer_id, i.currency::text, i.id, n.seq, i.number, i.issue_date, n.due_date, n.open_amount
    from invoices i join invoice_installments n on n.tenant_id = i.tenant_id and n.invoice_id = i.id
    where i.tenant_id = ${tenantId} and i.customer_id = any(${customerIds}::uuid[]) and n.open_amount > 0`.execute(db);
  return result.rows;
}

const ALLOCATION_COLUMNS = ["tenant_id", "id", "invoice_id", "installment_seq", "kind", "payment_id", "credit_note_id", "amount", "applied_on", "reason", "created_by"];

/** Bulk insert of allocations (the import's alternative to insertAllocations' multi-row INSERT). */
export async function copyAllocations(db: Db, rows: readonly NewAllocation[]): Promise<void> {
  const lines = rows.map((a) => `${a.tenant_id}\t${a.id}\t${a.invoice_id}\t${f(a.installment_seq)}\t${a.kind}\t${f(a.payment_id)}\t${f(a.credit_note_id)}\t${a.amount}\t${a.applied_on}\t${f(a.reason)}\t${f(a.created_by)}`);
  await copyLines(db, "allocations", ALLOCATION_COLUMNS, lines);
}
