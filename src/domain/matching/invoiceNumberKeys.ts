/**
 * The forms an invoice number is looked up by, so that "INV-000123", "inv 123", "Rechnung 000123" and
 * "#123" can meet the number the ledger holds. Payers drop separators, add or drop leading zeros and
 * prefixes; they rarely change the letters and digits themselves (typos are fuzzyNumbers.ts's job).
 */

/** Upper case, letters and digits only: "inv-000123/a" → "INV000123A". */
export const compactKey = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, "");

/** Leading zeros of every digit run dropped: "INV000123" → "INV123", "000123" → "123"; "000" stays "0". */
export const strippedKey = (compact: string): string => compact.replace(/(^|[A-Z])0+(?=\d)/g, "$1");

const LETTER_PREFIX = /^[A-Z]+(?=\d)/;

/**
 * The number without its leading letters, zeros stripped: "INV000123" → "123". Payers often write only
 * the digits ("Rechnung 123"); undefined when the number has no letter prefix or too little is left to be
 * told from an amount or a date.
 */
export function bareKey(compact: string, minLength = 3): string | undefined {
  if (!LETTER_PREFIX.test(compact)) return undefined;
  const bare = strippedKey(compact.replace(LETTER_PREFIX, ""));
  return bare.length >= minLength ? bare : undefined;
}

/** True when the text holds a digit: only such tokens can be invoice numbers worth a typo search. */
export const hasDigit = (text: string): boolean => /\d/.test(text);
