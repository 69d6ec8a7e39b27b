import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newTenant } from "../kit/factories.js";
import { quoteBooks } from "./quoteScenario.js";

const DE = { interest: { statutory: "DE" }, compensation: true };

describe.skipIf(!engineAvailable())("payoff quote: the worked examples", () => {
  const t = useTestDatabase();
  let deps: AppDeps;
  let actor: Actor;
  let books: ReturnType<typeof quoteBooks>;
  beforeAll(async () => {
    deps = depsAt(t(), "2024-06-30");
    actor = await newTenant(deps, { country: "DE" });
    books = quoteBooks(deps, actor);
  });

  it("DE statutory: €10,000.00 paid 90 days late owes €311.18 interest and €40.00 compensation", async () => {
    const c = await books.customerOn(DE);
    const inv = await books.invoice(c.id, "2024-03-01", "10000.00");
    await books.pay(c.id, inv.number, "2024-05-30", "10000.00");

    const quote = await books.quote(c.id, "2024-05-30");
    expect(quote.interest).toMatchObject({ statutory: "DE", dayCount: "act/365", graceDays: 0 });
    expect(quote.items).toEqual([
      expect.objectContaining({
        number: inv.number, dueDate: "2024-03-01", settledOn: "2024-05-30", daysOverdue: 90, currency: "EUR",
        principal: "0.00", fees: "0.00", interest: "311.18", postedInterest: "0.00", compensation: "40.00", total: "351.18", interestAccrued: "311.18",
        breakdown: [{ from: "2024-03-02", to: "2024-05-30", days: 90, principal: "10000.00", rate: "12.62", amount: "311.18", basis: "base rate 3.62 + 9 points", capped: false }],
      }),
    ]);
    expect(quote.totals).toEqual([{ currency: "EUR", principal: "0.00", fees: "0.00", interest: "311.18", compensation: "40.00", total: "351.18", credits: "0.00", payoff: "351.18" }]);
  });

  it("keeps the accrued interest owed after the principal is paid, without accruing more", async () => {
    const c = await books.customerOn(DE);
    const inv = await books.invoice(c.id, "2024-03-01", "10000.00");
    await books.pay(c.id, inv.number, "2024-05-30", "10000.00");
    const later = await books.quote(c.id, "2024-06-30");
    expect(later.items.map((i) => [i.interest, i.compensation, i.total])).toEqual([["311.18", "40.00", "351.18"]]);
  });

  it("DE rate change: €10,000.00 due 2024-06-15, quoted 2024-07-15, is €102.70 over two periods", async () => {
    const c = await books.customerOn(DE);
    const inv = await books.invoice(c.id, "2024-06-15", "10000.00");
    const [item] = (await books.quote(c.id, "2024-07-15")).items;
    expect(item).toMatchObject({ number: inv.number, daysOverdue: 30, principal: "10000.00", interest: "102.70", compensation: "40.00", total: "10142.70" });
    expect(item!.breakdown.map((p) => [p.from, p.to, p.days, p.rate, p.amount, p.basis])).toEqual([
      ["2024-06-16", "2024-06-30", 15, "12.62", "51.86", "base rate 3.62 + 9 points"],
      ["2024-07-01", "2024-07-15", 15, "12.37", "50.84", "base rate 3.37 + 9 points"],
    ]);
  });

  it("UK statutory: £5,000.00 30 days late at Bank Rate 5.25 % owes £54.45 and £70.00", async () => {
    const c = await books.customerOn({ interest: { statutory: "GB" }, compensation: true }, "GBP");
    await books.invoice(c.id, "2024-03-01", "5000.00", { currency: "GBP" });
    const quote = await books.quote(c.id, "2024-03-31");
    expect(quote.items[0]).toMatchObject({ currency: "GBP", daysOverdue: 30, interest: "54.45", compensation: "70.00", total: "5124.45" });
    expect(quote.items[0]!.breakdown).toEqual([expect.objectContaining({ days: 30, rate: "13.25", amount: "54.45", basis: "Bank Rate 5.25 + 8 points" })]);
    expect(quote.totals).toEqual([expect.objectContaining({ currency: "GBP", total: "5124.45", payoff: "5124.45" })]);
  });

  it("a partial payment halfway reduces the principal from the next day", async () => {
    const c = await books.customerOn(DE);
    const inv = await books.invoice(c.id, "2024-03-01", "10000.00");
    await books.pay(c.id, inv.number, "2024-03-31", "4000.00");
    const [item] = (await books.quote(c.id, "2024-05-30")).items;
    expect(item).toMatchObject({ principal: "6000.00", interest: "228.20", compensation: "40.00", total: "6268.20" });
    expect(item!.breakdown.map((p) => [p.from, p.to, p.days, p.principal, p.amount])).toEqual([
      ["2024-03-02", "2024-03-31", 30, "10000.00", "103.73"],
      ["2024-04-01", "2024-05-30", 60, "6000.00", "124.47"],
    ]);
  });

  it("contractual 1.5 % a month: $1,000.00 30 days late owes $14.79 and no compensation", async () => {
    const c = await books.customerOn({ interest: { monthlyPercent: "1.5" }, compensation: true }, "USD");
    await books.invoice(c.id, "2024-03-01", "1000.00", { currency: "USD" });
    const [item] = (await books.quote(c.id, "2024-03-31")).items;
    expect(item).toMatchObject({ interest: "14.79", compensation: "0.00", total: "1014.79" });
    expect(item!.breakdown).toEqual([expect.objectContaining({ rate: "18", basis: "contractual 1.5 % a month" })]);
  });

  it("shows items not yet due, and no interest or compensation under a policy without interest", async () => {
    const c = await books.customerOn({});
    await books.invoice(c.id, "2024-03-01", "500.00");
    const paidLate = await books.invoice(c.id, "2024-02-01", "300.00");
    await books.pay(c.id, paidLate.number, "2024-03-15", "300.00");
    await books.invoice(c.id, "2024-08-01", "200.00");
    const quote = await books.quote(c.id, "2024-06-30");
    expect(quote.interest).toBeNull();
    expect(quote.items.map((i) => [i.dueDate, i.daysOverdue, i.principal, i.interest, i.compensation, i.breakdown.length])).toEqual([
      ["2024-03-01", 121, "500.00", "0.00", "0.00", 0],
      ["2024-08-01", -32, "200.00", "0.00", "0.00", 0],
    ]);
    expect(quote.totals).toEqual([expect.objectContaining({ total: "700.00", payoff: "700.00" })]);
  });
});
