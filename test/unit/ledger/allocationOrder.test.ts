import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocatePayment, type AllocationOrder, type OpenBalances } from "../../../src/domain/ledger/allocationOrder.js";

const item = (invoiceId: string, dueDate: string, open: { principal: bigint; fees?: bigint; interest?: bigint }): OpenBalances => ({
  invoiceId,
  installmentSeq: null,
  number: invoiceId.toUpperCase(),
  issueDate: "2024-01-01",
  dueDate,
  principal: open.principal,
  fees: open.fees ?? 0n,
  interest: open.interest ?? 0n,
});
// the older invoice is listed second: order comes from the due dates
const items = [item("b", "2024-03-01", { principal: 500_00n, fees: 5_00n, interest: 3_00n }), item("a", "2024-02-01", { principal: 1_000_00n, fees: 40_00n, interest: 10_00n })];

function allocate(amount: bigint, order: AllocationOrder, options: { invoiceIds?: string[]; creditNote?: boolean } = {}, open = items) {
  const result = allocatePayment(amount, open, { order, ...options });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { lines: result.value.lines.map((l) => [l.invoiceId, l.component, l.amount]), unapplied: result.value.unapplied };
}

describe("allocatePayment", () => {
  it("pays costs, then interest, then principal, each oldest first (§ 367 BGB)", () => {
    expect(allocate(100_00n, "costs-interest-principal")).toEqual({
      lines: [
        ["a", "fees", 40_00n],
        ["b", "fees", 5_00n],
        ["a", "interest", 10_00n],
        ["b", "interest", 3_00n],
        ["a", "principal", 42_00n],
      ],
      unapplied: 0n,
    });
  });

  it("pays principal first, oldest first, when the tenant says so", () => {
    expect(allocate(1_200_00n, "principal-first")).toEqual({
      lines: [
        ["a", "principal", 1_000_00n],
        ["b", "principal", 200_00n],
      ],
      unapplied: 0n,
    });
  });

  it("pays the named invoices only, in the order named, and leaves the rest unapplied", () => {
    expect(allocate(600_00n, "costs-interest-principal", { invoiceIds: ["b"] })).toEqual({
      lines: [
        ["b", "fees", 5_00n],
        ["b", "interest", 3_00n],
        ["b", "principal", 500_00n],
      ],
      unapplied: 92_00n,
    });
  });

  it("puts a credit note on principal only", () => {
    expect(allocate(1_600_00n, "costs-interest-principal", { creditNote: true })).toEqual({
      lines: [
        ["a", "principal", 1_000_00n],
        ["b", "principal", 500_00n],
      ],
      unapplied: 100_00n,
    });
  });

  it("allocates nothing of nothing", () => {
    expect(allocate(0n, "principal-first")).toEqual({ lines: [], unapplied: 0n });
    expect(allocate(10n, "principal-first", {}, [])).toEqual({ lines: [], unapplied: 10n });
  });

  it.each([
    [-1n, items, {}, "NEGATIVE_AMOUNT", "amount"],
    [1n, [item("x", "2024-01-01", { principal: 1n, interest: -1n })], {}, "NEGATIVE_AMOUNT", "items[0].interest"],
    [1n, items, { invoiceIds: ["a", "zz"] }, "UNKNOWN_INVOICE", "invoiceIds[1]"],
    [1n, items, { order: "interest-first" }, "VALIDATION_FAILED", "order"],
  ] as const)("refuses bad input %# with a code naming the field", (amount, open, options, code, path) => {
    expect(allocatePayment(amount, open, { order: "costs-interest-principal", ...(options as object) })).toMatchObject({ ok: false, error: { code, path } });
  });

  it("always allocates min(payment, what is open), never negative, never more than a component has open", () => {
    const balances = fc.array(
      fc.record({ principal: fc.bigInt({ min: 0n, max: 10n ** 8n }), fees: fc.bigInt({ min: 0n, max: 10n ** 5n }), interest: fc.bigInt({ min: 0n, max: 10n ** 6n }), month: fc.integer({ min: 1, max: 12 }) }),
      { maxLength: 8 },
    );
    const options = fc.record({ order: fc.constantFrom<AllocationOrder>("costs-interest-principal", "principal-first"), creditNote: fc.boolean(), named: fc.boolean() });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 9n }), balances, options, (amount, rows, opts) => {
        const open = rows.map((r, i) => item(`i${i}`, `2024-${String(r.month).padStart(2, "0")}-01`, r));
        const invoiceIds = opts.named ? open.filter((_, i) => i % 2 === 0).map((o) => o.invoiceId).reverse() : undefined;
        const result = allocatePayment(amount, open, { order: opts.order, creditNote: opts.creditNote, ...(invoiceIds ? { invoiceIds } : {}) });
        if (!result.ok) throw new Error(result.error.message);
        const eligible = open.filter((o) => !invoiceIds || invoiceIds.includes(o.invoiceId));
        const openTotal = eligible.reduce((s, o) => s + o.principal + (opts.creditNote ? 0n : o.fees + o.interest), 0n);
        const allocated = result.value.lines.reduce((s, l) => s + l.amount, 0n);
        expect(allocated).toBe(amount < openTotal ? amount : openTotal);
        expect(allocated + result.value.unapplied).toBe(amount);
        for (const o of open) {
          for (const component of ["principal", "fees", "interest"] as const) {
            const taken = result.value.lines.filter((l) => l.invoiceId === o.invoiceId && l.component === component).reduce((s, l) => s + l.amount, 0n);
            expect(taken >= 0n && taken <= o[component]).toBe(true);
          }
        }
        expect(result.value.lines.every((l) => l.amount > 0n)).toBe(true);
      }),
    );
  });
});
