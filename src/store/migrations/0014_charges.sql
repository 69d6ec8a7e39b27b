-- Charges posted by the daily run, and waivers (issue 5).

-- A charge posted by a policy step records the step and the chase (cycle) it belongs to, and the
-- action whose message announced it. The unique index is what makes "once per invoice and step"
-- hold however often the run repeats: the run inserts with `on conflict do nothing`. Interest may be
-- posted again by a later step (the increment since the last posting), so the step is in the key;
-- the fixed compensation is owed once per invoice whatever posted it.
alter table invoices
  add column charge_step    text,
  add column charge_cycle   integer,
  add column charge_action  uuid,
  add constraint invoices_charge_step check ((charge_step is null) = (charge_cycle is null) and (charge_step is null or kind <> 'invoice'));
create unique index invoices_charged_once on invoices (tenant_id, charge_of, (coalesce(charge_of_seq, 0)), kind, charge_step, charge_cycle)
  where charge_step is not null;
create unique index invoices_compensated_once on invoices (tenant_id, charge_of) where kind = 'compensation';

-- Staff may waive a charge, fully or partly: an allocation of its own kind, so balances stay derived.
alter table allocations drop constraint allocations_kind_check;
alter table allocations add constraint allocations_kind_check check (kind in ('payment', 'credit_note', 'write_off', 'discount', 'waiver'));
