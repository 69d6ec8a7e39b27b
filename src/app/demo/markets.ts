import { Rng, Weighted } from "./prng.js";

/** A country the demo sells into: its currency, languages and the formats its paperwork uses. */
export interface Market {
  country: string;
  currency: string;
  languages: Weighted<string>;
  /** Standard VAT/sales-tax rate in basis points (invoice amounts include it). */
  vatBp: number;
  phonePrefix: string;
  emailTld: string;
  legalForms: readonly string[];
  taxId: (rng: Rng) => string;
  /** Account the customer pays from: an IBAN in IBAN countries, the local form elsewhere. */
  bankAccount: (rng: Rng) => string;
  /** Payment methods with weights; bank transfer dominates B2B everywhere. */
  methods: Weighted<string>;
}

const digits = (rng: Rng, n: number): string => {
  let s = "";
  for (let i = 0; i < n; i++) s += String(rng.below(10));
  return s;
};
const letters = (rng: Rng, n: number): string => {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(65 + rng.below(26));
  return s;
};

/** ISO 13616 check digits, so generated IBANs pass validation in cash application. */
export function iban(country: string, bban: string): string {
  const numeric = (bban + country + "00").replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  return country + String(98 - remainder).padStart(2, "0") + bban;
}

const one = (language: string) => new Weighted([[language, 1]]);
const transfers = (extra: readonly (readonly [string, number])[] = []) => new Weighted<string>([["bank_transfer", 90], ...extra]);

export const MARKETS: readonly Market[] = [
  { country: "DE", currency: "EUR", languages: one("de"), vatBp: 1900, phonePrefix: "+49", emailTld: "de", legalForms: ["GmbH", "GmbH", "GmbH & Co. KG", "AG", "KG", "e.K."],
    taxId: (r) => "DE" + digits(r, 9), bankAccount: (r) => iban("DE", digits(r, 18)), methods: transfers([["direct_debit", 10]]) },
  { country: "AT", currency: "EUR", languages: one("de"), vatBp: 2000, phonePrefix: "+43", emailTld: "at", legalForms: ["GmbH", "AG", "KG"],
    taxId: (r) => "ATU" + digits(r, 8), bankAccount: (r) => iban("AT", digits(r, 16)), methods: transfers([["direct_debit", 8]]) },
  { country: "FR", currency: "EUR", languages: one("fr"), vatBp: 2000, phonePrefix: "+33", emailTld: "fr", legalForms: ["SAS", "SARL", "SA", "SASU"],
    taxId: (r) => "FR" + digits(r, 11), bankAccount: (r) => iban("FR", digits(r, 23)), methods: transfers([["direct_debit", 6], ["check", 4]]) },
  { country: "NL", currency: "EUR", languages: one("nl"), vatBp: 2100, phonePrefix: "+31", emailTld: "nl", legalForms: ["B.V.", "B.V.", "N.V.", "V.O.F."],
    taxId: (r) => "NL" + digits(r, 9) + "B01", bankAccount: (r) => iban("NL", letters(r, 4) + digits(r, 10)), methods: transfers([["direct_debit", 8]]) },
  { country: "BE", currency: "EUR", languages: new Weighted([["nl", 60], ["fr", 40]]), vatBp: 2100, phonePrefix: "+32", emailTld: "be", legalForms: ["BV", "NV", "SRL", "SA"],
    taxId: (r) => "BE0" + digits(r, 9), bankAccount: (r) => iban("BE", digits(r, 12)), methods: transfers() },
  { country: "ES", currency: "EUR", languages: one("es"), vatBp: 2100, phonePrefix: "+34", emailTld: "es", legalForms: ["S.L.", "S.L.", "S.A."],
    taxId: (r) => "ESB" + digits(r, 8), bankAccount: (r) => iban("ES", digits(r, 20)), methods: transfers([["direct_debit", 5]]) },
  { country: "IE", currency: "EUR", languages: one("en"), vatBp: 2300, phonePrefix: "+353", emailTld: "ie", legalForms: ["Ltd", "DAC"],
    taxId: (r) => "IE" + digits(r, 7) + letters(r, 1), bankAccount: (r) => iban("IE", letters(r, 4) + digits(r, 14)), methods: transfers() },
  { country: "GB", currency: "GBP", languages: one("en"), vatBp: 2000, phonePrefix: "+44", emailTld: "co.uk", legalForms: ["Ltd", "Ltd", "PLC", "LLP"],
    taxId: (r) => "GB" + digits(r, 9), bankAccount: (r) => iban("GB", letters(r, 4) + digits(r, 14)), methods: transfers([["card", 4]]) },
  { country: "US", currency: "USD", languages: one("en"), vatBp: 0, phonePrefix: "+1", emailTld: "com", legalForms: ["Inc.", "LLC", "Corp."],
    taxId: (r) => `${digits(r, 2)}-${digits(r, 7)}`, bankAccount: (r) => `${digits(r, 9)} ${digits(r, 10)}`, methods: new Weighted([["ach", 60], ["wire", 20], ["check", 15], ["card", 5]]) },
  { country: "CH", currency: "CHF", languages: new Weighted([["de", 70], ["fr", 30]]), vatBp: 810, phonePrefix: "+41", emailTld: "ch", legalForms: ["AG", "GmbH", "SA", "Sàrl"],
    taxId: (r) => `CHE-${digits(r, 3)}.${digits(r, 3)}.${digits(r, 3)} MWST`, bankAccount: (r) => iban("CH", digits(r, 17)), methods: transfers() },
  { country: "SE", currency: "SEK", languages: one("sv"), vatBp: 2500, phonePrefix: "+46", emailTld: "se", legalForms: ["AB", "AB", "HB"],
    taxId: (r) => "SE" + digits(r, 10) + "01", bankAccount: (r) => iban("SE", digits(r, 20)), methods: transfers([["bankgiro", 30]]) },
  { country: "JP", currency: "JPY", languages: one("ja"), vatBp: 1000, phonePrefix: "+81", emailTld: "co.jp", legalForms: ["株式会社", "合同会社"],
    taxId: (r) => "T" + digits(r, 13), bankAccount: (r) => `${digits(r, 4)}-${digits(r, 3)}-${digits(r, 7)}`, methods: transfers() },
];

