import { sql } from "kysely";
import { copyField as f } from "../engine/copy.js";
import type { Db } from "../schema.js";
import { copyLines } from "./stagingTables.js";

/** An invoice row that passed validation: copied into the ledger when new, staged for the update when not. */
export interface StagedInvoice {
  row: number;
  id: string;
  customerExternalId: string;
  number: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: bigint;
  taxAmount: bigint | null;
  poNumber: string | null;
  terms: string | null;
  /** JSON text of the early-payment discounts, as createInvoice stores them. */
  discountTerms: string | null;
  description: string | null;
  doNotDun: boolean | null;
  hasInstallments: boolean;
  /** Which optional fields the file gave (INVOICE_FIELDS bits); the others keep their value on update. */
  present: number;
}

/** An installment of a new invoice (JSON imports only). */
export interface StagedInstallment {
  seq: number;
  dueDate: string;
  amount: bigint;
}

/** Optional fields an update may leave alone: a column missing from the file is not a request to clear it. */
export const INVOICE_FIELDS = { taxAmount: 1, poNumber: 2, terms: 4, description: 8, doNotDun: 16 } as const;

const INVOICE_COLUMNS = ["row", "id", "customer_external_id", "number", "issue_date", "due_date", "currency", "amount", "tax_amount", "po_number", "terms", "discount_terms", "description", "do_not_dun", "has_installments", "present"];

export async function createInvoiceStaging(db: Db): Promise<void> {
  await sql`
    create temp table import_invoices (
      row integer not null, id uuid not null, customer_external_id text not null, number text not null,
      issue_date date not null, due_date date not null, currency text not null, amount bigint not null,
      tax_amount bigint, po_number text, terms text, discount_terms jsonb, description text,
      do_not_dun boolean, has_installments boolean not null, present integer not null
    ) on commit drop`.execute(db);
  // the existing invoices that staged rows name, with what the checks and the update need
  await sql`
    create temp table import_existing (
      row integer not null, id uuid not null, customer_id uuid not null, customer_ok boolean not null, currency text not null,
      amount bigint not null, allocated bigint not null, due_date date not null, has_installments boolean not null
    ) on commit drop`.execute(db);
}

/** Invoices are checked and written one chunk at a time; this empties the staging tables for the next chunk. */
export async function clearInvoiceStaging(db: Db): Promise<void> {
  await sql`truncate import_invoices, import_existing`.execute(db);
}

export async function copyInvoices(db: Db, rows: readonly StagedInvoice[]): Promise<void> {
  const lines = rows.map(
    (r) =>
      `${r.row}\t${r.id}\t${f(r.customerExternalId)}\t${f(r.number)}\t${r.issueDate}\t${r.dueDate}\t${r.currency}\t${r.amount}\t${f(r.taxAmount)}\t${f(r.poNumber)}\t${f(r.terms)}\t${f(r.discountTerms)}\t${f(r.description)}\t${f(r.doNotDun)}\t${r.hasInstallments}\t${r.present}`,
  );
  await copyLines(db, "import_invoices", INVOICE_COLUMNS, lines);
}

export interface InvoiceProblem {
  row: number;
  problem: "customer_changed" | "currency_changed" | "schedule_changed" | "overallocated";
  number: string;
  customer: string;
  currency: string;
  /** What is already applied to the existing invoice. */
  allocated: bigint;
}

/**
 * Collects the existing invoices (same number, another id) that staged rows name. Each number is
 * looked up through the unique index (the LIMIT keeps the planner from hashing the whole table,
 * whose statistics may be stale after a large import), so the cost follows the chunk, not the ledger.
 */
