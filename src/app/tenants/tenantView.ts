import type { TenantRow } from "../../store/schema.js";

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  baseCurrency: string;
  country: string;
  timezone: string;
  language: string;
  agingBuckets: number[];
}

export const tenantView = (t: TenantRow): TenantView => ({
  id: t.tenant_id,
  slug: t.slug,
  name: t.name,
  baseCurrency: t.base_currency,
  country: t.country,
  timezone: t.timezone,
  language: t.language,
  agingBuckets: t.aging_buckets,
});
