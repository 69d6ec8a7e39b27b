import { describe, expect, it } from "vitest";
import { listCustomerCharges } from "../../src/app/charges/customerCharges.js";
import { runCollections } from "../../src/app/collections/runCollections.js";
import { resolveCustomer } from "../../src/app/customers/resolveCustomer.js";
import { payoffQuote } from "../../src/app/quotes/payoffQuote.js";
import { parseScenario } from "../../src/app/simulation/simulate.js";
import { chargeSettings } from "../../src/store/chargeSettings.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { replayScenarioFile, scenarioFile } from "../kit/scenarioReplay.js";


describe.skipIf(!engineAvailable())("scenario replays with fees, interest and compensation", () => {
  const t = useTestDatabase();
  const replay = async (name: string) => {
    const { deps, actor, result } = await replayScenarioFile(t(), name);
    const charges = async (customer: string) => (await listCustomerCharges(deps, actor, (await resolveCustomer(deps.db, actor.tenantId, { customerExternalId: customer })).id)).items;
    const quote = async (customer: string, asOf: string) => payoffQuote(deps, actor, { customerExternalId: customer }, { asOf });
    return { deps, actor, result, charges, quote };
  };

  it("charges the +15 step's €10.00 fee once on each of two invoices, and a rerun of the day adds nothing", async () => {
    const { deps, actor, result, charges } = await replay("charges-fees");
    expect(result.actions.map((a) => `${a.date} ${a.step} [${a.invoices.join(",")}] ${a.overdue} fee:${a.fee}`)).toEqual([
      "2024-02-07 r1 [INV-1,INV-2] 300.00 fee:null",
      "2024-02-15 r2 [INV-1,INV-2] 300.00 fee:20.00",
      // the fees fell due on 29 February: open items of their own, chased like any other
      "2024-03-01 r3 [INV-1,INV-2,INV-1-F-r2-1,INV-2-F-r2-1] 320.00 fee:null",
    ]);
    const fees = () => charges("C1").then((all) => all.map((c) => [c.number, c.kind, c.invoiceNumber, c.step, c.cycle, c.issueDate, c.dueDate, c.amount, c.open]));
    const expected = [
      ["INV-1-F-r2-1", "fee", "INV-1", "r2", 1, "2024-02-15", "2024-02-29", "10.00", "10.00"],
      ["INV-2-F-r2-1", "fee", "INV-2", "r2", 1, "2024-02-15", "2024-02-29", "10.00", "10.00"],
    ];
    expect(await fees()).toEqual(expected);

    for (const day of ["2024-02-15", "2024-03-01", "2024-03-10"]) expect(await runCollections(deps, actor, { asOf: day })).toMatchObject({ performed: {}, skipped: 0 });
    expect(await fees()).toEqual(expected);

    // INV-1's principal was paid on 5 March; its fee is still owed
    expect(result.invoices).toEqual([
      { number: "INV-1", open: "10.00", principal: "0.00", fees: "10.00", interest: "0.00", compensation: "0.00", status: "overdue" },
      { number: "INV-2", open: "210.00", principal: "200.00", fees: "10.00", interest: "0.00", compensation: "0.00", status: "overdue" },
    ]);
    const timeline = await deps.db.selectFrom("activities").select(["kind", "summary"]).where("tenant_id", "=", actor.tenantId).where("kind", "=", "charge").orderBy("summary").execute();
    expect(timeline.map((a) => a.summary)).toEqual(['Fee EUR 10.00 charged (INV-1-F-r2-1, step "r2")', 'Fee EUR 10.00 charged (INV-2-F-r2-1, step "r2")']);
  });

  it("does not charge a step a catch-up skipped, unless its fee says chargeWhenSkipped", async () => {
    const { result, charges } = await replay("charges-catch-up");
    expect(result.actions.map((a) => `${a.date} ${a.customer} ${a.step} skipped:${a.skipped.join(",")} fee:${a.fee}`)).toEqual([
      "2024-03-01 C1 r3 skipped:r1,r2 fee:null",
      "2024-03-01 C2 r3 skipped:r1,r2 fee:10.00",
    ]);
    expect(await charges("C1")).toEqual([]);
    expect((await charges("C2")).map((c) => [c.number, c.invoiceNumber, c.step, c.amount])).toEqual([["B-1-F-r2-1", "B-1", "r2", "10.00"]]);
  });

  it("adds the percentage of the overdue principal to the fixed part, rounded half up, within min and max; per reminder on the oldest invoice", async () => {
    const { result, charges } = await replay("charges-percent");
    expect(result.actions.map((a) => `${a.customer} ${a.date} ${a.fee}`)).toEqual(["C2 2024-02-12 18.33", "C1 2024-02-15 47.00"]);
    // 5.00 + 2 % of 333.33 = 11.67 → min 12.00; 5.00 + 2 % of 500.00 = 15.00; 5.00 + 2 % of 1,000.00 = 25.00 → max 20.00
    expect((await charges("C1")).map((c) => [c.number, c.amount])).toEqual([["P-1-F-r1-1", "12.00"], ["P-2-F-r1-1", "15.00"], ["P-3-F-r1-1", "20.00"]]);
    // one fee for the reminder: 5.00 + 1 % of 1,333.33 = 18.33, on the oldest invoice listed, due after the rule's 30 days
    expect((await charges("C2")).map((c) => [c.number, c.invoiceNumber, c.amount, c.dueDate])).toEqual([["R-1-F-r1-1", "R-1", "18.33", "2024-03-13"]]);
    expect(result.invoices.map((i) => [i.number, i.fees])).toEqual([["P-1", "12.00"], ["P-2", "15.00"], ["P-3", "20.00"], ["R-1", "18.33"], ["R-2", "0.00"]]);
  });

  it("posts DE statutory interest at +30 and +60 as the quote accrues it, the compensation once, and the quote counts nothing twice", async () => {
    const { deps, actor, result, charges, quote } = await replay("charges-interest");
    expect((await charges("C1")).map((c) => [c.number, c.kind, c.issueDate, c.dueDate, c.amount])).toEqual([
      ["INV-D1-C", "compensation", "2024-03-31", "2024-04-14", "40.00"],
      ["INV-D1-I-r4-1", "interest", "2024-03-31", "2024-04-14", "103.73"],
      ["INV-D1-I-r5-1", "interest", "2024-04-30", "2024-05-14", "103.72"],
    ]);
    // on the posting day the charge is the quote's whole accrual: 30 days × 10,000.00 × 12.62 % / 365
    const onDay = (await quote("C1", "2024-03-31")).items[0]!;
    expect([onDay.interestAccrued, onDay.interest, onDay.postedInterest, onDay.compensation]).toEqual(["103.73", "0.00", "103.73", "40.00"]);
    const later = await quote("C1", "2024-05-30");
    expect(later.items.map((i) => [i.number, i.principal, i.interestAccrued, i.interest, i.postedInterest, i.compensation, i.total])).toEqual([["INV-D1", "10000.00", "311.18", "103.73", "207.45", "40.00", "10351.18"]]);
    expect(later.totals[0]).toMatchObject({ interest: "311.18", compensation: "40.00", total: "10351.18" });
    expect(result.invoices).toEqual([{ number: "INV-D1", open: "10247.45", principal: "10000.00", fees: "0.00", interest: "311.18", compensation: "40.00", status: "overdue" }]);

    // settings and invoice discounts of the file are stored where the engine reads them
    expect((await chargeSettings(deps.db, actor.tenantId)).allocationOrder).toBe("costs-interest-principal");
    const invoice = await deps.db.selectFrom("invoices").select(["terms", "discount_terms", "due_date"]).where("tenant_id", "=", actor.tenantId).where("number", "=", "INV-D1").executeTakeFirstOrThrow();
    expect(invoice).toEqual({ terms: "2/10 net 29", discount_terms: [{ days: 10, percentBp: 200 }], due_date: "2024-03-01" });
  });
});

