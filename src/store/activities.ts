import type { Kysely } from "kysely";
import { copyField, copyInto, copyTextArray } from "./engine/copy.js";
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

const COLUMNS = ["tenant_id", "id", "customer_id", "occurred_on", "kind", "actor", "summary", "invoice_ids", "ref_id", "details"];

/** Timeline entries by COPY: a run writes one per action, thousands on a busy day. */
export async function insertActivities(db: Db, tenantId: string, activities: readonly NewActivity[]): Promise<void> {
  if (activities.length === 0) return;
  const lines = activities.map((a) =>
    [
      copyField(tenantId),
      copyField(a.id),
      copyField(a.customerId),
      copyField(a.occurredOn),
      copyField(a.kind),
      copyField(a.actor),
      copyField(a.summary),
      copyTextArray(a.invoiceIds ?? []),
      copyField(a.refId ?? null),
      copyField(a.details === undefined ? null : JSON.stringify(a.details)),
    ].join("\t"),
  );
  await copyInto(db as unknown as Kysely<unknown>, "activities", COLUMNS, lines.join("\n") + "\n");
}
