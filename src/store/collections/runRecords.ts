import { sql, type Kysely } from "kysely";
import { copyField, copyInto } from "../engine/copy.js";
import type { SkipReason } from "../collectionsSchema.js";
import type { Db } from "../schema.js";
import { chaseableItems } from "./chaseableItems.js";

/** One recorded step of the daily run. Amounts are minor units. */
export interface ActionRecord {
  id: string;
  customerId: string;
  currency: string;
  cycle: number;
  policyId: string;
  stepId: string;
  stepIndex: number;
  channel: string;
  status: "performed" | "skipped";
  skipReason: SkipReason | null;
  amount: bigint;
  /** Items due up to this day are listed on the action; null for skipped steps. */
  itemsDueBy: string | null;
}

/**
 * Writes the run's actions in one statement. The items of each performed action and the contact it
 * goes to are chosen here, in SQL: the contact whose preferred channel matches, then accounts
 * payable or billing, then the primary contact.
 */
export async function insertActions(db: Db, q: { tenantId: string; today: string; actor: string }, all: readonly ActionRecord[]): Promise<void> {
  await copySkipped(db, q, all.filter((a) => a.status === "skipped"));
  const actions = all.filter((a) => a.status === "performed");
  if (actions.length === 0) return;
  const col = <T>(f: (a: ActionRecord) => T) => actions.map(f);
  await sql`
    with a as (
      select * from unnest(${col((a) => a.id)}::uuid[], ${col((a) => a.customerId)}::uuid[], ${col((a) => a.currency)}::text[], ${col((a) => a.cycle)}::int[],
                           ${col((a) => a.policyId)}::uuid[], ${col((a) => a.stepId)}::text[], ${col((a) => a.stepIndex)}::int[], ${col((a) => a.channel)}::text[],
                           ${col((a) => a.status)}::text[], ${col((a) => a.skipReason)}::text[], ${col((a) => a.amount.toString())}::bigint[], ${col((a) => a.itemsDueBy)}::date[])
        as a(id, customer_id, currency, cycle, policy_id, step_id, step_index, channel, status, skip_reason, amount, items_due_by)
    ),
    -- One pass over the open items for all of today's actions (an invoice with installments counts once).
    listed as (
      select a.id, ci.invoice_id, min(ci.due_date) as due_date
        from a join ${chaseableItems(q.tenantId, q.today)} ci on ci.customer_id = a.customer_id and ci.currency = a.currency and ci.due_date <= a.items_due_by
       where a.items_due_by is not null
       group by a.id, ci.invoice_id
    ),
    items as (select id, array_agg(invoice_id order by due_date, invoice_id) as invoice_ids from listed group by id)
    insert into dunning_actions (tenant_id, id, customer_id, currency, cycle, run_date, policy_id, step_id, step_index, channel, status, skip_reason, overdue_amount, invoice_ids, contact_id, created_by)
    select ${q.tenantId}, a.id, a.customer_id, a.currency, a.cycle, ${q.today}::date, a.policy_id, a.step_id, a.step_index, a.channel, a.status, a.skip_reason, a.amount,
           coalesce(items.invoice_ids, '{}'::uuid[]),
           case when a.status = 'performed' then (
             select ct.id from contacts ct
              where ct.tenant_id = ${q.tenantId} and ct.customer_id = a.customer_id
                and case a.channel when 'email' then ct.email is not null when 'sms' then ct.phone is not null else true end
              order by ct.preferred_channel is not distinct from (case a.channel when 'call' then 'phone' else a.channel end) desc,
                       (ct.roles && array['accounts_payable', 'billing']) desc, ct.is_primary desc, ct.created_at, ct.id
              limit 1) end,
           ${q.actor}
      from a left join items on items.id = a.id`.execute(db);
}

const SKIPPED_COLUMNS = ["tenant_id", "id", "customer_id", "currency", "cycle", "run_date", "policy_id", "step_id", "step_index", "channel", "status", "skip_reason", "overdue_amount", "created_by"];

