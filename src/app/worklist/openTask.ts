import { fail } from "../../domain/errors.js";
import type { TaskRow } from "../../store/collectionsSchema.js";
import type { Db } from "../../store/schema.js";
import { lockTask } from "../../store/worklist.js";
import { isUuid } from "../inputs/fields.js";

/** The task, locked until the transaction ends, if it is still open: TASK_NOT_FOUND or TASK_CLOSED otherwise. */
export async function openTask(tx: Db, tenantId: string, taskId: string): Promise<TaskRow> {
  const task = (isUuid(taskId) ? await lockTask(tx, tenantId, taskId) : undefined) ?? fail("TASK_NOT_FOUND", `no task ${taskId}`);
  if (task.status !== "open") fail("TASK_CLOSED", `the task is already ${task.status}`);
  return task;
}
