import { describe, expect, it } from "vitest";
import { applyToIndex, learnPayer, matchCredit } from "../../../src/domain/matching/index.js";
import { currency } from "../../../src/domain/money/currency.js";
import { formatRfReference, rfReferenceForInvoice } from "../../../src/domain/references/rfReference.js";
import { credit, indexOf, openItem, USD } from "./matchingKit.js";

const rf1001 = rfReferenceForInvoice("INV-1001");

describe("rule 1: a valid RF reference names the invoice", () => {
  const index = indexOf([openItem("INV-1001", 1_000_00n), openItem("INV-1002", 500_00n)]);

  it("applies the exact amount automatically when the reference is in the structured creditor reference", () => {
    const proposal = matchCredit(credit(1_000_00n, { creditorReference: rf1001 }), index);
    expect(proposal).toMatchObject({ status: "auto", method: "rf-reference", confidence: 0.99, customerId: "cust-42", unapplied: 0n });
    expect(proposal.allocations).toEqual([{ invoiceId: "inv-INV-1001", amount: 1_000_00n }]);
    expect(proposal.explanation[0]).toBe(`${formatRfReference(rf1001)} names INV-1001`);
  });

  it("finds it in free text written with spaces, lower case and broken across two lines", () => {
    const spaced = formatRfReference(rf1001).toLowerCase();
    const [head, tail] = [spaced.slice(0, 9), spaced.slice(9)];
    const proposal = matchCredit(credit(1_000_00n, { remittance: [`Zahlung ${head}`, `${tail} danke 4711`] }), index);
    expect(proposal).toMatchObject({ status: "auto", method: "rf-reference", allocations: [{ invoiceId: "inv-INV-1001", amount: 1_000_00n }] });
  });

  it("applies a partial payment to the invoice, a bit less sure", () => {
    const proposal = matchCredit(credit(400_00n, { creditorReference: rf1001 }), index);
    expect(proposal).toMatchObject({ status: "auto", confidence: 0.93, allocations: [{ invoiceId: "inv-INV-1001", amount: 400_00n }], unapplied: 0n });
  });

  it("leaves an overpayment unapplied, as credit on the customer's account", () => {
    const proposal = matchCredit(credit(1_050_00n, { creditorReference: rf1001 }), index);
    expect(proposal).toMatchObject({ status: "auto", confidence: 0.95, allocations: [{ invoiceId: "inv-INV-1001", amount: 1_000_00n }], unapplied: 50_00n, customerId: "cust-42" });
    expect(proposal.explanation.join("\n")).toContain("50.00 EUR more than the 1000.00 EUR open");
  });

  it("pays the oldest installments an RF-named invoice's amount covers", () => {
    const installments = indexOf([
      openItem("INV-7", 300_00n, { invoiceId: "inv-7", installmentSeq: 2, dueDate: "2024-05-31" }),
      openItem("INV-7", 300_00n, { invoiceId: "inv-7", installmentSeq: 1, dueDate: "2024-04-30" }),
    ]);
    const proposal = matchCredit(credit(300_00n, { creditorReference: rfReferenceForInvoice("INV-7") }), installments);
    expect(proposal).toMatchObject({ status: "auto", confidence: 0.99, allocations: [{ invoiceId: "inv-7", installmentSeq: 1, amount: 300_00n }] });
  });

  it("does not apply automatically when a valid reference names no open invoice", () => {
    const paidElsewhere = rfReferenceForInvoice("INV-0999");
    const payers = [{ iban: "DE89370400440532013000", customerId: "cust-42", confirmedMatches: 5 }];
    const proposal = matchCredit(credit(500_00n, { creditorReference: paidElsewhere, counterparty: { iban: "DE89 3704 0044 0532 0130 00" } }), indexOf([openItem("INV-1002", 500_00n)], payers));
    expect(proposal.status).toBe("suggested");
    expect(proposal.warnings?.[0]).toContain("names no open invoice");
  });
});

