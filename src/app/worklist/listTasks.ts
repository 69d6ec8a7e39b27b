import { z } from "zod";
import type { TaskKind } from "../../store/collectionsSchema.js";
import type { Page } from "../../store/pagination.js";
import * as worklist from "../../store/worklist.js";
import type { Actor, AppDeps } from "../deps.js";
import { zIsoDate, zPageQuery } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { tenantDay } from "../pauses/tenantDay.js";
import { decodeDayIdCursor } from "./dayIdCursor.js";
import type { TaskView } from "./taskView.js";
import { taskViews } from "./taskViews.js";

export const TASK_KINDS = ["call", "escalation", "broken_promise", "dispute", "no_contact", "handoff"] as const satisfies readonly TaskKind[];

export const TaskListQuery = zPageQuery.extend({
  status: z.enum(["open", "done", "cancelled"]).default("open"),
  kind: z.enum(TASK_KINDS).optional(),
  assigneeId: z.union([z.uuid(), z.literal("unassigned")]).optional().meta({ description: "a user id, or `unassigned`" }),
  customerId: z.uuid().optional(),
  dueBy: zIsoDate.optional().meta({ description: "only tasks due on or before this day" }),
});

/** The worklist: open tasks by default, oldest due first, with talking points on call tasks. */
export async function listTasks(deps: AppDeps, actor: Actor, query: unknown): Promise<Page<TaskView>> {
  const q = parseInput(TaskListQuery, query, "query");
  const after = decodeDayIdCursor(q.cursor);
  const page = await worklist.listTasks(deps.db, {
    tenantId: actor.tenantId,
    status: q.status,
    kind: q.kind,
    assigneeId: q.assigneeId === "unassigned" ? null : q.assigneeId,
    customerId: q.customerId,
    dueBy: q.dueBy,
    limit: q.limit,
    after,
  });
  const today = await tenantDay(deps, actor.tenantId, undefined);
  return { items: await taskViews(deps.db, { tenantId: actor.tenantId, today }, page.items), nextCursor: page.nextCursor };
}
