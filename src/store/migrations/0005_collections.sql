-- Collections engine: versioned policies, segments, per customer-and-currency dunning stages, the
-- actions the daily run records, pauses (disputes, promises, holds, payment plans), the worklist,
-- the activity timeline and the outbox that feeds every channel.

create table tenant_settings (
  tenant_id          uuid primary key references tenants (tenant_id) on delete cascade,
  default_policy     text not null default 'standard',
  run_at             time not null default '06:00',
  letter_paper       text not null default 'A4' check (letter_paper in ('A4', 'LETTER')),
  sender_address     text[] not null default '{}',
  smtp               jsonb,
  sms                jsonb,
  bank               jsonb,
  portal_url         text,
  updated_at         timestamptz not null default now()
);

alter table customers
  add column policy_key     text,
  add column collector_id   uuid,
  add column address_lines  text[] not null default '{}',
  add column credit_hold    boolean not null default false,
  add column handed_off_on  date;

-- The daily run leaves these few invoices out of its index-only scan of open items.
create index invoices_do_not_dun on invoices (tenant_id, id) where do_not_dun;

-- A policy is immutable once written: applying a changed definition adds a version. Actions keep the
-- id of the version that caused them, so history never changes meaning.
create table policies (
  tenant_id   uuid not null references tenants (tenant_id) on delete cascade,
  id          uuid not null,
  key         text not null check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  version     integer not null check (version >= 1),
  name        text not null,
  definition  jsonb not null,
  created_by  text not null,
  created_at  timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, key, version)
);

create table segments (
  tenant_id   uuid not null references tenants (tenant_id) on delete cascade,
  key         text not null check (key ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  name        text not null,
  priority    integer not null,
  rules       jsonb not null,
  policy_key  text not null,
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, key)
);

-- The stage of one customer in one currency. step_id is null while nothing is being chased; cycle
-- counts the chases, so a step can run again in a later cycle but never twice in one.
create table dunning_stages (
  tenant_id       uuid not null,
  customer_id     uuid not null,
  currency        char(3) not null,
  cycle           integer not null,
  policy_id       uuid,
  step_id         text,
  step_index      smallint,
  step_offset     integer,
  since           date not null,
  last_message_on date,
  primary key (tenant_id, customer_id, currency),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);

create table dunning_actions (
  tenant_id       uuid not null,
  id              uuid not null,
  customer_id     uuid not null,
  currency        char(3) not null,
  cycle           integer not null,
  run_date        date not null,
  policy_id       uuid not null,
  step_id         text not null,
  step_index      smallint not null,
  channel         text not null,
  status          text not null check (status in ('performed', 'skipped')),
  skip_reason     text check (skip_reason in ('catch_up', 'condition')),
  overdue_amount  bigint not null,
  invoice_ids     uuid[] not null default '{}',
  contact_id      uuid,
  created_by      text not null,
  created_at      timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, customer_id, currency, cycle, step_id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
  foreign key (tenant_id, policy_id) references policies (tenant_id, id)
);
create index dunning_actions_day on dunning_actions (tenant_id, run_date);
create index dunning_actions_customer on dunning_actions (tenant_id, customer_id, run_date);

create table disputes (
  tenant_id        uuid not null,
  id               uuid not null,
  customer_id      uuid not null,
  invoice_id       uuid not null,
  reason           text not null check (reason in ('pricing', 'quantity', 'quality', 'not_received', 'duplicate', 'other')),
  status           text not null default 'open' check (status in ('open', 'upheld', 'rejected')),
  note             text,
  owner_id         uuid,
  opened_on        date not null,
  due_on           date,
  resolved_on      date,
  resolution_note  text,
  created_by       text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade
);
create unique index disputes_open_invoice on disputes (tenant_id, invoice_id) where status = 'open';

