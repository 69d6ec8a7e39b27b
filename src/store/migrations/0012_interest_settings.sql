-- Fees, interest and the payoff quote (issue 5).

-- Tenant-wide charge settings: how a payment is spread over an item's costs, interest and principal,
-- and whether late invoices earn the statutory fixed compensation (a policy may say otherwise).
alter table tenant_settings
  add column allocation_order  text not null default 'costs-interest-principal'
    check (allocation_order in ('costs-interest-principal', 'principal-first')),
  add column compensation      boolean not null default false;

-- Charges are open items of their own (invoices of kind fee, interest or compensation) linked to the
-- invoice, or the installment of it, that caused them. A charge without a link (a fee per reminder
-- chasing several invoices) stands alone. An ordinary invoice is never a charge.
alter table invoices drop constraint invoices_kind_check;
alter table invoices
  add constraint invoices_kind_check check (kind in ('invoice', 'fee', 'interest', 'compensation')),
  add column charge_of      uuid,
  add column charge_of_seq  smallint,
  add constraint invoices_charge_of_fkey foreign key (tenant_id, charge_of) references invoices (tenant_id, id),
  add constraint invoices_charge_link check ((kind <> 'invoice' or charge_of is null) and (charge_of is not null or charge_of_seq is null));
create index invoices_charges on invoices (tenant_id, charge_of) where charge_of is not null;

-- A tenant's own copy of a reference-rate table (the whole CSV, as imported and checked); it replaces
-- the shipped table of that name for the tenant's interest until removed.
create table reference_rate_tables (
  tenant_id   uuid not null references tenants (tenant_id) on delete cascade,
  name        text not null,
  csv         text not null,
  updated_by  text not null,
  updated_at  timestamptz not null default now(),
  primary key (tenant_id, name)
);
