import { sql, type Insertable, type RawBuilder } from "kysely";
import type { PaymentPlansTable } from "./collectionsSchema.js";
import type { Db } from "./schema.js";

export type PlanStatus = "active" | "completed" | "defaulted" | "cancelled";

/** A plan with its schedule's total and the payments counted towards it (amounts as text, minor units). */
export interface PlanRow {
  id: string;
  customer_id: string;
  currency: string;
  status: PlanStatus;
  started_on: string;
  ended_on: string | null;
  grace_days: number;
  note: string | null;
  created_by: string;
  total: string;
  paid: string;
  installments: InstallmentRow[];
}

export interface InstallmentRow {
  seq: number;
  due_on: string;
  amount: string;
}

export async function insertPlan(db: Db, row: Insertable<PaymentPlansTable>, installments: readonly { dueOn: string; amount: bigint }[]): Promise<void> {
  await db.insertInto("payment_plans").values(row).execute();
  await db
    .insertInto("payment_plan_installments")
    .values(installments.map((i, n) => ({ tenant_id: row.tenant_id, plan_id: row.id, seq: n + 1, due_on: i.dueOn, amount: i.amount })))
    .execute();
}

/**
 * Serialises plan changes of one customer: two plans agreed at the same moment cannot both stay
 * active (the second waits, then cancels the first).
 */
export const lockCustomer = (db: Db, tenantId: string, customerId: string) =>
  sql`select 1 from customers where tenant_id = ${tenantId} and id = ${customerId} for update`.execute(db);

/** Ends the customer's active plan in that currency (a new plan replaces it); returns the ids ended. */
export async function cancelActivePlans(db: Db, tenantId: string, customerId: string, currency: string, on: string): Promise<string[]> {
  const rows = await db
    .updateTable("payment_plans")
    .set({ status: "cancelled", ended_on: on })
    .where("tenant_id", "=", tenantId)
    .where("customer_id", "=", customerId)
    .where("currency", "=", currency)
    .where("status", "=", "active")
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export const cancelPlan = (db: Db, tenantId: string, id: string, on: string) =>
  db.updateTable("payment_plans").set({ status: "cancelled", ended_on: on }).where("tenant_id", "=", tenantId).where("id", "=", id).where("status", "=", "active").execute();

/**
 * Plans with their schedule, its total and the payments counted towards them: the customer's payments
 * in the plan's currency from its start (up to its end, once ended).
 */
async function plansWhere(db: Db, tenantId: string, filter: RawBuilder<unknown>): Promise<PlanRow[]> {
  const result = await sql<PlanRow>`
    select p.id, p.customer_id, p.currency, p.status, p.started_on::text as started_on, p.ended_on::text as ended_on,
           p.grace_days, p.note, p.created_by,
           s.total::text as total, s.installments,
           (select coalesce(sum(pm.amount), 0) from payments pm
             where pm.tenant_id = p.tenant_id and pm.customer_id = p.customer_id and pm.currency = p.currency
               and pm.received_on >= p.started_on and (p.ended_on is null or pm.received_on <= p.ended_on))::text as paid
      from payment_plans p
      cross join lateral (
        select coalesce(sum(i.amount), 0) as total,
               coalesce(json_agg(json_build_object('seq', i.seq, 'due_on', i.due_on::text, 'amount', i.amount::text) order by i.seq), '[]') as installments
          from payment_plan_installments i where i.tenant_id = p.tenant_id and i.plan_id = p.id
      ) s
     where p.tenant_id = ${tenantId} and ${filter}
     order by p.started_on desc, p.id desc`.execute(db);
  return result.rows;
}

export const findPlan = async (db: Db, tenantId: string, id: string): Promise<PlanRow | undefined> => (await plansWhere(db, tenantId, sql`p.id = ${id}`))[0];

/** A customer's plans, newest first (a customer has few). */
export const customerPlans = (db: Db, tenantId: string, customerId: string): Promise<PlanRow[]> => plansWhere(db, tenantId, sql`p.customer_id = ${customerId}`);

/** What the customer owes in `currency` on invoices issued by `asOf` (the debt a plan reschedules). */
export async function openDebt(db: Db, tenantId: string, customerId: string, currency: string, asOf: string): Promise<bigint> {
  const result = await sql<{ open: string }>`
    select coalesce(sum(open_amount), 0)::text as open from invoices
     where tenant_id = ${tenantId} and customer_id = ${customerId} and currency = ${currency} and open_amount > 0 and issue_date <= ${asOf}::date`.execute(db);
  return BigInt(result.rows[0]!.open);
}
