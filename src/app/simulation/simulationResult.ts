import { actionsBetween } from "../../store/collections/actionsOfDay.js";
import type { Db } from "../../store/schema.js";
import { amountText } from "../views/money.js";
import type { Scenario } from "./scenarioSchema.js";

export interface SimulatedAction {
  date: string;
  customer: string;
  currency: string;
  step: string;
  channel: string;
  invoices: string[];
  overdue: string;
  /** Steps recorded as skipped on the same day for the same customer and currency. */
  skipped: string[];
}

export interface SimulationResult {
  actions: SimulatedAction[];
  invoices: { number: string; open: string; status: "open" | "overdue" | "settled" | "disputed" }[];
  customers: { id: string; stage: string | null; stages: Record<string, string | null>; creditHold: boolean; handedOff: boolean }[];
}

/** What happened over the scenario's range, and where every invoice and customer stands at its end. */
export async function simulationResult(db: Db, tenantId: string, scenario: Scenario): Promise<SimulationResult> {
  const rows = await actionsBetween(db, { tenantId, from: scenario.from, to: scenario.to });
  const actions: SimulatedAction[] = [];
  const skippedFor = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.run_date}|${r.customer_id}|${r.currency}`;
    if (r.status === "skipped") {
      skippedFor.set(key, [...(skippedFor.get(key) ?? []), r.step_id]);
      continue;
    }
    const skipped = skippedFor.get(key) ?? [];
    skippedFor.set(key, []);
    actions.push({ date: r.run_date, customer: r.customer_ref, currency: r.currency, step: r.step_id, channel: r.channel, invoices: r.invoices, overdue: amountText(BigInt(r.overdue_amount), r.currency), skipped });
  }
  const invoices = await db
    .selectFrom("invoices as i")
    .leftJoin("disputes as d", (j) => j.onRef("d.tenant_id", "=", "i.tenant_id").onRef("d.invoice_id", "=", "i.id").on("d.status", "=", "open"))
    .select(["i.number", "i.open_amount", "i.currency", "i.due_date", "d.id as dispute_id"])
    .where("i.tenant_id", "=", tenantId)
    .orderBy("i.number")
    .execute();
  const customers = await db.selectFrom("customers").select(["id", "external_id", "currency", "credit_hold", "handed_off_on"]).where("tenant_id", "=", tenantId).orderBy("external_id").execute();
  const stages = await db.selectFrom("dunning_stages").select(["customer_id", "currency", "step_id"]).where("tenant_id", "=", tenantId).execute();
  return {
    actions,
    invoices: invoices.map((i) => ({
      number: i.number,
      open: amountText(BigInt(i.open_amount), i.currency),
      status: BigInt(i.open_amount) === 0n ? "settled" : i.dispute_id ? "disputed" : i.due_date < scenario.to ? "overdue" : "open",
    })),
    customers: customers.map((c) => {
      const own = Object.fromEntries(stages.filter((s) => s.customer_id === c.id).map((s) => [s.currency, s.step_id]));
      return { id: c.external_id, stage: own[c.currency] ?? null, stages: own, creditHold: c.credit_hold, handedOff: c.handed_off_on !== null };
    }),
  };
}
