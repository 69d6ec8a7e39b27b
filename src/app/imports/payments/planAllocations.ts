import { allocateInOrder, allocateOldestFirst, itemsOfInvoicesInOrder, type OpenItem } from "../../../domain/ledger/allocateOldestFirst.js";
import type { CustomerOpenItem } from "../../../store/imports/openItemsOfCustomers.js";
import type { NewPayment } from "../../../store/imports/paymentStaging.js";

/** A new payment with its customer; `invoiceIds` empty = oldest items first. */
export type PaymentToApply = Omit<NewPayment, "row">;
export type CustomerItem = CustomerOpenItem;

export interface PlannedPaymentAllocation {
  paymentId: string;
  invoiceId: string;
  installmentSeq: number | null;
  amount: bigint;
  /** The later of the payment date and the invoice's issue date, as applyAllocations dates them. */
  appliedOn: string;
}

/**
 * Applies a file's payments one after another, in file order, exactly as recordPayment would one call
 * at a time: each to the invoices it names, in that order, or else to its customer's oldest open items
 * in its currency; each sees the balances the earlier ones left. What a payment cannot place stays
 * unapplied. Pure: the caller loads the open items once and writes the result once.
 */
export function planAllocations(payments: readonly PaymentToApply[], openItems: readonly CustomerItem[]): PlannedPaymentAllocation[] {
  const byAccount = new Map<string, OpenItem[]>();
  const byItem = new Map<string, OpenItem>();
  for (const item of openItems) {
    const copy = { invoiceId: item.invoiceId, installmentSeq: item.installmentSeq, number: item.number, issueDate: item.issueDate, dueDate: item.dueDate, open: item.open };
    const account = `${item.customerId}|${item.currency}`;
    const items = byAccount.get(account);
    if (items) items.push(copy);
    else byAccount.set(account, [copy]);
    byItem.set(`${item.invoiceId}|${item.installmentSeq ?? ""}`, copy);
  }
  const planned: PlannedPaymentAllocation[] = [];
  for (const payment of payments) {
    const items = byAccount.get(`${payment.customerId}|${payment.currency}`) ?? [];
    const plan = payment.invoiceIds.length > 0 ? allocateInOrder(payment.amount, itemsOfInvoicesInOrder(items, payment.invoiceIds)) : allocateOldestFirst(payment.amount, items);
    for (const a of plan.allocations) {
      const item = byItem.get(`${a.invoiceId}|${a.installmentSeq ?? ""}`)!;
      item.open -= a.amount;
      planned.push({ paymentId: payment.id, invoiceId: a.invoiceId, installmentSeq: a.installmentSeq, amount: a.amount, appliedOn: item.issueDate > payment.receivedOn ? item.issueDate : payment.receivedOn });
    }
  }
  return planned;
}
