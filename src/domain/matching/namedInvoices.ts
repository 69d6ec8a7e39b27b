import { formatRfReference } from "../references/rfReference.js";
import type { NamedVia } from "./confidence.js";
import { keysWithinOneEdit } from "./fuzzyNumbers.js";
import { invoicesWithKey, lookupInvoiceNumber } from "./invoiceNumberIndex.js";
import { hasDigit, strippedKey } from "./invoiceNumberKeys.js";
import { fuzzyIndexOf, type IndexedInvoice, type MatchIndex } from "./matchIndex.js";
import type { CreditLine } from "./proposal.js";
import { scanRemittance } from "./remittanceScan.js";

/**
 * Which invoices a payment's remittance names: by RF reference, then by invoice number anywhere in the
 * text — whole ("INV-1001", "INV 1001", "inv1001"), with or without leading zeros ("000123" for "123"),
 * without its prefix ("1001", "Rechnung 1001", "#1001"), or behind one the payer added ("RE1001") — and,
 * only when asked (readTypos), within one typo of exactly one open invoice.
 */

export interface NamedInvoice {
  invoice: IndexedInvoice;
  via: NamedVia;
  /** What the payer wrote, for the explanation. */
  written: string;
  /** The text fits several invoices and this one was picked by amount or payer: a person confirms. */
  ambiguous: boolean;
}

export interface RemittanceReading {
  /** In the order written, RF references first; each invoice once. */
  named: NamedInvoice[];
  /** Customers the text names by their own reference. */
  customerIds: string[];
  /** Valid RF references that name no open invoice (paid already, or not this tenant's). */
  closedReferences: string[];
  words: readonly string[];
  /** Words already read as an invoice number or a customer reference. */
  used: boolean[];
}

// Invoice numbers written with blanks ("INV 2024 0017") span up to this many words.
const MAX_WINDOW_WORDS = 4;
const MAX_TYPO_WINDOW_WORDS = 3;
const MAX_KEY_LENGTH = 35;
/** Shorter than this, one typo away from a number is too many numbers to mean one. */
const MIN_TYPO_QUERY_LENGTH = 5;
const RF_PREFIX = /^RF\d\d(?=[A-Z0-9])/;

export function readRemittance(line: CreditLine, index: MatchIndex): RemittanceReading {
  const texts = line.creditorReference ? [line.creditorReference, ...line.remittance] : [...line.remittance];
  const scan = scanRemittance(texts, (reference) => index.byRfReference.has(reference));
  const reading: RemittanceReading = { named: [], customerIds: [], closedReferences: [], words: scan.words, used: scan.words.map(() => false) };
  for (const { reference, open } of scan.references) {
    const invoice = index.byRfReference.get(reference);
    if (open && invoice) addNamed(reading.named, { invoice, via: "rf-reference", written: formatRfReference(reference), ambiguous: false });
    else reading.closedReferences.push(formatRfReference(reference));
  }
  const { words } = scan;
  for (let i = 0; i < words.length; ) {
    let size = Math.min(MAX_WINDOW_WORDS, words.length - i);
    for (; size >= 1; size--) if (readWindow(reading, index, i, size)) break;
    if (size >= 1) reading.used.fill(true, i, i + size);
    i += Math.max(size, 1);
  }
  return reading;
}

/** Reads words i..i+size-1 as one number or customer reference; true when they named something. */
function readWindow(reading: RemittanceReading, index: MatchIndex, i: number, size: number): boolean {
  const words = reading.words.slice(i, i + size);
  // every invoice number and customer reference worth the name has a digit
  if (!words.some(hasDigit)) return false;
  const compact = words.join("");
  if (compact.length > MAX_KEY_LENGTH) return false;
  // a prefix glued to the number ("RE1001") is dropped; separate prefix words are skipped by a shorter window
  const hit = lookupInvoiceNumber(index.numbers, compact, hasDigit(words[0]!));
  if (!hit || hit.kind === "bare-number") {
    const customers = customersNamed(index, compact);
    if (customers) {
      for (const id of customers) if (!reading.customerIds.includes(id)) reading.customerIds.push(id);
      return true;
    }
  }
  if (!hit) return false;
  const written = words.join(" ");
  for (const invoice of hit.invoices) addNamed(reading.named, { invoice, via: hit.kind, written, ambiguous: hit.invoices.length > 1 });
  return true;
}

function customersNamed(index: MatchIndex, compact: string): readonly string[] | undefined {
  const customers = index.byCustomerRef.get(strippedKey(compact));
  // a reference two customers share names neither
  return customers && customers.length === 1 ? customers : undefined;
}

export interface TypoReading {
  named: NamedInvoice[];
  notes: string[];
}

/**
 * Invoice numbers written with one typo, in the words no exact number took: used when exactly one open
 * invoice is one edit away; when several are, only if exactly one of them `fits` (the amount, the payer),
 * and then as ambiguous.
 */
export function readTypos(reading: RemittanceReading, index: MatchIndex, fits: (invoice: IndexedInvoice) => boolean): TypoReading {
  const result: TypoReading = { named: [], notes: [] };
  const { words, used } = reading;
  const already = new Set(reading.named.map((n) => n.invoice));
  for (let i = 0; i < words.length; i++) {
    if (used[i]) continue;
    for (let size = Math.min(MAX_TYPO_WINDOW_WORDS, words.length - i); size >= 1; size--) {
      if (used.slice(i, i + size).some(Boolean)) continue;
      const written = words.slice(i, i + size).join(" ");
      const candidates = typoCandidates(index, words.slice(i, i + size).join(""), already);
      if (candidates.length === 0) continue;
      const chosen = candidates.length === 1 ? candidates : candidates.filter(fits);
      if (chosen.length === 1) {
        const invoice = chosen[0]!;
        result.named.push({ invoice, via: "fuzzy", written, ambiguous: candidates.length > 1 });
        already.add(invoice);
      } else {
        const numbers = candidates.slice(0, 5).map((c) => c.number).join(", ");
        result.notes.push(`"${written}" is one typo away from ${candidates.length} open invoices (${numbers}${candidates.length > 5 ? ", …" : ""}); none chosen`);
      }
      i += size - 1;
      break;
    }
  }
  return result;
}

function typoCandidates(index: MatchIndex, compact: string, exclude: ReadonlySet<IndexedInvoice>): IndexedInvoice[] {
  if (!hasDigit(compact) || compact.length > MAX_KEY_LENGTH) return [];
  const stripped = strippedKey(compact);
  const queries = [stripped];
  if (RF_PREFIX.test(compact)) queries.push(strippedKey(compact.replace(RF_PREFIX, "")));
  // digits alone ("Rechnung 1O23") are looked for under the tenant's prefixes, as exact digits are
  if (/^\d/.test(stripped)) for (const prefix of index.numbers.commonPrefixes) queries.push(prefix + stripped);
  const fuzzy = fuzzyIndexOf(index);
  const found: IndexedInvoice[] = [];
  for (const query of queries) {
    if (query.length < MIN_TYPO_QUERY_LENGTH) continue;
    for (const key of keysWithinOneEdit(fuzzy, query)) {
      for (const invoice of invoicesWithKey(index.numbers, key)) if (!exclude.has(invoice) && !found.includes(invoice)) found.push(invoice);
    }
  }
  return found;
}

function addNamed(named: NamedInvoice[], candidate: NamedInvoice): void {
  if (!named.some((n) => n.invoice === candidate.invoice)) named.push(candidate);
}
