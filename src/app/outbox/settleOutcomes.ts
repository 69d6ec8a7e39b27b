import { classifySendFailure } from "../../channels/channelError.js";
import { todayIn } from "../../domain/dates/clock.js";
import { Failure } from "../../domain/errors.js";
import { insertActivities, type NewActivity } from "../../store/activities.js";
import { settleClaims, type Settlement } from "../../store/outboxMessages.js";
import { insertTasks, type NewTask } from "../../store/tasks.js";
import type { AppDeps } from "../deps.js";
import type { MessageRecord } from "./composeMessage.js";
import type { Outcome, TenantOutcomes } from "./deliverClaimed.js";
import { addToPrintBatch } from "./printBatch.js";
import { retryDelaySeconds } from "./retrySchedule.js";

export interface DispatchCounts {
  sent: number;
  failed: number;
  retried: number;
  cancelled: number;
}

const ACTOR = "dispatcher";
const CHANNEL_NAME: Record<string, string> = { email: "Email", sms: "SMS", letter: "Letter", event: "Event" };

/**
 * Writes what happened to one tenant's claimed messages in one transaction: their new status, the
 * timeline entries (a sent message keeps its full content there: the legal record), the tasks for
 * messages that can never be delivered, and the letters of the day's print batch. Only claims still
 * held by `worker` are settled; see settleClaims.
 */
export async function settleOutcomes(deps: AppDeps, worker: string, { tenant, outcomes }: TenantOutcomes): Promise<DispatchCounts> {
  const today = todayIn(deps.clock, tenant.timezone).toString();
  const plans = outcomes.map((outcome) => planOf(outcome, today));
  return deps.db.transaction().execute(async (tx) => {
    const settled = await settleClaims(tx, tenant.tenantId, worker, plans.map((p) => p.settlement));
    const done = plans.filter((p) => settled.has(p.settlement.id));
    const letters = done.flatMap((p) => (p.outcome.kind === "letter" ? [{ outboxId: p.outcome.row.id, customerId: p.outcome.record.customerId, content: p.outcome.letter, pdf: p.outcome.pdf }] : []));
    await addToPrintBatch(tx, { tenantId: tenant.tenantId, day: today, paper: tenant.settings.letterPaper }, letters);
    const activities = done.flatMap((p) => (p.activity ? [{ ...p.activity, id: deps.newId() }] : []));
    await insertActivities(tx, tenant.tenantId, activities);
    await insertTasks(tx, tenant.tenantId, done.flatMap((p) => (p.task ? [{ ...p.task, id: deps.newId() }] : [])));
    const count = (status: Settlement["status"]) => done.filter((p) => p.settlement.status === status).length;
    return { sent: count("sent"), failed: count("failed"), retried: count("pending"), cancelled: count("cancelled") };
  });
}

interface Plan {
  outcome: Outcome;
  settlement: Settlement;
  activity?: Omit<NewActivity, "id">;
  task?: Omit<NewTask, "id">;
}

function planOf(outcome: Outcome, today: string): Plan {
  const { row } = outcome;
  const base = { id: row.id, attempts: row.attempts, error: null, providerMessageId: null, retryInSeconds: null };
  const channel = CHANNEL_NAME[row.channel] ?? row.channel;
  const entry = (customerId: string | null, summary: string, details: unknown, refId = row.action_id, invoiceIds: string[] = []) =>
    customerId === null ? undefined : { customerId, occurredOn: today, kind: "message", actor: ACTOR, summary, details, refId, invoiceIds };
  switch (outcome.kind) {
    case "sent": {
      const settlement: Settlement = { ...base, status: "sent", providerMessageId: outcome.providerMessageId };
      if (!outcome.record) return { outcome, settlement };
      const r = outcome.record;
      const summary = row.channel === "email" ? `${channel} "${r.rendered.subject}" sent to ${r.to}` : `${channel} sent to ${r.to}`;
      return { outcome, settlement, activity: entry(r.customerId, summary, legalRecord(row, r, { providerMessageId: outcome.providerMessageId }), r.actionId, r.invoiceIds) };
    }
    case "letter": {
      const r = outcome.record;
      const settlement: Settlement = { ...base, status: "sent", providerMessageId: `print:${today}` };
      const summary = `${channel} "${r.rendered.subject}" added to the print batch of ${today}`;
      return { outcome, settlement, activity: entry(r.customerId, summary, legalRecord(row, r, { printBatch: today }), r.actionId, r.invoiceIds) };
    }
    case "cancelled":
      return { outcome, settlement: { ...base, status: "cancelled", error: outcome.reason }, activity: entry(outcome.customerId, `${channel} not sent: ${outcome.reason}`, { outboxId: row.id, reason: outcome.reason }, outcome.actionId) };
    case "failed": {
      const { code, message } = describe(outcome.error);
      const error = `${code}: ${message}`;
      const permanent = classifySendFailure(outcome.error) === "permanent";
      const retryIn = permanent ? null : retryDelaySeconds(row.attempts);
      if (retryIn !== null) return { outcome, settlement: { ...base, status: "pending", error, retryInSeconds: retryIn } };
      const details = { outboxId: row.id, channel: row.channel, code, error: message, attempts: row.attempts };
      return {
        outcome,
        settlement: { ...base, status: "failed", error },
        activity: entry(row.customer_id, `${channel} not delivered: ${message}`, details),
        ...(permanent && row.customer_id !== null && {
          task: { customerId: row.customer_id, kind: "no_contact" as const, title: `Fix the contact: a ${row.channel} reminder could not be delivered (${message.slice(0, 160)})`, dueOn: today, actionId: row.action_id, details },
        }),
      };
    }
  }
}

/** Everything needed to prove later what was sent: recipients, the full rendered content, ids. */
function legalRecord(row: Outcome["row"], r: MessageRecord, extra: Record<string, string>) {
  return {
    outboxId: row.id,
    idempotencyKey: row.idempotency_key,
    channel: row.channel,
    to: r.to,
    subject: r.rendered.subject,
    text: r.rendered.text,
    ...(r.rendered.html !== undefined && { html: r.rendered.html }),
    attachments: r.attachments,
    template: r.template,
    ...extra,
  };
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof Failure) return { code: error.error.code, message: error.error.message };
  return { code: "INTERNAL", message: error instanceof Error ? error.message : String(error) };
}
