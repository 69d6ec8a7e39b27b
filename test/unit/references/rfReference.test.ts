import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRfReference, isValidRfReference, normalizeRfReference, rfReference, rfReferenceForInvoice } from "../../../src/domain/references/rfReference.js";

const DIGITS = "0123456789".split("");
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".split("");
const body = fc.array(fc.constantFrom(...DIGITS, ...LETTERS), { minLength: 1, maxLength: 21 }).map((chars) => chars.join(""));
const kindOf = (char: string) => (/\d/.test(char) ? DIGITS : LETTERS);

describe("ISO 11649 RF creditor reference", () => {
  it("matches the published example RF18 5390 0754 7034", () => {
    expect(rfReference("539007547034")).toBe("RF18539007547034");
    expect(isValidRfReference("RF18 5390 0754 7034")).toBe(true);
    expect(isValidRfReference("RF18539007547034")).toBe(true);
    expect(isValidRfReference("rf18 5390 0754 7034")).toBe(true);
  });

  it("rejects wrong check digits, a too long body and stray characters", () => {
    expect(isValidRfReference("RF71 5390 0754 7034")).toBe(false);
    // leading zeros keep the check digits; 21 characters after RF18 is the most the standard allows
    expect(isValidRfReference("RF18 0000 0000 0539 0075 4703 4")).toBe(true);
    expect(isValidRfReference("RF18 0000 0000 0000 0000 0539 0075 4703 4")).toBe(false);
    expect(isValidRfReference("RF18")).toBe(false);
    expect(isValidRfReference("RF18-5390-0754-7034")).toBe(false);
    expect(isValidRfReference("XX18539007547034")).toBe(false);
  });

  it("validates the reference UBS sent in the camt.053 v8 sample", () => {
    expect(isValidRfReference("RF38000000000000000000552")).toBe(true);
  });

  it("normalizes and formats for printing in groups of four", () => {
    expect(normalizeRfReference(" rf18 5390\t0754 7034 ")).toBe("RF18539007547034");
    expect(formatRfReference("RF18000000000539007547034")).toBe("RF18 0000 0000 0539 0075 4703 4");
    expect(formatRfReference("RF47INV1")).toBe("RF47 INV1");
  });

  it("refuses bodies that are empty, too long or not alphanumeric", () => {
    expect(() => rfReference("")).toThrow(RangeError);
    expect(() => rfReference("1234567890123456789012")).toThrow(RangeError);
    expect(() => rfReference("INV-1")).toThrow(RangeError);
  });

  it("always validates what it generates", () => {
    fc.assert(fc.property(body, (b) => isValidRfReference(rfReference(b)) && rfReference(b).endsWith(b)));
  });

  it("fails when any single digit or letter is changed to another of its kind", () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), (b, position, pick) => {
        const reference = rfReference(b);
        const index = 2 + (position % (reference.length - 2)); // check digits or body
        const original = reference[index]!;
        const others = kindOf(original).filter((c) => c !== original);
        const changed = reference.slice(0, index) + others[pick % others.length] + reference.slice(index + 1);
        return !isValidRfReference(changed);
      }),
    );
  });

  it("fails when two different adjacent digits or adjacent letters are swapped", () => {
    fc.assert(
      fc.property(body.filter((b) => b.length >= 2), fc.nat(), (b, position) => {
        const reference = rfReference(b);
        // swaps inside the check digits, or inside the body
        const pairs = [2, ...Array.from({ length: b.length - 1 }, (_, i) => 4 + i)];
        const i = pairs[position % pairs.length]!;
        const [x, y] = [reference[i]!, reference[i + 1]!];
        fc.pre(x !== y && kindOf(x) === kindOf(y));
        return !isValidRfReference(reference.slice(0, i) + y + x + reference.slice(i + 2));
      }),
    );
  });

  it("cannot see every digit/letter swap: mod 97 reads a letter as two digits (a limit of ISO 11649)", () => {
    expect(rfReference("1B")).toBe("RF141B");
    expect(isValidRfReference("RF14B1")).toBe(true);
  });
});

describe("rfReferenceForInvoice", () => {
  it("keeps an upper-case alphanumeric invoice number as the readable body", () => {
    expect(rfReferenceForInvoice("INV20240017")).toBe("RF70INV20240017");
    expect(rfReferenceForInvoice("539007547034")).toBe("RF18539007547034");
  });

  it("is deterministic and valid for any invoice number", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (number) => {
        const reference = rfReferenceForInvoice(number);
        return isValidRfReference(reference) && reference === rfReferenceForInvoice(number);
      }),
    );
  });

  it("keeps the number's letters and digits in front and adds a digest when it has other characters", () => {
    const reference = rfReferenceForInvoice("INV-2024/0017");
    expect(reference).toMatch(/^RF\d{2}INV20240017[0-9A-Z]{8}$/);
    expect(reference).not.toBe(rfReferenceForInvoice("INV20240017"));
    expect(rfReferenceForInvoice("INV-1")).not.toBe(rfReferenceForInvoice("INV1"));
    expect(rfReferenceForInvoice("inv1")).not.toBe(rfReferenceForInvoice("INV1"));
  });

  it("shortens numbers longer than 21 letters and digits to 13 of them plus the digest", () => {
    const reference = rfReferenceForInvoice("2024000000000000000000123");
    expect(reference).toMatch(/^RF\d{2}2024000000000[0-9A-Z]{8}$/);
    expect(reference).not.toBe(rfReferenceForInvoice("2024000000000000000000124"));
    expect(normalizeRfReference(reference).length).toBe(25);
  });
});
