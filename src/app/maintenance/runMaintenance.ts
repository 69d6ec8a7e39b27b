import { purgeIdempotencyKeys } from "../../store/idempotency.js";
import { vacuumAnalyze } from "../../store/health.js";
import { listTenants } from "../../store/tenants.js";
import { IDEMPOTENCY_RETENTION_SECONDS } from "../access/idempotency.js";
import type { AppDeps } from "../deps.js";

/**
 * Housekeeping that no request does: forget expired idempotency keys (per tenant, so it scales out
 * with the tenants) and, on the embedded engine, vacuum and analyze since PGlite has no autovacuum.
 */
export async function runMaintenance(deps: AppDeps): Promise<{ idempotencyKeysPurged: number; vacuumed: boolean }> {
  let purged = 0;
  for (const tenant of await listTenants(deps.db)) purged += await purgeIdempotencyKeys(deps.db, tenant.tenant_id, IDEMPOTENCY_RETENTION_SECONDS);
  const vacuum = deps.engine === "pglite";
  if (vacuum) await vacuumAnalyze(deps.db);
  return { idempotencyKeysPurged: purged, vacuumed: vacuum };
}
