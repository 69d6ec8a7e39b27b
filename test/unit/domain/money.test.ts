import { describe, expect, it } from "vitest";
import { allocateByWeights, currency, divideRounded, formatAmount, parseAmount, type Rounding } from "../../../src/domain/money/index.js";

const EUR = currency("EUR");
const JPY = currency("JPY");
const BHD = currency("BHD");

describe("parseAmount", () => {
  it("reads amounts into minor units of the currency's exponent", () => {
    expect(parseAmount("1250", JPY)).toEqual({ ok: true, value: 1250n });
    expect(parseAmount("1250.5", EUR)).toEqual({ ok: true, value: 125050n });
    expect(parseAmount("1250.00", EUR)).toEqual({ ok: true, value: 125000n });
    expect(parseAmount("12.5", BHD)).toEqual({ ok: true, value: 12500n });
    expect(parseAmount("12.345", BHD)).toEqual({ ok: true, value: 12345n });
  });

  it("rejects more decimals than the currency has instead of rounding them away", () => {
    for (const [text, cur] of [["1.5", JPY], ["1.005", EUR], ["1.0001", BHD]] as const) {
      const result = parseAmount(text, cur);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("TOO_MANY_DECIMALS");
    }
  });

  it("reads a decimal comma with point or space grouping when asked to", () => {
    expect(parseAmount("1.234,56", EUR, { decimalComma: true })).toEqual({ ok: true, value: 123456n });
    expect(parseAmount("1 234 567,5", EUR, { decimalComma: true })).toEqual({ ok: true, value: 123456750n });
    expect(parseAmount("1234,56", EUR, { decimalComma: true })).toEqual({ ok: true, value: 123456n });
  });

  it("accepts thousands grouped consistently by threes and nothing looser", () => {
    expect(parseAmount("1,234,567.89", EUR)).toEqual({ ok: true, value: 123456789n });
    expect(parseAmount("1'234.50", EUR)).toEqual({ ok: true, value: 123450n });
    for (const text of ["1,23.00", "1,234 567.00", "12,34", "1.234,56", "1e3", "€5", "", "1.2.3"]) {
      expect(parseAmount(text, EUR).ok, text).toBe(false);
    }
  });

  it("refuses negative amounts unless the caller allows them", () => {
    const refused = parseAmount("-5.00", EUR);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe("NEGATIVE_AMOUNT");
    expect(parseAmount("-5.00", EUR, { allowNegative: true })).toEqual({ ok: true, value: -500n });
    expect(parseAmount("-0.00", EUR)).toEqual({ ok: true, value: 0n });
    expect(parseAmount("+5", EUR)).toEqual({ ok: true, value: 500n });
  });

  it("ignores surrounding whitespace", () => {
    expect(parseAmount("  42.10 ", EUR)).toEqual({ ok: true, value: 4210n });
  });
});

describe("formatAmount", () => {
  it("writes exactly the currency's decimals: none for JPY, two for EUR, three for BHD", () => {
    expect(formatAmount(1250n, JPY)).toBe("1250");
    expect(formatAmount(125000n, EUR)).toBe("1250.00");
    expect(formatAmount(12500n, BHD)).toBe("12.500");
  });

  it("pads small amounts and keeps the sign in front", () => {
    expect(formatAmount(5n, EUR)).toBe("0.05");
    expect(formatAmount(1n, BHD)).toBe("0.001");
    expect(formatAmount(-5n, EUR)).toBe("-0.05");
    expect(formatAmount(-1234n, JPY)).toBe("-1234");
    expect(formatAmount(0n, EUR)).toBe("0.00");
  });
});

describe("divideRounded", () => {
  // [numerator, denominator, exact value, expected per rounding mode]
  const cases: [bigint, bigint, string, Record<Rounding, bigint>][] = [
    [7n, 2n, "3.5", { halfUp: 4n, halfEven: 4n, down: 3n, up: 4n, floor: 3n, ceil: 4n }],
    [5n, 2n, "2.5", { halfUp: 3n, halfEven: 2n, down: 2n, up: 3n, floor: 2n, ceil: 3n }],
    [-5n, 2n, "-2.5", { halfUp: -3n, halfEven: -2n, down: -2n, up: -3n, floor: -3n, ceil: -2n }],
    [5n, -2n, "-2.5", { halfUp: -3n, halfEven: -2n, down: -2n, up: -3n, floor: -3n, ceil: -2n }],
    [-7n, -2n, "3.5", { halfUp: 4n, halfEven: 4n, down: 3n, up: 4n, floor: 3n, ceil: 4n }],
    [7n, 3n, "2.33", { halfUp: 2n, halfEven: 2n, down: 2n, up: 3n, floor: 2n, ceil: 3n }],
    [8n, 3n, "2.67", { halfUp: 3n, halfEven: 3n, down: 2n, up: 3n, floor: 2n, ceil: 3n }],
    [-7n, 3n, "-2.33", { halfUp: -2n, halfEven: -2n, down: -2n, up: -3n, floor: -3n, ceil: -2n }],
    [-8n, 3n, "-2.67", { halfUp: -3n, halfEven: -3n, down: -2n, up: -3n, floor: -3n, ceil: -2n }],
    [6n, 3n, "2", { halfUp: 2n, halfEven: 2n, down: 2n, up: 2n, floor: 2n, ceil: 2n }],
  ];

  for (const [numerator, denominator, exact, expected] of cases) {
    for (const [rounding, quotient] of Object.entries(expected) as [Rounding, bigint][]) {
      it(`rounds ${numerator}/${denominator} (${exact}) ${rounding} to ${quotient}`, () => {
        expect(divideRounded(numerator, denominator, rounding)).toBe(quotient);
      });
    }
  }

  it("sends exact halves to the even neighbour under halfEven", () => {
    expect([1n, 3n, 5n, 7n].map((n) => divideRounded(n, 2n, "halfEven"))).toEqual([0n, 2n, 2n, 4n]);
  });

  it("refuses to divide by zero", () => {
    expect(() => divideRounded(1n, 0n, "halfUp")).toThrow(RangeError);
  });
});

describe("allocateByWeights", () => {
  it("splits 100.00 three ways as 33.34 + 33.33 + 33.33, giving the spare cent to the first part", () => {
    expect(allocateByWeights(10000n, [1n, 1n, 1n])).toEqual([3334n, 3333n, 3333n]);
  });

  it("gives leftover units to the largest remainders first", () => {
    // exact shares 1.4, 2.8, 5.8 → floors 1, 2, 5 leave 2 units for the .8 remainders
    expect(allocateByWeights(10n, [14n, 28n, 58n])).toEqual([1n, 3n, 6n]);
  });

  it("gives nothing to a zero weight", () => {
    expect(allocateByWeights(101n, [1n, 0n, 1n])).toEqual([51n, 0n, 50n]);
  });

  it("mirrors a negative total so refunds split like charges", () => {
    expect(allocateByWeights(-10000n, [1n, 1n, 1n])).toEqual([-3334n, -3333n, -3333n]);
  });

  it("rejects weights it cannot split by", () => {
    expect(() => allocateByWeights(100n, [])).toThrow(RangeError);
    expect(() => allocateByWeights(100n, [1n, -1n])).toThrow(RangeError);
    expect(() => allocateByWeights(100n, [0n, 0n])).toThrow(RangeError);
  });
});
