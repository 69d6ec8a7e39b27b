import type { AmountFit, Payment } from "./amountFit.js";
import type { IndexedItem } from "./matchIndex.js";
import { formatLineAmount } from "./proposal.js";

/** "INV-1001", or "INV-1001 (installment 2)" for an installment. */
export function itemLabel(indexed: IndexedItem): string {
  const seq = indexed.item.installmentSeq;
  return seq === undefined ? indexed.invoice.number : `${indexed.invoice.number} (installment ${seq})`;
}

/** What the amount says about the items it was fitted to, in words a clerk checks at a glance. */
export function explainFit(fit: AmountFit, items: readonly IndexedItem[], payment: Payment): string[] {
  const amount = formatLineAmount(payment.amount, payment.currency);
  const paid = items.filter((i) => fit.allocations.some((a) => a.invoiceId === i.item.invoiceId && a.installmentSeq === i.item.installmentSeq));
  const labels = paid.map(itemLabel);
  const total = paid.reduce((sum, i) => sum + i.open, 0n);
  switch (fit.kind) {
    case "exact":
      return [paid.length === 1 ? `amount ${amount} equals the open amount of ${labels[0]}` : `${labels.join(" + ")} = ${amount}`];
    case "discount":
    case "charges":
    case "discount-and-charges":
      return [`${amount} settles ${labels.join(" + ")} (open ${formatLineAmount(total, payment.currency)})`, ...fit.notes];
    case "over":
      return [`${amount} is ${formatLineAmount(fit.unapplied, payment.currency)} more than the ${formatLineAmount(total, payment.currency)} open on ${labels.join(" + ")}; the rest stays on account`];
    case "partial": {
      const open = items.reduce((sum, i) => sum + i.open, 0n);
      return [`${amount} is less than the ${formatLineAmount(open, payment.currency)} open on ${items.map(itemLabel).join(" + ")}: a partial payment of ${labels.join(" + ")}`];
    }
  }
}
