import type { Insertable } from "kysely";
import type { Db, TenantRow, TenantsTable } from "./schema.js";

export type NewTenant = Insertable<TenantsTable>;

export const insertTenant = (db: Db, t: NewTenant) => db.insertInto("tenants").values(t).execute();

export const findTenantBySlug = (db: Db, slug: string): Promise<TenantRow | undefined> =>
  db.selectFrom("tenants").selectAll().where("slug", "=", slug).executeTakeFirst();

export const findTenantById = (db: Db, tenantId: string): Promise<TenantRow | undefined> =>
  db.selectFrom("tenants").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst();

export const listTenants = (db: Db): Promise<TenantRow[]> => db.selectFrom("tenants").selectAll().orderBy("slug").execute();

export const listClosingDays = async (db: Db, tenantId: string): Promise<string[]> =>
  (await db.selectFrom("tenant_closing_days").select("day").where("tenant_id", "=", tenantId).orderBy("day").execute()).map((r) => r.day);