/** Default mix of customer currencies and, inside each, of countries (weights in per mille). */
const CURRENCY_MIX: readonly (readonly [string, number])[] = [["EUR", 700], ["GBP", 100], ["USD", 80], ["CHF", 50], ["SEK", 50], ["JPY", 20]];
const COUNTRY_MIX: Readonly<Record<string, number>> = { DE: 400, FR: 200, NL: 140, ES: 140, AT: 50, BE: 50, IE: 20, GB: 1, US: 1, CH: 1, SE: 1, JP: 1 };

/** Euro value of one unit of each currency, in thousandths of the currency's major unit per euro. */
export const UNITS_PER_THOUSAND_EUR: Readonly<Record<string, number>> = { EUR: 1000, GBP: 850, USD: 1080, CHF: 950, SEK: 11_500, JPY: 160_000 };

export const DEMO_CURRENCIES: readonly string[] = CURRENCY_MIX.map(([c]) => c);

/** Markets weighted so the currency mix comes out as CURRENCY_MIX (or the chosen subset of it). */
export function marketMix(currencies: readonly string[] | undefined): Weighted<Market> {
  const chosen = currencies ?? DEMO_CURRENCIES;
  const unknown = chosen.filter((c) => !DEMO_CURRENCIES.includes(c));
  if (unknown.length > 0 || chosen.length === 0) throw new RangeError(`demo currencies are ${DEMO_CURRENCIES.join(", ")}; got ${chosen.join(", ") || "none"}`);
  const entries: [Market, number][] = [];
  for (const [currency, share] of CURRENCY_MIX) {
    if (!chosen.includes(currency)) continue;
    const markets = MARKETS.filter((m) => m.currency === currency);
    const inside = markets.reduce((sum, m) => sum + (COUNTRY_MIX[m.country] ?? 0), 0);
    for (const m of markets) entries.push([m, Math.round((share * 1000 * (COUNTRY_MIX[m.country] ?? 0)) / inside)]);
  }
  return new Weighted(entries);
}
