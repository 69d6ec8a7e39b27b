import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/domain/dates/plainDate.js";
import { equalInstallments, scheduleInstallments, type InstallmentPart } from "../../../src/domain/terms/index.js";

const d = isoDate;
const issued = d("2024-01-15");
const dueDates = ["2024-02-15", "2024-03-15", "2024-04-15", "2024-05-15"].map(d);
const due = (i: number) => dueDates[i]!;

function expectError(result: ReturnType<typeof scheduleInstallments>, path: string, message?: string) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error).toMatchObject({ code: "INVALID_INSTALLMENTS", path });
  if (message) expect(result.error.message).toContain(message);
}

describe("scheduleInstallments by percentage", () => {
  it("splits 100.00 at 33.33 / 33.33 / 33.34 % into 33.33 + 33.33 + 33.34", () => {
    const parts = [3333, 3333, 3334].map((percentBp, i) => ({ dueDate: due(i), percentBp }));
    expect(scheduleInstallments(10000n, issued, parts)).toEqual({
      ok: true,
      value: [
        { seq: 1, dueDate: due(0), amount: 3333n },
        { seq: 2, dueDate: due(1), amount: 3333n },
        { seq: 3, dueDate: due(2), amount: 3334n },
      ],
    });
  });

  it("lets the last installment absorb the rounding", () => {
    // 0.10 at 1/3 each: 3.33 cents rounds to 3 twice, the last takes the 4 left
    const parts = [3333, 3333, 3334].map((percentBp, i) => ({ dueDate: due(i), percentBp }));
    const result = scheduleInstallments(10n, issued, parts);
    expect(result.ok && result.value.map((x) => x.amount)).toEqual([3n, 3n, 4n]);
  });

  it("rounds each earlier share half up", () => {
    // 50 % of 1.01 is 0.505 → 0.51; the last takes 0.50
    const parts = [5000, 5000].map((percentBp, i) => ({ dueDate: due(i), percentBp }));
    const result = scheduleInstallments(101n, issued, parts);
    expect(result.ok && result.value.map((x) => x.amount)).toEqual([51n, 50n]);
  });

  it("always sums to the total, whatever the split", () => {
    const split = fc
      .array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 12 })
      .map((weights) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        const bps = weights.map((w) => Math.floor((w * 10000) / sum));
        bps[bps.length - 1]! += 10000 - bps.reduce((a, b) => a + b, 0);
        return bps;
      })
      .filter((bps) => bps.every((bp) => bp > 0));
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), split, (total, bps) => {
        const parts = bps.map((percentBp, i) => ({ dueDate: issued.add({ months: i }), percentBp }));
        const result = scheduleInstallments(total, issued, parts);
        if (!result.ok) {
          // only a total too small to give every installment a unit may fail
          expect(result.error.message).toContain("too small");
          return;
        }
        expect(result.value.reduce((a, x) => a + x.amount, 0n)).toBe(total);
        expect(result.value.every((x) => x.amount > 0n)).toBe(true);
      }),
    );
  });

  it("rejects percentages that do not add up to 100 %", () => {
    expectError(scheduleInstallments(10000n, issued, [{ dueDate: due(0), percentBp: 5000 }, { dueDate: due(1), percentBp: 4999 }]), "installments", "9999");
  });

  it("rejects a zero, negative or fractional percentage and names its index", () => {
    for (const bad of [0, -100, 12.5]) {
      const parts = [{ dueDate: due(0), percentBp: 10000 }, { dueDate: due(1), percentBp: bad }];
      expectError(scheduleInstallments(10000n, issued, parts), "installments[1].percentBp");
    }
  });

  it("rejects a total too small to give every installment a positive amount", () => {
    const parts = [5000, 5000].map((percentBp, i) => ({ dueDate: due(i), percentBp }));
    expectError(scheduleInstallments(1n, issued, parts), "installments[1].percentBp", "too small");
  });

  it("rejects mixing percentages and amounts", () => {
    expectError(scheduleInstallments(10000n, issued, [{ dueDate: due(0), percentBp: 5000 }, { dueDate: due(1), amount: 5000n }]), "installments[1]");
  });
});

