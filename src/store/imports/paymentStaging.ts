import { sql } from "kysely";
import { copyField as f, copyTextArray } from "../engine/copy.js";
import type { Db } from "../schema.js";
import { copyLines } from "./stagingTables.js";

export interface StagedPayment {
  row: number;
  id: string;
  externalId: string;
  customerExternalId: string | null;
  receivedOn: string;
  currency: string;
  amount: bigint;
  method: string | null;
  payerName: string | null;
  payerAccount: string | null;
  reference: string | null;
  /** Invoice numbers the payment pays, in order; null = oldest items first. */
  invoices: string[] | null;
  /** PAYMENT_FIELDS bits; descriptive fields the file did not give keep their value on update. */
  present: number;
}

export const PAYMENT_FIELDS = { method: 1, payerName: 2, payerAccount: 4, reference: 8 } as const;

const COLUMNS = ["row", "id", "external_id", "customer_external_id", "received_on", "currency", "amount", "method", "payer_name", "payer_account", "reference", "invoices", "present"];

export async function createPaymentStaging(db: Db): Promise<void> {
  await sql`
    create temp table import_payments (
      row integer not null, id uuid not null, external_id text not null, customer_external_id text, received_on date not null,
      currency text not null, amount bigint not null, method text, payer_name text, payer_account text, reference text,
      invoices text[], present integer not null,
      is_new boolean, customer_id uuid
    ) on commit drop`.execute(db);
}

export async function copyPayments(db: Db, rows: readonly StagedPayment[]): Promise<void> {
  const lines = rows.map(
    (p) =>
      `${p.row}\t${p.id}\t${f(p.externalId)}\t${f(p.customerExternalId)}\t${p.receivedOn}\t${p.currency}\t${p.amount}\t${f(p.method)}\t${f(p.payerName)}\t${f(p.payerAccount)}\t${f(p.reference)}\t${p.invoices ? copyTextArray(p.invoices) : "\\N"}\t${p.present}`,
  );
  await copyLines(db, "import_payments", COLUMNS, lines);
}

/**
 * Marks which staged payments are new and which customer pays each: the one named, else the owner of
 * the first invoice named (as recordPayment decides).
 */
export async function resolvePayers(db: Db, tenantId: string): Promise<void> {
  await sql`
    update import_payments s set
      is_new = not exists (select 1 from payments p where p.tenant_id = ${tenantId} and p.external_id = s.external_id),
      customer_id = coalesce(
        (select c.id from customers c where c.tenant_id = ${tenantId} and c.external_id = s.customer_external_id),
        (select i.customer_id from invoices i where i.tenant_id = ${tenantId} and i.number = s.invoices[1]))`.execute(db);
}

export interface PaymentProblem {
  row: number;
  problem: "conflict" | "customer_changed" | "unknown_customer" | "unknown_invoice" | "currency_mismatch" | "foreign_invoice";
  externalId: string;
  /** The customer external id or invoice number concerned. */
  ref: string | null;
}

export async function findPaymentProblems(db: Db, tenantId: string): Promise<PaymentProblem[]> {
  const result = await sql<PaymentProblem>`
    select s.row,
      case when (p.amount, p.currency::text, p.received_on) <> (s.amount, s.currency, s.received_on) then 'conflict' else 'customer_changed' end as problem,
      s.external_id as "externalId", s.customer_external_id as ref
    from import_payments s join payments p on p.tenant_id = ${tenantId} and p.external_id = s.external_id
    where (p.amount, p.currency::text, p.received_on) <> (s.amount, s.currency, s.received_on)
       or (s.customer_external_id is not null and p.customer_id is distinct from s.customer_id)
    union all
    select s.row, 'unknown_customer', s.external_id, s.customer_external_id
    from import_payments s
    where s.customer_external_id is not null
      and not exists (select 1 from customers c where c.tenant_id = ${tenantId} and c.external_id = s.customer_external_id)
    union all
    select s.row,
      case when i.id is null then 'unknown_invoice' when i.currency::text <> s.currency then 'currency_mismatch' else 'foreign_invoice' end,
      s.external_id, n.number
    from import_payments s
    cross join lateral unnest(s.invoices) as n(number)
    left join invoices i on i.tenant_id = ${tenantId} and i.number = n.number
    where s.is_new and (i.id is null or i.currency::text <> s.currency or i.customer_id is distinct from s.customer_id)
    order by 1`.execute(db);
  return result.rows;
}

/** Updates the descriptive fields of payments already recorded, inserts the new ones. */
export async function upsertPayments(db: Db, tenantId: string): Promise<{ inserted: number; updated: number }> {
  const F = PAYMENT_FIELDS;
  const updated = await sql`
    update payments p set method = n.method, payer_name = n.payer_name, payer_account = n.payer_account, reference = n.reference
    from (
      select o.id,
        case when s.present & ${F.method} <> 0 then s.method else o.method end as method,
        case when s.present & ${F.payerName} <> 0 then s.payer_name else o.payer_name end as payer_name,
        case when s.present & ${F.payerAccount} <> 0 then s.payer_account else o.payer_account end as payer_account,
        case when s.present & ${F.reference} <> 0 then s.reference else o.reference end as reference
      from import_payments s join payments o on o.tenant_id = ${tenantId} and o.external_id = s.external_id
      where not s.is_new
    ) n
    where p.tenant_id = ${tenantId} and p.id = n.id
      and (p.method, p.payer_name, p.payer_account, p.reference) is distinct from (n.method, n.payer_name, n.payer_account, n.reference)`.execute(db);
  const inserted = await sql`
    insert into payments (tenant_id, id, external_id, customer_id, received_on, currency, amount, method, payer_name, payer_account, reference, unapplied_amount)
    select ${tenantId}, s.id, s.external_id, s.customer_id, s.received_on, s.currency, s.amount, s.method, s.payer_name, s.payer_account, s.reference, s.amount
    from import_payments s where s.is_new
    on conflict (tenant_id, external_id) do nothing`.execute(db);
  return { inserted: Number(inserted.numAffectedRows ?? 0n), updated: Number(updated.numAffectedRows ?? 0n) };
}

export interface NewPayment {
  row: number;
  id: string;
  customerId: string;
  currency: string;
  amount: bigint;
  receivedOn: string;
  /** The invoices named, in the order named. */
  invoiceIds: string[];
}

/** The new payments that have a customer, in file order: the ones to apply. */
export async function newPaymentsToApply(db: Db, tenantId: string): Promise<NewPayment[]> {
  const result = await sql<NewPayment>`
    select s.row, s.id, s.customer_id as "customerId", s.currency, s.amount, s.received_on as "receivedOn",
      array(select i.id from unnest(s.invoices) with ordinality as n(number, ord)
            join invoices i on i.tenant_id = ${tenantId} and i.number = n.number order by n.ord)::text[] as "invoiceIds"
    from import_payments s where s.is_new and s.customer_id is not null
    order by s.row`.execute(db);
  return result.rows;
}
