-- A tenant's daily collections run, split into batches of customers so that several worker
-- processes can share it. A batch is claimed with FOR UPDATE SKIP LOCKED and decided, written and
-- marked done in one transaction: a worker that dies mid-batch leaves it to the next worker, and no
-- batch is ever done twice.
create table collection_runs (
  tenant_id    uuid not null references tenants (tenant_id) on delete cascade,
  run_date     date not null,
  batches      integer not null,
  created_by   text not null,
  created_at   timestamptz not null default now(),
  primary key (tenant_id, run_date)
);

-- Batch n covers customer ids from from_id (inclusive) to the next batch's from_id.
create table collection_run_batches (
  tenant_id    uuid not null,
  run_date     date not null,
  batch_no     integer not null,
  from_id      uuid not null,
  to_id        uuid,
  done_at      timestamptz,
  done_by      text,
  summary      jsonb,
  primary key (tenant_id, run_date, batch_no),
  foreign key (tenant_id, run_date) references collection_runs (tenant_id, run_date) on delete cascade
);
create index collection_run_batches_pending on collection_run_batches (tenant_id, run_date, batch_no) where done_at is null;
