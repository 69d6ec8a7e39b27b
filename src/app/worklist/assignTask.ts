import { z } from "zod";
import { fail } from "../../domain/errors.js";
import { insertActivities } from "../../store/activities.js";
import * as worklist from "../../store/worklist.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { parseInput } from "../inputs/validate.js";
import { tenantDay } from "../pauses/tenantDay.js";
import { openTask } from "./openTask.js";
import type { TaskView } from "./taskView.js";
import { taskViews } from "./taskViews.js";

export const TaskAssignmentInput = z
  .strictObject({ assigneeId: z.uuid().nullable().meta({ description: "a user of the tenant; null leaves the task unassigned" }) })
  .meta({ id: "TaskAssignmentInput" });

/** Hands an open task to another user of the tenant, or back to nobody. */
export async function assignTask(deps: AppDeps, actor: Actor, taskId: string, body: unknown): Promise<TaskView> {
  const { assigneeId } = parseInput(TaskAssignmentInput, body, "task assignment");
  const today = await tenantDay(deps, actor.tenantId, undefined);
  return deps.db.transaction().execute(async (tx) => {
    const task = await openTask(tx, actor.tenantId, taskId);
    const user = assigneeId === null ? null : ((await worklist.findUserById(tx, actor.tenantId, assigneeId)) ?? fail("USER_NOT_FOUND", `no user ${assigneeId}`, { path: "assigneeId" }));
    await worklist.setTaskAssignee(tx, actor.tenantId, task.id, assigneeId);
    const summary = user ? `Task "${task.title}" assigned to ${user.name || user.email}` : `Task "${task.title}" unassigned`;
    await insertActivities(tx, actor.tenantId, [{ id: deps.newId(), customerId: task.customer_id, occurredOn: today, kind: "task_assigned", actor: actor.name, summary, refId: task.id, details: { taskId: task.id, assigneeId } }]);
    await audit(tx, deps, actor, "task.assign", "task", task.id, { from: task.assignee_id, to: assigneeId });
    const [view] = await taskViews(tx, { tenantId: actor.tenantId, today }, [(await worklist.findTask(tx, actor.tenantId, task.id))!]);
    return view!;
  });
}
