import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allCurrencies, currencyExponent, formatAmount } from "../../../src/domain/money/index.js";
import { formatDateFor, formatMoneyFor, pluralFor } from "../../../src/domain/templates/index.js";

// Intl uses no-break and narrow no-break spaces (fr "1 250,00 €"); compare with plain ones.
const plain = (s: string) => s.replace(/\s/g, " ");
const eur = (amount: string) => ({ amount, currency: "EUR" });

describe("formatMoneyFor", () => {
  it("writes amounts the way each language does", () => {
    const shown = Object.fromEntries(["en", "de", "fr", "es", "nl"].map((l) => [l, plain(formatMoneyFor(l, eur("1250.00")))]));
    expect(shown).toEqual({ en: "€1,250.00", de: "1.250,00 €", fr: "1 250,00 €", es: "1250,00 €", nl: "€ 1.250,00" });
  });

  it("shows the ISO 4217 decimals of the currency", () => {
    expect(formatMoneyFor("en", { amount: "1250", currency: "JPY" })).toBe("¥1,250");
    expect(plain(formatMoneyFor("en", { amount: "12.500", currency: "BHD" }))).toBe("BHD 12.500");
    expect(formatMoneyFor("en", eur("1250"))).toBe("€1,250.00");
    expect(formatMoneyFor("en", eur("-40.00"))).toBe("-€40.00");
  });

  it("keeps every digit of amounts far beyond float precision", () => {
    expect(plain(formatMoneyFor("de", eur("12345678901234567.89")))).toBe("12.345.678.901.234.567,89 €");
    expect(formatMoneyFor("en", eur("0.10"))).toBe("€0.10");
  });

  it("never changes the digits of an amount (property)", () => {
    const currencies = allCurrencies();
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.constantFrom(...currencies), fc.constantFrom("en", "de", "fr"), (minor, currency, language) => {
        const shown = formatMoneyFor(language, { amount: formatAmount(minor, currency), currency });
        const digits = shown.replace(/\D/g, "");
        expect(BigInt(digits)).toBe(minor);
        expect(digits.length).toBeGreaterThan(currencyExponent(currency));
      }),
    );
  });

  it("refuses a malformed amount rather than printing NaN to a customer", () => {
    expect(() => formatMoneyFor("en", eur("1250,00"))).toThrow(TypeError);
    expect(() => formatMoneyFor("en", eur("1e3"))).toThrow(TypeError);
    expect(() => formatMoneyFor("en", eur("12.345"))).toThrow(/decimals/);
    expect(() => formatMoneyFor("en", { amount: "1", currency: "XXX" })).toThrow(/currency/);
  });

  it("falls back to English for a tag Intl cannot read", () => {
    expect(formatMoneyFor("de_AT", eur("1.00"))).toBe("€1.00");
  });
});

describe("formatDateFor", () => {
  it("writes calendar dates in the language's medium and long styles, unshifted by time zones", () => {
    expect(formatDateFor("en", "2025-03-05")).toBe("Mar 5, 2025");
    expect(formatDateFor("de", "2025-03-05")).toBe("05.03.2025");
    expect(formatDateFor("de", "2025-03-05", "long")).toBe("5. März 2025");
    expect(formatDateFor("fr", "2025-12-31", "long")).toBe("31 décembre 2025");
    expect(formatDateFor("es", "2025-01-01", "long")).toBe("1 de enero de 2025");
    expect(formatDateFor("nl", "2025-03-05", "long")).toBe("5 maart 2025");
  });

  it("refuses what is not YYYY-MM-DD", () => {
    expect(() => formatDateFor("en", "05.03.2025")).toThrow(TypeError);
  });
});

describe("pluralFor", () => {
  const invoices = { one: "# invoice", other: "# invoices" };

  it("picks the form by the language's rules and writes the count in its style", () => {
    expect(pluralFor("en", 1, invoices)).toBe("1 invoice");
    expect(pluralFor("en", 0, invoices)).toBe("0 invoices");
    expect(pluralFor("en", 1234, invoices)).toBe("1,234 invoices");
    // French treats 0 as singular
    expect(pluralFor("fr", 0, { one: "# facture", other: "# factures" })).toBe("0 facture");
    expect(pluralFor("de", 2, { other: "# Rechnungen" })).toBe("2 Rechnungen");
  });
});
