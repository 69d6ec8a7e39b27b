import { sql } from "kysely";
import type { Db } from "../schema.js";
import { inRange, type CustomerRange } from "./accounts.js";

export interface PlanOutcome {
  id: string;
  customer_id: string;
  currency: string;
  status: "completed" | "defaulted";
  grace_days: number;
  /** The plan's total and the payments counted towards it by today (minor units). */
  total: string;
  paid: string;
  /** Defaulted: the first installment missed, what was due up to it and what had arrived by its date plus grace. */
  missed_seq: number | null;
  missed_due_on: string | null;
  due_so_far: string | null;
  paid_by: string | null;
}

/**
 * Settles active payment plans on `today`. Every payment of the customer in the plan's currency from
 * the plan's start counts towards it. A plan is completed once those payments reach its total, or
 * once nothing is left open in that currency (credited, written off). Otherwise it defaults when an
 * installment's date plus grace has passed and the payments received by then fall short of all
 * installments due up to it (cumulatively: paying ahead covers later installments).
 */
export async function settlePlans(db: Db, tenantId: string, today: string, customers?: CustomerRange): Promise<PlanOutcome[]> {
  const result = await sql<PlanOutcome>`
    with plan as (
      select p.id, p.customer_id, p.currency, p.started_on, p.grace_days
        from payment_plans p
       where p.tenant_id = ${tenantId} and p.status = 'active' and p.started_on <= ${today}::date ${inRange(customers, "p.customer_id")}
    ),
    schedule as (
      select i.plan_id, i.seq, i.due_on, sum(i.amount) over (partition by i.plan_id order by i.seq) as due_so_far
        from payment_plan_installments i join plan on plan.id = i.plan_id
       where i.tenant_id = ${tenantId}
    ),
    checked as (
      select s.plan_id, s.seq, s.due_on, s.due_so_far, coalesce(sum(pm.amount), 0) as paid_by
        from schedule s
        join plan on plan.id = s.plan_id
        left join payments pm on pm.tenant_id = ${tenantId} and pm.customer_id = plan.customer_id and pm.currency = plan.currency
                             and pm.received_on >= plan.started_on and pm.received_on <= s.due_on + plan.grace_days
       where s.due_on + plan.grace_days < ${today}::date
       group by s.plan_id, s.seq, s.due_on, s.due_so_far
    ),
    missed as (
      select distinct on (plan_id) plan_id, seq, due_on, due_so_far, paid_by from checked where paid_by < due_so_far order by plan_id, seq
    ),
    standing as (
      select plan.id,
             (select sum(i.amount) from payment_plan_installments i where i.tenant_id = ${tenantId} and i.plan_id = plan.id) as total,
             (select coalesce(sum(pm.amount), 0) from payments pm
               where pm.tenant_id = ${tenantId} and pm.customer_id = plan.customer_id and pm.currency = plan.currency
                 and pm.received_on >= plan.started_on and pm.received_on <= ${today}::date) as paid,
             exists (select 1 from invoices iv
                      where iv.tenant_id = ${tenantId} and iv.customer_id = plan.customer_id and iv.currency = plan.currency
                        and iv.open_amount > 0 and iv.issue_date <= ${today}::date) as owing
        from plan
    ),
    outcome as (
      -- Money that arrived wins: a plan paid in full (or with nothing left open) is completed even if an installment came late.
      select st.id, st.total, st.paid, m.seq as missed_seq, m.due_on as missed_due_on, m.due_so_far, m.paid_by,
             case when st.paid >= st.total or not st.owing then 'completed' when m.plan_id is not null then 'defaulted' end as status
        from standing st left join missed m on m.plan_id = st.id
    )
    update payment_plans p
       set status = o.status, ended_on = ${today}::date
      from outcome o
     where p.tenant_id = ${tenantId} and p.id = o.id and o.status is not null
    returning p.id, p.customer_id, p.currency, p.status, p.grace_days, o.total::text as total, o.paid::text as paid,
              o.missed_seq, o.missed_due_on::text as missed_due_on, o.due_so_far::text as due_so_far, o.paid_by::text as paid_by`.execute(db);
  return result.rows;
}
