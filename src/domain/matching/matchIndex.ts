import type { DiscountTier } from "../discounts/discountTiers.js";
import type { Currency } from "../money/currency.js";
import { normalizeRfReference } from "../references/rfReference.js";
import { buildFuzzyNumberIndex, type FuzzyNumberIndex } from "./fuzzyNumbers.js";
import { buildInvoiceNumberIndex, type InvoiceNumberIndex } from "./invoiceNumberIndex.js";
import { compactKey, strippedKey } from "./invoiceNumberKeys.js";
import { normalizeIban, normalizePayerName } from "./payerKeys.js";

/** An open invoice or installment as the matching rules see it; loaded once per import. */
export interface OpenItemForMatching {
  invoiceId: string;
  installmentSeq?: number;
  number: string;
  customerId: string;
  /** The customer's external id, shown in explanations and looked for in remittance text. */
  customerRef: string;
  currency: Currency;
  /** Open balance in minor units; items with nothing open are left out of the index. */
  open: bigint;
  /** The item's original amount, which early-payment discounts are a percentage of. */
  amount: bigint;
  issueDate: string;
  dueDate: string;
  /** The invoice's ISO 11649 reference (installments of one invoice share it). */
  rfReference: string;
  /** Early-payment tiers that apply to this item (none for installments whose terms carry none). */
  discountTiers?: readonly DiscountTier[];
}

/** A payer learned from confirmed matches (learnPayer), or seeded from customer master data with 0 matches. */
export interface KnownPayer {
  iban?: string;
  name?: string;
  customerId: string;
  confirmedMatches: number;
}

export interface MatchSettings {
  /** A proposal at or above this confidence (0..1) that is unambiguous is applied without review. */
  autoApplyThreshold: number;
  /** Per currency code, how far short of the amount owed a payment may be and still settle it (bank charges). */
  bankChargeTolerance: Readonly<Partial<Record<string, bigint>>>;
  /** Bounds of the search for combinations of one customer's items that sum to a payment. */
  subsetSearch: { maxItems: number; maxCombinationSize: number; maxNodes: number };
}

/** One item in the index; `open` goes down as applyToIndex applies proposals of the same import. */
export interface IndexedItem {
  readonly item: OpenItemForMatching;
  readonly invoice: IndexedInvoice;
  open: bigint;
  /** The item's discount tiers with their last days, worked out on first need (amountFit.ts). */
  discountWindows?: readonly DiscountWindow[];
}

/** An early-payment tier of one item: `discount` off when paid on or before `lastDay` (YYYY-MM-DD). */
export interface DiscountWindow {
  lastDay: string;
  discount: bigint;
  percentBp: number;
}

export interface IndexedInvoice {
  readonly invoiceId: string;
  readonly number: string;
  readonly customerId: string;
  readonly currency: Currency;
  /** Its items (installments) oldest due first. */
  readonly items: IndexedItem[];
}

/** How a key names an invoice: its whole number, or only the number without its letter prefix. */
export type NumberKeyKind = "number" | "bare-number";

/** What a known payer's IBAN or name says: this customer, confirmed this many times. */
export interface PayerEvidence {
  customerId: string;
  confirmedMatches: number;
}

export interface MatchIndex {
  readonly settings: MatchSettings;
  readonly byRfReference: ReadonlyMap<string, IndexedInvoice>;
  readonly byInvoiceId: ReadonlyMap<string, IndexedInvoice>;
  readonly numbers: InvoiceNumberIndex;
  /** strippedKey of every customer ref → the customers with it. */
  readonly byCustomerRef: ReadonlyMap<string, readonly string[]>;
  /** customerId → currency → open items oldest due first (openItemsOf). */
  readonly byCustomer: ReadonlyMap<string, ReadonlyMap<string, readonly IndexedItem[]>>;
  readonly customerRefOf: ReadonlyMap<string, string>;
  readonly payersByIban: ReadonlyMap<string, readonly PayerEvidence[]>;
  readonly payersByName: ReadonlyMap<string, readonly PayerEvidence[]>;
  /** Built on the first typo search, since many imports need none (fuzzyIndexOf). */
  fuzzy?: FuzzyNumberIndex;
}

/** A customer's items in one currency with something still open, oldest due first. */
export function openItemsOf(index: MatchIndex, customerId: string, currency: string): IndexedItem[] {
  return (index.byCustomer.get(customerId)?.get(currency) ?? []).filter((i) => i.open > 0n);
}

