import { businessCalendar, type BusinessCalendar } from "../../domain/dates/businessCalendar.js";
import { isoDate } from "../../domain/dates/plainDate.js";
import { Failure } from "../../domain/errors.js";
import { listClosingDays } from "../../store/tenants.js";
import type { Db } from "../../store/schema.js";
import type { TenantView } from "./tenantView.js";

/** The tenant's business days: its country's public holidays plus its own closing days. */
export async function tenantCalendar(db: Db, tenant: TenantView): Promise<BusinessCalendar> {
  const closingDays = (await listClosingDays(db, tenant.id)).map(isoDate);
  const calendar = businessCalendar({ country: tenant.country, closingDays });
  if (!calendar.ok) throw new Failure(calendar.error);
  return calendar.value;
}
