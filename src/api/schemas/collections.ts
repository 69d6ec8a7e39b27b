import { z } from "zod";
import { PolicyInput } from "../../app/inputs/policyInputs.js";
import { DISPUTE_REASONS } from "../../app/inputs/collectionInputs.js";
import { TASK_KINDS } from "../../app/worklist/listTasks.js";
import { TASK_OUTCOMES } from "../../app/worklist/completeTask.js";
import { Money, zAmount, zDate } from "./common.js";

/** Response schemas of the collections engine: policies, runs, pauses, the worklist and the timeline. */
const zTimestamp = z.string().meta({ format: "date-time" });

export const Policy = z
  .strictObject({
    id: z.string(),
    key: z.string(),
    version: z.number().int().meta({ description: "1 for the first definition; each changed definition adds one" }),
    name: z.string(),
    createdAt: zTimestamp,
    createdBy: z.string(),
    // The input's fields with every default written out: a schema of its own (not PolicyInput.meta, which
    // zod links back to PolicyInput), since the OpenAPI output form of a schema with defaults differs from its input form.
    definition: z.strictObject(PolicyInput.shape).meta({ id: "PolicyDefinition" }),
  })
  .meta({ id: "Policy" });

export const PolicyApplied = z
  .strictObject({ policy: Policy, changed: z.boolean().meta({ description: "false when the definition equals the latest version: nothing was written" }) })
  .meta({ id: "PolicyApplied" });

export const RunSummary = z
  .strictObject({
    date: zDate,
    dryRun: z.boolean(),
    batches: z.number().int().meta({ description: "batches of customers this request decided (workers sharing a run split them)" }),
    accounts: z.number().int().meta({ description: "customer-and-currency accounts with something open" }),
    performed: z.record(z.string(), z.number().int()).meta({ description: "steps performed, by channel" }),
    skipped: z.number().int().meta({ description: "steps recorded as skipped (caught up or not applicable)" }),
    cleared: z.number().int(),
    waiting: z.record(z.string(), z.number().int()).meta({ description: "accounts paused or waiting, by reason (promise, hold, …)" }),
    promises: z.strictObject({ kept: z.number().int(), broken: z.number().int() }),
    unreachable: z.number().int().meta({ description: "messages no contact could receive; each became a task" }),
    actionIds: z.array(z.string()),
  })
  .meta({ id: "RunSummary" });

export const Dispute = z
  .strictObject({
    id: z.string(),
    customerId: z.string(),
    invoiceId: z.string(),
    reason: z.string().meta({ description: DISPUTE_REASONS.join(", ") }),
    status: z.string().meta({ description: "open, upheld or rejected" }),
    note: z.string().nullable(),
    openedOn: zDate,
    dueOn: zDate.nullable(),
    resolvedOn: zDate.nullable(),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: "Dispute" });

export const PromiseToPay = z
  .strictObject({
    id: z.string(),
    customerId: z.string(),
    amount: Money,
    madeOn: zDate,
    promisedDate: zDate,
    graceDays: z.number().int(),
    status: z.string().meta({ description: "open, kept, broken or cancelled (replaced by a newer promise)" }),
    resolvedOn: zDate.nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: "PromiseToPay" });

export const Hold = z
  .strictObject({
    id: z.string(),
    customerId: z.string(),
    invoiceId: z.string().nullable().meta({ description: "null: the whole customer is on hold" }),
    reason: z.string(),
    from: zDate,
    until: zDate.nullable(),
    releasedOn: zDate.nullable(),
  })
  .meta({ id: "Hold" });

const TalkingPoints = z
  .strictObject({
    overdue: Money,
    items: z.array(z.strictObject({ invoiceId: z.string(), number: z.string(), dueDate: zDate, open: zAmount })),
  })
  .meta({ id: "TalkingPoints", description: "what is overdue today in the task's currency, oldest first (disputed and held invoices left out)" });

export const Task = z
  .strictObject({
    id: z.string(),
    customer: z.strictObject({ id: z.string(), externalId: z.string(), legalName: z.string() }),
    kind: z.enum(TASK_KINDS),
    title: z.string(),
    dueOn: zDate,
    assignee: z.strictObject({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() }).nullable(),
    status: z.enum(["open", "done", "cancelled"]),
    outcome: z.enum(TASK_OUTCOMES).nullable(),
    note: z.string().nullable(),
    details: z.unknown().meta({ description: "what the engine recorded with the task (step, currency, overdue amount, …)" }),
    createdAt: zTimestamp,
    completedAt: zTimestamp.nullable(),
    completedBy: z.string().nullable(),
    talkingPoints: TalkingPoints.nullable().meta({ description: "call tasks only" }),
  })
  .meta({ id: "Task" });

export const TaskCompleted = z
  .strictObject({ task: Task, promise: PromiseToPay.nullable(), dispute: Dispute.nullable() })
  .meta({ id: "TaskCompleted" });

export const TimelineEntry = z
  .strictObject({
    id: z.string(),
    occurredOn: zDate,
    at: zTimestamp.meta({ description: "when it was written, to the microsecond" }),
    kind: z.string().meta({ description: "action, call, note, promise, promise_kept, promise_broken, dispute_opened, dispute_resolved, hold, hold_released, stage, task_assigned, …" }),
    actor: z.string(),
    summary: z.string(),
    invoiceIds: z.array(z.string()),
    refId: z.string().nullable().meta({ description: "the action, task, promise, dispute or hold the entry is about" }),
    details: z.unknown().meta({ description: "for messages, the full rendered content as sent" }),
  })
  .meta({ id: "TimelineEntry" });
