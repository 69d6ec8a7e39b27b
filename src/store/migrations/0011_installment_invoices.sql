-- Open installments name their invoice; the daily run needs its customer and currency. Only
-- invoices with a schedule are in this index, so the lookup is index-only and stays in memory.
create index invoices_with_installments on invoices (tenant_id, id) include (customer_id, currency) where has_installments;
