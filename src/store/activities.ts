import { insertRows } from "./bulkInsert.js";
import type { Db } from "./schema.js";

export interface NewActivity {
  id: string;
  customerId: string;
  occurredOn: string;
  kind: string;
  actor: string;
  summary: string;
  invoiceIds?: readonly string[];
  refId?: string | null;
  details?: unknown;
}

export const insertActivities = (db: Db, tenantId: string, activities: readonly NewActivity[]) =>
  insertRows(
    db,
    "activities",
    activities.map((a) => ({
      tenant_id: tenantId,
      id: a.id,
      customer_id: a.customerId,
      occurred_on: a.occurredOn,
      kind: a.kind,
      actor: a.actor,
      summary: a.summary,
      invoice_ids: [...(a.invoiceIds ?? [])],
      ref_id: a.refId ?? null,
      details: a.details === undefined ? null : JSON.stringify(a.details),
    })),
  );
