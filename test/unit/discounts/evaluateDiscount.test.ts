import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isoDate } from "../../../src/domain/dates/plainDate.js";
import { parseDiscountTiers, type DiscountTierInput } from "../../../src/domain/discounts/discountTiers.js";
import { evaluateDiscount, type DiscountPayment } from "../../../src/domain/discounts/evaluateDiscount.js";
import { parsePaymentTerms } from "../../../src/domain/terms/paymentTerms.js";

const d = isoDate;
const terms = parsePaymentTerms("2/10 net 30");
if (!terms.ok) throw new Error(terms.error.message);
const twoTen: DiscountPayment = { invoiceAmount: 1_000_00n, issueDate: d("2024-03-01"), dueDate: d("2024-03-31"), tiers: terms.value.discounts, paidOn: d("2024-03-11"), paid: 980_00n };
const skonto = [
  { days: 14, percentBp: 300 },
  { days: 30, percentBp: 200 },
];

function evaluate(overrides: Partial<DiscountPayment>) {
  const result = evaluateDiscount({ ...twoTen, ...overrides });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe("evaluateDiscount: the issue's example, 2/10 net 30 on 1,000.00 issued 2024-03-01", () => {
  it("settles with a 20.00 discount when 980.00 arrives on 2024-03-11, the last day of the window", () => {
    expect(evaluate({})).toMatchObject({ outcome: "settled-with-discount", discount: 20_00n, open: 0n, tier: { days: 10, percentBp: 200, deadline: d("2024-03-11"), discount: 20_00n } });
  });

  it("leaves 20.00 open as 'discount taken late' when 980.00 arrives on 2024-03-12", () => {
    expect(evaluate({ paidOn: d("2024-03-12") })).toMatchObject({ outcome: "discount-taken-late", discount: 0n, open: 20_00n, acceptedLate: false, tier: { percentBp: 200 } });
  });
});

describe("evaluateDiscount", () => {
  it("books only what was not paid when the debtor pays more than the discounted amount in the window", () => {
    expect(evaluate({ paid: 985_00n })).toMatchObject({ outcome: "settled-with-discount", discount: 15_00n, open: 0n });
  });

  it("treats less than the discounted amount in the window as a partial payment, the discount still open to take", () => {
    expect(evaluate({ paid: 500_00n })).toMatchObject({ outcome: "partial", discount: 0n, open: 500_00n, tier: { deadline: d("2024-03-11") } });
    // the rest, discounted, within the window settles it
    expect(evaluate({ paid: 480_00n, alreadyPaid: 500_00n })).toMatchObject({ outcome: "settled-with-discount", discount: 20_00n, open: 0n });
  });

  it("writes off a shortfall within the amount tolerance", () => {
    expect(evaluate({ paid: 979_50n, tolerance: { amount: 1_00n } })).toMatchObject({ outcome: "settled-with-discount", discount: 20_00n, writtenOff: 50n, open: 0n });
  });

  it("accepts a late deduction within the days tolerance, still flagged as taken late", () => {
    expect(evaluate({ paidOn: d("2024-03-14"), tolerance: { days: 3 } })).toMatchObject({ outcome: "discount-taken-late", discount: 20_00n, open: 0n, acceptedLate: true });
    expect(evaluate({ paidOn: d("2024-03-15"), tolerance: { days: 3 } })).toMatchObject({ outcome: "discount-taken-late", open: 20_00n, acceptedLate: false });
    expect(evaluate({ paidOn: d("2024-03-13"), paid: 979_50n, tolerance: { days: 3, amount: 1_00n } })).toMatchObject({ outcome: "discount-taken-late", discount: 20_00n, writtenOff: 50n, open: 0n, acceptedLate: true });
  });

  it("does not read a late deduction that matches no tier as a discount", () => {
    expect(evaluate({ paidOn: d("2024-03-12"), paid: 975_00n })).toMatchObject({ outcome: "partial", open: 25_00n, tier: null });
  });

  it("gives the best tier still open (Skonto 3 % / 14 days, 2 % / 30 days)", () => {
    expect(evaluate({ tiers: skonto, dueDate: d("2024-04-30"), paid: 970_00n, paidOn: d("2024-03-15") })).toMatchObject({ outcome: "settled-with-discount", discount: 30_00n });
    expect(evaluate({ tiers: skonto, dueDate: d("2024-04-30"), paid: 970_00n, paidOn: d("2024-03-16") })).toMatchObject({ outcome: "partial", open: 30_00n, tier: { percentBp: 200 } });
    expect(evaluate({ tiers: skonto, dueDate: d("2024-04-30"), paid: 980_00n, paidOn: d("2024-03-31") })).toMatchObject({ outcome: "settled-with-discount", discount: 20_00n });
    expect(evaluate({ tiers: skonto, dueDate: d("2024-04-30"), paid: 970_00n, paidOn: d("2024-04-01") })).toMatchObject({ outcome: "discount-taken-late", open: 30_00n, tier: { percentBp: 300 } });
  });

  it("reads a late shortfall larger than any discount as a plain partial payment", () => {
    expect(evaluate({ paid: 900_00n, paidOn: d("2024-03-20") })).toMatchObject({ outcome: "partial", open: 100_00n, tier: null });
  });

  it("reports a full payment, and what it paid too much", () => {
    expect(evaluate({ paid: 1_000_00n, paidOn: d("2024-03-05") })).toMatchObject({ outcome: "paid-in-full", discount: 0n, open: 0n, unapplied: 0n });
    expect(evaluate({ paid: 1_010_00n, paidOn: d("2024-04-05") })).toMatchObject({ outcome: "paid-in-full", unapplied: 10_00n });
  });

  it.each([
    [{ tiers: [{ days: 40, percentBp: 200 }] }, "INVALID_DISCOUNT", "tiers[0].days"],
    [{ tiers: [{ days: 0, percentBp: 200 }] }, "INVALID_DISCOUNT", "tiers[0].days"],
    [{ tiers: [{ days: 10, percentBp: 10_000 }] }, "INVALID_DISCOUNT", "tiers[0].percent"],
    [{ tiers: [skonto[1]!, skonto[0]!] }, "INVALID_DISCOUNT", "tiers[1].days"],
    [{ tiers: [{ days: 10, percentBp: 200 }, { days: 20, percentBp: 300 }] }, "INVALID_DISCOUNT", "tiers[1].percent"],
    [{ paid: -1n }, "NEGATIVE_AMOUNT", "paid"],
    [{ invoiceAmount: 0n }, "INVALID_AMOUNT", "invoiceAmount"],
    [{ alreadyPaid: 1_000_00n }, "OVER_ALLOCATION", "alreadyPaid"],
    [{ tolerance: { days: -1 } }, "INVALID_DISCOUNT", "tolerance.days"],
  ] as [Partial<DiscountPayment>, string, string][])("refuses bad input %# with a code naming the field", (overrides, code, path) => {
    expect(evaluateDiscount({ ...twoTen, ...overrides })).toMatchObject({ ok: false, error: { code, path } });
  });

  it("accounts for every unit: paid + discount + written off + open = owed + unapplied, nothing negative", () => {
    const payment = fc.record({
      invoiceAmount: fc.bigInt({ min: 1n, max: 10n ** 9n }),
      alreadyPercent: fc.integer({ min: 0, max: 99 }),
      paidPercent: fc.integer({ min: 0, max: 120 }),
      day: fc.integer({ min: 0, max: 45 }),
      tolerance: fc.record({ days: fc.integer({ min: 0, max: 5 }), amount: fc.bigInt({ min: 0n, max: 1_000n }) }),
    });
    fc.assert(
      fc.property(payment, ({ invoiceAmount, alreadyPercent, paidPercent, day, tolerance }) => {
        const alreadyPaid = (invoiceAmount * BigInt(alreadyPercent)) / 100n;
        const paid = (invoiceAmount * BigInt(paidPercent)) / 100n;
        const r = evaluate({ invoiceAmount, alreadyPaid, paid, paidOn: addDays(d("2024-03-01"), day), tiers: skonto, dueDate: d("2024-04-30"), tolerance });
        expect(paid + r.discount + r.writtenOff + r.open).toBe(invoiceAmount - alreadyPaid + r.unapplied);
        expect([r.discount, r.writtenOff, r.open, r.unapplied].every((x) => x >= 0n)).toBe(true);
        expect(r.discount <= (invoiceAmount * 3n + 99n) / 100n).toBe(true);
      }),
    );
  });
});

describe("parseDiscountTiers", () => {
  const invoice = { issueDate: d("2024-03-01"), dueDate: d("2024-03-31") };
  it("reads the scenario form into basis points", () => {
    expect(parseDiscountTiers([{ days: 10, percent: "2" }], invoice)).toEqual({ ok: true, value: [{ days: 10, percentBp: 200 }] });
  });

  it.each([
    [[{ days: 40, percent: "2" }], "discounts[0].days"],
    [[{ days: 10, percent: "2.125" }], "discounts[0].percent"],
    [[{ days: 10, percent: "-2" }], "discounts[0].percent"],
    [[{ days: 10, percent: "0" }], "discounts[0].percent"],
  ] as [DiscountTierInput[], string][])("refuses %j, naming the field", (input, path) => {
    expect(parseDiscountTiers(input, invoice)).toMatchObject({ ok: false, error: { code: "INVALID_DISCOUNT", path } });
  });
});
