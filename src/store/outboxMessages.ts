import { sql } from "kysely";
import type { OutboxStatus } from "./collectionsSchema.js";
import type { Db } from "./schema.js";

/** What a reminder says and to whom: its action, customer, contact and collector, as decided by the run. */
export interface ReminderFactsRow {
  action_id: string;
  run_date: string;
  step_id: string;
  step_index: number;
  cycle: number;
  channel: string;
  invoice_ids: string[];
  customer_id: string;
  currency: string;
  overdue_amount: bigint;
  customer_name: string;
  customer_number: string;
  customer_language: string | null;
  address_lines: string[];
  customer_do_not_dun: boolean;
  contact_id: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  contact_language: string | null;
  collector_name: string | null;
}

/** The actions of a tenant's claimed reminders, in one query. */
export async function reminderFacts(db: Db, tenantId: string, actionIds: readonly string[]): Promise<ReminderFactsRow[]> {
  if (actionIds.length === 0) return [];
  const result = await sql<ReminderFactsRow>`
    select a.id as action_id, a.run_date, a.step_id, a.step_index, a.cycle, a.channel, a.invoice_ids, a.customer_id, a.currency, a.overdue_amount,
           c.legal_name as customer_name, c.external_id as customer_number, c.language as customer_language, c.address_lines,
           c.do_not_dun as customer_do_not_dun,
           ct.id as contact_id, ct.name as contact_name, ct.email as contact_email, ct.phone as contact_phone, ct.language as contact_language,
           u.name as collector_name
      from dunning_actions a
      join customers c on c.tenant_id = a.tenant_id and c.id = a.customer_id
      left join contacts ct on ct.tenant_id = a.tenant_id and ct.id = a.contact_id
      left join users u on u.tenant_id = c.tenant_id and u.id = c.collector_id and u.disabled_at is null
     where a.tenant_id = ${tenantId} and a.id = any(${actionIds}::uuid[])`.execute(db);
  return result.rows;
}

/**
 * An open invoice as it stands now (after any payment since the run decided). An invoice with
 * installments counts with its whole open amount: one line per invoice, whichever installments are due.
 */
export interface OpenItemRow {
  invoice_id: string;
  customer_id: string;
  currency: string;
  number: string;
  issue_date: string;
  due_date: string;
  amount: bigint;
  tax_amount: bigint;
  terms: string | null;
  open: bigint;
  disputed: boolean;
  do_not_dun: boolean;
}

/** Every open invoice of the given customer-and-currency accounts, in one query. */
export async function openItemsOfAccounts(db: Db, tenantId: string, accounts: readonly { customerId: string; currency: string }[]): Promise<OpenItemRow[]> {
  if (accounts.length === 0) return [];
  const result = await sql<OpenItemRow>`
    select i.id as invoice_id, i.customer_id, i.currency, i.number, i.issue_date, i.due_date, i.amount, i.tax_amount, i.terms,
           i.open_amount as open, i.do_not_dun,
           exists (select 1 from disputes d where d.tenant_id = i.tenant_id and d.invoice_id = i.id and d.status = 'open') as disputed
      from invoices i
      join unnest(${accounts.map((a) => a.customerId)}::uuid[], ${accounts.map((a) => a.currency)}::text[]) as acc(customer_id, currency)
        on i.customer_id = acc.customer_id and i.currency = acc.currency
     where i.tenant_id = ${tenantId} and i.open_amount > 0
     order by i.customer_id, i.currency, i.due_date, i.number`.execute(db);
  return result.rows;
}

/** How a claimed message ends this attempt. `retryInSeconds` only for "pending" (a retry). */
export interface Settlement {
  id: string;
  /** The attempt number of the claim: with the worker, the token that proves the claim is still ours. */
  attempts: number;
  status: Exclude<OutboxStatus, "sending">;
  error: string | null;
  providerMessageId: string | null;
  retryInSeconds: number | null;
}

/**
 * Settles claimed messages in one statement and returns the ids it settled. A claim whose lease ran
 * out and was taken by another dispatcher (or by this one again) is no longer ours and is left alone,
 * so each message is settled, and recorded on the timeline, once.
 */
export async function settleClaims(db: Db, tenantId: string, worker: string, settlements: readonly Settlement[]): Promise<Set<string>> {
  if (settlements.length === 0) return new Set();
  const col = <T>(f: (s: Settlement) => T) => settlements.map(f);
  const result = await sql<{ id: string }>`
    update outbox o set
      status = s.status,
      last_error = s.error,
      provider_message_id = coalesce(s.provider_message_id, o.provider_message_id),
      sent_at = case when s.status = 'sent' then now() else o.sent_at end,
      next_attempt_at = case when s.status = 'pending' then now() + make_interval(secs => s.retry_in) else o.next_attempt_at end
      from unnest(${col((s) => s.id)}::uuid[], ${col((s) => s.attempts)}::int[], ${col((s) => s.status)}::text[], ${col((s) => s.error)}::text[],
                  ${col((s) => s.providerMessageId)}::text[], ${col((s) => s.retryInSeconds)}::float8[])
        as s(id, attempts, status, error, provider_message_id, retry_in)
     where o.tenant_id = ${tenantId} and o.id = s.id and o.status = 'sending' and o.claimed_by = ${worker} and o.attempts = s.attempts
    returning o.id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}
