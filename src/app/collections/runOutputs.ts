import type { AccountState } from "../../domain/collections/account.js";
import type { AccountDecision } from "../../domain/collections/decideAccount.js";
import { MESSAGE_CHANNELS, isMessageStep, type Channel, type Policy } from "../../domain/collections/policy.js";
import type { NewActivity } from "../../store/activities.js";
import type { ActionRecord, StageRecord } from "../../store/collections/runRecords.js";
import type { NewOutboxMessage } from "../../store/outbox.js";
import type { NewTask } from "../../store/tasks.js";
import type { TaskKind } from "../../store/collectionsSchema.js";
import { amountText } from "../views/money.js";

export interface Decided {
  readonly account: AccountState;
  readonly policy: Policy;
  readonly decision: AccountDecision;
}

/** Everything one run writes, built from its decisions before any of it is stored. */
export interface RunOutputs {
  actions: ActionRecord[];
  stages: StageRecord[];
  messages: NewOutboxMessage[];
  tasks: NewTask[];
  activities: NewActivity[];
  creditHold: string[];
  handedOff: string[];
}

const TASK_OF_CHANNEL: Partial<Record<Channel, TaskKind>> = { call: "call", escalation: "escalation", agency: "handoff", legal: "handoff" };

const TASK_TITLE: Record<string, string> = {
  call: "Call the customer about the overdue balance",
  escalation: "Escalation: overdue balance needs a manager's review",
  handoff: "Prepare the hand-off file for the collection agency or lawyer",
};

/** `portfolios`: segment key → the collector whose portfolio it is (a customer's own collector comes first, in SQL). */
export function runOutputs(decided: readonly Decided[], ctx: { today: string; actor: string; newId: () => string; portfolios?: ReadonlyMap<string, string> }): RunOutputs {
  const out: RunOutputs = { actions: [], stages: [], messages: [], tasks: [], activities: [], creditHold: [], handedOff: [] };
  for (const { account, policy, decision } of decided) {
    const base = { customerId: account.customerId, currency: account.currency };
    if (decision.kind !== "advance") {
      if (decision.cleared) {
        out.stages.push({ ...base, cycle: account.stage.cycle, policyId: null, stepId: null, stepIndex: null, stepOffset: null, lastMessageOn: null });
        out.activities.push({ id: ctx.newId(), customerId: account.customerId, occurredOn: ctx.today, kind: "stage", actor: ctx.actor, summary: `Nothing overdue in ${account.currency} any more: the chase ended`, details: { currency: account.currency, stage: null } });
      }
      continue;
    }
    const record = (step: { step: { id: string; channel: Channel }; index: number }, status: ActionRecord["status"], skipReason: ActionRecord["skipReason"]): ActionRecord => ({
      id: ctx.newId(),
      ...base,
      cycle: decision.cycle,
      policyId: policy.id,
      stepId: step.step.id,
      stepIndex: step.index,
      channel: step.step.channel,
      status,
      skipReason,
      amount: decision.amount,
      itemsDueBy: status === "performed" ? decision.itemsDueBy.toString() : null,
    });
    out.actions.push(...decision.skipped.map((s) => record(s, "skipped", s.reason)));
    const messaged = decision.performed.some((s) => isMessageStep(s.step));
    out.stages.push({ ...base, cycle: decision.cycle, policyId: policy.id, stepId: decision.stage.step.id, stepIndex: decision.stage.index, stepOffset: decision.stage.step.offsetDays, lastMessageOn: messaged ? ctx.today : null });
    const amount = `${account.currency} ${amountText(decision.amount, account.currency)}`;
    for (const performed of decision.performed) {
      const action = record(performed, "performed", null);
      out.actions.push(action);
      const { step } = performed;
      out.activities.push({
        id: ctx.newId(),
        customerId: account.customerId,
        occurredOn: ctx.today,
        kind: "action",
        actor: ctx.actor,
        summary: `Step "${step.id}" (${step.channel}) for ${amount}`,
        refId: action.id,
        details: { stepId: step.id, channel: step.channel, policy: policy.key, version: policy.version, cycle: decision.cycle, skipped: decision.skipped.map((s) => s.step.id) },
      });
      if (MESSAGE_CHANNELS.has(step.channel)) {
        out.messages.push({
          id: ctx.newId(),
          idempotencyKey: `action:${action.id}`,
          channel: step.channel as "email" | "sms" | "letter",
          customerId: account.customerId,
          actionId: action.id,
          payload: { kind: "reminder", template: step.template, attachInvoiceCopy: step.attachInvoiceCopy, attachStatement: step.attachStatement },
        });
      }
      const taskKind = TASK_OF_CHANNEL[step.channel];
      if (taskKind) {
        out.tasks.push({
          id: ctx.newId(),
          customerId: account.customerId,
          kind: taskKind,
          title: TASK_TITLE[taskKind]!,
          dueOn: ctx.today,
          actionId: action.id,
          assigneeId: (account.segment === null ? undefined : ctx.portfolios?.get(account.segment)) ?? null,
          details: { stepId: step.id, template: step.template, currency: account.currency, overdue: amountText(decision.amount, account.currency) },
        });
      }
      if (step.channel === "credit_hold") out.creditHold.push(account.customerId);
      if (step.channel === "agency" || step.channel === "legal") out.handedOff.push(account.customerId);
      if (step.channel === "credit_hold" || step.channel === "agency" || step.channel === "legal") {
        out.messages.push({ id: ctx.newId(), idempotencyKey: `event:${action.id}`, channel: "event", customerId: account.customerId, actionId: action.id, payload: { type: step.channel === "credit_hold" ? "customer.credit_hold" : "customer.handed_off", customerId: account.customerId, channel: step.channel, date: ctx.today } });
      }
    }
  }
  return out;
}