describe("rule 2: invoice numbers in the remittance text", () => {
  it('reads "Rechnung Nr. 000123" as invoice 123', () => {
    const proposal = matchCredit(credit(123_45n, { remittance: ["Rechnung Nr. 000123"] }), indexOf([openItem("123", 123_45n)]));
    expect(proposal).toMatchObject({ status: "auto", method: "invoice-number", confidence: 0.96, allocations: [{ invoiceId: "inv-123", amount: 123_45n }] });
    expect(proposal.explanation[0]).toBe('"000123" in the remittance names 123');
  });

  it.each([["INV 1001"], ["inv1001"], ["#1001"], ["Facture 1001"], ["Rechnung: 1001, vielen Dank"], ["RE1001"]])("tolerates the way the payer wrote it: %s", (text) => {
    const proposal = matchCredit(credit(1_000_00n, { remittance: [text] }), indexOf([openItem("INV-1001", 1_000_00n), openItem("INV-2002", 1_000_00n)]));
    expect(proposal.status).toBe("auto");
    expect(proposal.allocations).toEqual([{ invoiceId: "inv-INV-1001", amount: 1_000_00n }]);
  });

  it("does not read dates and amounts in the text as invoice numbers", () => {
    const index = indexOf([openItem("INV-1001", 1_230_00n), openItem("INV-2024", 1_00n), openItem("INV-230", 2_00n)]);
    const proposal = matchCredit(credit(1_230_00n, { remittance: ["INV-1001 1.230,00 EUR vom 15.03.2024"] }), index);
    expect(proposal).toMatchObject({ status: "auto", allocations: [{ invoiceId: "inv-INV-1001", amount: 1_230_00n }] });
    expect(proposal.explanation.join("\n")).not.toContain("also named");
  });

  it("pays two invoices named in one line, in the order given", () => {
    const index = indexOf([openItem("INV-1001", 1_000_00n), openItem("INV-1002", 700_00n), openItem("INV-1003", 230_00n)]);
    const exact = matchCredit(credit(1_230_00n, { remittance: ["INV-1001 + INV-1003"] }), index);
    expect(exact).toMatchObject({ status: "auto", method: "invoice-number", allocations: [{ invoiceId: "inv-INV-1001", amount: 1_000_00n }, { invoiceId: "inv-INV-1003", amount: 230_00n }] });
    expect(exact.explanation).toContain("INV-1001 + INV-1003 = 1230.00 EUR");

    const partial = matchCredit(credit(1_100_00n, { remittance: ["INV-1003, INV-1001"] }), index);
    expect(partial).toMatchObject({ status: "suggested", allocations: [{ invoiceId: "inv-INV-1003", amount: 230_00n }, { invoiceId: "inv-INV-1001", amount: 870_00n }] });
  });

  it("pays exactly the named invoices the amount covers when the line names more", () => {
    const index = indexOf([openItem("INV-1001", 1_000_00n), openItem("INV-1002", 700_00n), openItem("INV-1003", 230_00n)]);
    const proposal = matchCredit(credit(930_00n, { remittance: ["INV-1001 INV-1002 INV-1003"] }), index);
    expect(proposal.allocations).toEqual([{ invoiceId: "inv-INV-1002", amount: 700_00n }, { invoiceId: "inv-INV-1003", amount: 230_00n }]);
    expect(proposal.explanation).toContain("also named, but not paid by this amount: INV-1001");
  });

  it("only suggests when the invoices named belong to different customers", () => {
    const index = indexOf([openItem("INV-1001", 1_000_00n), openItem("INV-1003", 230_00n, { customerId: "cust-7", customerRef: "C7" })]);
    const proposal = matchCredit(credit(1_230_00n, { remittance: ["INV-1001 INV-1003"] }), index);
    expect(proposal.status).toBe("suggested");
    expect(proposal.customerId).toBeUndefined();
    expect(proposal.warnings).toContain("the invoices named belong to 2 customers: C100042, C7");
  });

  it("raises confidence when the amount agrees and lowers it when it does not", () => {
    const index = indexOf([openItem("INV-1001", 1_000_00n)]);
    expect(matchCredit(credit(1_000_00n, { remittance: ["INV-1001"] }), index).confidence).toBe(0.96);
    expect(matchCredit(credit(600_00n, { remittance: ["INV-1001"] }), index)).toMatchObject({ status: "suggested", confidence: 0.75 });
  });
});

