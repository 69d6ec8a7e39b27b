/** An open invoice, or one installment of it, as the allocation rules see it. */
export interface OpenItem {
  invoiceId: string;
  installmentSeq: number | null;
  number: string;
  issueDate: string; // YYYY-MM-DD sorts correctly as text
  dueDate: string;
  open: bigint;
}

export interface PlannedAllocation {
  invoiceId: string;
  installmentSeq: number | null;
  amount: bigint;
}

const byAge = (a: OpenItem, b: OpenItem): number =>
  a.dueDate.localeCompare(b.dueDate) ||
  a.issueDate.localeCompare(b.issueDate) ||
  a.number.localeCompare(b.number) ||
  (a.installmentSeq ?? 0) - (b.installmentSeq ?? 0);

/**
 * Spreads `amount` over open items, oldest due first (the usual rule when a payment names no invoice),
 * never putting more on an item than it has open. What cannot be placed stays as `remaining`
 * (unapplied cash or credit on account).
 */
export function allocateOldestFirst(amount: bigint, items: readonly OpenItem[]): { allocations: PlannedAllocation[]; remaining: bigint } {
  return allocateInOrder(amount, [...items].sort(byAge));
}

/** Same, but in the order given (a payment that names its invoices pays them in that order). */
export function allocateInOrder(amount: bigint, items: readonly OpenItem[]): { allocations: PlannedAllocation[]; remaining: bigint } {
  if (amount < 0n) throw new RangeError("cannot allocate a negative amount");
  const allocations: PlannedAllocation[] = [];
  let remaining = amount;
  for (const item of items) {
    if (remaining === 0n) break;
    if (item.open <= 0n) continue;
    const take = item.open < remaining ? item.open : remaining;
    allocations.push({ invoiceId: item.invoiceId, installmentSeq: item.installmentSeq, amount: take });
    remaining -= take;
  }
  return { allocations, remaining };
}

/** Items of the named invoices in the order named, each invoice's installments oldest first. */
export function itemsOfInvoicesInOrder(items: readonly OpenItem[], invoiceIds: readonly string[]): OpenItem[] {
  return invoiceIds.flatMap((id) => items.filter((i) => i.invoiceId === id).sort(byAge));
}
