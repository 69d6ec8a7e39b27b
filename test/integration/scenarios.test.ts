import { describe, expect, it } from "vitest";
import { runCollections } from "../../src/app/collections/runCollections.js";
import { parseScenario } from "../../src/app/simulation/simulate.js";
import type { SimulationResult } from "../../src/app/simulation/simulationResult.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { replayScenarioFile, scenarioFile } from "../kit/scenarioReplay.js";

/** date customer step [invoices] overdue (skipped…) — one line per performed action. */
const lines = (r: SimulationResult) => r.actions.map((a) => `${a.date} ${a.customer} ${a.currency} ${a.step} [${a.invoices.join(",")}] ${a.overdue}${a.skipped.length ? ` skipped:${a.skipped.join(",")}` : ""}`);

describe.skipIf(!engineAvailable())("scenario replays", () => {
  const t = useTestDatabase();
  const replay = (name: string) => replayScenarioFile(t(), name);

  it("catches up after days without a run with the latest due step only, and records the missed one as skipped", async () => {
    const { result } = await replay("catch-up");
    expect(lines(result)).toEqual(["2024-02-21 C1 EUR r2 [INV-1] 100.00 skipped:r1", "2024-03-01 C1 EUR r3 [INV-1] 100.00"]);
  });

  it("consolidates a customer's items per currency and never messages a customer twice on one day", async () => {
    const { result } = await replay("consolidation");
    expect(lines(result)).toEqual(["2024-02-07 C1 EUR r1 [E-1,E-2] 150.00", "2024-02-07 C2 EUR r1 [E-3] 20.00", "2024-02-08 C1 USD r1 [U-1] 70.00"]);
  });

  it("leaves out disputed and do-not-dun items, stops for holds and do-not-dun customers, and resumes after", async () => {
    const { result } = await replay("pauses");
    expect(lines(result)).toEqual([
      "2024-02-07 C1 EUR r1 [A-1] 100.00",
      "2024-02-15 C1 EUR r2 [A-1] 100.00",
      "2024-02-26 C2 EUR r2 [B-1] 80.00 skipped:r1",
      "2024-03-01 C1 EUR r3 [A-1,A-2] 160.00",
      "2024-03-01 C2 EUR r3 [B-1] 80.00",
    ]);
  });

  it("keeps the chase while its only debt is disputed, and resumes it, without starting over, when the dispute is rejected", async () => {
    const { result } = await replay("dispute-resume");
    expect(lines(result)).toEqual(["2024-02-07 C1 EUR r1 [D-1] 100.00", "2024-02-20 C1 EUR r2 [D-1] 100.00", "2024-03-01 C1 EUR r3 [D-1] 100.00"]);
  });

  it("pauses for a promise; a kept one ends the chase, a broken one resumes at the next step at once and creates a task", async () => {
    const { deps, actor, result } = await replay("promises");
    expect(lines(result)).toEqual(["2024-02-07 C1 EUR r1 [K-1] 100.00", "2024-02-07 C2 EUR r1 [B-1] 100.00", "2024-02-23 C2 EUR r2 [B-1] 100.00", "2024-03-01 C2 EUR r3 [B-1] 100.00"]);
    expect(result.customers.map((c) => [c.id, c.stage])).toEqual([["C1", null], ["C2", "r3"]]);
    const tasks = await deps.db.selectFrom("tasks").innerJoin("customers", "customers.id", "tasks.customer_id").select(["customers.external_id", "tasks.kind"]).where("tasks.tenant_id", "=", actor.tenantId).execute();
    expect(tasks).toEqual([{ external_id: "C2", kind: "broken_promise" }]);
  });

  it("clears the stage when paid and starts a new chase, from its first step, for the next invoice", async () => {
    const { result } = await replay("stage-clear");
    expect(lines(result)).toEqual(["2024-01-28 C1 EUR before [S-1] 100.00", "2024-02-07 C1 EUR r1 [S-1] 100.00", "2024-03-12 C1 EUR before [S-2] 40.00", "2024-03-22 C1 EUR r1 [S-2] 40.00"]);
    expect(result.invoices).toEqual([
      { number: "S-1", open: "0.00", status: "settled", principal: "0.00", fees: "0.00", interest: "0.00", compensation: "0.00" },
      { number: "S-2", open: "40.00", status: "overdue", principal: "40.00", fees: "0.00", interest: "0.00", compensation: "0.00" },
    ]);
  });

  it("sends nothing while the overdue amount is below the policy's minimum", async () => {
    const { result } = await replay("minimum");
    expect(lines(result)).toEqual(["2024-02-21 C1 EUR r2 [M-1,M-2] 70.00 skipped:r1", "2024-03-01 C1 EUR r3 [M-1,M-2] 70.00"]);
  });

  it("moves actions off weekends and holidays and counts business-day offsets on the tenant's calendar", async () => {
    const { result } = await replay("business-days");
    // +7 lands on 3 October (German Unity Day); +10 business days skips it too
    expect(lines(result)).toEqual(["2024-10-04 C1 EUR r1 [D-1] 100.00", "2024-10-11 C1 EUR r2 [D-1] 100.00"]);
  });

  it("gives customers their segment's policy by rule, and a customer's own policy wins", async () => {
    const { result } = await replay("segments");
    expect(lines(result)).toEqual([
      "2024-02-07 C2 EUR r1 [I-2] 100.00",
      "2024-02-07 C4 EUR r1 [I-4] 100.00",
      "2024-02-15 C2 EUR r2 [I-2] 100.00",
      "2024-02-15 C4 EUR r2 [I-4] 100.00",
      "2024-02-20 C1 EUR late-r1 [I-1] 100.00",
      "2024-02-20 C3 EUR late-r1 [I-3] 5000.00",
    ]);
  });

  it("does nothing new when the run repeats on the same day", async () => {
    const { deps, actor, result } = await replay("catch-up");
    const again = await runCollections(deps, actor, { asOf: "2024-03-01" });
    expect(again).toMatchObject({ performed: {}, skipped: 0 });
    expect(result.actions).toHaveLength(2);
  });
});

