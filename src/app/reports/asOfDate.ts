import { todayIn } from "../../domain/dates/clock.js";
import type { AppDeps } from "../deps.js";
import type { TenantView } from "../tenants/tenantView.js";

/** Reports default to today in the tenant's time zone. */
export const asOfOrToday = (deps: AppDeps, tenant: TenantView, asOf: string | undefined): string => asOf ?? todayIn(deps.clock, tenant.timezone).toString();
