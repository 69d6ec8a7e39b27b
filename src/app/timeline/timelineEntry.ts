import type { TimelineRow } from "../../store/timeline.js";

/** One line of a customer's timeline. Messages keep their full rendered content in `details`: the record of what was sent. */
export interface TimelineEntry {
  id: string;
  occurredOn: string;
  at: string;
  kind: string;
  actor: string;
  summary: string;
  invoiceIds: string[];
  refId: string | null;
  details: unknown;
}

export const timelineEntry = (row: TimelineRow): TimelineEntry => ({
  id: row.id,
  occurredOn: row.occurred_on,
  at: row.at_key,
  kind: row.kind,
  actor: row.actor,
  summary: row.summary,
  invoiceIds: row.invoice_ids,
  refId: row.ref_id,
  details: row.details,
});
