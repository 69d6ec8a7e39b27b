import { sql } from "kysely";
import type { AppDeps } from "../deps.js";
import { listTenants } from "../tenants/findTenant.js";
import { runCollections, type RunSummary } from "./runCollections.js";

/**
 * The scheduler's tick: every tenant whose local time has passed its run time (tenant settings,
 * default 06:00) and whose day has no run yet gets its run now. A server that was down at 06:00
 * catches up on its next tick; the run itself catches up on the steps missed meanwhile.
 */
export async function runDueTenants(deps: AppDeps): Promise<{ tenant: string; summary: RunSummary }[]> {
  const done: { tenant: string; summary: RunSummary }[] = [];
  for (const tenant of await listTenants(deps)) {
    const local = deps.clock.now().toZonedDateTimeISO(tenant.timezone);
    const today = local.toPlainDate().toString();
    const due = await sql<{ due: boolean }>`
      select coalesce((select run_at from tenant_settings where tenant_id = ${tenant.id}), '06:00'::time) <= ${local.toPlainTime().toString()}::time
             and not exists (select 1 from collection_runs where tenant_id = ${tenant.id} and run_date = ${today}::date) as due`.execute(deps.db);
    if (!due.rows[0]?.due) continue;
    done.push({ tenant: tenant.slug, summary: await runCollections(deps, { tenantId: tenant.id, role: "admin", name: "scheduler" }, { asOf: today, worker: "scheduler" }) });
  }
  return done;
}
