import type { Actor, AppDeps } from "../src/app/deps.js";
import { agingReport, type AgingReport } from "../src/app/reports/agingReport.js";
import { bucketThresholds } from "../src/domain/aging/agingBuckets.js";
import { currency, formatAmount } from "../src/domain/money/index.js";
import { handAgingByCustomer, handAgingTotals, type HandAgingRow } from "./handAging.js";
import { compareRuns, type Timed } from "./timing.js";

export interface AgingFigure {
  app: Timed;
  hand: Timed;
  /** app median ÷ hand median. */
  ratio: number;
  /** Rows the query returned (currencies, or customer × currency). */
  rows: number;
  /** The app and the hand SQL agree on every amount. */
  sameResult: boolean;
}

const ratio = (app: Timed, hand: Timed) => Math.round((app.medianMs / hand.medianMs) * 100) / 100;

/** "currency:bucket amounts:items" lines, comparable between the app's text amounts and the SQL's minor units. */
const handLines = (rows: readonly HandAgingRow[], prefix: (i: number) => string) =>
  rows.map((r, i) => `${prefix(i)}${r.currency}:${r.amounts.map((a) => formatAmount(BigInt(a), currency(r.currency))).join(",")}:${r.items}`);

/** (b) the tenant's aging totals and (c) the per-customer aging of every customer, app vs hand SQL. */
export async function measureAging(deps: AppDeps, tenantId: string, asOf: string, boundaries: readonly number[], runs: number): Promise<{ totals: AgingFigure; byCustomer: AgingFigure }> {
  const actor: Actor = { tenantId, role: "admin", name: "bench" };
  const thresholds = bucketThresholds(boundaries);

  const totals = await compareRuns(runs, () => agingReport(deps, actor, { asOf }), () => handAgingTotals(deps.db, tenantId, asOf, thresholds));
  const appTotals = totals.lastA.totals.map((r) => `${r.currency}:${r.buckets.join(",")}:${r.items}`);
  const handTotals = handLines(totals.lastB, () => "");

  const byCustomer = await compareRuns(runs, () => agingReport(deps, actor, { asOf, by: "customer" }), () => handAgingByCustomer(deps.db, tenantId, asOf, thresholds));
  const appCustomers = customerLines(byCustomer.lastA);
  const handCustomers = handLines(byCustomer.lastB, (i) => `${byCustomer.lastB[i]!.external_id}:`);

  return {
    totals: { app: totals.a, hand: totals.b, ratio: ratio(totals.a, totals.b), rows: totals.lastB.length, sameResult: appTotals.join("\n") === handTotals.join("\n") },
    byCustomer: {
      app: byCustomer.a,
      hand: byCustomer.b,
      ratio: ratio(byCustomer.a, byCustomer.b),
      rows: byCustomer.lastB.length,
      sameResult: appCustomers.join("\n") === handCustomers.join("\n"),
    },
  };
}

const customerLines = (report: AgingReport) => (report.customers ?? []).map((r) => `${r.externalId}:${r.currency}:${r.buckets.join(",")}:${r.items}`);
