import type { ContactRow, Db } from "./schema.js";

export type NewContact = Omit<ContactRow, "created_at" | "updated_at">;

export const insertContact = (db: Db, c: NewContact) => db.insertInto("contacts").values(c).execute();

export const listContacts = (db: Db, tenantId: string, customerId: string): Promise<ContactRow[]> =>
  db.selectFrom("contacts").selectAll().where("tenant_id", "=", tenantId).where("customer_id", "=", customerId).orderBy("is_primary", "desc").orderBy("created_at").execute();

export const clearPrimaryContact = (db: Db, tenantId: string, customerId: string) =>
  db.updateTable("contacts").set({ is_primary: false }).where("tenant_id", "=", tenantId).where("customer_id", "=", customerId).execute();
