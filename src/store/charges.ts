import { sql } from "kysely";
import type { Db } from "./schema.js";

/** An ordinary invoice listed on one of the run's actions, with its principal overdue on the run date. */
export interface ListedInvoiceRow {
  action_id: string;
  invoice_id: string;
  number: string;
  overdue: bigint;
}

/**
 * The ordinary invoices the given actions list, in their listed (due-date) order, each with the principal
 * overdue on the action's run date: its open amount, or for an invoice with installments the open
 * amount of the installments already due. Charges the actions list are left out: no fee on a fee.
 */
export async function listedInvoices(db: Db, tenantId: string, actionIds: readonly string[]): Promise<ListedInvoiceRow[]> {
  if (actionIds.length === 0) return [];
  // Driven from the ids, and each listed invoice a primary-key probe (`offset 0` keeps the lateral from being
  // flattened): without statistics (PGlite never analyzes) the planner would otherwise scan the tenant's invoices per action.
  const result = await sql<ListedInvoiceRow>`
    select a.id as action_id, i.id as invoice_id, i.number,
           case when i.has_installments
                then coalesce((select sum(n.open_amount) from invoice_installments n
                                where n.tenant_id = i.tenant_id and n.invoice_id = i.id and n.due_date < a.run_date), 0)::bigint
                when i.due_date < a.run_date then i.open_amount else 0::bigint end as overdue
      from unnest(${actionIds}::uuid[]) as x(id)
      join dunning_actions a on a.tenant_id = ${tenantId} and a.id = x.id
      cross join lateral unnest(a.invoice_ids) with ordinality as u(id, n)
      cross join lateral (select i.* from invoices i where i.tenant_id = a.tenant_id and i.id = u.id and i.kind = 'invoice' offset 0) i
     order by a.id, u.n`.execute(db);
  return result.rows;
}

/** A charge to post: an open item of its own, linked to its invoice (and installment). */
export interface NewCharge {
  id: string;
  customerId: string;
  kind: "fee" | "interest" | "compensation";
  number: string;
  chargeOf: string;
  chargeOfSeq: number | null;
  currency: string;
  amount: bigint;
  issueDate: string;
  dueDate: string;
  /** The step and chase that posted it; the unique index keys on them. */
  step: string;
  cycle: number;
  actionId: string;
  description: string;
}

/**
 * Posts charges in one statement. A charge already posted for the same item, kind, step and chase (or
 * a compensation already posted for the invoice) is skipped by the unique indexes of migration 0014:
 * rerunning a day never adds a second one. Returns the ids actually inserted.
 */
export async function insertCharges(db: Db, tenantId: string, charges: readonly NewCharge[]): Promise<string[]> {
  if (charges.length === 0) return [];
  const col = <T>(f: (c: NewCharge) => T) => charges.map(f);
  const result = await sql<{ id: string }>`
    insert into invoices (tenant_id, id, customer_id, number, kind, issue_date, due_date, currency, amount, open_amount, description,
                          charge_of, charge_of_seq, charge_step, charge_cycle, charge_action)
    select ${tenantId}, c.id, c.customer_id, c.number, c.kind, c.issue_date, c.due_date, c.currency, c.amount, c.amount, c.description,
           c.charge_of, c.charge_of_seq, c.step, c.cycle, c.action_id
      from unnest(${col((c) => c.id)}::uuid[], ${col((c) => c.customerId)}::uuid[], ${col((c) => c.number)}::text[], ${col((c) => c.kind)}::text[],
                  ${col((c) => c.issueDate)}::date[], ${col((c) => c.dueDate)}::date[], ${col((c) => c.currency)}::text[], ${col((c) => c.amount.toString())}::bigint[],
                  ${col((c) => c.description)}::text[], ${col((c) => c.chargeOf)}::uuid[], ${col((c) => c.chargeOfSeq)}::smallint[], ${col((c) => c.step)}::text[],
                  ${col((c) => c.cycle)}::int[], ${col((c) => c.actionId)}::uuid[])
        as c(id, customer_id, number, kind, issue_date, due_date, currency, amount, description, charge_of, charge_of_seq, step, cycle, action_id)
    on conflict do nothing
    returning id`.execute(db);
  return result.rows.map((r) => r.id);
}

