import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { getChannelSettings } from "../../src/app/settings/getChannelSettings.js";
import { updateChannelSettings } from "../../src/app/settings/updateChannelSettings.js";
import { Failure } from "../../src/domain/errors.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newTenant } from "../kit/factories.js";
import { quoteBooks } from "./quoteScenario.js";

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof Failure ? e.error : Promise.reject(e)));

describe.skipIf(!engineAvailable())("payoff quote: rules", () => {
  const t = useTestDatabase();
  let deps: AppDeps;
  let actor: Actor;
  let books: ReturnType<typeof quoteBooks>;
  beforeAll(async () => {
    deps = depsAt(t(), "2024-06-30");
    actor = await newTenant(deps);
    books = quoteBooks(deps, actor);
  });

  /** A charge posted for an item, as the fee-posting task will write it. */
  async function postCharge(customerId: string, kind: "fee" | "interest" | "compensation", number: string, amount: bigint, chargeOf: string | null) {
    await sql`insert into invoices (tenant_id, id, customer_id, number, kind, issue_date, due_date, currency, amount, open_amount, charge_of)
      values (${actor.tenantId}, ${deps.newId()}, ${customerId}, ${number}, ${kind}, '2024-04-01', '2024-04-15', 'EUR', ${amount}, ${amount}, ${chargeOf})`.execute(deps.db);
  }

  it("claims interest only from the policy's `from` date, and leaves items settled before it off", async () => {
    const c = await books.customerOn({ interest: { statutory: "DE", from: "2024-05-01" } });
    const before = await books.invoice(c.id, "2024-03-01", "10000.00");
    await books.pay(c.id, before.number, "2024-04-15", "10000.00");
    const during = await books.invoice(c.id, "2024-03-01", "10000.00");
    await books.pay(c.id, during.number, "2024-05-10", "10000.00");
    const open = await books.invoice(c.id, "2024-03-01", "10000.00");
    const quote = await books.quote(c.id, "2024-05-30");
    expect(quote.items.map((i) => [i.number, i.principal, i.interest, i.breakdown.map((p) => `${p.from}..${p.to}`)])).toEqual([
      [during.number, "0.00", "34.58", ["2024-05-01..2024-05-10"]],
      [open.number, "10000.00", "103.73", ["2024-05-01..2024-05-30"]],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });

  it("stops at the hand-off when the policy says so", async () => {
    const stops = await books.customerOn({ interest: { statutory: "DE", stopAfterHandoff: true } });
    const runs = await books.customerOn({ interest: { statutory: "DE" } });
    for (const c of [stops, runs]) {
      await books.invoice(c.id, "2024-03-01", "10000.00");
      await deps.db.updateTable("customers").set({ handed_off_on: "2024-04-30" }).where("tenant_id", "=", actor.tenantId).where("id", "=", c.id).execute();
    }
    expect((await books.quote(stops.id, "2024-05-30")).items[0]!.breakdown).toEqual([expect.objectContaining({ to: "2024-04-30", days: 60, amount: "207.45" })]);
    expect((await books.quote(runs.id, "2024-05-30")).items[0]!.interest).toBe("311.18");
  });

  it("honours grace days and the rate cap, and says so in the breakdown", async () => {
    const c = await books.customerOn({ interest: { annualPercent: "20", capAnnualPercent: "15", graceDays: 10 } });
    await books.invoice(c.id, "2024-03-01", "1000.00");
    const [item] = (await books.quote(c.id, "2024-03-31")).items;
    expect(item!.breakdown).toEqual([{ from: "2024-03-12", to: "2024-03-31", days: 20, principal: "1000.00", rate: "15", amount: "8.22", basis: "contractual 20 % a year, capped at 15 %", capped: true }]);
  });

  it("includes posted charges: open fees, interest less what was posted, a paid compensation not claimed again", async () => {
    const c = await books.customerOn({ interest: { statutory: "DE" }, compensation: true });
    const inv = await books.invoice(c.id, "2024-03-01", "10000.00");
    await postCharge(c.id, "fee", `${inv.number}-F1`, 10_00n, inv.id);
    await postCharge(c.id, "interest", `${inv.number}-I1`, 100_00n, inv.id);
    await postCharge(c.id, "compensation", `${inv.number}-C1`, 40_00n, inv.id);
    await postCharge(c.id, "fee", `${inv.number}-R1`, 5_00n, null);
    await books.pay(c.id, `${inv.number}-C1`, "2024-04-20", "40.00");
    const quote = await books.quote(c.id, "2024-05-30");
    expect(quote.items.map((i) => [i.number, i.kind, i.principal, i.fees, i.interestAccrued, i.interest, i.postedInterest, i.compensation, i.total])).toEqual([
      [inv.number, "invoice", "10000.00", "10.00", "311.18", "211.18", "100.00", "0.00", "10321.18"],
      [`${inv.number}-R1`, "fee", "0.00", "5.00", "0.00", "0.00", "0.00", "0.00", "5.00"],
    ]);
    expect(quote.totals).toEqual([expect.objectContaining({ fees: "15.00", interest: "311.18", compensation: "0.00", total: "10326.18" })]);
  });

  it("gives the compensation once per invoice, on its first late installment", async () => {
    const c = await books.customerOn({ interest: { statutory: "DE" }, compensation: true });
    await books.invoice(c.id, "2024-04-01", "1000.00", { installments: [{ dueDate: "2024-03-01", amount: "500.00" }, { dueDate: "2024-04-01", amount: "500.00" }] });
    const quote = await books.quote(c.id, "2024-05-30");
    expect(quote.items.map((i) => [i.installment, i.daysOverdue, i.compensation])).toEqual([[1, 90, "40.00"], [2, 59, "0.00"]]);
  });

  it("takes the compensation from the tenant's setting unless the policy says otherwise", async () => {
    const other = await newTenant(deps);
    const b = quoteBooks(deps, other);
    expect(await getChannelSettings(deps, other)).toMatchObject({ allocationOrder: "costs-interest-principal", compensation: false });
    const silent = await b.customerOn({ interest: { statutory: "DE" } });
    const refuses = await b.customerOn({ interest: { statutory: "DE" }, compensation: false });
    for (const c of [silent, refuses]) await b.invoice(c.id, "2024-03-01", "100.00");
    expect((await b.quote(silent.id, "2024-05-30")).items[0]!.compensation).toBe("0.00");
    expect(await updateChannelSettings(deps, other, { compensation: true, allocationOrder: "principal-first" })).toMatchObject({ compensation: true, allocationOrder: "principal-first" });
    expect((await b.quote(silent.id, "2024-05-30")).items[0]!.compensation).toBe("40.00");
    expect((await b.quote(refuses.id, "2024-05-30")).compensation).toBe(false);
    expect(await failureOf(updateChannelSettings(deps, other, { allocationOrder: "interest-last" }))).toMatchObject({ code: "VALIDATION_FAILED", path: "allocationOrder" });
  });

  it("refuses a compensation in another currency than the invoice's, naming the invoice", async () => {
    const c = await books.customerOn({ interest: { statutory: "EU" }, compensation: true }, "USD");
    const inv = await books.invoice(c.id, "2024-03-01", "100.00", { currency: "USD" });
    expect(await failureOf(books.quote(c.id, "2024-05-30"))).toMatchObject({ code: "CURRENCY_MISMATCH", message: expect.stringContaining(inv.number) });
  });

  it("checks a policy's interest settings when it is applied and stores them with every default written out", async () => {
    expect(await failureOf(books.policy("bad-us", { interest: { statutory: "US" } }))).toMatchObject({ code: "INVALID_INTEREST", path: "interest.statutory" });
    expect(await failureOf(books.policy("bad-rate", { interest: { annualPercent: "10.125" } }))).toMatchObject({ code: "INVALID_RATE", path: "interest.annualPercent" });
    expect(await failureOf(books.policy("bad-both", { interest: { annualPercent: "10", statutory: "DE" } }))).toMatchObject({ code: "INVALID_INTEREST", path: "interest" });
    expect(await failureOf(books.policy("bad-grace", { interest: { statutory: "DE", graceDays: -1 } }))).toMatchObject({ code: "INVALID_INTEREST", path: "interest.graceDays" });
    const applied = await books.policy("monthly", { interest: { monthlyPercent: "1.5", from: "2024-01-01" }, compensation: false });
    expect(applied.policy.definition).toMatchObject({ interest: { monthlyPercent: "1.5", dayCount: "act/365", graceDays: 0, stopAfterHandoff: false, from: "2024-01-01" }, compensation: false });
    expect((await books.policy("monthly", { interest: { monthlyPercent: "1.5", from: "2024-01-01" }, compensation: false })).changed).toBe(false);
  });
});