describe("rule 2: invoice numbers with one typo", () => {
  it('reads "INV-1O23" (letter O) as INV-1023 when no other open invoice is one typo away', () => {
    const proposal = matchCredit(credit(1_023_00n, { remittance: ["INV-1O23"] }), indexOf([openItem("INV-1023", 1_023_00n), openItem("INV-2040", 1_023_00n)]));
    expect(proposal).toMatchObject({ status: "auto", method: "invoice-number", confidence: 0.91, allocations: [{ invoiceId: "inv-INV-1023", amount: 1_023_00n }] });
    expect(proposal.explanation[0]).toBe('"INV 1O23" is one typo away from INV-1023 and from no other open invoice');
  });

  it("reads digits with a typo under the tenant's invoice prefix", () => {
    const proposal = matchCredit(credit(1_023_00n, { remittance: ["Rechnung 1O23"] }), indexOf([openItem("INV-1023", 1_023_00n), openItem("INV-2040", 1_023_00n)]));
    expect(proposal).toMatchObject({ status: "auto", allocations: [{ invoiceId: "inv-INV-1023", amount: 1_023_00n }] });
  });

  it("does not guess when two open invoices are one typo away and the amount fits neither", () => {
    const proposal = matchCredit(credit(999_00n, { remittance: ["INV-1O23"] }), indexOf([openItem("INV-1023", 1_023_00n), openItem("INV-1123", 1_123_00n)]));
    expect(proposal.status).toBe("unmatched");
    expect(proposal.explanation[0]).toContain("one typo away from 2 open invoices (INV-1023, INV-1123)");
  });

  it("only suggests the one of several typo candidates whose amount fits", () => {
    const proposal = matchCredit(credit(1_123_00n, { remittance: ["INV-1O23"] }), indexOf([openItem("INV-1023", 1_023_00n), openItem("INV-1123", 1_123_00n)]));
    expect(proposal).toMatchObject({ status: "suggested", allocations: [{ invoiceId: "inv-INV-1123", amount: 1_123_00n }] });
  });

  it("never applies a typo guess alone: the amount must settle the invoice", () => {
    const proposal = matchCredit(credit(500_00n, { remittance: ["INV-1O23"] }), indexOf([openItem("INV-1023", 1_023_00n)]), );
    expect(proposal).toMatchObject({ status: "suggested", allocations: [{ invoiceId: "inv-INV-1023", amount: 500_00n }] });
    const lenient = matchCredit(credit(500_00n, { remittance: ["INV-1O23"] }), indexOf([openItem("INV-1023", 1_023_00n)], [], { autoApplyThreshold: 0.5 }));
    expect(lenient.status).toBe("suggested");
  });
});