export async function collectExistingInvoices(db: Db, tenantId: string): Promise<number> {
  const result = await sql`
    insert into import_existing (row, id, customer_id, customer_ok, currency, amount, allocated, due_date, has_installments)
    select s.row, i.id, i.customer_id, c.id = i.customer_id, i.currency, i.amount, i.amount - i.open_amount, i.due_date, i.has_installments
    from import_invoices s
    cross join lateral (
      select o.id, o.customer_id, o.currency, o.amount, o.open_amount, o.due_date, o.has_installments
      from invoices o where o.tenant_id = ${tenantId} and o.number = s.number limit 1
    ) i
    join customers c on c.tenant_id = ${tenantId} and c.external_id = s.customer_external_id
    where i.id <> s.id`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Existing invoices the staged rows may not change: another customer or currency, a new amount or
 * due date on an installment invoice, or an amount below what is already applied.
 */
export async function findExistingInvoiceProblems(db: Db): Promise<InvoiceProblem[]> {
  const result = await sql<InvoiceProblem>`
    select s.row,
      case when not e.customer_ok then 'customer_changed'
           when s.currency <> e.currency then 'currency_changed'
           when e.has_installments and (s.amount <> e.amount or s.due_date <> e.due_date) then 'schedule_changed'
           else 'overallocated' end as problem,
      s.number, s.customer_external_id as customer, e.currency, e.allocated
    from import_invoices s join import_existing e on e.row = s.row
    where not e.customer_ok or s.currency <> e.currency
       or (e.has_installments and (s.amount <> e.amount or s.due_date <> e.due_date))
       or s.amount < e.allocated
    order by s.row`.execute(db);
  return result.rows;
}

export interface UpdatedInvoices {
  updated: number;
  /** Existing invoices whose amount changed: their balances need recomputing. */
  amountChanged: string[];
}

/**
 * Updates the existing invoices where a field really changed. Fields the file did not give (see
 * INVOICE_FIELDS) keep their value, so the comparison is against the merged row.
 */
export async function updateExistingInvoices(db: Db, tenantId: string): Promise<UpdatedInvoices> {
  const changed = await sql<{ id: string }>`
    select e.id from import_existing e join import_invoices s on s.row = e.row where e.amount <> s.amount`.execute(db);
  const updated = await sql`
    update invoices i set issue_date = n.issue_date, due_date = n.due_date, amount = n.amount, tax_amount = n.tax_amount,
      po_number = n.po_number, terms = n.terms, discount_terms = n.discount_terms, description = n.description,
      do_not_dun = n.do_not_dun, updated_at = now()
    from (
      select o.id, s.issue_date, s.due_date, s.amount,
        case when s.present & ${INVOICE_FIELDS.taxAmount} <> 0 then coalesce(s.tax_amount, 0) else o.tax_amount end as tax_amount,
        case when s.present & ${INVOICE_FIELDS.poNumber} <> 0 then s.po_number else o.po_number end as po_number,
        case when s.present & ${INVOICE_FIELDS.terms} <> 0 then s.terms else o.terms end as terms,
        case when s.present & ${INVOICE_FIELDS.terms} <> 0 then s.discount_terms else o.discount_terms end as discount_terms,
        case when s.present & ${INVOICE_FIELDS.description} <> 0 then s.description else o.description end as description,
        case when s.present & ${INVOICE_FIELDS.doNotDun} <> 0 then coalesce(s.do_not_dun, false) else o.do_not_dun end as do_not_dun
      from import_existing e
      join import_invoices s on s.row = e.row
      cross join lateral (select * from invoices x where x.tenant_id = ${tenantId} and x.id = e.id limit 1) o
    ) n
    where i.tenant_id = ${tenantId} and i.id = n.id
      and (i.issue_date, i.due_date, i.amount, i.tax_amount, i.po_number, i.terms, i.discount_terms, i.description, i.do_not_dun)
          is distinct from (n.issue_date, n.due_date, n.amount, n.tax_amount, n.po_number, n.terms, n.discount_terms, n.description, n.do_not_dun)`.execute(db);
  return { updated: Number(updated.numAffectedRows ?? 0n), amountChanged: changed.rows.map((r) => r.id) };
}

/** Fresh planner statistics for invoices: PGlite never autovacuums, and a large import makes old ones wrong. */
export async function refreshInvoiceStatistics(db: Db): Promise<void> {
  await sql`analyze invoices`.execute(db);
}
