import { fail } from "../../domain/errors.js";
import * as store from "../../store/tenants.js";
import type { AppDeps } from "../deps.js";
import { tenantView, type TenantView } from "./tenantView.js";

/** The tenant named by slug, or the only tenant when none is named (single-company installs). */
export async function findTenant(deps: AppDeps, slug?: string): Promise<TenantView> {
  if (slug) {
    const row = await store.findTenantBySlug(deps.db, slug);
    return row ? tenantView(row) : fail("TENANT_NOT_FOUND", `no tenant "${slug}"`);
  }
  const all = await store.listTenants(deps.db);
  if (all.length === 1) return tenantView(all[0]!);
  return all.length === 0
    ? fail("TENANT_NOT_FOUND", "no tenant yet: run `dunwell tenant create` or `dunwell demo`")
    : fail("TENANT_AMBIGUOUS", `several tenants exist (${all.map((t) => t.slug).join(", ")}): pass --tenant SLUG`);
}

export async function getTenantById(deps: AppDeps, tenantId: string): Promise<TenantView> {
  const row = await store.findTenantById(deps.db, tenantId);
  return row ? tenantView(row) : fail("TENANT_NOT_FOUND", "tenant not found");
}

export async function listTenants(deps: AppDeps): Promise<TenantView[]> {
  return (await store.listTenants(deps.db)).map(tenantView);
}
