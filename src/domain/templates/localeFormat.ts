import { currencyExponent, formatAmount, isCurrency, parseAmount, type Currency } from "../money/index.js";
import type { MoneyValue } from "./context.js";

/**
 * Locale-aware display of money, dates and counts for messages. A run formats hundreds of thousands
 * of values, mostly the same few due dates and amounts (each message shows them in its text and its
 * HTML), and one Intl call costs microseconds: formatters are built once per language and
 * remember what they produced.
 */

export const DATE_STYLES = ["short", "medium", "long", "full"] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
export type PluralForms = Partial<Record<(typeof PLURAL_CATEGORIES)[number], string>> & { other: string };

const FALLBACK_LOCALE = "en";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RESULTS_LIMIT = 5_000;

/** An Intl formatter with the results it already produced, bounded (cleared when full: a run refills it). */
interface Remembering<F, K, V> {
  intl: F;
  results: Map<K, V>;
}

interface LanguageFormats {
  locale: string;
  money: Map<string, Remembering<Intl.NumberFormat, string, string>>;
  dates: Map<DateStyle, Remembering<Intl.DateTimeFormat, string, string>>;
  counts: Remembering<{ rules: Intl.PluralRules; numbers: Intl.NumberFormat }, number, { category: Intl.LDMLPluralRule; shown: string }>;
}

// nested maps rather than concatenated keys: this is the hottest path of rendering
const byLanguage = new Map<string, LanguageFormats>();

/** A tag Intl accepts; a malformed one ("de_AT") falls back to English rather than failing a run. */
function locale(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

function formatsFor(language: string): LanguageFormats {
  let formats = byLanguage.get(language);
  if (!formats) {
    const tag = locale(language);
    formats = { locale: tag, money: new Map(), dates: new Map(), counts: { intl: { rules: new Intl.PluralRules(tag), numbers: new Intl.NumberFormat(tag) }, results: new Map() } };
    byLanguage.set(language, formats);
  }
  return formats;
}

function remember<K, V>(results: Map<K, V>, key: K, value: V): V {
  if (results.size >= RESULTS_LIMIT) results.clear();
  results.set(key, value);
  return value;
}

/**
 * "€1,250.00" (en), "1.250,00 €" (de). Intl gets the amount as a decimal string, which ECMA-402
 * reads as an exact decimal: no float ever touches it. Decimals follow ISO 4217 (our currency
 * table), not CLDR, so what is shown is exactly what is owed.
 */
export function formatMoneyFor(language: string, value: MoneyValue): string {
  const formats = formatsFor(language);
  let money = formats.money.get(value.currency);
  if (!money) {
    if (!isCurrency(value.currency)) throw new TypeError(`money: unknown currency ${JSON.stringify(value.currency)}`);
    const digits = currencyExponent(value.currency);
    const intl = new Intl.NumberFormat(formats.locale, { style: "currency", currency: value.currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.money.set(value.currency, (money = { intl, results: new Map() }));
  }
  const known = money.results.get(value.amount);
  if (known !== undefined) return known;
  // refuses what is not a decimal with at most the currency's decimals; Intl then gets the canonical form
  const parsed = parseAmount(value.amount, value.currency as Currency, { allowNegative: true });
  if (!parsed.ok) throw new TypeError(`money: ${parsed.error.message}`);
  return remember(money.results, value.amount, money.intl.format(formatAmount(parsed.value, value.currency as Currency) as `${number}`));
}

/** "Mar 5, 2025" (en, medium), "5. März 2025" (de, long). The date is a calendar date: no time zone shifts it. */
export function formatDateFor(language: string, isoDate: string, style: DateStyle = "medium"): string {
  const formats = formatsFor(language);
  let dates = formats.dates.get(style);
  if (!dates) formats.dates.set(style, (dates = { intl: new Intl.DateTimeFormat(formats.locale, { dateStyle: style, timeZone: "UTC" }), results: new Map() }));
  const known = dates.results.get(isoDate);
  if (known !== undefined) return known;
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new TypeError(`date: ${JSON.stringify(isoDate)} is not YYYY-MM-DD`);
  const day = new Date(0);
  day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3])); // Date.UTC would read year 0025 as 1925
  return remember(dates.results, isoDate, dates.intl.format(day));
}

/** The form of `forms` that the language's plural rules pick for `count`, with "#" replaced by the count. */
export function pluralFor(language: string, count: number, forms: PluralForms): string {
  const { counts } = formatsFor(language);
  const known = counts.results.get(count) ?? remember(counts.results, count, { category: counts.intl.rules.select(count), shown: counts.intl.numbers.format(count) });
  const form = forms[known.category] ?? forms.other;
  return form.includes("#") ? form.replaceAll("#", known.shown) : form;
}
