import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/domain/dates/plainDate.js";
import {
  discountDeadlines,
  dueDateFor,
  formatPaymentTerms,
  parsePaymentTerms,
  type PaymentTerms,
} from "../../../src/domain/terms/index.js";

const d = isoDate;
const net = (days: number, discounts: PaymentTerms["discounts"] = []): PaymentTerms => ({ kind: "net", days, discounts });
const eom = (days: number, discounts: PaymentTerms["discounts"] = []): PaymentTerms => ({ kind: "endOfMonth", days, discounts });

function terms(text: string): PaymentTerms {
  const result = parsePaymentTerms(text);
  if (!result.ok) throw new Error(`"${text}" rejected: ${result.error.message}`);
  return result.value;
}

describe("parsePaymentTerms", () => {
  it.each(["NET30", "Net 30", "net 30", "n30", "N/30", "30", "  net   30  ", "net 30 days"])("reads %j as net 30", (text) => {
    expect(terms(text)).toEqual(net(30));
  });

  it.each(["due on receipt", "Due On Receipt", "upon receipt", "immediate", "IMMEDIATELY", "net 0"])("reads %j as due immediately", (text) => {
    expect(terms(text)).toEqual(net(0));
  });

  it.each(["EOM", "eom", "end of month"])("reads %j as the end of the issue month", (text) => {
    expect(terms(text)).toEqual(eom(0));
  });

  it.each(["EOM+15", "EOM 15", "eom + 15", "eom15", "end of month + 15", "End of the month +15"])("reads %j as 15 days after the end of the month", (text) => {
    expect(terms(text)).toEqual(eom(15));
  });

  it.each(["2/10 net 30", "2/10 n/30", "2/10, net 30", "2/10,net 30", "2% / 10 NET 30", "2/10 N30"])("reads %j as 2 % off within 10 days, else net 30", (text) => {
    expect(terms(text)).toEqual(net(30, [{ days: 10, percentBp: 200 }]));
  });

  it("reads several discount tiers (Skonto)", () => {
    expect(terms("3/14 2/30 net 60")).toEqual(
      net(60, [
        { days: 14, percentBp: 300 },
        { days: 30, percentBp: 200 },
      ]),
    );
  });

  it("reads fractional percentages into basis points", () => {
    expect(terms("2.5/10 net 30").discounts).toEqual([{ days: 10, percentBp: 250 }]);
    expect(terms("0.75/10 net 30").discounts).toEqual([{ days: 10, percentBp: 75 }]);
    expect(terms("1.05/10 net 30").discounts).toEqual([{ days: 10, percentBp: 105 }]);
  });

  it("reads a discount on end-of-month terms", () => {
    expect(terms("2/10 eom+30")).toEqual(eom(30, [{ days: 10, percentBp: 200 }]));
  });

  it.each([
    ["", "empty"],
    ["net", "not understood"],
    ["net thirty", "not understood"],
    ["30 net", "not understood"],
    ["eom+15 or so", "not understood"],
    ["eomx", "not understood"],
    ["net 30 days later", "not understood"],
    ["2/10", "needs net days"],
    ["net 30 2/10", "not understood"],
    ["net 3651", "maximum of 3650"],
    ["net -30", "must not be negative"],
    ["-2/10 net 30", "must not be negative"],
    ["2/-10 net 30", "must not be negative"],
    ["100/10 net 30", "below 100 %"],
    ["150/10 net 30", "below 100 %"],
    ["0/10 net 30", "0 %"],
    ["2.125/10 net 30", "more than 2 decimals"],
    ["2/0 net 30", "no days"],
    ["2/31 net 30", "after the due date"],
    ["2/10 eom+5", "after the due date"],
    ["2/30 3/14 net 60", "increasing days"],
    ["2/10 2/10 net 60", "increasing days"],
    ["2/14 3/30 net 60", "smaller discount"],
    ["2/14 2/30 net 60", "smaller discount"],
  ])("rejects %j (%s)", (text, why) => {
    const result = parsePaymentTerms(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("INVALID_TERMS");
    expect(result.error.message).toContain(why);
  });

  it("accepts the longest allowed term and a discount that runs until the due date", () => {
    expect(terms("net 3650")).toEqual(net(3650));
    expect(terms("2/30 net 30").discounts).toEqual([{ days: 30, percentBp: 200 }]);
    expect(terms("99.99/1 net 1").discounts).toEqual([{ days: 1, percentBp: 9999 }]);
  });
});

describe("formatPaymentTerms", () => {
  it("writes the canonical spelling", () => {
    expect(formatPaymentTerms(terms("NET30"))).toBe("net 30");
    expect(formatPaymentTerms(terms("due on receipt"))).toBe("net 0");
    expect(formatPaymentTerms(terms("end of month + 15"))).toBe("eom+15");
    expect(formatPaymentTerms(terms("EOM"))).toBe("eom");
    expect(formatPaymentTerms(terms("2/10, n/30"))).toBe("2/10 net 30");
    expect(formatPaymentTerms(terms("3/14 2.50/30 net 60"))).toBe("3/14 2.5/30 net 60");
    expect(formatPaymentTerms(terms("0.05/7 net 14"))).toBe("0.05/7 net 14");
  });

  const validTerms: fc.Arbitrary<PaymentTerms> = fc
    .record({
      kind: fc.constantFrom("net" as const, "endOfMonth" as const),
      days: fc.integer({ min: 0, max: 3650 }),
      tierCount: fc.integer({ min: 0, max: 4 }),
    })
    .chain(({ kind, days, tierCount }) => {
      const count = Math.min(tierCount, days);
      return fc
        .tuple(
          fc.uniqueArray(fc.integer({ min: 1, max: Math.max(days, 1) }), { minLength: count, maxLength: count }),
          fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: count, maxLength: count }),
        )
        .map(([tierDays, percents]) => {
          const ascendingDays = [...tierDays].sort((a, b) => a - b);
          const descendingPercents = [...percents].sort((a, b) => b - a);
          const discounts = ascendingDays.map((day, i) => ({ days: day, percentBp: descendingPercents[i]! }));
          return { kind, days, discounts };
        });
    });

  it("parses its own output back to the same terms", () => {
    fc.assert(
      fc.property(validTerms, (t) => {
        expect(parsePaymentTerms(formatPaymentTerms(t))).toEqual({ ok: true, value: t });
      }),
    );
  });
});