describe("scenario files", () => {
  const bad = (patch: (s: Record<string, unknown>) => void) => {
    const s = JSON.parse(scenarioFile("catch-up")) as Record<string, unknown>;
    patch(s);
    try {
      parseScenario(JSON.stringify(s));
    } catch (error) {
      return (error as { error: { code: string; path: string } }).error;
    }
    throw new Error("accepted");
  };
  const invoices = (s: Record<string, unknown>) => s.invoices as Record<string, unknown>[];

  it("names the JSON path and a code for each kind of mistake", () => {
    expect(bad((s) => (s.extra = 1))).toMatchObject({ code: "INVALID_SCENARIO" });
    expect(bad((s) => (invoices(s)[0]!.dueDate = "2024-02-30"))).toMatchObject({ code: "INVALID_DATE", path: "invoices[0].dueDate" });
    expect(bad((s) => (invoices(s)[0]!.amount = "1.234"))).toMatchObject({ code: "TOO_MANY_DECIMALS", path: "invoices[0].amount" });
    expect(bad((s) => (invoices(s)[0]!.customer = "nobody"))).toMatchObject({ code: "UNKNOWN_REFERENCE", path: "invoices[0].customer" });
    expect(bad((s) => (s.timeline = [{ date: "2024-02-01", type: "payment", customer: "C1", amount: "1.001" }]))).toMatchObject({ code: "TOO_MANY_DECIMALS", path: "timeline[0].amount" });
    expect(bad((s) => (s.timeline = [{ date: "2024-02-01", type: "dispute", invoice: "INV-9" }]))).toMatchObject({ code: "UNKNOWN_REFERENCE", path: "timeline[0].invoice" });
  });
});
