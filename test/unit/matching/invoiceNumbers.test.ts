import { describe, expect, it } from "vitest";
import { buildInvoiceNumberIndex, lookupInvoiceNumber } from "../../../src/domain/matching/invoiceNumberIndex.js";
import { bareKey, compactKey, strippedKey } from "../../../src/domain/matching/invoiceNumberKeys.js";
import type { IndexedInvoice } from "../../../src/domain/matching/matchIndex.js";
import { EUR } from "./matchingKit.js";

const invoice = (number: string): IndexedInvoice => ({ invoiceId: `inv-${number}`, number, customerId: "c", currency: EUR, items: [] });
const numbersOf = (hit: ReturnType<typeof lookupInvoiceNumber>) => hit && { kind: hit.kind, numbers: hit.invoices.map((i) => i.number) };

describe("invoice number keys", () => {
  it("compacts to upper-case letters and digits and strips leading zeros of every digit run", () => {
    expect(compactKey("inv-000123/a")).toBe("INV000123A");
    expect(strippedKey("INV000123")).toBe("INV123");
    expect(strippedKey("000123")).toBe("123");
    expect(strippedKey("000")).toBe("0");
    expect(strippedKey("FA2024A007")).toBe("FA2024A7");
  });

  it("takes the digits after a letter prefix as the bare number, when enough is left", () => {
    expect(bareKey("INV000123")).toBe("123");
    expect(bareKey("INV12")).toBeUndefined();
    expect(bareKey("2024INV7")).toBeUndefined();
  });
});

describe("invoice number index", () => {
  const index = buildInvoiceNumberIndex(["INV-000123", "INV-1001", "123", "RE-77", "X-5000", "FA2024-17"].map(invoice));

  it("finds a number however its separators, case and leading zeros were written", () => {
    expect(numbersOf(lookupInvoiceNumber(index, "INV1001", false))).toEqual({ kind: "number", numbers: ["INV-1001"] });
    expect(numbersOf(lookupInvoiceNumber(index, "INV0001001", false))).toEqual({ kind: "number", numbers: ["INV-1001"] });
    expect(numbersOf(lookupInvoiceNumber(index, "000123", false))).toEqual({ kind: "number", numbers: ["123"] });
  });

  it("reads digits alone as a weaker hit under the tenant's common prefixes", () => {
    expect(numbersOf(lookupInvoiceNumber(index, "1001", false))).toEqual({ kind: "bare-number", numbers: ["INV-1001"] });
    expect(numbersOf(lookupInvoiceNumber(index, "5000", false))).toEqual({ kind: "bare-number", numbers: ["X-5000"] });
  });

  it("drops a prefix the payer glued on only when asked", () => {
    expect(numbersOf(lookupInvoiceNumber(index, "RE1001", true))).toEqual({ kind: "bare-number", numbers: ["INV-1001"] });
    expect(lookupInvoiceNumber(index, "RECHNUNG1001", false)).toBeUndefined();
  });

  it("reads an invoice number inside an RF-looking word", () => {
    expect(numbersOf(lookupInvoiceNumber(index, "RF00INV1001", false))).toEqual({ kind: "number", numbers: ["INV-1001"] });
  });

  it("prefers the number written exactly when two share a stripped key", () => {
    const twins = buildInvoiceNumberIndex(["INV-01", "INV-1"].map(invoice));
    expect(numbersOf(lookupInvoiceNumber(twins, "INV01", false))).toEqual({ kind: "number", numbers: ["INV-01"] });
    expect(numbersOf(lookupInvoiceNumber(twins, "INV001", false))).toEqual({ kind: "number", numbers: ["INV-01", "INV-1"] });
  });
});
