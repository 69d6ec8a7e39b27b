import { bareKey, compactKey, strippedKey } from "./invoiceNumberKeys.js";
import type { IndexedInvoice, NumberKeyKind } from "./matchIndex.js";

/**
 * Invoice numbers by the forms payers write them in. Each number is filed once, by its stripped key
 * ("INV-000123" → INV123); a payer who drops the prefix ("Rechnung 123") is served by trying the tenant's
 * common prefixes in front of the digits, so the ledger's 150,000 numbers are not filed a second time.
 * Only numbers with an uncommon prefix are also filed by their bare digits.
 */
export interface InvoiceNumberIndex {
  /** strippedKey → the invoice (or, rarely, the invoices) with that key. */
  readonly whole: ReadonlyMap<string, IndexedInvoice | IndexedInvoice[]>;
  /** bareKey of numbers whose letter prefix is not among `commonPrefixes`. */
  readonly bare: ReadonlyMap<string, IndexedInvoice | IndexedInvoice[]>;
  /** The most used letter prefixes of the tenant's numbers ("INV", "RE"), most used first. */
  readonly commonPrefixes: readonly string[];
}

export interface NumberHit {
  kind: NumberKeyKind;
  invoices: IndexedInvoice[];
}

// A tenant numbers its invoices with a handful of series; trying more prefixes than this per word costs more than filing.
const MAX_COMMON_PREFIXES = 8;
const LETTER_PREFIX = /^[A-Z]+(?=\d)/;
const RF_PREFIX = /^RF\d\d(?=[A-Z0-9])/;

export function buildInvoiceNumberIndex(invoices: Iterable<IndexedInvoice>): InvoiceNumberIndex {
  const whole = new Map<string, IndexedInvoice | IndexedInvoice[]>();
  const prefixCounts = new Map<string, number>();
  for (const invoice of invoices) {
    const key = strippedKey(compactKey(invoice.number));
    if (key === "") continue;
    file(whole, key, invoice);
    const prefix = LETTER_PREFIX.exec(key)?.[0];
    if (prefix !== undefined) prefixCounts.set(prefix, (prefixCounts.get(prefix) ?? 0) + 1);
  }
  const commonPrefixes = [...prefixCounts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_COMMON_PREFIXES)
    .map(([prefix]) => prefix);
  const bare = new Map<string, IndexedInvoice | IndexedInvoice[]>();
  if (prefixCounts.size > commonPrefixes.length) {
    for (const [key, filed] of whole) {
      const prefix = LETTER_PREFIX.exec(key)?.[0];
      const digits = prefix === undefined || commonPrefixes.includes(prefix) ? undefined : bareKey(key);
      if (digits !== undefined) for (const invoice of listOf(filed)) file(bare, digits, invoice);
    }
  }
  return { whole, bare, commonPrefixes };
}

/**
 * The invoices a written key (compactKey of what the payer wrote) names: the whole number, with or without
 * leading zeros or an RF prefix; else, when `dropGluedPrefix`, without letters the payer glued on ("RE1001");
 * else the digits alone under one of the tenant's prefixes ("1001" → INV1001, a weaker hit).
 */
export function lookupInvoiceNumber(index: InvoiceNumberIndex, compact: string, dropGluedPrefix: boolean): NumberHit | undefined {
  const stripped = strippedKey(compact);
  const exact = wholeHit(index, stripped, compact);
  if (exact) return exact;
  if (RF_PREFIX.test(compact)) {
    const body = compact.replace(RF_PREFIX, "");
    const inReference = wholeHit(index, strippedKey(body), body);
    if (inReference) return inReference;
  }
  const glued = dropGluedPrefix ? bareKey(compact) : undefined;
  if (glued !== undefined) {
    const unprefixed = wholeHit(index, glued, glued);
    if (unprefixed) return unprefixed;
  }
  const digits = /^\d/.test(stripped) ? stripped : glued;
  if (digits === undefined || digits.length < 3) return undefined;
  const found = listOf(index.bare.get(digits));
  for (const prefix of index.commonPrefixes) {
    for (const invoice of listOf(index.whole.get(prefix + digits))) if (!found.includes(invoice)) found.push(invoice);
  }
  return found.length > 0 ? { kind: "bare-number", invoices: found } : undefined;
}

/** Every invoice filed under a stripped key (the typo search's keys are stripped keys). */
export function invoicesWithKey(index: InvoiceNumberIndex, stripped: string): IndexedInvoice[] {
  return listOf(index.whole.get(stripped));
}

function wholeHit(index: InvoiceNumberIndex, stripped: string, compact: string): NumberHit | undefined {
  const filed = index.whole.get(stripped);
  if (filed === undefined) return undefined;
  if (!Array.isArray(filed)) return { kind: "number", invoices: [filed] };
  const written = filed.filter((invoice) => compactKey(invoice.number) === compact);
  return { kind: "number", invoices: written.length > 0 ? written : [...filed] };
}

function file(map: Map<string, IndexedInvoice | IndexedInvoice[]>, key: string, invoice: IndexedInvoice): void {
  const filed = map.get(key);
  if (filed === undefined) map.set(key, invoice);
  else if (Array.isArray(filed)) filed.push(invoice);
  else map.set(key, [filed, invoice]);
}

const listOf = (filed: IndexedInvoice | IndexedInvoice[] | undefined): IndexedInvoice[] =>
  filed === undefined ? [] : Array.isArray(filed) ? [...filed] : [filed];