describe("scheduleInstallments by amount", () => {
  it("keeps fixed amounts that add up to the total", () => {
    const result = scheduleInstallments(10000n, issued, [{ dueDate: due(0), amount: 2500n }, { dueDate: due(1), amount: 7500n }]);
    expect(result.ok && result.value.map((x) => [x.seq, x.amount])).toEqual([[1, 2500n], [2, 7500n]]);
  });

  it("gives the remainder to a last part without an amount", () => {
    const result = scheduleInstallments(10000n, issued, [{ dueDate: due(0), amount: 2500n }, { dueDate: due(1), amount: 2500n }, { dueDate: due(2) }]);
    expect(result.ok && result.value.map((x) => x.amount)).toEqual([2500n, 2500n, 5000n]);
  });

  it("takes the whole total when the only part is a remainder", () => {
    const result = scheduleInstallments(10000n, issued, [{ dueDate: due(0) }]);
    expect(result.ok && result.value).toEqual([{ seq: 1, dueDate: due(0), amount: 10000n }]);
  });

  it("rejects amounts that do not add up to the total", () => {
    expectError(scheduleInstallments(10000n, issued, [{ dueDate: due(0), amount: 2500n }, { dueDate: due(1), amount: 2500n }]), "installments", "5000");
  });

  it("rejects a remainder part when nothing is left for it", () => {
    expectError(scheduleInstallments(10000n, issued, [{ dueDate: due(0), amount: 10000n }, { dueDate: due(1) }]), "installments[1]", "nothing is left");
  });

  it("allows the remainder only as the last part", () => {
    expectError(scheduleInstallments(10000n, issued, [{ dueDate: due(0) }, { dueDate: due(1), amount: 5000n }]), "installments[0].amount");
  });

  it("rejects a zero or negative installment and names its index", () => {
    for (const bad of [0n, -1n]) {
      const parts = [{ dueDate: due(0), amount: 10000n }, { dueDate: due(1), amount: bad }, { dueDate: due(2) }];
      expectError(scheduleInstallments(10000n, issued, parts), "installments[1].amount");
    }
  });
});

describe("scheduleInstallments shape", () => {
  it("rejects due dates that do not strictly increase", () => {
    const parts = [{ dueDate: due(1), percentBp: 5000 }, { dueDate: due(1), percentBp: 5000 }];
    expectError(scheduleInstallments(10000n, issued, parts), "installments[1].dueDate", "not after");
  });

  it("rejects a due date before the issue date", () => {
    expectError(scheduleInstallments(10000n, issued, [{ dueDate: d("2024-01-14") }]), "installments[0].dueDate", "before the issue date");
  });

  it("accepts a first installment due on the issue date", () => {
    expect(scheduleInstallments(10000n, issued, [{ dueDate: issued }]).ok).toBe(true);
  });

  it("needs between 1 and 120 parts", () => {
    expectError(scheduleInstallments(10000n, issued, []), "installments");
    const tooMany: InstallmentPart[] = Array.from({ length: 121 }, (_, i) => ({ dueDate: issued.add({ days: i }), amount: 1n }));
    expectError(scheduleInstallments(121n, issued, tooMany), "installments", "120");
    expect(scheduleInstallments(120n, issued, tooMany.slice(0, 120)).ok).toBe(true);
  });

  it("rejects a zero or negative total", () => {
    expectError(scheduleInstallments(0n, issued, [{ dueDate: due(0) }]), "total");
    expectError(scheduleInstallments(-100n, issued, [{ dueDate: due(0) }]), "total");
  });
});

describe("equalInstallments", () => {
  it("splits evenly, the first installments taking the odd cents", () => {
    const result = equalInstallments(10000n, d("2024-02-15"), 3, 1);
    expect(result.ok && result.value.map((x) => [x.seq, x.dueDate.toString(), x.amount])).toEqual([
      [1, "2024-02-15", 3334n],
      [2, "2024-03-15", 3333n],
      [3, "2024-04-15", 3333n],
    ]);
  });

  it("keeps a plan on the 31st where the month has one, and clamps to the month end otherwise", () => {
    const result = equalInstallments(500n, d("2024-01-31"), 5, 1);
    expect(result.ok && result.value.map((x) => x.dueDate.toString())).toEqual(["2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"]);
  });

  it("spaces installments every N months", () => {
    const result = equalInstallments(400n, d("2024-01-10"), 4, 3);
    expect(result.ok && result.value.map((x) => x.dueDate.toString())).toEqual(["2024-01-10", "2024-04-10", "2024-07-10", "2024-10-10"]);
  });

  it("always sums to the total with amounts at most one unit apart", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 120n, max: 10n ** 15n }), fc.integer({ min: 1, max: 120 }), (total, count) => {
        const result = equalInstallments(total, issued, count, 1);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const amounts = result.value.map((x) => x.amount);
        expect(amounts.reduce((a, b) => a + b, 0n)).toBe(total);
        const spread = amounts.reduce((a, b) => (a > b ? a : b)) - amounts.reduce((a, b) => (a < b ? a : b));
        expect(spread <= 1n).toBe(true);
      }),
    );
  });

  it("rejects counts, intervals and totals that cannot make a schedule", () => {
    const cases: [ReturnType<typeof equalInstallments>, string][] = [
      [equalInstallments(10000n, issued, 0, 1), "count"],
      [equalInstallments(10000n, issued, 121, 1), "count"],
      [equalInstallments(10000n, issued, 2.5, 1), "count"],
      [equalInstallments(10000n, issued, 3, 0), "everyMonths"],
      [equalInstallments(2n, issued, 3, 1), "total"],
    ];
    for (const [result, path] of cases) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: "INVALID_INSTALLMENTS", path });
    }
  });
});
