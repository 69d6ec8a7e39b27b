import type { DisputeView, HoldView, PromiseView } from "../pauses/pauseViews.js";
import type { ContactView } from "../views/ledgerViews.js";
import type { MoneyView } from "../views/money.js";

/**
 * Everything a collection agency or lawyer needs to take over a customer's case, as of one day: who
 * is owed, who owes, what is open, what was paid, and every step, message, call, promise and dispute
 * of the chase. Plain JSON: amounts are decimal strings with their currency, dates YYYY-MM-DD.
 */
export interface HandoffCase {
  asOf: string;
  creditor: CaseCreditor;
  debtor: CaseDebtor;
  contacts: ContactView[];
  openItems: CaseItem[];
  totals: CaseTotal[];
  payments: CasePayment[];
  /** What was applied to the open items by the day: payments, credit notes, write-offs, discounts. */
  allocations: CaseAllocation[];
  actions: CaseAction[];
  timeline: CaseActivity[];
  promises: PromiseView[];
  disputes: (DisputeView & { invoiceNumber: string })[];
  holds: (HoldView & { invoiceNumber: string | null })[];
  /** The agency or legal step that handed the case off; null while it has not happened (a preview). */
  handoff: CaseHandoff | null;
}

export interface CaseCreditor {
  name: string;
  country: string;
  addressLines: string[];
  bank: { iban: string; bic: string | null; holder: string | null } | null;
}

export interface CaseDebtor {
  id: string;
  externalId: string;
  legalName: string;
  taxId: string | null;
  country: string | null;
  addressLines: string[];
  language: string | null;
  segment: string | null;
  currency: string;
  parent: { id: string; externalId: string; legalName: string } | null;
  handedOffOn: string | null;
}

export interface CaseItem {
  invoiceId: string;
  number: string;
  /** The installment of an invoice with a schedule; null for a plain invoice. */
  installment: number | null;
  kind: string;
  issueDate: string;
  dueDate: string;
  /** Days past due on the day (negative before the due date). */
  daysOverdue: number;
  currency: string;
  amount: string;
  open: string;
  poNumber: string | null;
  /** An open dispute on the day: the creditor's own steps left this item out. */
  disputed: boolean;
  dispute: { id: string; reason: string; status: string } | null;
}

export interface CaseTotal {
  currency: string;
  open: string;
  overdue: string;
  /** Overdue and disputed. */
  disputed: string;
  /** Payments and credit notes received but not applied by the day. */
  credits: string;
  /** What the agency collects: overdue, undisputed, less the unapplied credits (never below zero). */
  claimed: string;
}

export interface CasePayment {
  id: string;
  externalId: string;
  receivedOn: string;
  amount: MoneyView;
  /** Not applied to any invoice by the day. */
  unapplied: string;
  method: string | null;
  reference: string | null;
  payerName: string | null;
}

export interface CaseAllocation {
  invoiceId: string;
  invoiceNumber: string;
  installment: number | null;
  kind: string;
  appliedOn: string;
  amount: MoneyView;
  /** The payment's external id or the credit note's number. */
  source: string | null;
  reason: string | null;
}

export interface CaseAction {
  id: string;
  date: string;
  stepId: string;
  channel: string;
  status: "performed" | "skipped";
  /** Why a step was skipped: catch_up (a later step was due too) or condition. */
  skipReason: string | null;
  cycle: number;
  /** The overdue amount the step chased. */
  amount: MoneyView;
  invoices: string[];
  policy: { key: string; version: number };
}

export interface CaseActivity {
  id: string;
  occurredOn: string;
  at: string;
  kind: string;
  actor: string;
  summary: string;
  invoices: string[];
  refId: string | null;
  /** The record as stored; for a message the full rendered content, HTML included. */
  details: unknown;
  /** For a message that went out: what it said, as text. */
  message: CaseMessage | null;
}

export interface CaseMessage {
  channel: string;
  to: string;
  subject: string | null;
  text: string;
}

export interface CaseHandoff {
  date: string;
  stepId: string;
  channel: string;
  /** The overdue amount handed off, in the currency of the chase that reached the step. */
  amount: MoneyView;
  actionId: string;
  policy: { key: string; version: number };
}
