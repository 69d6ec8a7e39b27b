import type { Db, PaymentRow } from "./schema.js";
import { toPage, type Page } from "./pagination.js";

export type NewPayment = Omit<PaymentRow, "created_at">;

export const insertPayment = (db: Db, p: NewPayment) => db.insertInto("payments").values(p).execute();

export const findPayment = (db: Db, tenantId: string, id: string): Promise<PaymentRow | undefined> =>
  db.selectFrom("payments").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();

export const findPaymentByExternalId = (db: Db, tenantId: string, externalId: string): Promise<PaymentRow | undefined> =>
  db.selectFrom("payments").selectAll().where("tenant_id", "=", tenantId).where("external_id", "=", externalId).executeTakeFirst();

export async function listPayments(db: Db, q: { tenantId: string; limit: number; after?: string[] | undefined; customerId?: string | undefined; unappliedOnly?: boolean }): Promise<Page<PaymentRow>> {
  let query = db.selectFrom("payments").selectAll().where("tenant_id", "=", q.tenantId);
  if (q.customerId) query = query.where("customer_id", "=", q.customerId);
  if (q.unappliedOnly) query = query.where("unapplied_amount", ">", 0n);
  if (q.after) {
    const [on, id] = q.after as [string, string];
    query = query.where((eb) => eb.or([eb("received_on", ">", on), eb.and([eb("received_on", "=", on), eb("id", ">", id)])]));
  }
  const rows = await query.orderBy("received_on").orderBy("id").limit(q.limit + 1).execute();
  return toPage(rows, q.limit, (r) => [r.received_on, r.id]);
}

/** Cash received from an unknown payer belongs to a customer once it is applied to one of its invoices. */
export const assignCustomer = (db: Db, tenantId: string, paymentId: string, customerId: string) =>
  db.updateTable("payments").set({ customer_id: customerId }).where("tenant_id", "=", tenantId).where("id", "=", paymentId).where("customer_id", "is", null).execute();
