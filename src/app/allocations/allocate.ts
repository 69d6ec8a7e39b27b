import { fail } from "../../domain/errors.js";
import { allocateOldestFirst } from "../../domain/ledger/allocateOldestFirst.js";
import { currency as toCurrency, parseAmount } from "../../domain/money/index.js";
import * as creditNotes from "../../store/creditNotes.js";
import * as invoices from "../../store/invoices.js";
import * as payments from "../../store/payments.js";
import { listAllocations } from "../../store/allocations.js";
import type { Db } from "../../store/schema.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { AllocationInput } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import { allocationView, type AllocationView } from "../views/ledgerViews.js";
import { applyAllocations } from "./applyAllocations.js";

/** Applies unapplied cash or credit to one invoice: the amount given, or as much as both sides allow. */
export async function allocate(deps: AppDeps, actor: Actor, body: unknown): Promise<AllocationView[]> {
  const input = parseInput(AllocationInput, body, "allocation");
  return deps.db.transaction().execute(async (tx) => {
    const invoice = (await invoices.findInvoice(tx, actor.tenantId, input.invoiceId)) ?? fail("INVOICE_NOT_FOUND", `no invoice ${input.invoiceId}`, { path: "invoiceId" });
    const source = await loadSource(tx, actor.tenantId, input);
    if (source.currency !== invoice.currency) fail("CURRENCY_MISMATCH", `the ${source.label} is in ${source.currency}, the invoice in ${invoice.currency}`, { path: "invoiceId" });
    if (source.customerId && source.customerId !== invoice.customer_id) fail("VALIDATION_FAILED", `the ${source.label} belongs to another customer`, { path: "invoiceId" });
    const wanted = input.amount === undefined ? undefined : parseAmount(input.amount, toCurrency(invoice.currency));
    if (wanted && !wanted.ok) fail(wanted.error.code, wanted.error.message, { path: "amount" });
    const amount = wanted?.ok ? wanted.value : source.unapplied < invoice.open_amount ? source.unapplied : invoice.open_amount;
    if (amount <= 0n || amount > source.unapplied || amount > invoice.open_amount) {
      fail("OVER_ALLOCATION", `cannot apply ${input.amount ?? "0"}: ${source.label} has ${source.unapplied} unapplied, the invoice ${invoice.open_amount} open (minor units)`, { path: "amount" });
    }
    const items = await invoices.openItems(tx, { tenantId: actor.tenantId, invoiceIds: [invoice.id] });
    const plan = allocateOldestFirst(amount, items);
    await applyAllocations(tx, deps, actor, source.allocation, plan.allocations, new Map([[invoice.id, invoice.issue_date]]));
    if (input.paymentId && !source.customerId) await payments.assignCustomer(tx, actor.tenantId, input.paymentId, invoice.customer_id);
    await audit(tx, deps, actor, "allocation.apply", "invoice", invoice.id, { ...input });
    const rows = await listAllocations(tx, { tenantId: actor.tenantId, invoiceId: invoice.id });
    return rows.slice(-plan.allocations.length).map((a) => allocationView(a, invoice.currency));
  });
}

async function loadSource(tx: Db, tenantId: string, input: AllocationInput) {
  if (input.paymentId) {
    const p = (await payments.findPayment(tx, tenantId, input.paymentId)) ?? fail("PAYMENT_NOT_FOUND", `no payment ${input.paymentId}`, { path: "paymentId" });
    return { label: "payment", currency: p.currency, customerId: p.customer_id, unapplied: p.unapplied_amount, allocation: { kind: "payment" as const, paymentId: p.id, availableOn: p.received_on } };
  }
  const c = (await creditNotes.findCreditNote(tx, tenantId, input.creditNoteId!)) ?? fail("CREDIT_NOTE_NOT_FOUND", `no credit note ${input.creditNoteId}`, { path: "creditNoteId" });
  return { label: "credit note", currency: c.currency, customerId: c.customer_id, unapplied: c.unapplied_amount, allocation: { kind: "credit_note" as const, creditNoteId: c.id, availableOn: c.issue_date } };
}
