import { describe, expect, it } from "vitest";
import { fixedCompensation } from "../../../src/domain/fees/fixedCompensation.js";
import { currency } from "../../../src/domain/money/index.js";

const EUR = currency("EUR");
const GBP = currency("GBP");

describe("fixedCompensation", () => {
  it.each(["EU", "DE", "FR"])("gives €40.00 per late invoice in %s, whatever its size", (jurisdiction) => {
    expect(fixedCompensation(jurisdiction, 1n, EUR)).toEqual({ ok: true, value: { amount: 40_00n, currency: EUR } });
    expect(fixedCompensation(jurisdiction, 10n ** 12n, EUR)).toEqual({ ok: true, value: { amount: 40_00n, currency: EUR } });
  });

  it.each([
    [999_99n, 40_00n],
    [1_000_00n, 70_00n],
    [5_000_00n, 70_00n],
    [9_999_99n, 70_00n],
    [10_000_00n, 100_00n],
    [250_000_00n, 100_00n],
  ])("gives a UK debt of %i pence £%i/100 (bands below £1,000, below £10,000, from £10,000)", (principal, amount) => {
    expect(fixedCompensation("GB", principal, GBP)).toEqual({ ok: true, value: { amount, currency: GBP } });
  });

  it("gives nothing in the US, or on a debt of zero", () => {
    expect(fixedCompensation("US", 1_000_00n, currency("USD"))).toEqual({ ok: true, value: null });
    expect(fixedCompensation("DE", 0n, EUR)).toEqual({ ok: true, value: null });
  });

  it("refuses an unknown jurisdiction, a negative debt, and a UK band for a debt not in pounds", () => {
    expect(fixedCompensation("ES", 1n, EUR)).toMatchObject({ ok: false, error: { code: "INVALID_INTEREST", path: "jurisdiction" } });
    expect(fixedCompensation("DE", -1n, EUR)).toMatchObject({ ok: false, error: { code: "NEGATIVE_AMOUNT", path: "principal" } });
    expect(fixedCompensation("GB", 5_000_00n, EUR)).toMatchObject({ ok: false, error: { code: "CURRENCY_MISMATCH", path: "currency" } });
  });
});
