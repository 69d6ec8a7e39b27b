import { z } from "zod";
import { Failure, fail } from "../../domain/errors.js";
import { insertActivities } from "../../store/activities.js";
import type { TaskOutcome } from "../../store/collectionsSchema.js";
import { listContacts } from "../../store/contacts.js";
import type { ContactRow, Db } from "../../store/schema.js";
import * as worklist from "../../store/worklist.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { DISPUTE_REASONS } from "../inputs/collectionInputs.js";
import { zDecimal, zIsoDate } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { resolveInvoice } from "../invoices/resolveInvoice.js";
import { openDispute } from "../pauses/disputes.js";
import type { DisputeView, PromiseView } from "../pauses/pauseViews.js";
import { recordPromise } from "../pauses/promises.js";
import { tenantDay } from "../pauses/tenantDay.js";
import { joinTransaction } from "./joinTransaction.js";
import { openTask } from "./openTask.js";
import { callCurrency, isCallTask, type TaskView } from "./taskView.js";
import { taskViews } from "./taskViews.js";

export const TASK_OUTCOMES = ["reached", "voicemail", "promise", "dispute", "wrong_contact", "no_answer", "other"] as const satisfies readonly TaskOutcome[];

/** The field each outcome that carries data needs; the field is refused with any other outcome. */
const OUTCOME_FIELD = { promise: "promise", dispute: "dispute", wrong_contact: "contactId" } as const;

export const TaskCompletionInput = z
  .strictObject({
    outcome: z.enum(TASK_OUTCOMES),
    note: z.string().max(2000).optional(),
    promise: z
      .strictObject({ amount: zDecimal, promisedDate: zIsoDate, currency: z.string().length(3).optional(), graceDays: z.number().int().min(0).max(60).optional() })
      .optional()
      .meta({ description: "with outcome `promise`: recorded as a promise to pay, which pauses the chase" }),
    dispute: z
      .strictObject({ invoiceId: z.string().optional(), invoiceNumber: z.string().optional(), reason: z.enum(DISPUTE_REASONS), dueOn: zIsoDate.optional() })
      .refine((d) => d.invoiceId !== undefined || d.invoiceNumber !== undefined, { message: "name the invoice: invoiceId or invoiceNumber", path: ["invoiceId"] })
      .optional()
      .meta({ description: "with outcome `dispute`: opens a dispute on one of the customer's invoices" }),
    contactId: z.string().optional().meta({ description: "with outcome `wrong_contact`: the contact whose details were wrong" }),
  })
  .superRefine((v, ctx) => {
    for (const [outcome, field] of Object.entries(OUTCOME_FIELD)) {
      const given = v[field] !== undefined;
      if (v.outcome === outcome && !given) ctx.addIssue({ code: "custom", path: [field], message: `outcome "${outcome}" needs ${field}`, params: { code: "MISSING_VALUE" } });
      if (v.outcome !== outcome && given) ctx.addIssue({ code: "custom", path: [field], message: `${field} goes only with outcome "${outcome}"` });
    }
  })
  .meta({ id: "TaskCompletionInput" });
type TaskCompletionInput = z.output<typeof TaskCompletionInput>;

export interface TaskCompletion {
  task: TaskView;
  /** The promise recorded by outcome "promise". */
  promise: PromiseView | null;
  /** The dispute opened by outcome "dispute". */
  dispute: DisputeView | null;
}

const OUTCOME_TEXT: Record<TaskOutcome, string> = {
  reached: "reached the customer",
  voicemail: "left a voicemail",
  promise: "the customer promised to pay",
  dispute: "the customer disputes an invoice",
  wrong_contact: "wrong contact",
  no_answer: "no answer",
  other: "done",
};

/**
 * Closes a task with its outcome. Outcomes that carry data feed the engine in the same transaction:
 * a promise pauses the chase, a dispute takes the invoice out of it, a wrong contact is put on the
 * timeline for the collector to fix (the contact itself is kept).
 */
