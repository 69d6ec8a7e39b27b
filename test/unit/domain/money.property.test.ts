import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allCurrencies, allocateByWeights, divideRounded, formatAmount, parseAmount, type Rounding } from "../../../src/domain/money/index.js";

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const anyCurrency = fc.constantFrom(...allCurrencies());
const amount = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const nonZero = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).filter((d) => d !== 0n);
const weights = fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 20 }).filter((ws) => ws.some((w) => w > 0n));
const roundings: Rounding[] = ["halfUp", "halfEven", "down", "up", "floor", "ceil"];

describe("money properties", () => {
  it("parses back every amount it formats, in every currency", () => {
    fc.assert(
      fc.property(amount, anyCurrency, (minor, cur) => {
        expect(parseAmount(formatAmount(minor, cur), cur, { allowNegative: true })).toEqual({ ok: true, value: minor });
      }),
    );
  });

  it("allocates parts that always sum to the total", () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const parts = allocateByWeights(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
      }),
    );
  });

  it("keeps each allocated part within one unit of its exact share", () => {
    fc.assert(
      fc.property(amount, weights, (total, ws) => {
        const weightSum = ws.reduce((a, b) => a + b, 0n);
        allocateByWeights(total, ws).forEach((part, i) => {
          // |part − total·w/W| < 1, scaled by W to stay in integers
          expect(abs(part * weightSum - total * ws[i]!)).toBeLessThan(weightSum);
        });
      }),
    );
  });

  it("rounds halfUp to within half a unit of the exact quotient", () => {
    fc.assert(
      fc.property(amount, nonZero, (n, d) => {
        const q = divideRounded(n, d, "halfUp");
        // |q − n/d| ≤ ½, scaled by 2|d|
        expect(2n * abs(q * d - n)).toBeLessThanOrEqual(abs(d));
      }),
    );
  });

  it("rounds halfUp ties away from zero", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (k) => {
        const tie = 2n * k + 1n; // (2k+1)/2 is always exactly half-way
        expect(divideRounded(tie, 2n, "halfUp")).toBe(tie > 0n ? k + 1n : k);
      }),
    );
  });

  it("stays within one unit of the exact quotient in every rounding mode, on the side the mode names", () => {
    fc.assert(
      fc.property(amount, nonZero, fc.constantFrom(...roundings), (n, d, rounding) => {
        const q = divideRounded(n, d, rounding);
        const error = q * d - n; // sign of (q − n/d) times sign of d
        const qMinusExact = d > 0n ? error : -error;
        expect(abs(error)).toBeLessThan(abs(d));
        if (rounding === "floor") expect(qMinusExact <= 0n).toBe(true);
        if (rounding === "ceil") expect(qMinusExact >= 0n).toBe(true);
        if (rounding === "down") expect(abs(q * d) <= abs(n)).toBe(true);
        if (rounding === "up") expect(abs(q * d) >= abs(n)).toBe(true);
      }),
    );
  });
});
