import { isValidRfReference } from "../references/rfReference.js";

/**
 * Reads the remittance text of a payment the way a clerk would: first the RF references (typed with or
 * without spaces, possibly broken across lines), then the words left once references, dates and amounts
 * are taken out — the words invoice numbers are looked for in (namedInvoices.ts).
 */

export interface FoundReference {
  /** Normalized: "RF18539007547034". */
  reference: string;
  /** Whether it names an invoice in the index. */
  open: boolean;
}

export interface ScannedRemittance {
  /** Valid RF references in the order written, each once. */
  references: FoundReference[];
  /** Upper-case runs of letters and digits, in order. */
  words: string[];
}

// "RF" not inside a word, then two check digits, possibly with blanks between groups.
const RF_START = /(?<![A-Z0-9])RF(?=\s?\d\s?\d)/g;
const REFERENCE_LENGTH = { min: 5, max: 25 };
// Dates and decimal amounts look like numbers but never are invoice numbers; removing them keeps "15.03.2024"
// or "1.230,00" from naming invoices 2024 or 230.
const DATE = /(?<![A-Z0-9])(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})(?![A-Z0-9])/g;
const AMOUNT = /(?<![A-Z0-9.,'])(?:\d{1,3}(?:[.,']\d{3})+|\d+)[.,]\d{2}(?![0-9.,])/g;
// A remittance is at most a few hundred characters in any bank format; more is not worth reading.
const MAX_WORDS = 80;

export function scanRemittance(texts: readonly string[], isOpenReference: (reference: string) => boolean): ScannedRemittance {
  const text = texts.join(" ").replace(/\s+/g, " ").toUpperCase();
  const references: FoundReference[] = [];
  const kept: string[] = [];
  let copiedUpTo = 0;
  for (const match of text.includes("RF") ? text.matchAll(RF_START) : []) {
    if (match.index < copiedUpTo) continue;
    const found = readReference(text, match.index, isOpenReference);
    if (!found) continue;
    if (!references.some((r) => r.reference === found.reference)) references.push({ reference: found.reference, open: found.open });
    // the reference's digits must not be read again as invoice numbers
    kept.push(text.slice(copiedUpTo, match.index));
    copiedUpTo = found.end;
  }
  kept.push(text.slice(copiedUpTo));
  const rest = kept.join(" ").replace(DATE, " ").replace(AMOUNT, " ");
  const words = rest.split(/[^A-Z0-9]+/).filter((w) => w !== "");
  return { references, words: words.slice(0, MAX_WORDS) };
}

/**
 * The reference starting at `start`: the longest valid one that names an open invoice, else the longest valid
 * one. It ends where a word ends, and the check digits decide which word: "RF18 5390 0754 7034 4711" is
 * RF18539007547034, whether the payer grouped it in fours or not.
 */
function readReference(text: string, start: number, isOpen: (reference: string) => boolean): { reference: string; end: number; open: boolean } | undefined {
  let chars = "";
  const wordEnds: { length: number; end: number }[] = [];
  for (let i = start; i < text.length && chars.length < REFERENCE_LENGTH.max; i++) {
    const char = text[i]!;
    if (isAlphanumeric(char)) {
      chars += char;
      if (!isAlphanumeric(text[i + 1] ?? "")) wordEnds.push({ length: chars.length, end: i + 1 });
    } else if (!(char === " " && chars.length > 0 && isAlphanumeric(text[i + 1] ?? ""))) break;
  }
  let longestValid: { reference: string; end: number; open: boolean } | undefined;
  for (let w = wordEnds.length - 1; w >= 0; w--) {
    const { length, end } = wordEnds[w]!;
    if (length < REFERENCE_LENGTH.min) break;
    const reference = chars.slice(0, length);
    if (!isValidRfReference(reference)) continue;
    const found = { reference, end, open: isOpen(reference) };
    if (found.open) return found;
    longestValid ??= found;
  }
  return longestValid;
}

const isAlphanumeric = (char: string): boolean => (char >= "A" && char <= "Z") || (char >= "0" && char <= "9");