describe("rules 3–6: a known payer and the amount", () => {
  const iban = "DE89 3704 0044 0532 0130 00";
  const payers = [{ iban: "DE89370400440532013000", customerId: "cust-42", confirmedMatches: 3 }];
  const items = [
    openItem("INV-1", 100_00n, { dueDate: "2024-01-31" }),
    openItem("INV-2", 250_00n, { dueDate: "2024-02-10" }),
    openItem("INV-3", 410_00n, { dueDate: "2024-02-20" }),
    openItem("INV-4", 75_00n, { dueDate: "2024-02-28" }),
    openItem("INV-5", 330_00n, { dueDate: "2024-03-05" }),
    openItem("INV-6", 1_000_00n, { dueDate: "2024-03-31", issueDate: "2024-03-01", discountTiers: [{ days: 10, percentBp: 200 }] }),
    openItem("INV-7", 60_00n, { dueDate: "2024-04-10" }),
    openItem("INV-8", 525_00n, { dueDate: "2024-04-20" }),
  ];
  const index = indexOf(items, payers);
  const fromPayer = (amount: bigint, bookingDate = "2024-03-10") => matchCredit(credit(amount, { bookingDate, counterparty: { iban, name: "Muster GmbH" } }), index);

  it("applies the one open item of exactly the amount when the payer's IBAN is known", () => {
    const proposal = fromPayer(410_00n);
    expect(proposal).toMatchObject({ status: "auto", method: "payer-and-amount", confidence: 0.91, customerId: "cust-42", allocations: [{ invoiceId: "inv-INV-3", amount: 410_00n }] });
    expect(proposal.explanation[0]).toBe("payer IBAN DE89370400440532013000 paid customer C100042 3 times before");
  });

  it("suggests the oldest combination of the fewest items that sums to the amount (3 of 8)", () => {
    // 100 + 250 + 75 = 425 is the first 3-item combination; no single item or pair makes 425
    const proposal = fromPayer(425_00n);
    expect(proposal).toMatchObject({ status: "suggested", method: "combination" });
    expect(proposal.allocations.map((a) => a.invoiceId)).toEqual(["inv-INV-1", "inv-INV-2", "inv-INV-4"]);
    expect(proposal.explanation).toContain("INV-1 + INV-2 + INV-4 = 425.00 EUR");
  });

  it("settles an item paid net of its 2/10 discount within the window", () => {
    const proposal = fromPayer(980_00n, "2024-03-11");
    expect(proposal).toMatchObject({ method: "discount-or-charges", allocations: [{ invoiceId: "inv-INV-6", amount: 980_00n, discount: 20_00n }], unapplied: 0n });
    expect(proposal.explanation).toContain("2 % early-payment discount of 20.00 EUR on INV-6 (paid by 2024-03-11)");
    // a day late it is no discount: 980.00 is then nothing but a partial payment
    expect(fromPayer(980_00n, "2024-03-12").method).toBe("oldest-items");
  });

  it("settles an item short by bank charges of 0.50 within a tolerance of 1.00", () => {
    const proposal = fromPayer(524_50n);
    expect(proposal).toMatchObject({ method: "discount-or-charges", allocations: [{ invoiceId: "inv-INV-8", amount: 524_50n, discount: 50n, bankCharges: 50n }] });
    expect(proposal.explanation).toContain("0.50 EUR short on INV-8, within the bank-charge tolerance of 1.00 EUR");
    expect(fromPayer(523_50n).method).not.toBe("discount-or-charges");
  });

  it("suggests paying the oldest items when nothing adds up", () => {
    const proposal = fromPayer(120_00n);
    expect(proposal).toMatchObject({ status: "suggested", method: "oldest-items", confidence: 0.4, allocations: [{ invoiceId: "inv-INV-1", amount: 100_00n }, { invoiceId: "inv-INV-2", amount: 20_00n }] });
  });

  it("recognises a payer by name, less surely than by IBAN", () => {
    const byName = indexOf(items, [{ name: "Muster GmbH", customerId: "cust-42", confirmedMatches: 1 }]);
    const proposal = matchCredit(credit(410_00n, { counterparty: { name: "MUSTER G.M.B.H." } }), byName);
    expect(proposal).toMatchObject({ status: "suggested", method: "payer-and-amount", confidence: 0.81 });
  });
});

