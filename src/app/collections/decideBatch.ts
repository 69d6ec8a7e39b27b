import { decideAccount } from "../../domain/collections/decideAccount.js";
import { isMessageStep } from "../../domain/collections/policy.js";
import { assignSegment, needsPaymentHistory, type Segment } from "../../domain/collections/segments.js";
import { customerAttributes } from "../../store/segments.js";
import { loadSegments } from "../segments/segments.js";
import { isoDate } from "../../domain/dates/plainDate.js";
import { insertActivities } from "../../store/activities.js";
import { loadAccounts, type CustomerRange } from "../../store/collections/accounts.js";
import { settlePlans } from "../../store/collections/planOutcomes.js";
import { settlePromises } from "../../store/collections/promiseOutcomes.js";
import { insertActions, setCustomerFlags, unreachableActions, upsertStages } from "../../store/collections/runRecords.js";
import { collectionSettings } from "../../store/collectionSettings.js";
import { enqueue } from "../../store/outbox.js";
import type { Db } from "../../store/schema.js";
import { insertTasks } from "../../store/tasks.js";
import type { Actor, AppDeps } from "../deps.js";
import { loadPolicies } from "../policies/loadPolicies.js";
import type { TenantView } from "../tenants/tenantView.js";
import { tenantCalendar } from "../tenants/tenantCalendar.js";
import { postRunCharges } from "../charges/postRunCharges.js";
import { accountKey, accountState, leadDays, policyFor } from "./accountStates.js";
import { planOutputs } from "./planOutputs.js";
import { promiseOutputs } from "./promiseOutputs.js";
import { runOutputs, type Decided, type RunOutputs } from "./runOutputs.js";
import { summarize, type RunSummary } from "./runSummary.js";

/**
 * Decides and records one batch of customers for `today` inside the caller's transaction: settles
 * their promises and payment plans, decides every account with the pure engine, and writes actions,
 * stages, tasks, timeline entries and outbox messages — all or nothing.
 */
export async function decideBatch(tx: Db, deps: AppDeps, actor: Actor, tenant: TenantView, today: string, customers?: CustomerRange): Promise<RunSummary> {
  const calendar = await tenantCalendar(tx, tenant);
  const policies = await loadPolicies(tx, deps, tenant.id);
  const settings = await collectionSettings(tx, tenant.id);
  const ctx = { today, actor: actor.name, newId: deps.newId };

  const promises = await settlePromises(tx, tenant.id, today, customers);
  const plans = await settlePlans(tx, tenant.id, today, customers);
  // A defaulted payment plan resumes the chase like a broken promise: at once, with the next step.
  const broken = new Set([...promises.filter((p) => p.status === "broken"), ...plans.filter((p) => p.status === "defaulted")].map((p) => accountKey(p.customer_id, p.currency)));
  const loaded = await loadAccounts(tx, { tenantId: tenant.id, today, leadDays: leadDays(policies.values()), ...(customers ? { customers } : {}) });
  const segments = await loadSegments(tx, tenant.id);
  const segmentOf = await segmentsByRule(tx, tenant.id, today, customers, segments);
  const rows = loaded.map((row) => (row.segment === null && segmentOf.has(row.customer_id) ? { ...row, segment: segmentOf.get(row.customer_id)! } : row));
  const choice = { policies, segmentPolicies: settings.segmentPolicies, defaultPolicy: settings.defaultPolicy };
  // Accounts come ordered by customer: a message in one currency holds back another currency's until tomorrow.
  const messaged = new Set<string>();
  const decided: Decided[] = rows.map((row) => {
    const state = accountState(row, broken);
    const account = messaged.has(row.customer_id) ? { ...state, messagedToday: true } : state;
    const policy = policyFor(row, choice);
    const decision = decideAccount(account, policy, { today: isoDate(today), calendar });
    if (decision.kind === "advance" && decision.performed.some((s) => isMessageStep(s.step))) messaged.add(row.customer_id);
    return { account, policy, decision };
  });
  const portfolios = new Map(segments.flatMap((s) => (s.collectorId ? [[s.key, s.collectorId] as const] : [])));
  const outputs = runOutputs(decided, { ...ctx, portfolios });
  for (const settled of [promiseOutputs(promises, ctx), planOutputs(plans, ctx)]) {
    outputs.tasks.push(...settled.tasks);
    outputs.activities.push(...settled.activities);
  }
  const unreachable = await writeOutputs(tx, tenant.id, ctx, outputs);
  // Charges read the invoices the actions list, so they follow the actions; the outbox only reads them at delivery.
  await postRunCharges(tx, { tenantId: tenant.id, ...ctx }, decided, outputs.actions);
  return summarize(today, decided, outputs, promises, unreachable);
}

/** Segments by rule for customers without a segment of their own (none when the tenant has no segments). */
async function segmentsByRule(tx: Db, tenantId: string, today: string, customers: CustomerRange | undefined, segments: readonly Segment[]): Promise<Map<string, string>> {
  if (segments.length === 0) return new Map();
  const rows = await customerAttributes(tx, { tenantId, today, withHistory: needsPaymentHistory(segments), ...(customers ? { customers } : {}) });
  const assigned = new Map<string, string>();
  for (const r of rows) {
    const segment = assignSegment({ tags: r.tags, country: r.country, openBalance: new Map((r.balances ?? []).map((b) => [b.currency, BigInt(b.open)])), averageDaysLate: r.average_days_late }, segments);
    if (segment) assigned.set(r.id, segment);
  }
  return assigned;
}

async function writeOutputs(tx: Db, tenantId: string, ctx: { today: string; actor: string; newId: () => string }, out: RunOutputs): Promise<number> {
  const q = { tenantId, today: ctx.today, actor: ctx.actor };
  await insertActions(tx, q, out.actions);
  await upsertStages(tx, q, out.stages);
  // A message nobody can receive becomes a task to find a contact, instead of an outbox row that can only fail.
  const unreachable = await unreachableActions(tx, tenantId, out.messages.filter((m) => m.channel !== "event").map((m) => m.actionId!));
  const lost = new Set(unreachable.map((u) => u.id));
  await enqueue(tx, tenantId, out.messages.filter((m) => !lost.has(m.actionId!) || m.channel === "event"));
  out.tasks.push(
    ...unreachable.map((u) => ({ id: ctx.newId(), customerId: u.customer_id, kind: "no_contact" as const, title: u.channel === "letter" ? "Add a postal address: a letter could not be sent" : `Add a contact for ${u.channel}: a reminder could not be sent`, dueOn: ctx.today, actionId: u.id, details: { channel: u.channel } })),
  );
  await insertTasks(tx, tenantId, out.tasks);
  await insertActivities(tx, tenantId, out.activities);
  await setCustomerFlags(tx, q, { creditHold: out.creditHold, handedOff: out.handedOff });
  return unreachable.length;
}
