import { sql } from "kysely";
import type { OpenItem } from "../domain/ledger/allocateOldestFirst.js";
import type { Db, InstallmentRow, InvoiceRow } from "./schema.js";
import { toPage, type Page } from "./pagination.js";

export type NewInvoice = Omit<InvoiceRow, "created_at" | "updated_at" | "last_applied_on" | "settled_on" | "kind" | "discount_terms" | "charge_of" | "charge_of_seq" | "charge_step" | "charge_cycle" | "charge_action"> & {
  discount_terms: string | null;
};
export type NewInstallment = Omit<InstallmentRow, "last_applied_on" | "settled_on">;

export async function insertInvoice(db: Db, invoice: NewInvoice, installments: readonly NewInstallment[]): Promise<void> {
  await db.insertInto("invoices").values(invoice).execute();
  if (installments.length > 0) await db.insertInto("invoice_installments").values([...installments]).execute();
}

export const updateInvoice = (db: Db, tenantId: string, id: string, patch: Partial<Pick<NewInvoice, "due_date" | "po_number" | "terms" | "description" | "do_not_dun" | "tax_amount">>) =>
  db.updateTable("invoices").set({ ...patch, updated_at: sql`now()` }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();

export const findInvoice = (db: Db, tenantId: string, id: string): Promise<InvoiceRow | undefined> =>
  db.selectFrom("invoices").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();

export const findInvoiceByNumber = (db: Db, tenantId: string, number: string): Promise<InvoiceRow | undefined> =>
  db.selectFrom("invoices").selectAll().where("tenant_id", "=", tenantId).where("number", "=", number).executeTakeFirst();

export const findInvoicesByNumbers = (db: Db, tenantId: string, numbers: readonly string[]): Promise<InvoiceRow[]> =>
  numbers.length === 0 ? Promise.resolve([]) : db.selectFrom("invoices").selectAll().where("tenant_id", "=", tenantId).where("number", "in", [...numbers]).execute();

export const listInstallments = (db: Db, tenantId: string, invoiceId: string): Promise<InstallmentRow[]> =>
  db.selectFrom("invoice_installments").selectAll().where("tenant_id", "=", tenantId).where("invoice_id", "=", invoiceId).orderBy("seq").execute();

export interface InvoiceQuery {
  tenantId: string;
  limit: number;
  after?: string[] | undefined;
  customerId?: string | undefined;
  /** Only invoices with an open item due before this date. */
  overdueOn?: string | undefined;
  status?: "open" | "settled" | undefined;
}

export async function listInvoices(db: Db, q: InvoiceQuery): Promise<Page<InvoiceRow>> {
  let query = db.selectFrom("invoices").selectAll().where("tenant_id", "=", q.tenantId);
  if (q.customerId) query = query.where("customer_id", "=", q.customerId);
  if (q.status === "open" || q.overdueOn) query = query.where("open_amount", "<>", 0n);
  if (q.status === "settled") query = query.where("open_amount", "=", 0n);
  if (q.overdueOn) {
    const on = q.overdueOn;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb("has_installments", "=", false), eb("due_date", "<", on)]),
        eb.exists(
          eb.selectFrom("invoice_installments as n").select(sql`1`.as("one")).whereRef("n.tenant_id", "=", "invoices.tenant_id").whereRef("n.invoice_id", "=", "invoices.id").where("n.open_amount", "<>", 0n).where("n.due_date", "<", on),
        ),
      ]),
    );
  }
  if (q.after) {
    const [due, number] = q.after as [string, string];
    query = query.where((eb) => eb.or([eb("due_date", ">", due), eb.and([eb("due_date", "=", due), eb("number", ">", number)])]));
  }
  const rows = await query.orderBy("due_date").orderBy("number").limit(q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.due_date, r.number]);
}

/** Locks the customer's open invoices in one currency so concurrent allocations serialise. */
export async function lockOpenInvoices(db: Db, tenantId: string, customerId: string, currency: string): Promise<void> {
  await sql`select id from invoices where tenant_id = ${tenantId} and customer_id = ${customerId} and currency = ${currency} and open_amount > 0 for update`.execute(db);
}

/** Open items (invoices without schedules, and installments) of a customer in one currency, or of given invoices. */
export async function openItems(db: Db, q: { tenantId: string; customerId?: string; currency?: string; invoiceIds?: readonly string[] }): Promise<OpenItem[]> {
  const byCustomer = q.customerId !== undefined && q.currency !== undefined;
  const filter = byCustomer
    ? sql`i.customer_id = ${q.customerId} and i.currency = ${q.currency}`
    : sql`i.id = any(${q.invoiceIds ?? []}::uuid[])`;
  const result = await sql<{ invoice_id: string; installment_seq: number | null; number: string; issue_date: string; due_date: string; open: bigint }>`
    select i.id as invoice_id, null::smallint as installment_seq, i.number, i.issue_date, i.due_date, i.open_amount as open
    from invoices i where i.tenant_id = ${q.tenantId} and ${filter} and i.open_amount > 0 and not i.has_installments
    union all
    select i.id, n.seq, i.number, i.issue_date, n.due_date, n.open_amount
    from invoices i join invoice_installments n on n.tenant_id = i.tenant_id and n.invoice_id = i.id
    where i.tenant_id = ${q.tenantId} and ${filter} and n.open_amount > 0`.execute(db);
  return result.rows.map((r) => ({ invoiceId: r.invoice_id, installmentSeq: r.installment_seq, number: r.number, issueDate: r.issue_date, dueDate: r.due_date, open: r.open }));
}
