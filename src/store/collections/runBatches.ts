import { sql } from "kysely";
import type { Db } from "../schema.js";

export interface RunBatch {
  batch_no: number;
  from_id: string;
  to_id: string | null;
}

export const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

/**
 * Creates the day's run with its batches, once: bounds split the tenant's customers into batches
 * of about `batchSize`. Returns false when the run already existed (another worker planned it).
 */
export async function planRun(db: Db, q: { tenantId: string; today: string; batchSize: number; actor: string }): Promise<boolean> {
  const bounds = await sql<{ id: string }>`
    select id from (select id, row_number() over (order by id) as n from customers where tenant_id = ${q.tenantId}) c
     where (n - 1) % ${q.batchSize} = 0 and n > 1 order by id`.execute(db);
  const starts = [ZERO_UUID, ...bounds.rows.map((r) => r.id)];
  const created = await sql`
    insert into collection_runs (tenant_id, run_date, batches, created_by) values (${q.tenantId}, ${q.today}::date, ${starts.length}, ${q.actor})
    on conflict do nothing returning run_date`.execute(db);
  if (created.rows.length === 0) return false;
  await sql`
    insert into collection_run_batches (tenant_id, run_date, batch_no, from_id, to_id)
    select ${q.tenantId}, ${q.today}::date, n::int, b.from_id, lead(b.from_id) over (order by n)
      from unnest(${starts}::uuid[]) with ordinality as b(from_id, n)`.execute(db);
  return true;
}

/** The next batch nobody holds, locked for the caller's transaction; undefined when all are done or held. */
export async function claimBatch(db: Db, q: { tenantId: string; today: string }): Promise<RunBatch | undefined> {
  const result = await sql<RunBatch>`
    select batch_no, from_id, to_id from collection_run_batches
     where tenant_id = ${q.tenantId} and run_date = ${q.today}::date and done_at is null
     order by batch_no limit 1 for update skip locked`.execute(db);
  return result.rows[0];
}

export const finishBatch = (db: Db, q: { tenantId: string; today: string; batchNo: number; worker: string; summary: unknown }) =>
  sql`update collection_run_batches set done_at = now(), done_by = ${q.worker}, summary = ${JSON.stringify(q.summary)}::jsonb
       where tenant_id = ${q.tenantId} and run_date = ${q.today}::date and batch_no = ${q.batchNo}`.execute(db);

export async function pendingBatches(db: Db, q: { tenantId: string; today: string }): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from collection_run_batches where tenant_id = ${q.tenantId} and run_date = ${q.today}::date and done_at is null`.execute(db);
  return result.rows[0]!.n;
}
