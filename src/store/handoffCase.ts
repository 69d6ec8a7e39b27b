import { sql, type RawBuilder } from "kysely";
import type { DisputeRow, HoldRow, PromiseRow } from "./pauses.js";
import { openItemsAsOf } from "./reports/openItemsAsOf.js";
import type { Db } from "./schema.js";

/**
 * What a hand-off case file is read from: one customer's open items, money received, chase and
 * timeline as of a day. Each function is one set-based query over the customer, whatever its size.
 * Statuses that changed after the day (a dispute resolved, a promise broken later) read as they were
 * on the day, so a file prepared for a past date says what was known then.
 */
export interface CaseQuery {
  tenantId: string;
  customerId: string;
  asOf: string;
}

/** An open item with its invoice's facts. */
export interface CaseItemRow {
  invoice_id: string;
  installment_seq: number | null;
  number: string;
  kind: string;
  issue_date: string;
  due_date: string;
  currency: string;
  amount: bigint;
  open: bigint;
  po_number: string | null;
}

export async function caseOpenItems(db: Db, q: CaseQuery): Promise<CaseItemRow[]> {
  const result = await sql<CaseItemRow>`
    select o.invoice_id, o.installment_seq, i.number, i.kind, i.issue_date, o.due_date, o.currency,
      coalesce(n.amount, i.amount) as amount, o.open, i.po_number
    from (${openItemsAsOf(q.tenantId, q.asOf, q.customerId)}) o
    join invoices i on i.tenant_id = ${q.tenantId} and i.id = o.invoice_id
    left join invoice_installments n on n.tenant_id = ${q.tenantId} and n.invoice_id = o.invoice_id and n.seq = o.installment_seq
    where o.open <> 0 order by o.currency, o.due_date, i.number, o.installment_seq`.execute(db);
  return result.rows;
}

/** What was applied to the given invoices by the day: payments, credit notes, write-offs, discounts. */
export interface CaseAllocationRow {
  invoice_id: string;
  number: string;
  installment_seq: number | null;
  kind: string;
  applied_on: string;
  currency: string;
  amount: bigint;
  /** The payment's external id or the credit note's number. */
  source: string | null;
  reason: string | null;
}

export async function caseAllocations(db: Db, q: CaseQuery, invoiceIds: readonly string[]): Promise<CaseAllocationRow[]> {
  if (invoiceIds.length === 0) return [];
  const result = await sql<CaseAllocationRow>`
    select a.invoice_id, i.number, a.installment_seq, a.kind, a.applied_on, i.currency, a.amount,
      coalesce(p.external_id, c.number) as source, a.reason
    from allocations a
    join invoices i on i.tenant_id = a.tenant_id and i.id = a.invoice_id
    left join payments p on p.tenant_id = a.tenant_id and p.id = a.payment_id
    left join credit_notes c on c.tenant_id = a.tenant_id and c.id = a.credit_note_id
    where a.tenant_id = ${q.tenantId} and a.invoice_id = any(${invoiceIds}::uuid[]) and a.applied_on <= ${q.asOf}::date
    order by a.applied_on, i.number, a.installment_seq, a.id`.execute(db);
  return result.rows;
}

export interface CasePaymentRow {
  id: string;
  external_id: string;
  received_on: string;
  currency: string;
  amount: bigint;
  method: string | null;
  reference: string | null;
  payer_name: string | null;
}

/** Every payment received from the customer by the day, oldest first. */
export const casePayments = (db: Db, q: CaseQuery): Promise<CasePaymentRow[]> =>
  db
    .selectFrom("payments")
    .select(["id", "external_id", "received_on", "currency", "amount", "method", "reference", "payer_name"])
    .where("tenant_id", "=", q.tenantId)
    .where("customer_id", "=", q.customerId)
    .where("received_on", "<=", q.asOf)
    .orderBy("received_on")
    .orderBy("external_id")
    .execute();

export interface CaseActionRow {
  id: string;
  run_date: string;
  currency: string;
  cycle: number;
  step_id: string;
  step_index: number;
  channel: string;
  status: "performed" | "skipped";
  skip_reason: string | null;
  overdue_amount: bigint;
  policy_key: string;
  policy_version: number;
  invoices: string[];
}

/** Every step the engine recorded for the customer by the day, in the order it recorded them. */
export async function caseActions(db: Db, q: CaseQuery): Promise<CaseActionRow[]> {
  const result = await sql<CaseActionRow>`
    select a.id, a.run_date, a.currency, a.cycle, a.step_id, a.step_index, a.channel, a.status, a.skip_reason, a.overdue_amount,
      p.key as policy_key, p.version as policy_version, ${invoiceNumbers(sql`a`)} as invoices
    from dunning_actions a
    join policies p on p.tenant_id = a.tenant_id and p.id = a.policy_id
    where a.tenant_id = ${q.tenantId} and a.customer_id = ${q.customerId} and a.run_date <= ${q.asOf}::date
    order by a.run_date, a.currency, a.cycle, a.step_index`.execute(db);
  return result.rows;
}

