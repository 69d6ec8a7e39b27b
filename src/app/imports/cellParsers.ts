import type { PlainDate } from "../../domain/dates/plainDate.js";
import { parseIsoDate } from "../../domain/dates/plainDate.js";
import type { DomainError } from "../../domain/errors.js";
import { formatAmount, parseAmount, parseCurrency, type Currency } from "../../domain/money/index.js";
import type { Result } from "../../domain/result.js";

/**
 * The domain's parsers, applied to the text cells of an import. Dates and currencies repeat
 * thousands of times in a file, so their results are memoized per import: the rule stays the domain's
 * (parseIsoDate, parseCurrency) and a million rows cost a few thousand calls.
 */
export class CellParsers {
  private readonly dates = new Map<string, Result<PlainDate, DomainError>>();
  private readonly currencies = new Map<string, Result<Currency, DomainError>>();

  constructor(readonly decimalComma: boolean) {}

  date(text: string): Result<PlainDate, DomainError> {
    let parsed = this.dates.get(text);
    if (!parsed) this.dates.set(text, (parsed = parseIsoDate(text)));
    return parsed;
  }

  currency(text: string): Result<Currency, DomainError> {
    let parsed = this.currencies.get(text);
    if (!parsed) this.currencies.set(text, (parsed = parseCurrency(text)));
    return parsed;
  }

  /** Minor units; thousands separators allowed, the decimal mark as the import's option says. */
  amount(text: string, currency: Currency, allowNegative = false): Result<bigint, DomainError> {
    return parseAmount(text, currency, { decimalComma: this.decimalComma, allowNegative });
  }

  /** The amount as the API's decimal string ("1234.56"), for rows validated by the API's schemas. */
  canonicalAmount(text: string, currency: Currency): Result<string, DomainError> {
    const parsed = this.amount(text, currency, true);
    return parsed.ok ? { ok: true, value: formatAmount(parsed.value, currency) } : parsed;
  }
}

/** The trimmed cell, or undefined when it is empty or the column is absent. */
export function cell(fields: readonly string[], position: number | undefined): string | undefined {
  if (position === undefined) return undefined;
  const text = fields[position];
  if (!text) return undefined;
  // most cells have nothing to trim; skipping trim() then saves an allocation per cell on the hot path
  if (text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32) return text;
  return text.trim() || undefined;
}

const TRUE = new Set(["true", "yes", "y", "1", "x", "ja", "j", "wahr"]);
const FALSE = new Set(["false", "no", "n", "0", "nein", "falsch"]);

/** Yes/no cells as spreadsheets write them; undefined when the text is neither. */
export function parseFlag(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  return TRUE.has(lower) ? true : FALSE.has(lower) ? false : undefined;
}

/** "a | b|c" → ["a", "b", "c"]: lists inside one cell are separated by "|". */
export const splitList = (text: string): string[] =>
  text
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s !== "");
