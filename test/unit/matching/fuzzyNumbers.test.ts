import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFuzzyNumberIndex, keysWithinOneEdit, withinOneEdit } from "../../../src/domain/matching/fuzzyNumbers.js";

/** Optimal string alignment distance, the textbook dynamic programme, to check the index against. */
function osaDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe("typo search", () => {
  it("counts one substitution, insertion, deletion or swap of neighbours as one edit", () => {
    expect(withinOneEdit("INV1023", "INV1O23")).toBe(true);
    expect(withinOneEdit("INV1023", "INV123")).toBe(true);
    expect(withinOneEdit("INV1023", "INV10233")).toBe(true);
    expect(withinOneEdit("INV1023", "INV1203")).toBe(true);
    expect(withinOneEdit("ABC", "BCA")).toBe(false);
    expect(withinOneEdit("INV1023", "INV2013")).toBe(false);
  });

  it("finds every key one edit from the query and nothing else, as a brute-force comparison would", () => {
    const word = fc.string({ unit: fc.constantFrom("A", "B", "1", "2", "0"), minLength: 3, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), word, (keys, query) => {
        const index = buildFuzzyNumberIndex(keys);
        const expected = [...new Set(keys)].filter((k) => k.length >= 4 && k !== query && osaDistance(k, query) === 1).sort();
        expect([...keysWithinOneEdit(index, query)].sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves out keys too short for a typo search", () => {
    expect(keysWithinOneEdit(buildFuzzyNumberIndex(["123", "1234"]), "1235")).toEqual(["1234"]);
  });
});
