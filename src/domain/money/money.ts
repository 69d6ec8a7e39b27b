import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { currencyExponent, type Currency } from "./currency.js";

/** An amount in integer minor units of an ISO 4217 currency. Never a float. */
export interface Money {
  readonly amount: bigint;
  readonly currency: Currency;
}

export const money = (amount: bigint, currency: Currency): Money => ({ amount, currency });
export const zero = (currency: Currency): Money => ({ amount: 0n, currency });

export interface ParseAmountOptions {
  /** "1.234,56" style: comma is the decimal separator, "." and spaces group thousands. */
  decimalComma?: boolean;
  allowNegative?: boolean;
}

const GROUPING_AFTER_POINT = "[,\\s\\u00a0']";
const GROUPING_AFTER_COMMA = "[.\\s\\u00a0']";

function amountPattern(decimalComma: boolean): RegExp {
  const sep = decimalComma ? "," : "\\.";
  const group = decimalComma ? GROUPING_AFTER_COMMA : GROUPING_AFTER_POINT;
  // either plain digits, or digits grouped by threes with one consistent grouping character
  return new RegExp(`^([+-])?(\\d+|\\d{1,3}(${group})\\d{3}(?:\\3\\d{3})*)(?:${sep}(\\d+))?$`);
}
const PATTERN_POINT = amountPattern(false);
const PATTERN_COMMA = amountPattern(true);

/**
 * Parses a decimal string into minor units of `currency`. Rejects more decimals than the currency
 * has (no silent rounding of input), exponents, and stray characters.
 */
export function parseAmount(text: string, currency: Currency, options: ParseAmountOptions = {}): Result<bigint, DomainError> {
  const trimmed = text.trim();
  const match = (options.decimalComma ? PATTERN_COMMA : PATTERN_POINT).exec(trimmed);
  if (!match) return err(domainError("INVALID_AMOUNT", `"${text}" is not a decimal amount`));
  const [, sign, integerPart = "", groupChar, fraction = ""] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    return err(domainError("TOO_MANY_DECIMALS", `"${text}" has ${fraction.length} decimals; ${currency} has ${exponent}`));
  }
  const digits = (groupChar ? integerPart.split(groupChar).join("") : integerPart) + fraction.padEnd(exponent, "0");
  const minor = BigInt(digits);
  if (sign === "-" && minor !== 0n) {
    if (!options.allowNegative) return err(domainError("NEGATIVE_AMOUNT", `"${text}" is negative`));
    return ok(-minor);
  }
  return ok(minor);
}

/** Plain decimal string with exactly the currency's decimals: 1250.00, 1250 (JPY), 12.500 (BHD). */
export function formatAmount(minor: bigint, currency: Currency): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? "." + digits.slice(digits.length - exponent) : "";
  return (negative ? "-" : "") + whole + fraction;
}

export const formatMoney = (m: Money): string => formatAmount(m.amount, m.currency);

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount + b.amount, currency: a.currency };
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { amount: a.amount - b.amount, currency: a.currency };
}

export const sumAmounts = (amounts: Iterable<bigint>): bigint => {
  let total = 0n;
  for (const a of amounts) total += a;
  return total;
};

export const minBigint = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const maxBigint = (a: bigint, b: bigint): bigint => (a > b ? a : b);