create table promises (
  tenant_id    uuid not null,
  id           uuid not null,
  customer_id  uuid not null,
  currency     char(3) not null,
  amount       bigint not null check (amount > 0),
  made_on      date not null,
  due_on       date not null,
  grace_days   integer not null default 0 check (grace_days >= 0),
  status       text not null default 'open' check (status in ('open', 'kept', 'broken', 'cancelled')),
  resolved_on  date,
  note         text,
  created_by   text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index promises_open on promises (tenant_id, customer_id) where status = 'open';

-- A manual hold on a customer (invoice_id null) or one invoice, with a reason and an optional expiry.
create table dunning_holds (
  tenant_id    uuid not null,
  id           uuid not null,
  customer_id  uuid not null,
  invoice_id   uuid,
  reason       text not null,
  from_on      date not null,
  until_on     date,
  released_on  date,
  created_by   text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index dunning_holds_active on dunning_holds (tenant_id, customer_id) where released_on is null;

create table payment_plans (
  tenant_id    uuid not null,
  id           uuid not null,
  customer_id  uuid not null,
  currency     char(3) not null,
  status       text not null default 'active' check (status in ('active', 'completed', 'defaulted', 'cancelled')),
  started_on   date not null,
  ended_on     date,
  created_by   text not null,
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index payment_plans_active on payment_plans (tenant_id, customer_id) where status = 'active';

create table tasks (
  tenant_id     uuid not null,
  id            uuid not null,
  customer_id   uuid not null,
  kind          text not null check (kind in ('call', 'escalation', 'broken_promise', 'dispute', 'no_contact', 'handoff')),
  title         text not null,
  due_on        date not null,
  assignee_id   uuid,
  status        text not null default 'open' check (status in ('open', 'done', 'cancelled')),
  outcome       text check (outcome in ('reached', 'voicemail', 'promise', 'dispute', 'wrong_contact', 'no_answer', 'other')),
  note          text,
  action_id     uuid,
  details       jsonb,
  created_at    timestamptz not null default now(),
  completed_at  timestamptz,
  completed_by  text,
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index tasks_open on tasks (tenant_id, due_on) where status = 'open';
create index tasks_customer on tasks (tenant_id, customer_id);

-- Every message, call outcome, note, pause, promise and stage change of a customer, with who and when.
-- Messages keep their full rendered content: this is the legal record of what was sent.
create table activities (
  tenant_id    uuid not null,
  id           uuid not null,
  customer_id  uuid not null,
  occurred_on  date not null,
  at           timestamptz not null default now(),
  kind         text not null,
  actor        text not null,
  summary      text not null,
  invoice_ids  uuid[] not null default '{}',
  ref_id       uuid,
  details      jsonb,
  primary key (tenant_id, id),
  foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
);
create index activities_customer on activities (tenant_id, customer_id, at);

-- Side effects decided in a transaction are written here in that transaction and sent afterwards.
-- idempotency_key is what a provider sees, so a resend after a crash is recognisable.
create table outbox (
  tenant_id            uuid not null references tenants (tenant_id) on delete cascade,
  id                   uuid not null,
  idempotency_key      text not null,
  channel              text not null check (channel in ('email', 'sms', 'letter', 'event')),
  customer_id          uuid,
  action_id            uuid,
  payload              jsonb not null,
  status               text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts             integer not null default 0,
  next_attempt_at      timestamptz not null default now(),
  claimed_by           text,
  last_error           text,
  provider_message_id  text,
  created_at           timestamptz not null default now(),
  sent_at              timestamptz,
  primary key (tenant_id, id),
  unique (tenant_id, idempotency_key)
);
create index outbox_due on outbox (next_attempt_at) where status in ('pending', 'sending');

create table message_templates (
  tenant_id   uuid not null references tenants (tenant_id) on delete cascade,
  key         text not null,
  language    text not null,
  channel     text not null check (channel in ('email', 'sms', 'letter', 'task')),
  subject     text,
  text_body   text not null,
  html_body   text,
  updated_by  text not null,
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, key, language, channel)
);
