-- The as-of branch for invoices touched after the report date needs id and amount; with them in the
-- covering index that branch also runs index-only instead of reading every open invoice's heap page.
drop index invoices_open_due;
create index invoices_open_due on invoices (tenant_id, due_date)
  include (currency, open_amount, customer_id, issue_date, last_applied_on, id, amount)
  where open_amount <> 0 and not has_installments;
