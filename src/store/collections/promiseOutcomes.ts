import { sql } from "kysely";
import type { Db } from "../schema.js";
import { inRange, type CustomerRange } from "./accounts.js";

export interface PromiseOutcome {
  id: string;
  customer_id: string;
  currency: string;
  status: "kept" | "broken";
  amount: string;
  due_on: string;
  paid: string;
}

/**
 * Settles open promises on `today`: kept as soon as the customer's payments in the promise's
 * currency since it was made reach the promised amount; broken once its date plus grace has passed
 * without that.
 */
export async function settlePromises(db: Db, tenantId: string, today: string, customers?: CustomerRange): Promise<PromiseOutcome[]> {
  const result = await sql<PromiseOutcome>`
    with paid as (
      select p.id, coalesce(sum(pm.amount), 0) as paid
        from promises p
        left join payments pm on pm.tenant_id = p.tenant_id and pm.customer_id = p.customer_id and pm.currency = p.currency
                             and pm.received_on >= p.made_on and pm.received_on <= least(${today}::date, p.due_on + p.grace_days)
       where p.tenant_id = ${tenantId} and p.status = 'open' and p.made_on <= ${today}::date ${inRange(customers, "p.customer_id")}
       group by p.id
    )
    update promises p
       set status = case when paid.paid >= p.amount then 'kept' else 'broken' end, resolved_on = ${today}::date
      from paid
     where p.tenant_id = ${tenantId} and p.id = paid.id
       and (paid.paid >= p.amount or ${today}::date > p.due_on + p.grace_days)
    returning p.id, p.customer_id, p.currency, p.status, p.amount::text as amount, p.due_on::text as due_on, paid.paid::text as paid`.execute(db);
  return result.rows;
}
