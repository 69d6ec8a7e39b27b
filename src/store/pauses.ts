import type { Insertable, Selectable } from "kysely";
import type { DisputesTable, DunningHoldsTable, PromisesTable } from "./collectionsSchema.js";
import type { Db } from "./schema.js";

export type DisputeRow = Selectable<DisputesTable>;
export type PromiseRow = Selectable<PromisesTable>;
export type HoldRow = Selectable<DunningHoldsTable>;

export const insertDispute = (db: Db, row: Insertable<DisputesTable>) => db.insertInto("disputes").values(row).execute();
export const findDispute = (db: Db, tenantId: string, id: string): Promise<DisputeRow | undefined> =>
  db.selectFrom("disputes").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
export const findOpenDispute = (db: Db, tenantId: string, invoiceId: string): Promise<DisputeRow | undefined> =>
  db.selectFrom("disputes").selectAll().where("tenant_id", "=", tenantId).where("invoice_id", "=", invoiceId).where("status", "=", "open").executeTakeFirst();
export const resolveDispute = (db: Db, tenantId: string, id: string, patch: { status: "upheld" | "rejected"; resolved_on: string; resolution_note: string | null }) =>
  db.updateTable("disputes").set(patch).where("tenant_id", "=", tenantId).where("id", "=", id).where("status", "=", "open").execute();
export const insertPromise = (db: Db, row: Insertable<PromisesTable>) => db.insertInto("promises").values(row).execute();
export const findPromise = (db: Db, tenantId: string, id: string): Promise<PromiseRow | undefined> =>
  db.selectFrom("promises").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
/** A new promise replaces the customer's open one in that currency. */
export const cancelOpenPromises = (db: Db, tenantId: string, customerId: string, currency: string, on: string) =>
  db.updateTable("promises").set({ status: "cancelled", resolved_on: on }).where("tenant_id", "=", tenantId).where("customer_id", "=", customerId).where("currency", "=", currency).where("status", "=", "open").execute();

export const insertHold = (db: Db, row: Insertable<DunningHoldsTable>) => db.insertInto("dunning_holds").values(row).execute();
export const findHold = (db: Db, tenantId: string, id: string): Promise<HoldRow | undefined> =>
  db.selectFrom("dunning_holds").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
export const releaseHold = (db: Db, tenantId: string, id: string, on: string) =>
  db.updateTable("dunning_holds").set({ released_on: on }).where("tenant_id", "=", tenantId).where("id", "=", id).where("released_on", "is", null).execute();

/** Unreleased holds placed on a customer (by its external id) or on its invoices. */
export const activeHolds = (db: Db, tenantId: string, customerExternalId: string): Promise<HoldRow[]> =>
  db
    .selectFrom("dunning_holds as h")
    .innerJoin("customers as c", (j) => j.onRef("c.tenant_id", "=", "h.tenant_id").onRef("c.id", "=", "h.customer_id"))
    .selectAll("h")
    .where("h.tenant_id", "=", tenantId)
    .where("c.external_id", "=", customerExternalId)
    .where("h.released_on", "is", null)
    .execute();
