import { isoDate } from "../dates/plainDate.js";
import { datedTiers } from "../discounts/discountTiers.js";
import type { Currency } from "../money/currency.js";
import { sumAmounts } from "../money/money.js";
import type { DiscountWindow, IndexedItem, OpenItemForMatching } from "./matchIndex.js";
import { formatLineAmount, type MatchAllocation } from "./proposal.js";

/**
 * How a payment's amount fits the items it is meant for. In order: exactly their open amount (or, for one
 * invoice in installments, its oldest installments); their amount net of the early-payment discounts open
 * on the booking date; short of either by no more than the tenant's bank-charge tolerance; more than owed
 * (the rest stays on account); less (a partial payment, in the order given).
 */
export type FitKind = "exact" | "discount" | "charges" | "discount-and-charges" | "over" | "partial";

export interface AmountFit {
  kind: FitKind;
  allocations: MatchAllocation[];
  unapplied: bigint;
  /** What the fit says about discounts and charges, for the explanation. */
  notes: string[];
}

export interface Payment {
  amount: bigint;
  currency: Currency;
  bookingDate: string;
  /** Bank-charge tolerance of the currency, minor units. */
  chargeTolerance: bigint;
}

/** True for the fits that settle what was meant, i.e. the amount is explained. */
export const settles = (kind: FitKind): boolean => kind !== "over" && kind !== "partial";

/** `items` in the order they are to be paid, each with something open. */
export function fitAmount(items: readonly IndexedItem[], payment: Payment): AmountFit {
  const { amount } = payment;
  const total = sumAmounts(items.map((i) => i.open));
  if (amount === total) return full("exact", items, 0n);
  const installments = oldestInstallmentsFor(items, amount);
  if (installments) return full("exact", installments, 0n);

  const offers = items.map((item) => discountOffer(item, payment.bookingDate));
  const discountedTotal = total - sumAmounts(offers.map((o) => o?.discount ?? 0n));
  const tolerance = payment.chargeTolerance;
  if (discountedTotal < total && amount === discountedTotal) return settle("discount", items, offers, 0n, payment);
  if (amount < total && total - amount <= tolerance) return settle("charges", items, items.map(() => undefined), total - amount, payment);
  if (discountedTotal < total && amount < discountedTotal && discountedTotal - amount <= tolerance) {
    return settle("discount-and-charges", items, offers, discountedTotal - amount, payment);
  }
  if (amount > total) return full("over", items, amount - total);
  return { kind: "partial", allocations: inOrder(items, amount), unapplied: 0n, notes: [] };
}

/** The early-payment discount an item still offers on `paidOn` (the first window not yet closed). */
function discountOffer(indexed: IndexedItem, paidOn: string): DiscountWindow | undefined {
  indexed.discountWindows ??= discountWindowsOf(indexed.item);
  // ISO dates compare as text
  const window = indexed.discountWindows.find((w) => paidOn <= w.lastDay);
  // a discount larger than what is left open (after partial payments) is not on offer any more
  return window && window.discount > 0n && window.discount < indexed.open ? window : undefined;
}

/** The same tiers evaluateDiscount applies (discountTiers.ts), dated once per item and kept in the index. */
function discountWindowsOf(item: OpenItemForMatching): DiscountWindow[] {
  if (!item.discountTiers || item.discountTiers.length === 0) return [];
  return datedTiers(item.discountTiers, item.amount, isoDate(item.issueDate)).map((t) => ({ lastDay: t.deadline.toString(), discount: t.discount, percentBp: t.percentBp }));
}

function full(kind: FitKind, items: readonly IndexedItem[], unapplied: bigint): AmountFit {
  return { kind, allocations: items.map((i) => allocation(i, i.open)), unapplied, notes: [] };
}

/** Each item settled at its (discounted) open amount; the last one bears the bank-charge shortfall. */
function settle(kind: FitKind, items: readonly IndexedItem[], offers: readonly (DiscountWindow | undefined)[], shortfall: bigint, payment: Payment): AmountFit {
  const last = items.length - 1;
  const lastCash = items[last]!.open - (offers[last]?.discount ?? 0n) - shortfall;
  if (lastCash <= 0n) return { kind: "partial", allocations: inOrder(items, payment.amount), unapplied: 0n, notes: [] };
  const notes: string[] = [];
  const allocations = items.map((item, i) => {
    const discount = offers[i]?.discount ?? 0n;
    const charges = i === last ? shortfall : 0n;
    const offer = offers[i];
    if (offer) notes.push(`${formatPercent(offer.percentBp)} early-payment discount of ${formatLineAmount(offer.discount, payment.currency)} on ${item.invoice.number} (paid by ${offer.lastDay})`);
    if (charges > 0n) {
      notes.push(`${formatLineAmount(charges, payment.currency)} short on ${item.invoice.number}, within the bank-charge tolerance of ${formatLineAmount(payment.chargeTolerance, payment.currency)}`);
    }
    const cash = item.open - discount - charges;
    return { ...allocation(item, cash), discount: discount + charges, ...(charges > 0n ? { bankCharges: charges } : {}) };
  });
  return { kind, allocations: allocations.map(dropZeroDiscount), unapplied: 0n, notes };
}

/** One invoice in installments, paid exactly its oldest k installments. */
function oldestInstallmentsFor(items: readonly IndexedItem[], amount: bigint): IndexedItem[] | undefined {
  if (items.length < 2 || items.some((i) => i.invoice !== items[0]!.invoice)) return undefined;
  let running = 0n;
  for (let k = 0; k < items.length - 1; k++) {
    running += items[k]!.open;
    if (running === amount) return items.slice(0, k + 1);
    if (running > amount) return undefined;
  }
  return undefined;
}

function inOrder(items: readonly IndexedItem[], amount: bigint): MatchAllocation[] {
  const allocations: MatchAllocation[] = [];
  let remaining = amount;
  for (const item of items) {
    if (remaining <= 0n) break;
    const take = item.open < remaining ? item.open : remaining;
    allocations.push(allocation(item, take));
    remaining -= take;
  }
  return allocations;
}

function allocation(indexed: IndexedItem, amount: bigint): MatchAllocation {
  const seq = indexed.item.installmentSeq;
  return { invoiceId: indexed.item.invoiceId, ...(seq !== undefined ? { installmentSeq: seq } : {}), amount };
}

function dropZeroDiscount(a: MatchAllocation): MatchAllocation {
  if (a.discount !== 0n) return a;
  const { discount: _discount, ...rest } = a;
  return rest;
}

/** 200 bp → "2 %", 250 → "2.5 %". */
function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, "0").replace(/0+$/, "");
  return `${fraction === "" ? whole : `${whole}.${fraction}`} %`;
}
