import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFee, type FeeItem } from "../../../src/domain/fees/computeFee.js";
import { parseFeeRule, type FeeRule, type FeeRuleInput } from "../../../src/domain/fees/feeRule.js";
import { currency } from "../../../src/domain/money/index.js";

const EUR = currency("EUR");
const USD = currency("USD");
const items: FeeItem[] = [
  { invoiceId: "inv-1", overdue: 1_000_00n },
  { invoiceId: "inv-2", overdue: 333_33n },
  { invoiceId: "inv-3", overdue: 0n },
];

function fees(rule: FeeRule, chased: readonly FeeItem[] = items, cur = EUR) {
  const result = computeFee(rule, chased, cur);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
function rule(input: FeeRuleInput): FeeRule {
  const result = parseFeeRule(input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe("computeFee", () => {
  it("charges a fixed fee on each overdue invoice, none on an invoice with nothing overdue", () => {
    expect(fees(rule({ fixed: { EUR: "10.00" }, per: "invoice" })).map((c) => [c.invoiceIds, c.amount])).toEqual([
      [["inv-1"], 10_00n],
      [["inv-2"], 10_00n],
    ]);
  });

  it("takes a percentage of the overdue amount, rounded half up: 1.5 % of 333.33 = 5.00", () => {
    // 333.33 × 1.5 % = 4.99995 → 5.00
    expect(fees(rule({ percent: "1.5" })).map((c) => c.percentage)).toEqual([15_00n, 5_00n]);
  });

  it("adds fixed and percentage, then keeps the fee within min and max", () => {
    const charges = fees(rule({ fixed: { EUR: "5.00" }, percent: "2", min: { EUR: "12.00" }, max: { EUR: "20.00" } }));
    // 5.00 + 20.00 = 25.00 → max 20.00;  5.00 + 6.67 = 11.67 → min 12.00
    expect(charges.map((c) => [c.fixed, c.percentage, c.amount, c.limitedBy])).toEqual([
      [5_00n, 20_00n, 20_00n, "max"],
      [5_00n, 6_67n, 12_00n, "min"],
    ]);
  });

  it("charges one fee per reminder on everything the reminder chases", () => {
    expect(fees(rule({ fixed: { EUR: "5.00" }, percent: "1", per: "reminder" }))).toEqual([
      { invoiceIds: ["inv-1", "inv-2"], basis: 1_333_33n, fixed: 5_00n, percentage: 13_33n, amount: 18_33n, limitedBy: null },
    ]);
    expect(fees(rule({ fixed: { EUR: "5.00" }, per: "reminder" }), [])).toEqual([]);
  });

  it("uses the currency's minor unit (JPY has none)", () => {
    expect(fees(rule({ fixed: { JPY: "500" }, percent: "1.5" }), [{ invoiceId: "j", overdue: 12_345n }], currency("JPY"))[0]?.amount).toBe(500n + 185n);
  });

  it("refuses a fee in a currency the rule does not define, naming it", () => {
    expect(computeFee(rule({ fixed: { EUR: "10.00", GBP: "8.00" } }), items, USD)).toMatchObject({ ok: false, error: { code: "INVALID_FEE", path: "fixed.USD" } });
    expect(computeFee(rule({ percent: "2", min: { EUR: "5.00" } }), items, USD)).toMatchObject({ ok: false, error: { code: "INVALID_FEE", path: "min.USD" } });
  });

  it("refuses negative overdue amounts", () => {
    expect(computeFee(rule({ percent: "2" }), [{ invoiceId: "x", overdue: -1n }], EUR)).toMatchObject({ ok: false, error: { code: "NEGATIVE_AMOUNT", path: "items[0].overdue" } });
  });

  it("never charges outside min and max, and a per-reminder fee never exceeds the per-invoice fees of a percentage-only rule", () => {
    const overdue = fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { maxLength: 8 });
    fc.assert(
      fc.property(overdue, fc.integer({ min: 1, max: 10_000 }), fc.bigInt({ min: 0n, max: 5_000n }), fc.bigInt({ min: 0n, max: 5_000n }), (amounts, bp, a, b) => {
        const chased = amounts.map((o, i) => ({ invoiceId: `i${i}`, overdue: o }));
        const [min, max] = a <= b ? [a, b] : [b, a];
        const bounded = fees({ percentBp: bp, min: { EUR: min }, max: { EUR: max }, per: "invoice" }, chased);
        expect(bounded.every((c) => c.amount >= min && c.amount <= max)).toBe(true);
        const perInvoice = fees({ percentBp: bp, per: "invoice" }, chased).reduce((s, c) => s + c.amount, 0n);
        const perReminder = fees({ percentBp: bp, per: "reminder" }, chased).reduce((s, c) => s + c.amount, 0n);
        // each invoice rounds half up on its own: the sum differs from one rounding by under one unit per invoice
        const diff = perInvoice - perReminder;
        expect(diff >= -BigInt(chased.length) && diff <= BigInt(chased.length)).toBe(true);
      }),
    );
  });
});

describe("parseFeeRule", () => {
  it("reads the scenario form", () => {
    expect(parseFeeRule({ fixed: { EUR: "10.00" }, percent: "1.5", per: "invoice" })).toEqual({ ok: true, value: { fixed: { EUR: 10_00n }, percentBp: 150, per: "invoice" } });
  });

  it.each([
    [{}, "INVALID_FEE", "fee"],
    [{ fixed: { EUR: "10.00" }, per: "month" }, "INVALID_FEE", "per"],
    [{ percent: "1.505" }, "INVALID_FEE", "percent"],
    [{ percent: "-2" }, "INVALID_FEE", "percent"],
    [{ percent: "0" }, "INVALID_FEE", "percent"],
    [{ percent: "150" }, "INVALID_FEE", "percent"],
    [{ fixed: { EUR: "10.005" } }, "TOO_MANY_DECIMALS", "fixed.EUR"],
    [{ fixed: { EUR: "-10" } }, "NEGATIVE_AMOUNT", "fixed.EUR"],
    [{ fixed: { XYZ: "10" } }, "UNKNOWN_CURRENCY", "fixed.XYZ"],
    [{ percent: "2", min: { EUR: "20.00" }, max: { EUR: "10.00" } }, "INVALID_FEE", "max.EUR"],
  ] as [FeeRuleInput, string, string][])("refuses %j with a code naming the field", (input, code, path) => {
    expect(parseFeeRule(input)).toMatchObject({ ok: false, error: { code, path } });
  });
});