export async function completeTask(deps: AppDeps, actor: Actor, taskId: string, body: unknown): Promise<TaskCompletion> {
  const input = parseInput(TaskCompletionInput, body, "task outcome");
  const today = await tenantDay(deps, actor.tenantId, undefined);
  return deps.db.transaction().execute(async (tx) => {
    const task = await openTask(tx, actor.tenantId, taskId);
    const inTx = joinTransaction(deps, tx);
    const promise = input.promise ? await nested("promise", recordPromise(inTx, actor, { customerId: task.customer_id, ...input.promise, currency: input.promise.currency ?? callCurrency(task), note: input.note })) : null;
    const dispute = input.dispute ? await openDisputeOfCustomer(inTx, actor, task.customer_id, input) : null;
    const contact = input.contactId !== undefined ? await contactOfCustomer(tx, actor.tenantId, task.customer_id, input.contactId) : null;

    await worklist.closeTask(tx, actor.tenantId, task.id, { outcome: input.outcome, note: input.note ?? null, by: actor.name });
    const fix = contact ? `: fix or replace ${contactText(contact)}` : "";
    await insertActivities(tx, actor.tenantId, [
      {
        id: deps.newId(),
        customerId: task.customer_id,
        occurredOn: today,
        // Every outcome but "other" reports a call, whatever the task was.
        kind: input.outcome === "other" && !isCallTask(task.kind) ? "task_done" : "call",
        actor: actor.name,
        summary: `${task.title}: ${OUTCOME_TEXT[input.outcome]}${fix}${input.note ? ` (${input.note})` : ""}`,
        invoiceIds: dispute ? [dispute.invoiceId] : [],
        refId: task.id,
        details: { taskId: task.id, outcome: input.outcome, note: input.note, promiseId: promise?.id, disputeId: dispute?.id, contactId: contact?.id },
      },
    ]);
    await audit(tx, deps, actor, "task.complete", "task", task.id, { outcome: input.outcome, promiseId: promise?.id, disputeId: dispute?.id, contactId: contact?.id });
    const [view] = await taskViews(tx, { tenantId: actor.tenantId, today }, [(await worklist.findTask(tx, actor.tenantId, task.id))!]);
    return { task: view!, promise, dispute };
  });
}

async function openDisputeOfCustomer(deps: AppDeps, actor: Actor, customerId: string, input: TaskCompletionInput): Promise<DisputeView> {
  const { invoiceId, invoiceNumber, reason, dueOn } = input.dispute!;
  const invoice = await nested("dispute", resolveInvoice(deps.db, actor.tenantId, { invoiceId, invoiceNumber }));
  if (invoice.customer_id !== customerId) fail("VALIDATION_FAILED", `invoice "${invoice.number}" belongs to another customer than the task's`, { path: invoiceId ? "dispute.invoiceId" : "dispute.invoiceNumber" });
  return nested("dispute", openDispute(deps, actor, { invoiceId: invoice.id, reason, note: input.note, dueOn }));
}

async function contactOfCustomer(tx: Db, tenantId: string, customerId: string, contactId: string): Promise<ContactRow> {
  const contact = (await listContacts(tx, tenantId, customerId)).find((c) => c.id === contactId);
  return contact ?? fail("CONTACT_NOT_FOUND", `the task's customer has no contact ${contactId}`, { path: "contactId" });
}

const contactText = (c: ContactRow): string => [c.name || undefined, c.phone ?? undefined, c.email ?? undefined].filter(Boolean).join(", ") || `contact ${c.id}`;

/** Errors of a nested use case name the field inside the task outcome's body, e.g. promise.amount. */
async function nested<T>(prefix: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof Failure && error.error.path !== undefined) throw new Failure({ ...error.error, path: `${prefix}.${error.error.path}` });
    throw error;
  }
}