/** The day each customer was handed off to an agency or lawyer (interest may stop there). */
export async function handOffDates(db: Db, tenantId: string, customerIds: readonly string[]): Promise<Map<string, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db.selectFrom("customers").select(["id", "handed_off_on"]).where("tenant_id", "=", tenantId).where("id", "in", customerIds).where("handed_off_on", "is not", null).execute();
  return new Map(rows.map((r) => [r.id, r.handed_off_on!]));
}

/** A posted charge with what was waived of it and what is still open. Amounts are minor units. */
export interface ChargeRow {
  id: string;
  number: string;
  kind: "fee" | "interest" | "compensation";
  customer_id: string;
  charge_of: string | null;
  invoice_number: string | null;
  charge_of_seq: number | null;
  charge_step: string | null;
  charge_cycle: number | null;
  issue_date: string;
  due_date: string;
  currency: string;
  amount: bigint;
  waived: bigint;
  open_amount: bigint;
}

const chargeRows = (tenantId: string) => sql`
  select c.id, c.number, c.kind, c.customer_id, c.charge_of, o.number as invoice_number, c.charge_of_seq, c.charge_step, c.charge_cycle,
         c.issue_date, c.due_date, c.currency, c.amount, c.open_amount,
         coalesce((select sum(a.amount) from allocations a where a.tenant_id = c.tenant_id and a.invoice_id = c.id and a.kind = 'waiver'), 0)::bigint as waived
    from invoices c
    left join invoices o on o.tenant_id = c.tenant_id and o.id = c.charge_of
   where c.tenant_id = ${tenantId} and c.kind <> 'invoice'`;

/** The customer's charges, oldest first, through the customer's invoice index. */
export async function customerCharges(db: Db, tenantId: string, customerId: string): Promise<ChargeRow[]> {
  const result = await sql<ChargeRow>`${chargeRows(tenantId)} and c.customer_id = ${customerId} order by c.issue_date, c.number`.execute(db);
  return result.rows;
}

/** Locks a charge's row so concurrent waivers apply one after the other; false when there is no such charge. */
export async function lockCharge(db: Db, tenantId: string, id: string): Promise<boolean> {
  const row = await db.selectFrom("invoices").select("id").where("tenant_id", "=", tenantId).where("id", "=", id).where("kind", "<>", "invoice").forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** One charge by id; undefined when there is none (an ordinary invoice is not a charge). */
export async function findCharge(db: Db, tenantId: string, id: string): Promise<ChargeRow | undefined> {
  const result = await sql<ChargeRow>`${chargeRows(tenantId)} and c.id = ${id}`.execute(db);
  return result.rows[0];
}

/** The fees each action of a date range announced (fees of steps skipped the same day included). */
export async function feesByAction(db: Db, q: { tenantId: string; from: string; to: string }): Promise<Map<string, bigint>> {
  const result = await sql<{ action_id: string; fees: bigint }>`
    select charge_action as action_id, sum(amount)::bigint as fees from invoices
     where tenant_id = ${q.tenantId} and kind = 'fee' and charge_action is not null and issue_date between ${q.from}::date and ${q.to}::date
     group by charge_action`.execute(db);
  return new Map(result.rows.map((r) => [r.action_id, r.fees]));
}

/** Per invoice with charges: what was charged of each kind less waivers, interest posted, and what is open of them all. */
export interface InvoiceChargesRow {
  invoice_id: string;
  fees: bigint;
  interest: bigint;
  compensation: bigint;
  open: bigint;
}

export async function chargesByInvoice(db: Db, tenantId: string): Promise<Map<string, InvoiceChargesRow>> {
  const result = await sql<InvoiceChargesRow>`
    select c.charge_of as invoice_id,
           coalesce(sum(c.amount - c.waived) filter (where c.kind = 'fee'), 0)::bigint as fees,
           coalesce(sum(c.amount) filter (where c.kind = 'interest'), 0)::bigint as interest,
           coalesce(sum(c.amount - c.waived) filter (where c.kind = 'compensation'), 0)::bigint as compensation,
           sum(c.open_amount)::bigint as open
      from (${chargeRows(tenantId)} and c.charge_of is not null) c
     group by c.charge_of`.execute(db);
  return new Map(result.rows.map((r) => [r.invoice_id, r]));
}
