import { sql } from "kysely";
import { chaseableItems } from "./collections/chaseableItems.js";
import type { TaskKind, TaskOutcome, TaskRow } from "./collectionsSchema.js";
import { toPage, type Page } from "./pagination.js";
import type { Db } from "./schema.js";

/** A task with what the worklist shows next to it: its customer and its assignee. */
export interface WorklistRow extends TaskRow {
  customer_external_id: string;
  customer_legal_name: string;
  assignee_name: string | null;
  assignee_email: string | null;
}

export interface TaskQuery {
  tenantId: string;
  status: TaskRow["status"];
  kind?: TaskKind | undefined;
  /** A user id; null: unassigned tasks only; undefined: anyone's. */
  assigneeId?: string | null | undefined;
  customerId?: string | undefined;
  /** Tasks due on or before this day. */
  dueBy?: string | undefined;
  limit: number;
  /** Cursor: [due_on, id] of the last task of the previous page. */
  after?: string[] | undefined;
}

const worklistRows = (db: Db, tenantId: string) =>
  db
    .selectFrom("tasks as t")
    .innerJoin("customers as c", (j) => j.onRef("c.tenant_id", "=", "t.tenant_id").onRef("c.id", "=", "t.customer_id"))
    .leftJoin("users as u", (j) => j.onRef("u.tenant_id", "=", "t.tenant_id").onRef("u.id", "=", "t.assignee_id"))
    .selectAll("t")
    .select(["c.external_id as customer_external_id", "c.legal_name as customer_legal_name", "u.name as assignee_name", "u.email as assignee_email"])
    .where("t.tenant_id", "=", tenantId);

/** One page of tasks, oldest due first (the partial index tasks_open serves the open worklist). */
export async function listTasks(db: Db, q: TaskQuery): Promise<Page<WorklistRow>> {
  let query = worklistRows(db, q.tenantId).where("t.status", "=", q.status);
  if (q.kind) query = query.where("t.kind", "=", q.kind);
  if (q.assigneeId === null) query = query.where("t.assignee_id", "is", null);
  else if (q.assigneeId) query = query.where("t.assignee_id", "=", q.assigneeId);
  if (q.customerId) query = query.where("t.customer_id", "=", q.customerId);
  if (q.dueBy) query = query.where("t.due_on", "<=", q.dueBy);
  if (q.after) query = query.where(sql<boolean>`(t.due_on, t.id) > (${q.after[0]}::date, ${q.after[1]}::uuid)`);
  const rows = await query.orderBy("t.due_on").orderBy("t.id").limit(q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.due_on, r.id]);
}

export const findTask = (db: Db, tenantId: string, id: string): Promise<WorklistRow | undefined> => worklistRows(db, tenantId).where("t.id", "=", id).executeTakeFirst();

/** The task, locked until the transaction ends, so two collectors cannot both complete it. */
export const lockTask = (db: Db, tenantId: string, id: string): Promise<TaskRow | undefined> =>
  db.selectFrom("tasks").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).forUpdate().executeTakeFirst();

export const closeTask = (db: Db, tenantId: string, id: string, done: { outcome: TaskOutcome; note: string | null; by: string }) =>
  db
    .updateTable("tasks")
    .set({ status: "done", outcome: done.outcome, note: done.note, completed_at: sql`now()`, completed_by: done.by })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();

export const setTaskAssignee = (db: Db, tenantId: string, id: string, assigneeId: string | null) =>
  db.updateTable("tasks").set({ assignee_id: assigneeId }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();

export const findUserById = (db: Db, tenantId: string, id: string) =>
  db.selectFrom("users").select(["id", "name", "email"]).where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();

export interface OverdueItemRow {
  customer_id: string;
  currency: string;
  invoice_id: string;
  number: string;
  due_date: string;
  open_amount: bigint;
}

/**
 * The items the engine chases that are overdue on `today`, for many customer-and-currency accounts
 * in one statement (the talking points of a page of call tasks). Disputed and held invoices are left
 * out, as the engine leaves them out; an invoice with installments has a row per overdue installment.
 */
export async function overdueItems(db: Db, q: { tenantId: string; today: string; accounts: readonly { customerId: string; currency: string }[] }): Promise<OverdueItemRow[]> {
  if (q.accounts.length === 0) return [];
  const { rows } = await sql<OverdueItemRow>`
    select ci.customer_id, ci.currency, ci.invoice_id, i.number, ci.due_date, ci.open_amount
      from ${chaseableItems(q.tenantId, q.today)} ci
      join invoices i on i.tenant_id = ${q.tenantId} and i.id = ci.invoice_id
     where (ci.customer_id, ci.currency) in (select * from unnest(${q.accounts.map((a) => a.customerId)}::uuid[], ${q.accounts.map((a) => a.currency)}::text[]))
       and ci.due_date < ${q.today}::date
     order by ci.due_date, i.number`.execute(db);
  return rows;
}
