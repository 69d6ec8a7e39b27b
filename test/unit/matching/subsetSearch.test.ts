import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findExactSubset } from "../../../src/domain/matching/subsetSearch.js";

const limits = { minSize: 1, maxSize: 5, maxNodes: 20_000 };

describe("bounded subset search", () => {
  it("prefers fewer items, then the earliest ones", () => {
    const amounts = [100n, 250n, 410n, 75n, 330n, 60n, 525n];
    expect(findExactSubset(amounts, 425n, { ...limits, minSize: 2 })).toMatchObject({ indices: [0, 1, 3], ambiguous: false, exhausted: false });
    expect(findExactSubset(amounts, 410n, limits).indices).toEqual([2]);
    expect(findExactSubset(amounts, 9_999n, limits)).toMatchObject({ indices: null, ambiguous: false });
  });

  it("says when another subset of the same size fits too", () => {
    expect(findExactSubset([100n, 200n, 200n, 100n], 300n, limits)).toMatchObject({ indices: [0, 1], ambiguous: true });
  });

  it("stops at the node budget and does not trust what it found as unique", () => {
    // even amounts never make an odd target, so the search would try every combination
    const amounts = Array.from({ length: 12 }, (_, i) => BigInt(2 * (i + 1)));
    const result = findExactSubset(amounts, 61n, { minSize: 1, maxSize: 5, maxNodes: 50 });
    expect(result).toMatchObject({ indices: null, exhausted: true });
    expect(result.nodes).toBeLessThanOrEqual(51);
  });

  it("finds a subset of the smallest size whenever one exists, and it sums to the target", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 50n }), { minLength: 1, maxLength: 9 }), fc.bigInt({ min: 1n, max: 150n }), (amounts, target) => {
        const result = findExactSubset(amounts, target, { minSize: 1, maxSize: 4, maxNodes: 1_000_000 });
        let smallest = Infinity;
        for (let mask = 1; mask < 1 << amounts.length; mask++) {
          const picked = amounts.filter((_, i) => mask & (1 << i));
          if (picked.length <= 4 && picked.reduce((a, b) => a + b, 0n) === target) smallest = Math.min(smallest, picked.length);
        }
        if (smallest === Infinity) expect(result.indices).toBeNull();
        else {
          expect(result.indices).toHaveLength(smallest);
          expect(result.indices!.reduce((sum, i) => sum + amounts[i]!, 0n)).toBe(target);
        }
      }),
      { numRuns: 300 },
    );
  });
});
