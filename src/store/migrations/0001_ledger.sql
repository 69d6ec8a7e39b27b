-- Dunwell ledger. Scale-out rule: every primary and foreign key leads with tenant_id, so tables can be
-- distributed by tenant (Citus) without rewriting; ids are UUIDv7 made by the application.
-- Open balances are derived from allocations: the open_amount/settled_on/last_applied_on columns are a
-- cache recomputed from the allocations in the same transaction that changes them (never incremented).

create table tenants (
  tenant_id      uuid primary key,
  slug           text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name           text not null,
  base_currency  char(3) not null,
  country        char(2) not null,
  timezone       text not null,
  language       text not null default 'en',
  aging_buckets  integer[] not null default '{30,60,90,120}',
  created_at     timestamptz not null default now()
);

create table tenant_closing_days (
  tenant_id  uuid not null references tenants (tenant_id) on delete cascade,
  day        date not null,
  reason     text not null default '',
  primary key (tenant_id, day)
);

create table users (
  tenant_id      uuid not null references tenants (tenant_id) on delete cascade,
  id             uuid not null,
  email          text not null,
  name           text not null default '',
  role           text not null check (role in ('admin', 'manager', 'collector', 'analyst', 'viewer')),
  password_hash  text not null,
  created_at     timestamptz not null default now(),
  disabled_at    timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, email)
);

create table api_keys (
  tenant_id     uuid not null references tenants (tenant_id) on delete cascade,
  id            uuid not null,
  name          text not null,
  role          text not null check (role in ('admin', 'manager', 'collector', 'analyst', 'viewer')),
  secret_hash   text not null,
  created_at    timestamptz not null default now(),
  revoked_at    timestamptz,
  primary key (tenant_id, id)
);

create table customers (
  tenant_id     uuid not null references tenants (tenant_id) on delete cascade,
  id            uuid not null,
  external_id   text not null,
  legal_name    text not null,
  tax_id        text,
  country       char(2),
  currency      char(3) not null,
  language      text,
  segment       text,
  tags          text[] not null default '{}',
  parent_id     uuid,
  credit_limit  bigint check (credit_limit >= 0),
  do_not_dun    boolean not null default false,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, external_id),
  foreign key (tenant_id, parent_id) references customers (tenant_id, id)
);

create table contacts (
  tenant_id          uuid not null,
  id                 uuid not null,
  customer_id        uuid not null,
  name               text not null default '',
  email              text,
  phone              text,
  roles              text[] not null default '{}',
  preferred_channel  text check (preferred_channel in ('email', 'sms', 'letter', 'phone')),
  language           text,
  is_primary         boolean not null default false,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index contacts_customer on contacts (tenant_id, customer_id);
create unique index contacts_customer_email on contacts (tenant_id, customer_id, lower(email)) where email is not null;

create table invoices (
  tenant_id         uuid not null,
  id                uuid not null,
  customer_id       uuid not null,
  number            text not null,
  kind              text not null default 'invoice' check (kind in ('invoice', 'fee', 'interest')),
  issue_date        date not null,
  due_date          date not null,
  currency          char(3) not null,
  amount            bigint not null check (amount >= 0),
  tax_amount        bigint not null default 0,
  po_number         text,
  terms             text,
  discount_terms    jsonb,
  description       text,
  has_installments  boolean not null default false,
  do_not_dun        boolean not null default false,
  open_amount       bigint not null,
  last_applied_on   date,
  settled_on        date,
  created_at        timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  check (due_date >= issue_date)
);
create index invoices_customer on invoices (tenant_id, customer_id, due_date);
create index invoices_open_due on invoices (tenant_id, due_date) include (currency, open_amount, customer_id) where open_amount <> 0;
create index invoices_settled on invoices (tenant_id, settled_on) where settled_on is not null;

create table invoice_installments (
  tenant_id        uuid not null,
  invoice_id       uuid not null,
  seq              smallint not null check (seq >= 1),
  due_date         date not null,
  amount           bigint not null check (amount >= 0),
  open_amount      bigint not null,
  last_applied_on  date,
  settled_on       date,
  primary key (tenant_id, invoice_id, seq),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade
);
create index installments_open_due on invoice_installments (tenant_id, due_date) where open_amount <> 0;

create table credit_notes (
  tenant_id     uuid not null,
  id            uuid not null,
  customer_id   uuid not null,
  number        text not null,
  issue_date    date not null,
  currency      char(3) not null,
  amount        bigint not null check (amount > 0),
  invoice_id    uuid,
  reason        text,
  unapplied_amount  bigint not null,
  created_at    timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id)
);
create index credit_notes_customer on credit_notes (tenant_id, customer_id);

create table payments (
  tenant_id         uuid not null,
  id                uuid not null,
  external_id       text not null,
  customer_id       uuid,
  received_on       date not null,
  currency          char(3) not null,
  amount            bigint not null check (amount > 0),
  method            text,
  payer_name        text,
  payer_account     text,
  reference         text,
  unapplied_amount  bigint not null,
  created_at        timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, external_id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id)
);
create index payments_customer on payments (tenant_id, customer_id, received_on);

-- A dated movement against an invoice (or one installment of it). Positive amounts reduce the open
-- balance. The ledger as of any date is the invoices issued by then minus the allocations applied by then.
create table allocations (
  tenant_id        uuid not null,
  id               uuid not null,
  invoice_id       uuid not null,
  installment_seq  smallint,
  kind             text not null check (kind in ('payment', 'credit_note', 'write_off', 'discount')),
  payment_id       uuid,
  credit_note_id   uuid,
  amount           bigint not null check (amount <> 0),
  applied_on       date not null,
  reason           text,
  created_by       text,
  created_at       timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade,
  foreign key (tenant_id, payment_id) references payments (tenant_id, id),
  foreign key (tenant_id, credit_note_id) references credit_notes (tenant_id, id),
  check ((kind = 'payment') = (payment_id is not null)),
  check ((kind = 'credit_note') = (credit_note_id is not null))
);
create index allocations_invoice on allocations (tenant_id, invoice_id, applied_on);
create index allocations_payment on allocations (tenant_id, payment_id) where payment_id is not null;
create index allocations_credit_note on allocations (tenant_id, credit_note_id) where credit_note_id is not null;

create table idempotency_keys (
  tenant_id     uuid not null references tenants (tenant_id) on delete cascade,
  key           text not null,
  request_hash  text not null,
  status_code   integer,
  response      jsonb,
  created_at    timestamptz not null default now(),
  primary key (tenant_id, key)
);

create table imports (
  tenant_id    uuid not null references tenants (tenant_id) on delete cascade,
  id           uuid not null,
  kind         text not null,
  file_name    text,
  file_sha256  text not null,
  rows_total   integer not null,
  inserted     integer not null,
  updated      integer not null,
  unchanged    integer not null,
  rejected     integer not null,
  actor        text not null,
  created_at   timestamptz not null default now(),
  primary key (tenant_id, id)
);

create table audit_log (
  tenant_id   uuid not null references tenants (tenant_id) on delete cascade,
  id          uuid not null,
  at          timestamptz not null default now(),
  actor       text not null,
  action      text not null,
  entity      text not null,
  entity_id   text,
  details     jsonb,
  primary key (tenant_id, id)
);
create index audit_log_entity on audit_log (tenant_id, entity, entity_id);
