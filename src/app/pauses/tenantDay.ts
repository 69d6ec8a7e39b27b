import { todayIn } from "../../domain/dates/clock.js";
import type { AppDeps } from "../deps.js";
import { getTenantById } from "../tenants/findTenant.js";

/** `date` when given (back-dated entries, scenario replays), else today in the tenant's time zone. */
export async function tenantDay(deps: AppDeps, tenantId: string, date: string | undefined): Promise<string> {
  if (date) return date;
  const tenant = await getTenantById(deps, tenantId);
  return todayIn(deps.clock, tenant.timezone).toString();
}
