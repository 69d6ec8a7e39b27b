import { decideAccount, type WaitReason } from "../../domain/collections/decideAccount.js";
import { isMessageStep } from "../../domain/collections/policy.js";
import { isoDate } from "../../domain/dates/plainDate.js";
import { insertActivities } from "../../store/activities.js";
import { loadAccounts } from "../../store/collections/accounts.js";
import { settlePromises } from "../../store/collections/promiseOutcomes.js";
import { insertActions, setCustomerFlags, unreachableActions, upsertStages } from "../../store/collections/runRecords.js";
import { enqueue } from "../../store/outbox.js";
import { collectionSettings } from "../../store/collectionSettings.js";
import { insertTasks } from "../../store/tasks.js";
import type { Db } from "../../store/schema.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { loadPolicies } from "../policies/loadPolicies.js";
import { asOfOrToday } from "../reports/asOfDate.js";
import { getTenantById } from "../tenants/findTenant.js";
import { tenantCalendar } from "../tenants/tenantCalendar.js";
import { accountKey, accountState, leadDays, policyFor } from "./accountStates.js";
import { promiseOutputs } from "./promiseOutputs.js";
import { runOutputs, type Decided, type RunOutputs } from "./runOutputs.js";

export interface RunOptions {
  /** The day to run for; default today in the tenant's time zone. */
  readonly asOf?: string;
  /** Decide and report, write nothing. */
  readonly dryRun?: boolean;
}

export interface RunSummary {
  date: string;
  dryRun: boolean;
  accounts: number;
  performed: Record<string, number>;
  skipped: number;
  cleared: number;
  waiting: Partial<Record<WaitReason, number>>;
  promises: { kept: number; broken: number };
  unreachable: number;
  /** Ids of the actions performed, for reports of the run. */
  actionIds: string[];
}

class DryRunRollback extends Error {
  constructor(readonly summary: RunSummary) {
    super("dry run");
  }
}

/**
 * The daily collections run of one tenant: settles promises, decides every account with the pure
 * engine and writes actions, stages, tasks, timeline entries and outbox messages in one transaction.
 * Running it again the same day finds every step already recorded and does nothing new.
 */
export async function runCollections(deps: AppDeps, actor: Actor, options: RunOptions = {}): Promise<RunSummary> {
  const tenant = await getTenantById(deps, actor.tenantId);
  const today = asOfOrToday(deps, tenant, options.asOf);
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const calendar = await tenantCalendar(tx, tenant);
      const policies = await loadPolicies(tx, deps, tenant.id);
      const settings = await collectionSettings(tx, tenant.id);
      const ctx = { today, actor: actor.name, newId: deps.newId };

      const promises = await settlePromises(tx, tenant.id, today);
      const broken = new Set(promises.filter((p) => p.status === "broken").map((p) => accountKey(p.customer_id, p.currency)));
      const rows = await loadAccounts(tx, { tenantId: tenant.id, today, leadDays: leadDays(policies.values()) });
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
      const outputs = runOutputs(decided, ctx);
      const promiseOut = promiseOutputs(promises, ctx);
      outputs.tasks.push(...promiseOut.tasks);
      outputs.activities.push(...promiseOut.activities);
      const unreachable = await writeOutputs(tx, tenant.id, ctx, outputs);
      const summary = summarize(today, Boolean(options.dryRun), decided, outputs, promises, unreachable);
      await audit(tx, deps, actor, "collections.run", "tenant", tenant.id, { date: today, performed: summary.performed, skipped: summary.skipped });
      if (options.dryRun) throw new DryRunRollback(summary);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
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

function summarize(date: string, dryRun: boolean, decided: readonly Decided[], out: RunOutputs, promises: readonly { status: string }[], unreachable: number): RunSummary {
  const performed: Record<string, number> = {};
  const waiting: Partial<Record<WaitReason, number>> = {};
  let cleared = 0;
  for (const { decision } of decided) {
    if (decision.cleared) cleared += 1;
    if (decision.kind === "wait") waiting[decision.reason] = (waiting[decision.reason] ?? 0) + 1;
  }
  const done = out.actions.filter((a) => a.status === "performed");
  for (const a of done) performed[a.channel] = (performed[a.channel] ?? 0) + 1;
  return {
    date,
    dryRun,
    accounts: decided.length,
    performed,
    skipped: out.actions.length - done.length,
    cleared,
    waiting,
    promises: { kept: promises.filter((p) => p.status === "kept").length, broken: promises.filter((p) => p.status === "broken").length },
    unreachable,
    actionIds: done.map((a) => a.id),
  };
}
