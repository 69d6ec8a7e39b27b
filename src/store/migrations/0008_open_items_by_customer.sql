-- The daily run reads open items by customer: one batch of customers at a time, and each action's
-- invoices. This index answers both from the index alone; it only holds open invoices.
create index invoices_open_customer on invoices (tenant_id, customer_id)
  include (currency, due_date, open_amount, id)
  where open_amount <> 0 and not has_installments;

-- Policy versions are never deleted while their tenant exists, and a catch-up day records tens of
-- thousands of actions: the per-row check of this key cost more than the insert itself.
alter table dunning_actions drop constraint dunning_actions_tenant_id_policy_id_fkey;
-- The same holds for the customer key (deleting a tenant deletes its actions first, see
-- store/bulkLoad.ts), and the unique key (tenant, customer, currency, cycle, step) already serves
-- lookups by customer.
alter table dunning_actions drop constraint dunning_actions_tenant_id_customer_id_fkey;
drop index dunning_actions_customer;
