import { fail } from "../../domain/errors.js";
import { parseCurrency } from "../../domain/money/currency.js";
import * as store from "../../store/tenants.js";
import type { AppDeps } from "../deps.js";
import { tenantView, type TenantView } from "./tenantView.js";

export interface CreateTenantCommand {
  slug: string;
  name: string;
  baseCurrency: string;
  country: string;
  timezone: string;
  language?: string;
}

export async function createTenant(deps: AppDeps, cmd: CreateTenantCommand): Promise<TenantView> {
  const currency = parseCurrency(cmd.baseCurrency);
  if (!currency.ok) throw fail(currency.error.code, currency.error.message, { path: "baseCurrency" });
  if (!isTimeZone(cmd.timezone)) fail("VALIDATION_FAILED", `"${cmd.timezone}" is not an IANA time zone`, { path: "timezone" });
  return deps.db.transaction().execute(async (tx) => {
    if (await store.findTenantBySlug(tx, cmd.slug)) fail("TENANT_EXISTS", `a tenant "${cmd.slug}" already exists`, { path: "slug" });
    const row = {
      tenant_id: deps.newId(),
      slug: cmd.slug,
      name: cmd.name,
      base_currency: currency.value,
      country: cmd.country.toUpperCase(),
      timezone: cmd.timezone,
      language: cmd.language ?? "en",
    };
    await store.insertTenant(tx, row);
    return tenantView((await store.findTenantById(tx, row.tenant_id))!);
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
