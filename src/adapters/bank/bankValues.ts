import { parseIsoDate } from "../../domain/dates/plainDate.js";
import { fail, type ErrorCode } from "../../domain/errors.js";
import { isCurrency, parseAmount, type Currency } from "../../domain/money/index.js";

/** Where in a bank file something is: the physical line and, for XML, the element path or, for text formats, the field. */
export interface FileLocation {
  line?: number;
  path?: string;
}

const describeLocation = (at: FileLocation): string =>
  [at.line !== undefined ? `line ${at.line}` : undefined, at.path].filter((part) => part !== undefined).join(", ");

/**
 * Refuses the whole file. The parsers throw (they are deep and stop at the first problem) and
 * parseBankFile turns the Failure into a Result, so no caller ever sees part of a file.
 */
export function refuse(code: ErrorCode, message: string, at: FileLocation): never {
  const where = describeLocation(at);
  return fail(code, where ? `${where}: ${message}` : message, { ...(at.line !== undefined && { line: at.line }), ...(at.path !== undefined && { path: at.path }) });
}

export function bankCurrency(code: string, at: FileLocation): Currency {
  const upper = code.trim().toUpperCase();
  if (!isCurrency(upper)) refuse("UNKNOWN_CURRENCY", `"${code}" is not an ISO 4217 currency code`, at);
  return upper;
}

/**
 * A decimal amount as banks write it: "1250.00", "474.4", "50000" (camt, CSV) or "1250,00", "9," (MT940,
 * decimal comma, trailing comma allowed). Exact, in minor units; more decimals than the currency has is an error.
 */
export function bankAmount(text: string, currency: Currency, at: FileLocation, options: { decimalComma?: boolean; allowNegative?: boolean } = {}): bigint {
  let normalized = text.trim();
  if (options.decimalComma && /^[+-]?\d+,$/.test(normalized)) normalized = normalized.slice(0, -1);
  const parsed = parseAmount(normalized, currency, options);
  if (!parsed.ok) refuse("MALFORMED_BANK_FILE", `amount "${text.trim()}": ${parsed.error.message}`, at);
  return parsed.value;
}

/** YYMMDD as SWIFT and BAI2 write dates; years 00–79 are 20xx, 80–99 are 19xx. */
export function shortDate(text: string, at: FileLocation): string {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) refuse("MALFORMED_BANK_FILE", `"${text}" is not a date in YYMMDD form`, at);
  const year = Number(match[1]) < 80 ? `20${match[1]}` : `19${match[1]}`;
  return isoDate(`${year}-${match[2]}-${match[3]}`, at);
}

/** An ISO date, or the date part of an ISO date-time (camt Dt and DtTm). */
export function isoDate(text: string, at: FileLocation): string {
  const parsed = parseIsoDate(text.trim().slice(0, 10));
  if (!parsed.ok) refuse("MALFORMED_BANK_FILE", `"${text.trim()}" is not a valid date`, at);
  return parsed.value.toString();
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

/** IBAN shape (country, check digits, BBAN); spaces are ignored. The check digits are the bank's business. */
export const looksLikeIban = (text: string): boolean => IBAN.test(text.replace(/\s+/g, "").toUpperCase());
export const looksLikeBic = (text: string): boolean => BIC.test(text.trim());

/** Text with runs of whitespace collapsed, or undefined when nothing is left. */
export function cleanText(text: string | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, " ").trim();
  return cleaned ? cleaned : undefined;
}
