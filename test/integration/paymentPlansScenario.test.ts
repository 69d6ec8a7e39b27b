import { describe, expect, it } from "vitest";
import { listCustomerPlans } from "../../src/app/plans/listCustomerPlans.js";
import { parseScenario } from "../../src/app/simulation/simulate.js";
import type { SimulationResult } from "../../src/app/simulation/simulationResult.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { replayScenarioFile, scenarioFile } from "../kit/scenarioReplay.js";

const lines = (r: SimulationResult) => r.actions.map((a) => `${a.date} ${a.customer} ${a.step} [${a.invoices.join(",")}] ${a.overdue}${a.skipped.length ? ` skipped:${a.skipped.join(",")}` : ""}`);

/**
 * test/scenarios/payment-plans.json: four customers owe 300.00 due 31 January, get r1 (+7) on 7 February
 * and agree on 10 February to pay 100.00 on 29 February, 31 March and 30 April (grace: the policy's 2 days).
 * C1 pays every installment (the second on the last day of grace), C2 only the first, C3's plan is
 * cancelled on 20 February, C4 pays the first and is credited the rest on 20 March.
 */
describe.skipIf(!engineAvailable())("payment plans, replayed day by day", () => {
  const t = useTestDatabase();
  const replay = async () => {
    const { deps, actor, result } = await replayScenarioFile(t(), "payment-plans");
    const customers = new Map((await deps.db.selectFrom("customers").select(["id", "external_id"]).where("tenant_id", "=", actor.tenantId).execute()).map((c) => [c.external_id, c.id]));
    const plansOf = async (ref: string) => listCustomerPlans(deps, actor, customers.get(ref)!);
    const timeline = async (ref: string) =>
      (await deps.db.selectFrom("activities").select(["occurred_on", "kind", "summary"]).where("tenant_id", "=", actor.tenantId).where("customer_id", "=", customers.get(ref)!).where("kind", "like", "payment_plan%").orderBy("at").orderBy("id").execute()).map((a) => `${a.occurred_on} ${a.kind}: ${a.summary}`);
    const tasks = await deps.db.selectFrom("tasks").innerJoin("customers", (j) => j.onRef("customers.tenant_id", "=", "tasks.tenant_id").onRef("customers.id", "=", "tasks.customer_id")).select(["customers.external_id", "tasks.kind", "tasks.title", "tasks.due_on", "tasks.details"]).where("tasks.tenant_id", "=", actor.tenantId).execute();
    return { result, plansOf, timeline, tasks };
  };
  let run: Awaited<ReturnType<typeof replay>> | undefined;
  const replayed = async () => (run ??= await replay());

  it("sends nothing while a plan runs: only the reminders before it, a cancelled plan's catch-up and a defaulted plan's next steps", async () => {
    const { result } = await replayed();
    expect(lines(result)).toEqual([
      "2024-02-07 C1 r1 [K-1] 300.00",
      "2024-02-07 C2 r1 [D-1] 300.00",
      "2024-02-07 C3 r1 [X-1] 300.00",
      "2024-02-07 C4 r1 [N-1] 300.00",
      // cancelled on 20 February: the chase resumes that day with the step that fell due during the plan
      "2024-02-20 C3 r2 [X-1] 300.00",
            // the second installment (31 March + 2 days' grace) missed: r2 at once on 3 April, on the 200.00 still owed
      "2024-04-03 C2 r2 [D-1] 200.00",
      "2024-04-30 C2 r3 [D-1] 200.00",
      "2024-04-30 C3 r3 [X-1] 300.00",
    ]);
    expect(result.customers.map((c) => [c.id, c.stage])).toEqual([["C1", null], ["C2", "r3"], ["C3", "r3"], ["C4", null]]);
  });

  it("completes a kept plan on the day its total is paid, with a timeline entry", async () => {
    const { result, plansOf, timeline } = await replayed();
    const [plan] = await plansOf("C1");
    expect(plan).toMatchObject({ status: "completed", startedOn: "2024-02-10", endedOn: "2024-04-29", graceDays: 2, total: { amount: "300.00", currency: "EUR" }, paid: { amount: "300.00", currency: "EUR" } });
    expect(plan!.installments.map((i) => [i.seq, i.dueDate, i.amount.amount, i.covered])).toEqual([[1, "2024-02-29", "100.00", true], [2, "2024-03-31", "100.00", true], [3, "2024-04-30", "100.00", true]]);
    expect(await timeline("C1")).toEqual([
      "2024-02-10 payment_plan: Payment plan agreed: EUR 300.00 in 3 installments, 2024-02-29 to 2024-04-30 (EUR 300.00 open)",
      "2024-04-29 payment_plan_completed: Payment plan completed: EUR 300.00 received of EUR 300.00",
    ]);
    expect(result.invoices.find((i) => i.number === "K-1")).toEqual({ number: "K-1", open: "0.00", status: "settled", principal: "0.00", fees: "0.00", interest: "0.00", compensation: "0.00" });
  });

  it("defaults a plan the day after the missed installment's grace, with a follow-up task and a timeline entry", async () => {
    const { plansOf, timeline, tasks } = await replayed();
    const [plan] = await plansOf("C2");
    expect(plan).toMatchObject({ status: "defaulted", endedOn: "2024-04-03", paid: { amount: "100.00" } });
    expect(plan!.installments.map((i) => i.covered)).toEqual([true, false, false]);
    expect((await timeline("C2")).at(-1)).toBe("2024-04-03 payment_plan_defaulted: Payment plan defaulted: installment 2 due 2024-03-31 (grace 2 days) missed; EUR 200.00 due by then, EUR 100.00 received");
    expect(tasks).toEqual([
      {
        external_id: "C2",
        kind: "broken_promise",
        title: "Follow up a defaulted payment plan",
        due_on: "2024-04-03",
        details: { planId: plan!.id, currency: "EUR", installment: 2, dueOn: "2024-03-31", graceDays: 2, dueSoFar: "200.00", paid: "100.00", total: "300.00" },
      },
    ]);
  });

  it("ends a cancelled plan on its day, and completes a plan once nothing is left open", async () => {
    const { plansOf, timeline } = await replayed();
    expect(await plansOf("C3")).toMatchObject([{ status: "cancelled", endedOn: "2024-02-20" }]);
    expect((await timeline("C3")).at(-1)).toBe("2024-02-20 payment_plan_cancelled: Payment plan cancelled: scenario cancellation");
    expect(await plansOf("C4")).toMatchObject([{ status: "completed", endedOn: "2024-03-20", paid: { amount: "100.00" } }]);
  });
});

