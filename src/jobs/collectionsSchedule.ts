import { Cron } from "croner";
import { runDueTenants } from "../app/collections/runDueTenants.js";
import type { AppDeps } from "../app/deps.js";

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Runs each tenant's daily collections inside `dunwell serve`: every five minutes, tenants whose
 * local run time has passed and whose day has not run yet are run. Returns a stop function.
 */
export function scheduleCollections(deps: AppDeps, log: Log, pattern = "*/5 * * * *"): () => void {
  const job = new Cron(pattern, { protect: true, unref: true }, async () => {
    try {
      for (const { tenant, summary } of await runDueTenants(deps)) log.info({ tenant, run: { ...summary, actionIds: summary.actionIds.length } }, "collections run done");
    } catch (error) {
      log.error({ err: error }, "collections run failed; retried at the next tick");
    }
  });
  void job.trigger();
  return () => job.stop();
}
