import { fail } from "../../domain/errors.js";
import { allocateOldestFirst } from "../../domain/ledger/allocateOldestFirst.js";
import * as creditNotes from "../../store/creditNotes.js";
import * as invoices from "../../store/invoices.js";
import { applyAllocations } from "../allocations/applyAllocations.js";
import { audit } from "../audit.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { toMinor } from "../inputs/fields.js";
import { CreditNoteInput, knownCurrency } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import { creditNoteView, type CreditNoteView } from "../views/ledgerViews.js";

/**
 * Issues a credit note. One that names an invoice reduces that invoice (up to its open balance, the
 * rest stays as credit on account); one without stays on account until allocated.
 */
export async function createCreditNote(deps: AppDeps, actor: Actor, body: unknown): Promise<CreditNoteView> {
  const input = parseInput(CreditNoteInput, body, "credit note");
  const currency = knownCurrency(input.currency);
  const amount = toMinor(input.amount, currency);
  return deps.db.transaction().execute(async (tx) => {
    if (await creditNotes.findCreditNoteByNumber(tx, actor.tenantId, input.number)) {
      fail("INVOICE_EXISTS", `credit note number "${input.number}" is already used`, { path: "number" });
    }
    const invoice = input.invoiceNumber ? await invoices.findInvoiceByNumber(tx, actor.tenantId, input.invoiceNumber) : undefined;
    if (input.invoiceNumber && !invoice) fail("UNKNOWN_INVOICE", `no invoice "${input.invoiceNumber}"`, { path: "invoiceNumber" });
    if (invoice && invoice.currency !== currency) fail("CURRENCY_MISMATCH", `invoice "${invoice.number}" is in ${invoice.currency}`, { path: "currency" });
    const customer = await resolveCustomer(tx, actor.tenantId, invoice ? { customerId: invoice.customer_id } : input);
    if (invoice && (input.customerId ?? customer.id) !== customer.id) fail("VALIDATION_FAILED", "the invoice belongs to another customer", { path: "invoiceNumber" });
    const id = deps.newId();
    await creditNotes.insertCreditNote(tx, {
      tenant_id: actor.tenantId,
      id,
      customer_id: customer.id,
      number: input.number,
      issue_date: input.issueDate,
      currency,
      amount,
      invoice_id: invoice?.id ?? null,
      reason: input.reason ?? null,
      unapplied_amount: amount,
    });
    if (invoice) {
      const items = await invoices.openItems(tx, { tenantId: actor.tenantId, invoiceIds: [invoice.id] });
      const plan = allocateOldestFirst(amount, items);
      await applyAllocations(tx, deps, actor, { kind: "credit_note", creditNoteId: id, availableOn: input.issueDate }, plan.allocations, new Map([[invoice.id, invoice.issue_date]]));
    }
    await audit(tx, deps, actor, "creditNote.create", "credit_note", id, { number: input.number, amount: input.amount, currency, invoice: input.invoiceNumber });
    return creditNoteView((await creditNotes.findCreditNote(tx, actor.tenantId, id))!);
  });
}