describe("amounts, currencies and tolerances with a reference", () => {
  const index = indexOf([openItem("INV-1001", 1_000_00n, { discountTiers: [{ days: 10, percentBp: 200 }] })]);

  it("settles an RF-named invoice paid net of its 2/10 discount", () => {
    const proposal = matchCredit(credit(980_00n, { creditorReference: rf1001, bookingDate: "2024-03-11" }), index);
    expect(proposal).toMatchObject({ status: "auto", method: "rf-reference", confidence: 0.97, allocations: [{ invoiceId: "inv-INV-1001", amount: 980_00n, discount: 20_00n }] });
  });

  it("settles an RF-named invoice paid 0.50 short within a 1.00 bank-charge tolerance", () => {
    const proposal = matchCredit(credit(999_50n, { creditorReference: rf1001, bookingDate: "2024-03-20" }), index);
    expect(proposal).toMatchObject({ status: "auto", confidence: 0.96, allocations: [{ invoiceId: "inv-INV-1001", amount: 999_50n, discount: 50n, bankCharges: 50n }] });
  });

  it("leaves a payment in a currency no candidate has unmatched", () => {
    const proposal = matchCredit(credit(1_000_00n, { currency: USD, creditorReference: rf1001 }), index);
    expect(proposal).toMatchObject({ status: "unmatched", method: "none", allocations: [], unapplied: 1_000_00n });
    expect(proposal.warnings).toContain("INV-1001 is in EUR, the payment in USD");
    const yen = matchCredit(credit(1_000n, { currency: currency("JPY"), remittance: ["INV-1001"] }), index);
    expect(yen.status).toBe("unmatched");
  });

  it("leaves a line with nothing usable unmatched", () => {
    const proposal = matchCredit(credit(1_000_00n, { remittance: ["Danke"], counterparty: { name: "Unbekannt AG" } }), index);
    expect(proposal).toEqual({
      lineId: "line-1",
      status: "unmatched",
      confidence: 0,
      method: "none",
      allocations: [],
      unapplied: 1_000_00n,
      explanation: ["nothing in the line names an open item or a known payer"],
    });
  });
});

describe("one import: applyToIndex and learnPayer", () => {
  it("makes a second payment of the same invoice a duplicate to review", () => {
    const index = indexOf([openItem("INV-1001", 1_000_00n)]);
    const first = matchCredit(credit(1_000_00n, { creditorReference: rf1001 }), index);
    applyToIndex(index, first);
    const second = matchCredit(credit(1_000_00n, { lineId: "line-2", creditorReference: rf1001 }), index);
    expect(second).toMatchObject({ status: "unmatched", customerId: "cust-42", allocations: [], unapplied: 1_000_00n });
    expect(second.warnings?.join("\n")).toContain("INV-1001 is already settled");
  });

  it("makes a second partial payment pay the rest", () => {
    const index = indexOf([openItem("INV-1001", 1_000_00n)]);
    applyToIndex(index, matchCredit(credit(600_00n, { creditorReference: rf1001 }), index));
    const rest = matchCredit(credit(400_00n, { creditorReference: rf1001 }), index);
    expect(rest).toMatchObject({ status: "auto", confidence: 0.99, allocations: [{ invoiceId: "inv-INV-1001", amount: 400_00n }] });
  });

  it("learns a payer from confirmed matches so the next payment from it applies automatically", () => {
    const items = [openItem("INV-1", 410_00n), openItem("INV-2", 99_00n)];
    const line = credit(410_00n, { counterparty: { iban: "CH93 0076 2011 6238 5295 7" } });
    let payers = learnPayer([], { iban: "CH9300762011623852957", customerId: "cust-42" });
    expect(payers).toEqual([{ iban: "CH9300762011623852957", customerId: "cust-42", confirmedMatches: 1 }]);
    expect(matchCredit(line, indexOf(items, payers)).status).toBe("suggested"); // 0.89
    payers = learnPayer(payers, { iban: "ch93 0076 2011 6238 5295 7", name: "Beispiel AG", customerId: "cust-42" });
    expect(payers).toEqual([{ iban: "CH9300762011623852957", name: "Beispiel AG", customerId: "cust-42", confirmedMatches: 2 }]);
    expect(matchCredit(line, indexOf(items, payers))).toMatchObject({ status: "auto", confidence: 0.9 });
  });

  it("learnPayer leaves its input alone and keeps payers of other customers apart", () => {
    const before = [{ iban: "DE02120300000000202051", customerId: "cust-1", confirmedMatches: 4 }];
    const after = learnPayer(before, { iban: "DE02120300000000202051", customerId: "cust-2" });
    expect(before).toEqual([{ iban: "DE02120300000000202051", customerId: "cust-1", confirmedMatches: 4 }]);
    expect(after).toHaveLength(2);
    expect(learnPayer(before, { customerId: "cust-1" })).toEqual(before);
  });
});