/** Skipped steps carry no items and no contact: a catch-up after downtime can record tens of thousands, so they go in by COPY. */
async function copySkipped(db: Db, q: { tenantId: string; today: string; actor: string }, skipped: readonly ActionRecord[]): Promise<void> {
  const lines = skipped.map((a) => [q.tenantId, a.id, a.customerId, a.currency, a.cycle, q.today, a.policyId, a.stepId, a.stepIndex, a.channel, a.status, a.skipReason, a.amount, q.actor].map(copyField).join("\t"));
  if (lines.length > 0) await copyInto(db as unknown as Kysely<unknown>, "dunning_actions", SKIPPED_COLUMNS, lines.join("\n") + "\n");
}

export interface StageRecord {
  customerId: string;
  currency: string;
  cycle: number;
  policyId: string | null;
  stepId: string | null;
  stepIndex: number | null;
  stepOffset: number | null;
  /** Set when today's step messaged the customer; null keeps the chase's earlier date (a new cycle starts without one). */
  lastMessageOn: string | null;
}

export async function upsertStages(db: Db, q: { tenantId: string; today: string }, stages: readonly StageRecord[]): Promise<void> {
  if (stages.length === 0) return;
  const col = <T>(f: (s: StageRecord) => T) => stages.map(f);
  await sql`
    insert into dunning_stages as d (tenant_id, customer_id, currency, cycle, policy_id, step_id, step_index, step_offset, since, last_message_on)
    select ${q.tenantId}, s.customer_id, s.currency, s.cycle, s.policy_id, s.step_id, s.step_index, s.step_offset, ${q.today}::date, s.last_message_on
      from unnest(${col((s) => s.customerId)}::uuid[], ${col((s) => s.currency)}::text[], ${col((s) => s.cycle)}::int[], ${col((s) => s.policyId)}::uuid[],
                  ${col((s) => s.stepId)}::text[], ${col((s) => s.stepIndex)}::int[], ${col((s) => s.stepOffset)}::int[], ${col((s) => s.lastMessageOn)}::date[])
        as s(customer_id, currency, cycle, policy_id, step_id, step_index, step_offset, last_message_on)
    on conflict (tenant_id, customer_id, currency) do update set
      cycle = excluded.cycle, policy_id = excluded.policy_id, step_id = excluded.step_id, step_index = excluded.step_index,
      step_offset = excluded.step_offset, since = excluded.since,
      last_message_on = case when excluded.step_id is null or excluded.cycle <> d.cycle then excluded.last_message_on
                             else coalesce(excluded.last_message_on, d.last_message_on) end`.execute(db);
}

/** Performed message actions that reached nobody: no contact with an email (or phone), no postal address for a letter. */
export async function unreachableActions(db: Db, tenantId: string, actionIds: readonly string[]): Promise<{ id: string; customer_id: string; channel: string }[]> {
  if (actionIds.length === 0) return [];
  const result = await sql<{ id: string; customer_id: string; channel: string }>`
    select a.id, a.customer_id, a.channel from dunning_actions a
      join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
     where a.tenant_id = ${tenantId} and a.id = any(${actionIds}::uuid[])
       and case a.channel when 'letter' then cardinality(c.address_lines) = 0 else a.contact_id is null end`.execute(db);
  return result.rows;
}

export async function setCustomerFlags(db: Db, q: { tenantId: string; today: string }, flags: { creditHold: readonly string[]; handedOff: readonly string[] }): Promise<void> {
  if (flags.creditHold.length > 0) {
    await db.updateTable("customers").set({ credit_hold: true }).where("tenant_id", "=", q.tenantId).where("id", "in", flags.creditHold).execute();
  }
  if (flags.handedOff.length > 0) {
    await db.updateTable("customers").set({ handed_off_on: q.today }).where("tenant_id", "=", q.tenantId).where("id", "in", flags.handedOff).where("handed_off_on", "is", null).execute();
  }
}
