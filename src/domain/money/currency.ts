import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";

/** ISO 4217 alphabetic code, checked against the table below. */
export type Currency = string & { readonly __brand: "Currency" };

// ISO 4217 active codes by minor-unit exponent. Shipped as data, not read from Intl, because ICU's
// CLDR digits differ from ISO for some currencies and change between Node releases.
const BY_EXPONENT: Record<number, string> = {
  0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
  2:
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
    "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS " +
    "GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL " +
    "MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK " +
    "PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS " +
    "TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG",
  3: "BHD IQD JOD KWD LYD OMR TND",
  4: "CLF UYW",
};

const EXPONENTS = new Map<string, number>(
  Object.entries(BY_EXPONENT).flatMap(([exp, codes]) => codes.split(" ").map((c) => [c, Number(exp)] as const)),
);

export const isCurrency = (code: string): code is Currency => EXPONENTS.has(code);

export function parseCurrency(text: string): Result<Currency, DomainError> {
  const code = text.trim().toUpperCase();
  return isCurrency(code) ? ok(code) : err(domainError("UNKNOWN_CURRENCY", `"${text}" is not an ISO 4217 currency code`));
}

/** Number of decimal places of the currency's minor unit (JPY 0, EUR 2, BHD 3). */
export function currencyExponent(currency: Currency): number {
  const exp = EXPONENTS.get(currency);
  if (exp === undefined) throw new Error(`unknown currency ${currency}`);
  return exp;
}

export const allCurrencies = (): Currency[] => [...EXPONENTS.keys()].sort() as Currency[];

/** For trusted values (constants, database rows); input edges use parseCurrency. */
export function currency(code: string): Currency {
  if (!isCurrency(code)) throw new Error(`unknown currency ${code}`);
  return code;
}
