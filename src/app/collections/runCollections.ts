import { setTimeout as sleep } from "node:timers/promises";
import { claimBatch, finishBatch, pendingBatches, planRun } from "../../store/collections/runBatches.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { asOfOrToday } from "../reports/asOfDate.js";
import { getTenantById } from "../tenants/findTenant.js";
import { decideBatch } from "./decideBatch.js";
import { mergeSummaries, type RunSummary } from "./runSummary.js";

export type { RunSummary } from "./runSummary.js";

export interface RunOptions {
  /** The day to run for; default today in the tenant's time zone. */
  readonly asOf?: string;
  /** Decide and report, write nothing. */
  readonly dryRun?: boolean;
  /** Names this process in the batches it completes (workers sharing a run). */
  readonly worker?: string;
  /** Customers per batch when this call plans the day's run; default: one batch, or 2,000 for workers. */
  readonly batchSize?: number;
  /** Holds each batch's transaction open this long before committing: lets tests kill a worker mid-batch. */
  readonly holdBatchMs?: number;
}

// Workers split the day to share it; a lone process does it in one batch, reading the open items once.
const WORKER_BATCH_SIZE = 2_000;
const WHOLE_TENANT = 1_000_000_000;
const POLL_MS = 200;

class DryRunRollback extends Error {
  constructor(readonly summary: RunSummary) {
    super("dry run");
  }
}

/**
 * The daily collections run of one tenant. The day is planned once as batches of customers; this
 * process (and any worker sharing the run) claims batches with SKIP LOCKED and decides each one in a
 * single transaction, so a batch is done exactly once even when a worker dies mid-way. It returns
 * when every batch of the day is done; running it again the same day does nothing new.
 */
export async function runCollections(deps: AppDeps, actor: Actor, options: RunOptions = {}): Promise<RunSummary> {
  const tenant = await getTenantById(deps, actor.tenantId);
  const today = asOfOrToday(deps, tenant, options.asOf);
  if (options.dryRun) return dryRun(deps, actor, today);

  const worker = options.worker ?? actor.name;
  const q = { tenantId: tenant.id, today };
  await deps.db.transaction().execute(async (tx) => {
    if (await planRun(tx, { ...q, batchSize: options.batchSize ?? (options.worker ? WORKER_BATCH_SIZE : WHOLE_TENANT), actor: actor.name })) await audit(tx, deps, actor, "collections.run", "tenant", tenant.id, { date: today });
  });
  const parts: RunSummary[] = [];
  for (;;) {
    const part = await deps.db.transaction().execute(async (tx) => {
      const batch = await claimBatch(tx, q);
      if (!batch) return undefined;
      const summary = await decideBatch(tx, deps, actor, tenant, today, { from: batch.from_id, to: batch.to_id });
      if (options.holdBatchMs) await sleep(options.holdBatchMs);
      await finishBatch(tx, { ...q, batchNo: batch.batch_no, worker, summary: { ...summary, actionIds: undefined } });
      return summary;
    });
    if (part) parts.push(part);
    else if ((await pendingBatches(deps.db, q)) === 0) break;
    // Another worker holds the remaining batches; if it dies its transaction rolls back and the batch frees up.
    else await sleep(POLL_MS);
  }
  return mergeSummaries(today, parts);
}

async function dryRun(deps: AppDeps, actor: Actor, today: string): Promise<RunSummary> {
  const tenant = await getTenantById(deps, actor.tenantId);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      throw new DryRunRollback({ ...(await decideBatch(tx, deps, actor, tenant, today)), dryRun: true });
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}
