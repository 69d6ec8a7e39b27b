import { fail } from "../../domain/errors.js";
import { allocateInOrder, allocateOldestFirst, itemsOfInvoicesInOrder } from "../../domain/ledger/allocateOldestFirst.js";
import * as invoices from "../../store/invoices.js";
import * as payments from "../../store/payments.js";
import type { CustomerRow, Db, InvoiceRow } from "../../store/schema.js";
import { applyAllocations } from "../allocations/applyAllocations.js";
import { audit } from "../audit.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { toMinor } from "../inputs/fields.js";
import { PaymentInput, knownCurrency } from "../inputs/ledgerInputs.js";
import { parseInput } from "../inputs/validate.js";
import { paymentView, type PaymentView } from "../views/ledgerViews.js";

export interface RecordedPayment {
  payment: PaymentView;
  /** false when the same payment (same external id and content) was already recorded. */
  created: boolean;
}

/**
 * Records a received payment and applies it: to the invoices it names, in that order, or else to the
 * customer's oldest open items in its currency. What is left stays on account as unapplied cash.
 * Recording the same payment twice changes nothing; the same external id with other content is a conflict.
 */
export async function recordPayment(deps: AppDeps, actor: Actor, body: unknown): Promise<RecordedPayment> {
  const input = parseInput(PaymentInput, body, "payment");
  const currency = knownCurrency(input.currency);
  const amount = toMinor(input.amount, currency);
  return deps.db.transaction().execute(async (tx) => {
    const existing = await payments.findPaymentByExternalId(tx, actor.tenantId, input.externalId);
    if (existing) {
      if (existing.amount !== amount || existing.currency !== currency || existing.received_on !== input.receivedOn) {
        fail("PAYMENT_CONFLICT", `payment "${input.externalId}" was already recorded with a different amount, currency or date`, { path: "externalId" });
      }
      return { payment: paymentView(existing), created: false };
    }
    const named = await namedInvoices(tx, actor.tenantId, input.invoices ?? [], currency);
    const customer = await payingCustomer(tx, actor.tenantId, input, named);
    const id = deps.newId();
    await payments.insertPayment(tx, {
      tenant_id: actor.tenantId,
      id,
      external_id: input.externalId,
      customer_id: customer?.id ?? null,
      received_on: input.receivedOn,
      currency,
      amount,
      method: input.method ?? null,
      payer_name: input.payerName ?? null,
      payer_account: input.payerAccount ?? null,
      reference: input.reference ?? null,
      unapplied_amount: amount,
    });
    if (customer) {
      await invoices.lockOpenInvoices(tx, actor.tenantId, customer.id, currency);
      const items = await invoices.openItems(tx, { tenantId: actor.tenantId, customerId: customer.id, currency });
      const plan = named.length > 0 ? allocateInOrder(amount, itemsOfInvoicesInOrder(items, named.map((i) => i.id))) : allocateOldestFirst(amount, items);
      const issueDates = new Map(items.map((i) => [i.invoiceId, i.issueDate]));
      await applyAllocations(tx, deps, actor, { kind: "payment", paymentId: id, availableOn: input.receivedOn }, plan.allocations, issueDates);
    }
    await audit(tx, deps, actor, "payment.record", "payment", id, { externalId: input.externalId, amount: input.amount, currency });
    return { payment: paymentView((await payments.findPayment(tx, actor.tenantId, id))!), created: true };
  });
}

async function namedInvoices(tx: Db, tenantId: string, numbers: readonly string[], currency: string): Promise<InvoiceRow[]> {
  const rows = await invoices.findInvoicesByNumbers(tx, tenantId, numbers);
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  return numbers.map((n, i) => {
    const row = byNumber.get(n) ?? fail("UNKNOWN_INVOICE", `no invoice "${n}"`, { path: `invoices[${i}]` });
    if (row.currency !== currency) fail("CURRENCY_MISMATCH", `invoice "${n}" is in ${row.currency}, the payment in ${currency}`, { path: `invoices[${i}]` });
    return row;
  });
}

async function payingCustomer(tx: Db, tenantId: string, input: PaymentInput, named: readonly InvoiceRow[]): Promise<CustomerRow | undefined> {
  const customer = input.customerId || input.customerExternalId ? await resolveCustomer(tx, tenantId, input) : named[0] ? await resolveCustomer(tx, tenantId, { customerId: named[0].customer_id }) : undefined;
  const foreign = named.find((i) => i.customer_id !== customer?.id);
  if (foreign) fail("VALIDATION_FAILED", `invoice "${foreign.number}" belongs to another customer`, { path: "invoices" });
  return customer;
}