export interface CaseActivityRow {
  id: string;
  occurred_on: string;
  /** Microsecond timestamp as text, as the timeline API shows it. */
  at: string;
  kind: string;
  actor: string;
  summary: string;
  ref_id: string | null;
  details: unknown;
  invoices: string[];
}

/** The customer's whole timeline up to the day, oldest first, with invoice numbers instead of ids. */
export async function caseActivities(db: Db, q: CaseQuery): Promise<CaseActivityRow[]> {
  const result = await sql<CaseActivityRow>`
    select a.id, a.occurred_on, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, a.kind, a.actor, a.summary,
      a.ref_id, a.details, ${invoiceNumbers(sql`a`)} as invoices
    from activities a
    where a.tenant_id = ${q.tenantId} and a.customer_id = ${q.customerId} and a.occurred_on <= ${q.asOf}::date
    order by a.occurred_on, a.at, a.id`.execute(db);
  return result.rows;
}

/** Promises made by the day; one resolved later reads as still open. */
export async function casePromises(db: Db, q: CaseQuery): Promise<PromiseRow[]> {
  const result = await sql<PromiseRow>`
    select p.tenant_id, p.id, p.customer_id, p.currency, p.amount, p.made_on, p.due_on, p.grace_days, p.note, p.created_by,
      ${asOfStatus(sql`p`, q.asOf)} as status, ${asOfResolution(sql`p`, q.asOf)} as resolved_on
    from promises p
    where p.tenant_id = ${q.tenantId} and p.customer_id = ${q.customerId} and p.made_on <= ${q.asOf}::date
    order by p.made_on, p.id`.execute(db);
  return result.rows;
}

/** Disputes opened by the day, with their invoice's number; one resolved later reads as still open. */
export async function caseDisputes(db: Db, q: CaseQuery): Promise<(DisputeRow & { invoice_number: string })[]> {
  const result = await sql<DisputeRow & { invoice_number: string }>`
    select d.tenant_id, d.id, d.customer_id, d.invoice_id, i.number as invoice_number, d.reason, d.owner_id, d.opened_on, d.due_on, d.note, d.created_by,
      ${asOfStatus(sql`d`, q.asOf)} as status, ${asOfResolution(sql`d`, q.asOf)} as resolved_on,
      case when d.resolved_on > ${q.asOf}::date then null else d.resolution_note end as resolution_note
    from disputes d
    join invoices i on i.tenant_id = d.tenant_id and i.id = d.invoice_id
    where d.tenant_id = ${q.tenantId} and d.customer_id = ${q.customerId} and d.opened_on <= ${q.asOf}::date
    order by d.opened_on, d.id`.execute(db);
  return result.rows;
}

/** Holds placed by the day on the customer or its invoices; one released later reads as unreleased. */
export async function caseHolds(db: Db, q: CaseQuery): Promise<(HoldRow & { invoice_number: string | null })[]> {
  const result = await sql<HoldRow & { invoice_number: string | null }>`
    select h.tenant_id, h.id, h.customer_id, h.invoice_id, i.number as invoice_number, h.reason, h.from_on, h.until_on, h.created_by,
      case when h.released_on > ${q.asOf}::date then null else h.released_on end as released_on
    from dunning_holds h
    left join invoices i on i.tenant_id = h.tenant_id and i.id = h.invoice_id
    where h.tenant_id = ${q.tenantId} and h.customer_id = ${q.customerId} and h.from_on <= ${q.asOf}::date
    order by h.from_on, h.id`.execute(db);
  return result.rows;
}

// Numbers of the invoices a row names in its invoice_ids, in the row's order.
const invoiceNumbers = (row: RawBuilder<unknown>) =>
  sql<string[]>`array(select i.number from unnest(${row}.invoice_ids) with ordinality as u(id, n)
    join invoices i on i.tenant_id = ${row}.tenant_id and i.id = u.id order by u.n)`;

const asOfStatus = (row: RawBuilder<unknown>, asOf: string) => sql`case when ${row}.resolved_on > ${asOf}::date then 'open' else ${row}.status end`;
const asOfResolution = (row: RawBuilder<unknown>, asOf: string) => sql`case when ${row}.resolved_on > ${asOf}::date then null else ${row}.resolved_on end`;
