import { describe, expect, it } from "vitest";
import { normalizeIban, normalizePayerName } from "../../../src/domain/matching/payerKeys.js";
import { scanRemittance } from "../../../src/domain/matching/remittanceScan.js";

const none = () => false;

describe("reading remittance text", () => {
  it("finds an RF reference written in groups, and lets its check digits decide where it ends", () => {
    expect(scanRemittance(["Zahlung RF18 5390 0754 7034 4711"], none)).toEqual({ references: [{ reference: "RF18539007547034", open: false }], words: ["ZAHLUNG", "4711"] });
    expect(scanRemittance(["rf18539007547034"], none).references).toEqual([{ reference: "RF18539007547034", open: false }]);
  });

  it("finds a reference broken across two lines", () => {
    expect(scanRemittance(["Ref RF18 5390 07", "54 7034"], none).references.map((r) => r.reference)).toEqual(["RF18539007547034"]);
  });

  it("prefers the reading that names an open invoice", () => {
    // RF18 5390 0754 7034 is valid; suppose only the shorter RF… were open — there is none, so the longest valid one stands
    const open = (ref: string) => ref === "RF18539007547034";
    expect(scanRemittance(["RF18 5390 0754 7034 0"], open).references).toEqual([{ reference: "RF18539007547034", open: true }]);
  });

  it("ignores an RF-looking word whose check digits are wrong, leaving it to the invoice-number rules", () => {
    expect(scanRemittance(["RF19 5390 0754 7034"], none)).toEqual({ references: [], words: ["RF19", "5390", "0754", "7034"] });
    expect(scanRemittance(["TRANSFER18"], none).references).toEqual([]);
  });

  it("takes dates and decimal amounts out before looking for invoice numbers", () => {
    expect(scanRemittance(["INV-1001 1.230,00 EUR 15.03.2024 2024-03-15 99.5"], none).words).toEqual(["INV", "1001", "EUR", "99", "5"]);
  });
});

describe("payer keys", () => {
  it("compares IBANs without blanks or case", () => {
    expect(normalizeIban("de89 3704 0044 0532 0130 00")).toBe("DE89370400440532013000");
  });

  it("compares names without case, accents, punctuation and legal forms", () => {
    expect(normalizePayerName("Müller & Söhne GmbH & Co. KG")).toBe("MULLER SOHNE");
    expect(normalizePayerName("MUSTER G.M.B.H.")).toBe("MUSTER");
    expect(normalizePayerName("Acme Corp, Inc.")).toBe("ACME");
  });
});
