import type { AppDeps } from "../app/deps.js";
import { runMaintenance } from "../app/maintenance/runMaintenance.js";

const HOUR_MS = 3_600_000;

/** Runs maintenance hourly inside `dunwell serve`; returns a stop function. A failed run is logged and retried next hour. */
/** Any pino-shaped logger (Fastify's included). */
interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export function scheduleMaintenance(deps: AppDeps, log: Log, everyMs = HOUR_MS): () => void {
  const timer = setInterval(() => {
    runMaintenance(deps).then(
      (result) => log.info({ maintenance: result }, "maintenance done"),
      (error: unknown) => log.error({ err: error }, "maintenance failed"),
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
