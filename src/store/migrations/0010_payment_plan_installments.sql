-- Payment plans get their schedule. A plan replaces the original due dates of a customer's debt in one
-- currency with installments; the daily run compares the payments received since the plan started,
-- cumulatively, with the installments due so far (each one gets the plan's grace days), and ends the
-- plan as completed (paid in full, or nothing left open) or defaulted (an installment missed).

alter table payment_plans
  add column grace_days  integer not null default 0 check (grace_days >= 0),
  add column note        text;

create table payment_plan_installments (
  tenant_id  uuid not null,
  plan_id    uuid not null,
  seq        smallint not null check (seq >= 1),
  due_on     date not null,
  amount     bigint not null check (amount > 0),
  primary key (tenant_id, plan_id, seq),
  foreign key (tenant_id, plan_id) references payment_plans (tenant_id, id) on delete cascade
);

-- At most one active plan per customer and currency: a new plan cancels the old one in its transaction.
create unique index payment_plans_one_active on payment_plans (tenant_id, customer_id, currency) where status = 'active';
