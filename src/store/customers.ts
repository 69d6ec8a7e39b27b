import { sql } from "kysely";
import type { CustomerRow, Db } from "./schema.js";
import { toPage, type Page } from "./pagination.js";

/** Collections settings of a customer; optional on insert (the columns have defaults). */
type CollectionsFields = "policy_key" | "collector_id" | "address_lines" | "credit_hold" | "handed_off_on";
export type NewCustomer = Omit<CustomerRow, "created_at" | "updated_at" | "tags" | "do_not_dun" | CollectionsFields> & { tags: string[]; do_not_dun: boolean } & Partial<Pick<CustomerRow, CollectionsFields>>;

export const insertCustomer = (db: Db, c: NewCustomer) => db.insertInto("customers").values(c).execute();

export const updateCustomer = (db: Db, tenantId: string, id: string, patch: Partial<Omit<NewCustomer, "tenant_id" | "id">>) =>
  db.updateTable("customers").set({ ...patch, updated_at: sql`now()` }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();

export const findCustomer = (db: Db, tenantId: string, id: string): Promise<CustomerRow | undefined> =>
  db.selectFrom("customers").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();

export const findCustomerByExternalId = (db: Db, tenantId: string, externalId: string): Promise<CustomerRow | undefined> =>
  db.selectFrom("customers").selectAll().where("tenant_id", "=", tenantId).where("external_id", "=", externalId).executeTakeFirst();

export interface CustomerQuery {
  tenantId: string;
  limit: number;
  after?: string[] | undefined;
  search?: string | undefined;
  segment?: string | undefined;
}

export async function listCustomers(db: Db, q: CustomerQuery): Promise<Page<CustomerRow>> {
  let query = db.selectFrom("customers").selectAll().where("tenant_id", "=", q.tenantId);
  if (q.search) query = query.where((eb) => eb.or([eb("legal_name", "ilike", `%${q.search}%`), eb("external_id", "=", q.search!)]));
  if (q.segment) query = query.where("segment", "=", q.segment);
  if (q.after) query = query.where("external_id", ">", q.after[0]!);
  const rows = await query.orderBy("external_id").limit(q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.external_id]);
}
