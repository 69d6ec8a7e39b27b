-- Delivery of what the daily run decided: the day's printed letters. Each letter keeps its own PDF
-- (the record of what went on paper) and the content it was drawn from, so the day's print batch can
-- be drawn again as one PDF whenever letters join it. A letter's outbox id is its key: dispatching
-- the same outbox row twice cannot put the letter in a batch twice.

create table print_batches (
  tenant_id     uuid not null references tenants (tenant_id) on delete cascade,
  day           date not null,
  paper         text not null check (paper in ('A4', 'LETTER')),
  letter_count  integer not null default 0,
  page_count    integer not null default 0,
  pdf           bytea,
  updated_at    timestamptz not null default now(),
  primary key (tenant_id, day)
);

create table print_batch_letters (
  tenant_id    uuid not null,
  outbox_id    uuid not null,
  day          date not null,
  customer_id  uuid not null,
  added_at     timestamptz not null default now(),
  content      jsonb not null,
  pdf          bytea not null,
  first_page   integer,
  page_count   integer,
  primary key (tenant_id, outbox_id),
  foreign key (tenant_id, day) references print_batches (tenant_id, day) on delete cascade,
  foreign key (tenant_id, outbox_id) references outbox (tenant_id, id) on delete cascade
);
create index print_batch_letters_day on print_batch_letters (tenant_id, day, added_at);
