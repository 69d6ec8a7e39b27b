import type { ColumnType, Generated, Selectable } from "kysely";

/** Tables of the collections engine (migration 0005). Dates are "YYYY-MM-DD" strings, as in schema.ts. */
type DateCol = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;
type JsonRequired = ColumnType<unknown, string, string>;

export interface TenantSettingsTable {
  tenant_id: string;
  default_policy: Generated<string>;
  run_at: Generated<string>;
  letter_paper: Generated<"A4" | "LETTER">;
  sender_address: Generated<string[]>;
  smtp: Json;
  sms: Json;
  bank: Json;
  portal_url: string | null;
  updated_at: Generated<Date>;
  /** Migration 0012: how payments spread over costs, interest and principal. */
  allocation_order: Generated<"costs-interest-principal" | "principal-first">;
  /** Migration 0012: fixed compensation per late invoice unless the policy says otherwise. */
  compensation: Generated<boolean>;
}

/** Migration 0012: a tenant's own copy of a reference-rate table, replacing the shipped one. */
export interface ReferenceRateTablesTable {
  tenant_id: string;
  name: string;
  csv: string;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface PoliciesTable {
  tenant_id: string;
  id: string;
  key: string;
  version: number;
  name: string;
  definition: JsonRequired;
  created_by: string;
  created_at: Generated<Date>;
}

export interface SegmentsTable {
  tenant_id: string;
  key: string;
  name: string;
  priority: number;
  rules: JsonRequired;
  policy_key: string;
  collector_id: string | null;
  updated_at: Generated<Date>;
}

export interface DunningStagesTable {
  tenant_id: string;
  customer_id: string;
  currency: string;
  cycle: number;
  policy_id: string | null;
  step_id: string | null;
  step_index: number | null;
  step_offset: number | null;
  since: DateCol;
  last_message_on: DateCol | null;
}

export type ActionStatus = "performed" | "skipped";
export type SkipReason = "catch_up" | "condition";

export interface DunningActionsTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  currency: string;
  cycle: number;
  run_date: DateCol;
  policy_id: string;
  step_id: string;
  step_index: number;
  channel: string;
  status: ActionStatus;
  skip_reason: SkipReason | null;
  overdue_amount: bigint;
  invoice_ids: Generated<string[]>;
  contact_id: string | null;
  created_by: string;
  created_at: Generated<Date>;
}

export type DisputeReason = "pricing" | "quantity" | "quality" | "not_received" | "duplicate" | "other";

export interface DisputesTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  invoice_id: string;
  reason: DisputeReason;
  status: Generated<"open" | "upheld" | "rejected">;
  note: string | null;
  owner_id: string | null;
  opened_on: DateCol;
  due_on: DateCol | null;
  resolved_on: DateCol | null;
  resolution_note: string | null;
  created_by: string;
}

export interface PromisesTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  currency: string;
  amount: bigint;
  made_on: DateCol;
  due_on: DateCol;
  grace_days: Generated<number>;
  status: Generated<"open" | "kept" | "broken" | "cancelled">;
  resolved_on: DateCol | null;
  note: string | null;
  created_by: string;
}

export interface DunningHoldsTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  invoice_id: string | null;
  reason: string;
  from_on: DateCol;
  until_on: DateCol | null;
  released_on: DateCol | null;
  created_by: string;
}

export interface PaymentPlansTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  currency: string;
  status: Generated<"active" | "completed" | "defaulted" | "cancelled">;
  started_on: DateCol;
  ended_on: DateCol | null;
  created_by: string;
  /** Migration 0010: days after each installment's date before a shortfall defaults the plan. */
  grace_days: Generated<number>;
  note: string | null;
}

/** Migration 0010: the schedule of a payment plan, seq 1, 2, … in date order. */
export interface PaymentPlanInstallmentsTable {
  tenant_id: string;
  plan_id: string;
  seq: number;
  due_on: DateCol;
  amount: bigint;
}

export type TaskKind = "call" | "escalation" | "broken_promise" | "dispute" | "no_contact" | "handoff";
export type TaskOutcome = "reached" | "voicemail" | "promise" | "dispute" | "wrong_contact" | "no_answer" | "other";

export interface TasksTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  kind: TaskKind;
  title: string;
  due_on: DateCol;
  assignee_id: string | null;
  status: Generated<"open" | "done" | "cancelled">;
  outcome: TaskOutcome | null;
  note: string | null;
  action_id: string | null;
  details: Json;
  created_at: Generated<Date>;
  completed_at: Timestamp | null;
  completed_by: string | null;
}

export interface ActivitiesTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  occurred_on: DateCol;
  at: Generated<Date>;
  kind: string;
  actor: string;
  summary: string;
  invoice_ids: Generated<string[]>;
  ref_id: string | null;
  details: Json;
}

export type OutboxChannel = "email" | "sms" | "letter" | "event";
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "cancelled";

export interface OutboxTable {
  tenant_id: string;
  id: string;
  idempotency_key: string;
  channel: OutboxChannel;
  customer_id: string | null;
  action_id: string | null;
  payload: JsonRequired;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  claimed_by: string | null;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface MessageTemplatesTable {
  tenant_id: string;
  key: string;
  language: string;
  channel: "email" | "sms" | "letter" | "task";
  subject: string | null;
  text_body: string;
  html_body: string | null;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface CollectionRunsTable {
  tenant_id: string;
  run_date: DateCol;
  batches: number;
  created_by: string;
  created_at: Generated<Date>;
}

export interface CollectionRunBatchesTable {
  tenant_id: string;
  run_date: DateCol;
  batch_no: number;
  from_id: string;
  to_id: string | null;
  done_at: Timestamp | null;
  done_by: string | null;
  summary: Json;
}

export interface CollectionsTables {
  collection_runs: CollectionRunsTable;
  collection_run_batches: CollectionRunBatchesTable;
  tenant_settings: TenantSettingsTable;
  policies: PoliciesTable;
  segments: SegmentsTable;
  dunning_stages: DunningStagesTable;
  dunning_actions: DunningActionsTable;
  disputes: DisputesTable;
  promises: PromisesTable;
  dunning_holds: DunningHoldsTable;
  payment_plans: PaymentPlansTable;
  payment_plan_installments: PaymentPlanInstallmentsTable;
  tasks: TasksTable;
  activities: ActivitiesTable;
  outbox: OutboxTable;
  message_templates: MessageTemplatesTable;
  reference_rate_tables: ReferenceRateTablesTable;
}

export type PolicyRow = Selectable<PoliciesTable>;
export type TaskRow = Selectable<TasksTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type ActivityRow = Selectable<ActivitiesTable>;