/** Oldest due first; ties by issue date, number and installment, so the order never depends on input order. */
function byAge(a: IndexedItem, b: IndexedItem): number {
  const x = a.item;
  const y = b.item;
  if (x.dueDate !== y.dueDate) return x.dueDate < y.dueDate ? -1 : 1;
  if (x.issueDate !== y.issueDate) return x.issueDate < y.issueDate ? -1 : 1;
  if (x.number !== y.number) return x.number < y.number ? -1 : 1;
  return (x.installmentSeq ?? 0) - (y.installmentSeq ?? 0);
}

const NORMALIZED_REFERENCE = /^[A-Z0-9]+$/;

/** Sorts in place; a caller that loads items ordered by due date saves the sorting. */
function sortByAge(items: IndexedItem[]): void {
  for (let i = 1; i < items.length; i++) {
    if (byAge(items[i - 1]!, items[i]!) > 0) {
      items.sort(byAge);
      return;
    }
  }
}

/** Builds the lookups of one import over the tenant's open items and known payers. */
export function buildMatchIndex(items: readonly OpenItemForMatching[], payers: readonly KnownPayer[], settings: MatchSettings): MatchIndex {
  const invoices = new Map<string, IndexedInvoice>();
  const byCustomer = new Map<string, Map<string, IndexedItem[]>>();
  const customerRefOf = new Map<string, string>();
  for (const item of items) {
    if (item.open <= 0n) continue;
    let invoice = invoices.get(item.invoiceId);
    if (!invoice) {
      invoice = { invoiceId: item.invoiceId, number: item.number, customerId: item.customerId, currency: item.currency, items: [] };
      invoices.set(item.invoiceId, invoice);
    }
    const indexed: IndexedItem = { item, invoice, open: item.open };
    invoice.items.push(indexed);
    let currencies = byCustomer.get(item.customerId);
    if (!currencies) {
      currencies = new Map();
      byCustomer.set(item.customerId, currencies);
      customerRefOf.set(item.customerId, item.customerRef);
    }
    const list = currencies.get(item.currency);
    if (list) list.push(indexed);
    else currencies.set(item.currency, [indexed]);
  }
  for (const currencies of byCustomer.values()) for (const list of currencies.values()) sortByAge(list);

  const byRfReference = new Map<string, IndexedInvoice>();
  for (const invoice of invoices.values()) {
    sortByAge(invoice.items);
    const written = invoice.items[0]!.item.rfReference;
    const rf = NORMALIZED_REFERENCE.test(written) ? written : normalizeRfReference(written);
    if (!byRfReference.has(rf)) byRfReference.set(rf, invoice);
  }

  const byCustomerRef = new Map<string, string[]>();
  for (const [customerId, ref] of customerRefOf) {
    const key = strippedKey(compactKey(ref));
    if (key.length >= 3) pushUnique(byCustomerRef, key, customerId);
  }

  return {
    settings,
    byRfReference,
    byInvoiceId: invoices,
    numbers: buildInvoiceNumberIndex(invoices.values()),
    byCustomerRef,
    byCustomer,
    customerRefOf,
    payersByIban: payerEvidence(payers, (p) => (p.iban ? normalizeIban(p.iban) : "")),
    payersByName: payerEvidence(payers, (p) => (p.name ? normalizePayerName(p.name) : "")),
  };
}

function payerEvidence(payers: readonly KnownPayer[], keyOf: (p: KnownPayer) => string): Map<string, PayerEvidence[]> {
  const map = new Map<string, PayerEvidence[]>();
  for (const payer of payers) {
    const key = keyOf(payer);
    if (key === "") continue;
    const list = map.get(key) ?? [];
    const same = list.find((e) => e.customerId === payer.customerId);
    if (same) same.confirmedMatches += payer.confirmedMatches;
    else list.push({ customerId: payer.customerId, confirmedMatches: payer.confirmedMatches });
    map.set(key, list);
  }
  // the customer this payer paid most often comes first; ties by id keep the order deterministic
  for (const list of map.values()) list.sort((a, b) => b.confirmedMatches - a.confirmedMatches || (a.customerId < b.customerId ? -1 : 1));
  return map;
}

/** The typo index over every number's stripped key, built on first use and kept for the import. */
export function fuzzyIndexOf(index: MatchIndex): FuzzyNumberIndex {
  index.fuzzy ??= buildFuzzyNumberIndex(index.numbers.whole.keys());
  return index.fuzzy;
}

function pushUnique(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}
