import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planAllocations, type CustomerItem, type PaymentToApply } from "../../../src/app/imports/payments/planAllocations.js";

const item = (invoiceId: string, dueDate: string, open: bigint, customerId = "c1", currency = "EUR"): CustomerItem => ({ customerId, currency, invoiceId, installmentSeq: null, number: invoiceId, issueDate: "2024-01-01", dueDate, open });
const payment = (id: string, amount: bigint, invoiceIds: string[] = [], receivedOn = "2024-02-01"): PaymentToApply => ({ id, customerId: "c1", currency: "EUR", amount, receivedOn, invoiceIds });

describe("planAllocations", () => {
  it("lets each payment see what the earlier ones left", () => {
    const planned = planAllocations([payment("p1", 15n), payment("p2", 10n, ["b"])], [item("a", "2024-01-10", 10n), item("b", "2024-01-20", 10n)]);
    expect(planned.map((a) => [a.paymentId, a.invoiceId, a.amount])).toEqual([
      ["p1", "a", 10n],
      ["p1", "b", 5n],
      ["p2", "b", 5n],
    ]);
  });

  it("never takes more than a payment brings or an item has open", () => {
    const items = fc.array(fc.record({ due: fc.integer({ min: 1, max: 28 }), open: fc.bigInt({ min: 1n, max: 10_000n }), currency: fc.constantFrom("EUR", "USD") }), { maxLength: 8 });
    const payments = fc.array(fc.record({ amount: fc.bigInt({ min: 1n, max: 20_000n }), named: fc.array(fc.nat(9), { maxLength: 3 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(items, payments, (is, ps) => {
        const open = is.map((x, i) => item(`i${i}`, `2024-01-${String(x.due).padStart(2, "0")}`, x.open, "c1", x.currency));
        const pays = ps.map((p, k) => payment(`p${k}`, p.amount, [...new Set(p.named.map((n) => `i${n}`))].filter((id) => open.some((o) => o.invoiceId === id && o.currency === "EUR"))));
        const planned = planAllocations(pays, open);
        for (const p of pays) expect(planned.filter((a) => a.paymentId === p.id).reduce((s, a) => s + a.amount, 0n) <= p.amount).toBe(true);
        for (const o of open) {
          const taken = planned.filter((a) => a.invoiceId === o.invoiceId).reduce((s, a) => s + a.amount, 0n);
          expect(taken <= o.open).toBe(true);
          if (o.currency !== "EUR") expect(taken).toBe(0n);
        }
        expect(planned.every((a) => a.amount > 0n && a.appliedOn === "2024-02-01")).toBe(true);
      }),
    );
  });
});
