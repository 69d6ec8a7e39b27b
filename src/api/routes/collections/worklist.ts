import { addNote, NoteInput } from "../../../app/timeline/addNote.js";
import { customerTimeline, TimelineQuery } from "../../../app/timeline/customerTimeline.js";
import { assignTask, TaskAssignmentInput } from "../../../app/worklist/assignTask.js";
import { completeTask, TaskCompletionInput } from "../../../app/worklist/completeTask.js";
import { listTasks, TaskListQuery } from "../../../app/worklist/listTasks.js";
import { route } from "../../route.js";
import { IdParams, pageOf } from "../../schemas/common.js";
import { Task, TaskCompleted, TimelineEntry } from "../../schemas/collections.js";

const tag = "worklist";

/** The collector's day: tasks, their outcomes, and the customer's timeline with notes. */
export const worklistRoutes = [
  route({
    operationId: "listTasks",
    method: "GET",
    url: "/api/v1/tasks",
    permission: "collections:read",
    tag,
    summary: "The worklist: open tasks by default, oldest due first; call tasks carry talking points",
    query: TaskListQuery,
    response: pageOf(Task),
    handler: ({ deps, actor, query }) => listTasks(deps, actor, query),
  }),
  route({
    operationId: "completeTask",
    method: "POST",
    url: "/api/v1/tasks/:id/complete",
    permission: "collections:act",
    tag,
    summary: "Close a task with its outcome; a promise or a dispute is recorded with it and pauses the chase",
    description:
      "`promise` needs `promise: {amount, promisedDate, currency?}`, `dispute` needs `dispute: {invoiceId | invoiceNumber, reason}`, `wrong_contact` needs `contactId`. All of it commits together or not at all. A done or cancelled task is 409 TASK_CLOSED.",
    params: IdParams,
    body: TaskCompletionInput,
    status: 200,
    response: TaskCompleted,
    handler: ({ deps, actor, params, body }) => completeTask(deps, actor, params.id, body),
  }),
  route({
    operationId: "assignTask",
    method: "POST",
    url: "/api/v1/tasks/:id/assign",
    permission: "collections:act",
    tag,
    summary: "Give an open task to a user of the tenant, or unassign it (assigneeId null)",
    params: IdParams,
    body: TaskAssignmentInput,
    status: 200,
    response: Task,
    handler: ({ deps, actor, params, body }) => assignTask(deps, actor, params.id, body),
  }),
  route({
    operationId: "getCustomerTimeline",
    method: "GET",
    url: "/api/v1/customers/:id/timeline",
    permission: "collections:read",
    tag,
    summary: "Everything that happened with a customer, newest first: messages (with their full content), calls, notes, pauses, promises, stages",
    params: IdParams,
    query: TimelineQuery,
    response: pageOf(TimelineEntry),
    handler: ({ deps, actor, params, query }) => customerTimeline(deps, actor, params.id, query),
  }),
  route({
    operationId: "addCustomerNote",
    method: "POST",
    url: "/api/v1/customers/:id/notes",
    permission: "collections:act",
    tag,
    summary: "Add a note to the customer's timeline",
    params: IdParams,
    body: NoteInput,
    response: TimelineEntry,
    handler: ({ deps, actor, params, body }) => addNote(deps, actor, params.id, body),
  }),
];
