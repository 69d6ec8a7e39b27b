import { currency } from "../../domain/money/index.js";
import { maxBigint } from "../../domain/money/money.js";
import { chargesByInvoice, feesByAction } from "../../store/charges.js";
import { actionsBetween } from "../../store/collections/actionsOfDay.js";
import type { Actor, AppDeps } from "../deps.js";
import { toMinor } from "../inputs/fields.js";
import { payoffQuote } from "../quotes/payoffQuote.js";
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
  /** The fees the action charged (a skipped step's fee charged with it included), or null. */
  fee: string | null;
}

export interface SimulatedInvoice {
  number: string;
  /** Everything open on the invoice: its principal and the charges posted on it. */
  open: string;
  principal: string;
  /** Fees charged on it, less waivers. */
  fees: string;
  /** Interest accrued to `to`, posted or not. */
  interest: string;
  /** The fixed compensation owed for it (posted or not), less waivers. */
  compensation: string;
  status: "open" | "overdue" | "settled" | "disputed";
}

export interface SimulationResult {
  actions: SimulatedAction[];
  invoices: SimulatedInvoice[];
  customers: { id: string; stage: string | null; stages: Record<string, string | null>; creditHold: boolean; handedOff: boolean }[];
}

/** What happened over the scenario's range, and where every invoice and customer stands at its end. */
export async function simulationResult(deps: AppDeps, actor: Actor, scenario: Scenario): Promise<SimulationResult> {
  const { db } = deps;
  const tenantId = actor.tenantId;
  const rows = await actionsBetween(db, { tenantId, from: scenario.from, to: scenario.to });
  const fees = await feesByAction(db, { tenantId, from: scenario.from, to: scenario.to });
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
    const fee = fees.get(r.id);
    actions.push({ date: r.run_date, customer: r.customer_ref, currency: r.currency, step: r.step_id, channel: r.channel, invoices: r.invoices, overdue: amountText(BigInt(r.overdue_amount), r.currency), skipped, fee: fee === undefined ? null : amountText(fee, r.currency) });
  }
  const invoices = await db
    .selectFrom("invoices as i")
    .leftJoin("disputes as d", (j) => j.onRef("d.tenant_id", "=", "i.tenant_id").onRef("d.invoice_id", "=", "i.id").on("d.status", "=", "open"))
    .select(["i.id", "i.customer_id", "i.number", "i.open_amount", "i.currency", "i.due_date", "d.id as dispute_id"])
    .where("i.tenant_id", "=", tenantId)
    .where("i.kind", "=", "invoice")
    .orderBy("i.number")
    .execute();
  const charges = await chargesByInvoice(db, tenantId);
  // Interest is only accrued under a policy of the file (the shipped ones charge none): then ask the payoff quote.
  const accrued = scenario.policies.some((p) => p.interest !== undefined) ? await quotedCharges(deps, actor, scenario.to, [...new Set(invoices.map((i) => i.customer_id))]) : new Map<string, QuotedCharges>();
  const customers = await db.selectFrom("customers").select(["id", "external_id", "currency", "credit_hold", "handed_off_on"]).where("tenant_id", "=", tenantId).orderBy("external_id").execute();
  const stages = await db.selectFrom("dunning_stages").select(["customer_id", "currency", "step_id"]).where("tenant_id", "=", tenantId).execute();
  return {
    actions,
    invoices: invoices.map((i) => {
      const posted = charges.get(i.id);
      const quoted = accrued.get(i.id);
      const open = BigInt(i.open_amount) + (posted?.open ?? 0n);
      const text = (minor: bigint) => amountText(minor, i.currency);
      return {
        number: i.number,
        open: text(open),
        principal: text(BigInt(i.open_amount)),
        fees: text(posted?.fees ?? 0n),
        interest: text(maxBigint(quoted?.interest ?? 0n, posted?.interest ?? 0n)),
        compensation: text(maxBigint(quoted?.compensation ?? 0n, posted?.compensation ?? 0n)),
        status: open === 0n ? "settled" : i.dispute_id ? "disputed" : i.due_date < scenario.to ? "overdue" : "open",
      };
    }),
    customers: customers.map((c) => {
      const own = Object.fromEntries(stages.filter((s) => s.customer_id === c.id).map((s) => [s.currency, s.step_id]));
      return { id: c.external_id, stage: own[c.currency] ?? null, stages: own, creditHold: c.credit_hold, handedOff: c.handed_off_on !== null };
    }),
  };
}

interface QuotedCharges {
  interest: bigint;
  compensation: bigint;
}

/** Per invoice (installments together): the interest accrued to `asOf` and the compensation owed, as the payoff quote has them. */
async function quotedCharges(deps: AppDeps, actor: Actor, asOf: string, customerIds: readonly string[]): Promise<Map<string, QuotedCharges>> {
  const byInvoice = new Map<string, QuotedCharges>();
  for (const customerId of customerIds) {
    for (const item of (await payoffQuote(deps, actor, { customerId }, { asOf })).items) {
      if (item.kind !== "invoice") continue;
      const minor = (text: string) => toMinor(text, currency(item.currency));
      const sum = byInvoice.get(item.invoiceId) ?? { interest: 0n, compensation: 0n };
      byInvoice.set(item.invoiceId, { interest: sum.interest + minor(item.interestAccrued), compensation: sum.compensation + minor(item.compensation) });
    }
  }
  return byInvoice;
}
