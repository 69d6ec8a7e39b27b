import { sql } from "kysely";
import type { TaskKind } from "./collectionsSchema.js";
import type { Db } from "./schema.js";

export interface NewTask {
  id: string;
  customerId: string;
  kind: TaskKind;
  title: string;
  dueOn: string;
  actionId: string | null;
  /** Used when the customer has no collector of its own (e.g. the collector of its segment). */
  assigneeId?: string | null;
  details: unknown;
}

/** Worklist tasks, each assigned to its customer's collector, else to the task's own assignee (its segment's), else to nobody. */
export async function insertTasks(db: Db, tenantId: string, tasks: readonly NewTask[]): Promise<void> {
  if (tasks.length === 0) return;
  const col = <T>(f: (t: NewTask) => T) => tasks.map(f);
  await sql`
    insert into tasks (tenant_id, id, customer_id, kind, title, due_on, assignee_id, action_id, details)
    select ${tenantId}, t.id, t.customer_id, t.kind, t.title, t.due_on, coalesce(c.collector_id, t.assignee_id), t.action_id, t.details
      from unnest(${col((t) => t.id)}::uuid[], ${col((t) => t.customerId)}::uuid[], ${col((t) => t.kind)}::text[], ${col((t) => t.title)}::text[],
                  ${col((t) => t.dueOn)}::date[], ${col((t) => t.actionId)}::uuid[], ${col((t) => JSON.stringify(t.details ?? null))}::jsonb[], ${col((t) => t.assigneeId ?? null)}::uuid[])
        as t(id, customer_id, kind, title, due_on, action_id, details, assignee_id)
      join customers c on c.tenant_id = ${tenantId} and c.id = t.customer_id`.execute(db);
}