describe("scenario files with charges", () => {
  type Fields = Record<string, unknown>;
  interface File {
    settings: Fields;
    policies: (Fields & { steps: (Fields & { fee?: Fields })[] })[];
    invoices: Fields[];
  }
  const bad = (name: string, patch: (s: File) => void) => {
    const s = JSON.parse(scenarioFile(name)) as File;
    patch(s);
    try {
      parseScenario(JSON.stringify(s));
    } catch (error) {
      return (error as { error: { code: string; path: string } }).error;
    }
    throw new Error("accepted");
  };
  const policy = (s: File) => s.policies[0]!;
  const step = (s: File, i: number) => policy(s).steps[i]!;

  it("names the field of a bad fee, interest setting or discount", () => {
    expect(bad("charges-fees", (s) => (step(s, 1).fee!.fixed = "10.001"))).toMatchObject({ code: "TOO_MANY_DECIMALS", path: "policies[0].steps[1].fee.fixed.EUR" });
    expect(bad("charges-fees", (s) => (step(s, 1).fee!.per = "month"))).toMatchObject({ code: "INVALID_FEE", path: "policies[0].steps[1].fee.per" });
    expect(bad("charges-fees", (s) => (step(s, 1).fee = { percent: "1.505" }))).toMatchObject({ code: "INVALID_FEE", path: "policies[0].steps[1].fee.percent" });
    expect(bad("charges-fees", (s) => (step(s, 1).fee = { fixed: "5.00", min: "9.00", max: "8.00" }))).toMatchObject({ code: "INVALID_FEE", path: "policies[0].steps[1].fee.max.EUR" });
    // a fee in a currency the policy does not chase in
    expect(bad("charges-fees", (s) => ((policy(s).minimumOverdue = { EUR: "0.00" }), (step(s, 1).fee!.fixed = { USD: "10.00" })))).toMatchObject({ code: "INVALID_FEE", path: "policies[0].steps[1].fee.fixed.USD" });
    expect(bad("charges-fees", (s) => (step(s, 1).fee!.dueDays = -1))).toMatchObject({ code: "INVALID_FEE", path: "policies[0].steps[1].fee.dueDays" });
    expect(bad("charges-interest", (s) => (policy(s).interest = { statutory: "US" }))).toMatchObject({ code: "INVALID_INTEREST", path: "policies[0].interest.statutory" });
    expect(bad("charges-interest", (s) => (step(s, 1).interest = { post: "yes" }))).toMatchObject({ path: "policies[0].steps[1].interest.post" });
    expect(bad("charges-interest", (s) => (s.invoices[0]!.discounts = [{ days: 40, percent: "2" }]))).toMatchObject({ code: "INVALID_DISCOUNT", path: "invoices[0].discounts[0].days" });
    expect(bad("charges-interest", (s) => (s.settings.allocation = "newest-first"))).toMatchObject({ path: "settings.allocation" });
  });
});
