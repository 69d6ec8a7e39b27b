import type { AllocationRow, ContactRow, CreditNoteRow, CustomerRow, InstallmentRow, InvoiceRow, PaymentRow } from "../../store/schema.js";
import { amountText, moneyView, type MoneyView } from "./money.js";

export interface CustomerView {
  id: string;
  externalId: string;
  legalName: string;
  taxId: string | null;
  country: string | null;
  currency: string;
  language: string | null;
  segment: string | null;
  tags: string[];
  parentId: string | null;
  creditLimit: MoneyView | null;
  doNotDun: boolean;
  policy: string | null;
  collectorId: string | null;
  addressLines: string[];
  creditHold: boolean;
  handedOffOn: string | null;
}

export const customerView = (c: CustomerRow): CustomerView => ({
  id: c.id,
  externalId: c.external_id,
  legalName: c.legal_name,
  taxId: c.tax_id,
  country: c.country,
  currency: c.currency,
  language: c.language,
  segment: c.segment,
  tags: c.tags,
  parentId: c.parent_id,
  creditLimit: c.credit_limit === null ? null : moneyView(c.credit_limit, c.currency),
  doNotDun: c.do_not_dun,
  policy: c.policy_key,
  collectorId: c.collector_id,
  addressLines: c.address_lines,
  creditHold: c.credit_hold,
  handedOffOn: c.handed_off_on,
});

export const contactView = (c: ContactRow) => ({
  id: c.id,
  customerId: c.customer_id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  roles: c.roles,
  preferredChannel: c.preferred_channel,
  language: c.language,
  isPrimary: c.is_primary,
});
export type ContactView = ReturnType<typeof contactView>;

export const installmentView = (n: InstallmentRow, code: string) => ({
  seq: n.seq,
  dueDate: n.due_date,
  amount: amountText(n.amount, code),
  open: amountText(n.open_amount, code),
  settledOn: n.settled_on,
});

export const invoiceView = (i: InvoiceRow, installments: readonly InstallmentRow[] = []) => ({
  id: i.id,
  number: i.number,
  kind: i.kind,
  customerId: i.customer_id,
  issueDate: i.issue_date,
  dueDate: i.due_date,
  currency: i.currency,
  amount: amountText(i.amount, i.currency),
  taxAmount: amountText(i.tax_amount, i.currency),
  open: amountText(i.open_amount, i.currency),
  status: i.open_amount === 0n ? ("settled" as const) : ("open" as const),
  settledOn: i.settled_on,
  poNumber: i.po_number,
  terms: i.terms,
  description: i.description,
  doNotDun: i.do_not_dun,
  installments: installments.map((n) => installmentView(n, i.currency)),
});
export type InvoiceView = ReturnType<typeof invoiceView>;

export const paymentView = (p: PaymentRow) => ({
  id: p.id,
  externalId: p.external_id,
  customerId: p.customer_id,
  receivedOn: p.received_on,
  currency: p.currency,
  amount: amountText(p.amount, p.currency),
  unapplied: amountText(p.unapplied_amount, p.currency),
  method: p.method,
  payerName: p.payer_name,
  payerAccount: p.payer_account,
  reference: p.reference,
});
export type PaymentView = ReturnType<typeof paymentView>;

export const creditNoteView = (c: CreditNoteRow) => ({
  id: c.id,
  number: c.number,
  customerId: c.customer_id,
  invoiceId: c.invoice_id,
  issueDate: c.issue_date,
  currency: c.currency,
  amount: amountText(c.amount, c.currency),
  unapplied: amountText(c.unapplied_amount, c.currency),
  reason: c.reason,
});
export type CreditNoteView = ReturnType<typeof creditNoteView>;

export const allocationView = (a: AllocationRow, code: string) => ({
  id: a.id,
  invoiceId: a.invoice_id,
  installmentSeq: a.installment_seq,
  kind: a.kind,
  paymentId: a.payment_id,
  creditNoteId: a.credit_note_id,
  amount: amountText(a.amount, code),
  appliedOn: a.applied_on,
  reason: a.reason,
});
export type AllocationView = ReturnType<typeof allocationView>;