describe("payment plans in scenario files", () => {
  const bad = (timeline: unknown[]) => {
    const s = JSON.parse(scenarioFile("payment-plans")) as Record<string, unknown>;
    s.timeline = timeline;
    try {
      parseScenario(JSON.stringify(s));
    } catch (error) {
      return (error as { error: { code: string; path: string } }).error;
    }
    throw new Error("accepted");
  };
  const plan = (installments: unknown[]) => ({ date: "2024-02-10", type: "plan", customer: "C1", installments });

  it("names the JSON path of a bad installment", () => {
    expect(bad([plan([{ dueDate: "2024-03-01", amount: "10.001" }])])).toMatchObject({ code: "TOO_MANY_DECIMALS", path: "timeline[0].installments[0].amount" });
    expect(bad([plan([{ dueDate: "2024-03-01", amount: "0.00" }])])).toMatchObject({ code: "INVALID_AMOUNT", path: "timeline[0].installments[0].amount" });
    expect(bad([plan([{ dueDate: "2024-02-09", amount: "10.00" }])])).toMatchObject({ code: "INVALID_PLAN", path: "timeline[0].installments[0].dueDate" });
    expect(bad([plan([{ dueDate: "2024-03-01", amount: "10.00" }, { dueDate: "2024-03-01", amount: "10.00" }])])).toMatchObject({ code: "INVALID_PLAN", path: "timeline[0].installments[1].dueDate" });
    expect(bad([plan([])])).toMatchObject({ code: "INVALID_SCENARIO", path: "timeline[0].installments" });
    expect(bad([{ date: "2024-02-10", type: "cancelPlan", customer: "C9" }])).toMatchObject({ code: "UNKNOWN_REFERENCE", path: "timeline[0].customer" });
  });
});