describe("dueDateFor", () => {
  it("adds net days to the issue date, across month ends", () => {
    expect(dueDateFor(net(30), d("2024-01-31"))).toEqual(d("2024-03-01"));
    expect(dueDateFor(net(0), d("2024-01-31"))).toEqual(d("2024-01-31"));
  });

  it("counts end-of-month days from the last day of the issue month", () => {
    expect(dueDateFor(eom(15), d("2024-01-31"))).toEqual(d("2024-02-15"));
    expect(dueDateFor(eom(15), d("2024-01-01"))).toEqual(d("2024-02-15"));
    expect(dueDateFor(eom(30), d("2024-12-10"))).toEqual(d("2025-01-30"));
  });

  it("knows February's end in leap and common years", () => {
    expect(dueDateFor(eom(0), d("2024-02-10"))).toEqual(d("2024-02-29"));
    expect(dueDateFor(eom(0), d("2023-02-10"))).toEqual(d("2023-02-28"));
    expect(dueDateFor(eom(1), d("2024-02-29"))).toEqual(d("2024-03-01"));
  });
});

describe("discountDeadlines", () => {
  it("gives each tier's last day, counted from the issue date, earliest first", () => {
    expect(discountDeadlines(terms("3/14 2/30 net 60"), d("2024-01-01"))).toEqual([
      { deadline: d("2024-01-15"), percentBp: 300 },
      { deadline: d("2024-01-31"), percentBp: 200 },
    ]);
  });

  it("counts from the issue date even on end-of-month terms", () => {
    expect(discountDeadlines(terms("2/10 eom+30"), d("2024-02-25"))).toEqual([{ deadline: d("2024-03-06"), percentBp: 200 }]);
  });

  it("has no deadlines when there is no discount", () => {
    expect(discountDeadlines(net(30), d("2024-01-01"))).toEqual([]);
  });
});
