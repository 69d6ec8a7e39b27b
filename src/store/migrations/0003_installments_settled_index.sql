-- As-of reports find installments settled after a past date through this index, as they already do
-- for invoices (invoices_settled), instead of scanning every installment.
create index installments_settled on invoice_installments (tenant_id, settled_on) where settled_on is not null;
