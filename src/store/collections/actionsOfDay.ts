import { sql } from "kysely";
import type { Db } from "../schema.js";

export interface DayActionRow {
  id: string;
  customer_id: string;
  customer_ref: string;
  currency: string;
  cycle: number;
  step_id: string;
  step_index: number;
  channel: string;
  status: "performed" | "skipped";
  skip_reason: string | null;
  overdue_amount: string;
  invoices: string[];
}

/** The actions recorded on one day (or a date range), with the customers' external ids and invoice numbers. */
export async function actionsBetween(db: Db, q: { tenantId: string; from: string; to: string }): Promise<(DayActionRow & { run_date: string })[]> {
  const result = await sql<DayActionRow & { run_date: string }>`
    select a.id, a.customer_id, c.external_id as customer_ref, a.currency, a.cycle, a.step_id, a.step_index, a.channel, a.status, a.skip_reason,
           a.overdue_amount::text as overdue_amount, a.run_date::text as run_date,
           array(select i.number from unnest(a.invoice_ids) with ordinality as u(id, n)
                   join invoices i on i.tenant_id = a.tenant_id and i.id = u.id order by u.n) as invoices
      from dunning_actions a
      join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
     where a.tenant_id = ${q.tenantId} and a.run_date between ${q.from}::date and ${q.to}::date
     order by a.run_date, c.external_id, a.currency, a.step_index`.execute(db);
  return result.rows;
}
