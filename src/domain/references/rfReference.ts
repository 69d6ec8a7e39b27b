/**
 * ISO 11649 structured creditor reference ("RF reference"): "RF", two check digits, then 1–21 letters
 * and digits. The check digits make the whole reference, moved so that "RF" and the check digits come
 * last, with letters read as numbers (A = 10 … Z = 35), equal 1 modulo 97 — the IBAN check (ISO 7064 MOD 97-10).
 *
 * What the check catches for sure: any single changed digit, any single changed letter, and any swap of
 * two adjacent digits or two adjacent letters. A digit turned into a letter (or swapped with one) changes
 * the length of the number and is caught only with probability 96/97 — a property of the standard.
 */

const BODY = /^[A-Z0-9]{1,21}$/;
const REFERENCE = /^RF\d{2}[A-Z0-9]{1,21}$/;
const MAX_BODY = 21;

/** The remainder modulo 97 of the number the characters spell (digits as themselves, A = 10 … Z = 35). */
function mod97(text: string): number {
  let remainder = 0;
  for (const char of text) {
    const code = char.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55;
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}

/** Without blanks, upper case: "rf18 5390 0754 7034" → "RF18539007547034". */
export const normalizeRfReference = (text: string): string => text.replace(/\s+/g, "").toUpperCase();

/** The RF reference for a body of 1–21 letters and digits (case-insensitive); throws on anything else. */
export function rfReference(body: string): string {
  const normalized = normalizeRfReference(body);
  if (!BODY.test(normalized)) throw new RangeError(`an RF reference body is 1 to ${MAX_BODY} letters and digits, not "${body}"`);
  const check = 98 - mod97(`${normalized}RF00`);
  return `RF${String(check).padStart(2, "0")}${normalized}`;
}

/** True for a well-formed RF reference with correct check digits; blanks and case are ignored. */
export function isValidRfReference(text: string): boolean {
  const normalized = normalizeRfReference(text);
  return REFERENCE.test(normalized) && mod97(normalized.slice(4) + normalized.slice(0, 4)) === 1;
}

/** For printing: groups of four, "RF18 5390 0754 7034". */
export const formatRfReference = (text: string): string => normalizeRfReference(text).replace(/(.{4})(?=.)/g, "$1 ");

/** 64-bit FNV-1a of the text's UTF-16 units: a fixed, dependency-free digest for references. */
function fnv1a64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

const DIGEST_LENGTH = 8;

/**
 * The RF reference of an invoice, derived from its number alone so it can be printed before the invoice is
 * stored and recomputed anywhere. The body is the number's letters and digits, upper-cased ("INV-2024/0017"
 * → RF…INV20240017), so the invoice number stays readable inside the reference. When that would be
 * ambiguous or too long — the number has other characters, lower-case letters or more than 21 letters and
 * digits — the body keeps the first 13 of them and adds 8 base-36 characters of a digest of the exact
 * number, so "INV-1" and "INV1" get different references. Numbers that are already 1–21 upper-case letters
 * and digits map to themselves, so two of them never share a reference; a digested body meets another
 * invoice's body only by a one-in-2.8-trillion (36^8) coincidence, which the ledger's unique index would catch.
 */
export function rfReferenceForInvoice(invoiceNumber: string): string {
  const alphanumerics = invoiceNumber.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  if (BODY.test(invoiceNumber)) return rfReference(invoiceNumber);
  const digest = fnv1a64(invoiceNumber).toString(36).toUpperCase().padStart(DIGEST_LENGTH, "0").slice(-DIGEST_LENGTH);
  return rfReference(alphanumerics.slice(0, MAX_BODY - DIGEST_LENGTH) + digest);
}
