import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from "kysely";
import type { Role } from "../domain/access/roles.js";
import type { CollectionsTables } from "./collectionsSchema.js";
import type { DispatchTables } from "./dispatchSchema.js";

/** Dates travel as "YYYY-MM-DD" strings between SQL and the store; the store converts to PlainDate. */
type DateCol = string;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string | null, string | null>;

export interface TenantsTable {
  tenant_id: string;
  slug: string;
  name: string;
  base_currency: string;
  country: string;
  timezone: string;
  language: Generated<string>;
  aging_buckets: Generated<number[]>;
  created_at: Generated<Date>;
}

export interface TenantClosingDaysTable {
  tenant_id: string;
  day: DateCol;
  reason: Generated<string>;
}


export interface UsersTable {
  tenant_id: string;
  id: string;
  email: string;
  name: Generated<string>;
  role: Role;
  password_hash: string;
  created_at: Generated<Date>;
  disabled_at: Timestamp | null;
}

export interface ApiKeysTable {
  tenant_id: string;
  id: string;
  name: string;
  role: Role;
  secret_hash: string;
  created_at: Generated<Date>;
  revoked_at: Timestamp | null;
}

export interface CustomersTable {
  tenant_id: string;
  id: string;
  external_id: string;
  legal_name: string;
  tax_id: string | null;
  country: string | null;
  currency: string;
  language: string | null;
  segment: string | null;
  tags: Generated<string[]>;
  parent_id: string | null;
  credit_limit: bigint | null;
  do_not_dun: Generated<boolean>;
  policy_key: string | null;
  collector_id: string | null;
  address_lines: Generated<string[]>;
  credit_hold: Generated<boolean>;
  handed_off_on: DateCol | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ContactsTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  name: Generated<string>;
  email: string | null;
  phone: string | null;
  roles: Generated<string[]>;
  preferred_channel: "email" | "sms" | "letter" | "phone" | null;
  language: string | null;
  is_primary: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type InvoiceKind = "invoice" | "fee" | "interest" | "compensation";

export interface InvoicesTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  number: string;
  kind: Generated<InvoiceKind>;
  issue_date: DateCol;
  due_date: DateCol;
  currency: string;
  amount: bigint;
  tax_amount: Generated<bigint>;
  po_number: string | null;
  terms: string | null;
  discount_terms: Json;
  description: string | null;
  has_installments: Generated<boolean>;
  do_not_dun: Generated<boolean>;
  open_amount: bigint;
  last_applied_on: DateCol | null;
  settled_on: DateCol | null;
  /** A fee, interest or compensation charge names the invoice (and installment) it was charged on. */
  charge_of: Generated<string | null>;
  charge_of_seq: Generated<number | null>;
  charge_step: Generated<string | null>;
  charge_cycle: Generated<number | null>;
  charge_action: Generated<string | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface InvoiceInstallmentsTable {
  tenant_id: string;
  invoice_id: string;
  seq: number;
  due_date: DateCol;
  amount: bigint;
  open_amount: bigint;
  last_applied_on: DateCol | null;
  settled_on: DateCol | null;
}

export interface CreditNotesTable {
  tenant_id: string;
  id: string;
  customer_id: string;
  number: string;
  issue_date: DateCol;
  currency: string;
  amount: bigint;
  invoice_id: string | null;
  reason: string | null;
  unapplied_amount: bigint;
  created_at: Generated<Date>;
}

export interface PaymentsTable {
  tenant_id: string;
  id: string;
  external_id: string;
  customer_id: string | null;
  received_on: DateCol;
  currency: string;
  amount: bigint;
  method: string | null;
  payer_name: string | null;
  payer_account: string | null;
  reference: string | null;
  unapplied_amount: bigint;
  created_at: Generated<Date>;
}

export type AllocationKind = "payment" | "credit_note" | "write_off" | "discount" | "waiver";

export interface AllocationsTable {
  tenant_id: string;
  id: string;
  invoice_id: string;
  installment_seq: number | null;
  kind: AllocationKind;
  payment_id: string | null;
  credit_note_id: string | null;
  amount: bigint;
  applied_on: DateCol;
  reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json;
  created_at: Generated<Date>;
}

export interface ImportsTable {
  tenant_id: string;
  id: string;
  kind: string;
  file_name: string | null;
  file_sha256: string;
  rows_total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  actor: string;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  tenant_id: string;
  id: string;
  at: Generated<Date>;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  details: Json;
}

export interface DB extends CollectionsTables, DispatchTables {
  tenants: TenantsTable;
  tenant_closing_days: TenantClosingDaysTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  invoices: InvoicesTable;
  invoice_installments: InvoiceInstallmentsTable;
  credit_notes: CreditNotesTable;
  payments: PaymentsTable;
  allocations: AllocationsTable;
  idempotency_keys: IdempotencyKeysTable;
  imports: ImportsTable;
  audit_log: AuditLogTable;
}

/** A handle usable inside or outside a transaction. Every store function takes one. */
export type Db = Kysely<DB> | Transaction<DB>;

export type TenantRow = Selectable<TenantsTable>;
export type CustomerRow = Selectable<CustomersTable>;
export type ContactRow = Selectable<ContactsTable>;
export type InvoiceRow = Selectable<InvoicesTable>;
export type InstallmentRow = Selectable<InvoiceInstallmentsTable>;
export type CreditNoteRow = Selectable<CreditNotesTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type AllocationRow = Selectable<AllocationsTable>;
export type NewAllocation = Insertable<AllocationsTable>;
