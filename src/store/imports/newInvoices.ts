import { sql } from "kysely";
import { copyField as f } from "../engine/copy.js";
import type { Db } from "../schema.js";
import type { StagedInstallment, StagedInvoice } from "./invoiceStaging.js";
import { copyLines } from "./stagingTables.js";

/**
 * The fast lane of an invoice import: rows whose number is not in the ledger yet are COPYed straight
 * into invoices, so a first import costs little more than a bare COPY. Which numbers exist is one
 * indexed `= any()` probe per chunk, made in the import's transaction. A concurrent transaction that
 * inserts one of the same numbers in between makes the COPY fail on the unique index and the whole
 * import roll back, which is the right outcome for two writers racing on one invoice.
 */

/**
 * The numbers among `numbers` that the tenant already has: one probe of the unique index per number.
 * Written as a LATERAL with LIMIT so the plan cannot become a scan of every invoice of the tenant,
 * which is what `number = any(…)` turns into when the table has just grown by a million rows and its
 * statistics (never refreshed on PGlite, lagging on PostgreSQL) still say it is small.
 */
export async function existingInvoiceNumbers(db: Db, tenantId: string, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const result = await sql<{ number: string }>`
    select n.number from unnest(${numbers}::text[]) as n(number)
    cross join lateral (select 1 from invoices i where i.tenant_id = ${tenantId} and i.number = n.number limit 1) found`.execute(db);
  return new Set(result.rows.map((r) => r.number));
}

const INVOICE_COLUMNS = ["tenant_id", "id", "customer_id", "number", "issue_date", "due_date", "currency", "amount", "tax_amount", "po_number", "terms", "discount_terms", "description", "has_installments", "do_not_dun", "open_amount"];
const INSTALLMENT_COLUMNS = ["tenant_id", "invoice_id", "seq", "due_date", "amount", "open_amount"];

export interface NewInvoice {
  invoice: StagedInvoice;
  customerId: string;
  installments: readonly StagedInstallment[];
}

/** COPYs new invoices (and their installments) into the ledger, their balances open in full. */
export async function copyNewInvoices(db: Db, tenantId: string, rows: readonly NewInvoice[]): Promise<void> {
  const lines = rows.map(({ invoice: r, customerId }) =>
    `${tenantId}\t${r.id}\t${customerId}\t${f(r.number)}\t${r.issueDate}\t${r.dueDate}\t${r.currency}\t${r.amount}\t${r.taxAmount ?? 0n}\t${f(r.poNumber)}\t${f(r.terms)}\t${f(r.discountTerms)}\t${f(r.description)}\t${r.hasInstallments}\t${r.doNotDun ?? false}\t${r.amount}`,
  );
  await copyLines(db, "invoices", INVOICE_COLUMNS, lines);
  const installments = rows.flatMap(({ invoice, installments: parts }) => parts.map((n) => `${tenantId}\t${invoice.id}\t${n.seq}\t${n.dueDate}\t${n.amount}\t${n.amount}`));
  await copyLines(db, "invoice_installments", INSTALLMENT_COLUMNS, installments);
}
