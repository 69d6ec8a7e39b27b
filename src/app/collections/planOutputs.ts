import type { NewActivity } from "../../store/activities.js";
import type { PlanOutcome } from "../../store/collections/planOutcomes.js";
import type { NewTask } from "../../store/tasks.js";
import { amountText } from "../views/money.js";

/**
 * A completed plan goes on the timeline; a defaulted one too, with the installment missed, and it puts
 * a follow-up call on the worklist (a broken-promise task: the customer broke an agreed schedule).
 */
export function planOutputs(outcomes: readonly PlanOutcome[], ctx: { today: string; actor: string; newId: () => string }): { tasks: NewTask[]; activities: NewActivity[] } {
  const tasks: NewTask[] = [];
  const activities: NewActivity[] = [];
  for (const p of outcomes) {
    const money = (minor: string) => `${p.currency} ${amountText(BigInt(minor), p.currency)}`;
    if (p.status === "completed") {
      activities.push({ id: ctx.newId(), customerId: p.customer_id, occurredOn: ctx.today, kind: "payment_plan_completed", actor: ctx.actor, summary: `Payment plan completed: ${money(p.paid)} received of ${money(p.total)}`, refId: p.id });
      continue;
    }
    const missed = `installment ${p.missed_seq} due ${p.missed_due_on} (grace ${p.grace_days} days)`;
    const details = { planId: p.id, currency: p.currency, installment: p.missed_seq, dueOn: p.missed_due_on, graceDays: p.grace_days, dueSoFar: amountText(BigInt(p.due_so_far!), p.currency), paid: amountText(BigInt(p.paid_by!), p.currency), total: amountText(BigInt(p.total), p.currency) };
    activities.push({ id: ctx.newId(), customerId: p.customer_id, occurredOn: ctx.today, kind: "payment_plan_defaulted", actor: ctx.actor, summary: `Payment plan defaulted: ${missed} missed; ${money(p.due_so_far!)} due by then, ${money(p.paid_by!)} received`, refId: p.id, details });
    tasks.push({ id: ctx.newId(), customerId: p.customer_id, kind: "broken_promise", title: "Follow up a defaulted payment plan", dueOn: ctx.today, actionId: null, details });
  }
  return { tasks, activities };
}
