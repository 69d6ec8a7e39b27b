import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { allocateInOrder, allocateOldestFirst, itemsOfInvoicesInOrder, type OpenItem } from "./allocateOldestFirst.js";

/**
 * "costs-interest-principal": § 367 BGB and the usual rule for statutory claims (costs, then interest,
 * then principal). "principal-first": principal of every item before any interest or fee, so interest
 * stops accruing as early as possible (common in US contracts).
 */
export type AllocationOrder = "costs-interest-principal" | "principal-first";
export const ALLOCATION_ORDERS: readonly AllocationOrder[] = ["costs-interest-principal", "principal-first"];

/** The parts of an open item a payment can go to. "fees" are the costs: dunning fees and fixed compensation. */
export type OpenComponent = "fees" | "interest" | "principal";

/** An open invoice (or installment) split into what is open on each component. */
export interface OpenBalances extends Omit<OpenItem, "open"> {
  principal: bigint;
  fees: bigint;
  interest: bigint;
}

export interface AllocationLine {
  invoiceId: string;
  installmentSeq: number | null;
  component: OpenComponent;
  amount: bigint;
}

export interface PaymentAllocation {
  lines: AllocationLine[];
  /** What no open item could take: unapplied cash or credit on account. */
  unapplied: bigint;
}

const LAYERS: Record<AllocationOrder, readonly OpenComponent[]> = {
  "costs-interest-principal": ["fees", "interest", "principal"],
  "principal-first": ["principal", "interest", "fees"],
};

/**
 * Spreads a payment over open items component by component in the tenant's order, and within each
 * component oldest due first (or in the order the payment names its invoices, then only those). The
 * order is applied across all items: with costs first, every item's fees are paid before any interest.
 * A credit note reduces principal only. The lines sum to min(amount, what is open); none is negative.
 */
export function allocatePayment(amount: bigint, items: readonly OpenBalances[], options: { order: AllocationOrder; invoiceIds?: readonly string[]; creditNote?: boolean }): Result<PaymentAllocation> {
  const problem = checkInput(amount, items, options);
  if (problem) return err(problem);
  const named = options.invoiceIds ? [...new Set(options.invoiceIds)] : undefined;
  const layers = options.creditNote ? (["principal"] as const) : LAYERS[options.order];
  const lines: AllocationLine[] = [];
  let remaining = amount;
  for (const component of layers) {
    if (remaining === 0n) break;
    const open = items.map((item): OpenItem => ({ ...item, open: item[component] }));
    const planned = named ? allocateInOrder(remaining, itemsOfInvoicesInOrder(open, named)) : allocateOldestFirst(remaining, open);
    for (const a of planned.allocations) lines.push({ invoiceId: a.invoiceId, installmentSeq: a.installmentSeq, component, amount: a.amount });
    remaining = planned.remaining;
  }
  return ok({ lines, unapplied: remaining });
}

function checkInput(amount: bigint, items: readonly OpenBalances[], options: { order: AllocationOrder; invoiceIds?: readonly string[] }): DomainError | undefined {
  if (amount < 0n) return domainError("NEGATIVE_AMOUNT", `cannot allocate a negative amount (${amount})`, { path: "amount" });
  if (!ALLOCATION_ORDERS.includes(options.order)) {
    return domainError("VALIDATION_FAILED", `allocation order is "costs-interest-principal" or "principal-first", not "${options.order}"`, { path: "order" });
  }
  for (const [i, item] of items.entries()) {
    for (const component of ["principal", "fees", "interest"] as const) {
      if (item[component] < 0n) return domainError("NEGATIVE_AMOUNT", `open ${component} of ${item.number} is negative (${item[component]})`, { path: `items[${i}].${component}` });
    }
  }
  const known = new Set(items.map((item) => item.invoiceId));
  const unknown = (options.invoiceIds ?? []).findIndex((id) => !known.has(id));
  if (unknown >= 0) return domainError("UNKNOWN_INVOICE", `the payment names invoice ${options.invoiceIds![unknown]}, which has nothing open`, { path: `invoiceIds[${unknown}]` });
  return undefined;
}
