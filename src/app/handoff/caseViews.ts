import { z } from "zod";
import { daysBetween, isoDate } from "../../domain/dates/plainDate.js";
import type { CaseActionRow, CaseActivityRow, CaseAllocationRow, CaseItemRow, CasePaymentRow } from "../../store/handoffCase.js";
import type { DisputeRow } from "../../store/pauses.js";
import type { CustomerRow } from "../../store/schema.js";
import type { TenantChannels } from "../settings/tenantChannels.js";
import { amountText, moneyView } from "../views/money.js";
import type { CaseAction, CaseActivity, CaseAllocation, CaseCreditor, CaseDebtor, CaseHandoff, CaseItem, CaseMessage, CasePayment } from "./caseFile.js";

/** Rows of the case's queries as the parts of the case file. */

export const creditorOf = (tenant: TenantChannels): CaseCreditor => ({
  name: tenant.name,
  country: tenant.country,
  addressLines: tenant.settings.senderAddress,
  bank: tenant.settings.bank ? { iban: tenant.settings.bank.iban, bic: tenant.settings.bank.bic ?? null, holder: tenant.settings.bank.holder ?? null } : null,
});

export const debtorOf = (c: CustomerRow, parent: CustomerRow | undefined): CaseDebtor => ({
  id: c.id,
  externalId: c.external_id,
  legalName: c.legal_name,
  taxId: c.tax_id,
  country: c.country,
  addressLines: c.address_lines,
  language: c.language,
  segment: c.segment,
  currency: c.currency,
  parent: parent ? { id: parent.id, externalId: parent.external_id, legalName: parent.legal_name } : null,
  handedOffOn: c.handed_off_on,
});

/** `dispute`: the invoice's latest dispute opened by the day, with its status on the day. */
export function itemOf(row: CaseItemRow, asOf: string, dispute: DisputeRow | undefined): CaseItem {
  return {
    invoiceId: row.invoice_id,
    number: row.number,
    installment: row.installment_seq,
    kind: row.kind,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    daysOverdue: daysBetween(isoDate(row.due_date), isoDate(asOf)),
    currency: row.currency,
    amount: amountText(row.amount, row.currency),
    open: amountText(row.open, row.currency),
    poNumber: row.po_number,
    disputed: dispute?.status === "open",
    dispute: dispute ? { id: dispute.id, reason: dispute.reason, status: dispute.status } : null,
  };
}

export const paymentOf = (p: CasePaymentRow, unapplied: bigint): CasePayment => ({
  id: p.id,
  externalId: p.external_id,
  receivedOn: p.received_on,
  amount: moneyView(p.amount, p.currency),
  unapplied: amountText(unapplied, p.currency),
  method: p.method,
  reference: p.reference,
  payerName: p.payer_name,
});

export const allocationOf = (a: CaseAllocationRow): CaseAllocation => ({
  invoiceId: a.invoice_id,
  invoiceNumber: a.number,
  installment: a.installment_seq,
  kind: a.kind,
  appliedOn: a.applied_on,
  amount: moneyView(a.amount, a.currency),
  source: a.source,
  reason: a.reason,
});

export const actionOf = (a: CaseActionRow): CaseAction => ({
  id: a.id,
  date: a.run_date,
  stepId: a.step_id,
  channel: a.channel,
  status: a.status,
  skipReason: a.skip_reason,
  cycle: a.cycle,
  amount: moneyView(a.overdue_amount, a.currency),
  invoices: a.invoices,
  policy: { key: a.policy_key, version: a.policy_version },
});

// What the dispatcher keeps of a message that went out (settleOutcomes' legal record). Entries of kind
// "message" that record a failure or a cancellation carry no content and do not match.
const SentMessage = z.object({ channel: z.string(), to: z.string(), subject: z.string().nullish(), text: z.string() });

export function activityOf(a: CaseActivityRow): CaseActivity {
  const sent = a.kind === "message" ? SentMessage.safeParse(a.details) : undefined;
  const message: CaseMessage | null = sent?.success ? { channel: sent.data.channel, to: sent.data.to, subject: sent.data.subject ?? null, text: sent.data.text } : null;
  return { id: a.id, occurredOn: a.occurred_on, at: a.at, kind: a.kind, actor: a.actor, summary: a.summary, invoices: a.invoices, refId: a.ref_id, details: a.details, message };
}

const HANDOFF_CHANNELS = new Set(["agency", "legal"]);

/** The latest agency or legal step performed by the day. */
export function handoffOf(actions: readonly CaseAction[]): CaseHandoff | null {
  const action = actions.findLast((a) => a.status === "performed" && HANDOFF_CHANNELS.has(a.channel));
  if (!action) return null;
  return { date: action.date, stepId: action.stepId, channel: action.channel, amount: action.amount, actionId: action.id, policy: action.policy };
}
