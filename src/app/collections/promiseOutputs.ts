import type { NewActivity } from "../../store/activities.js";
import type { PromiseOutcome } from "../../store/collections/promiseOutcomes.js";
import type { NewTask } from "../../store/tasks.js";
import { amountText } from "../views/money.js";

/** A kept promise goes on the timeline; a broken one too, and it puts a follow-up call on the worklist. */
export function promiseOutputs(outcomes: readonly PromiseOutcome[], ctx: { today: string; actor: string; newId: () => string }): { tasks: NewTask[]; activities: NewActivity[] } {
  const tasks: NewTask[] = [];
  const activities: NewActivity[] = [];
  for (const p of outcomes) {
    const promised = `${p.currency} ${amountText(BigInt(p.amount), p.currency)} by ${p.due_on}`;
    const paid = `${p.currency} ${amountText(BigInt(p.paid), p.currency)}`;
    activities.push({ id: ctx.newId(), customerId: p.customer_id, occurredOn: ctx.today, kind: p.status === "kept" ? "promise_kept" : "promise_broken", actor: ctx.actor, summary: p.status === "kept" ? `Promise kept: ${promised}` : `Promise broken: ${promised}, received ${paid}`, refId: p.id });
    if (p.status === "broken") {
      tasks.push({ id: ctx.newId(), customerId: p.customer_id, kind: "broken_promise", title: "Follow up a broken promise to pay", dueOn: ctx.today, actionId: null, details: { promiseId: p.id, promised: amountText(BigInt(p.amount), p.currency), paid: amountText(BigInt(p.paid), p.currency), currency: p.currency, dueOn: p.due_on } });
    }
  }
  return { tasks, activities };
}
