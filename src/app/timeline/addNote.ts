import { z } from "zod";
import { insertActivities } from "../../store/activities.js";
import { findActivity } from "../../store/timeline.js";
import { audit } from "../audit.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { parseInput } from "../inputs/validate.js";
import { tenantDay } from "../pauses/tenantDay.js";
import { timelineEntry, type TimelineEntry } from "./timelineEntry.js";

export const NoteInput = z.strictObject({ text: z.string().trim().min(1).max(5000) }).meta({ id: "NoteInput" });

/** A collector's note on the customer's timeline. */
export async function addNote(deps: AppDeps, actor: Actor, customerId: string, body: unknown): Promise<TimelineEntry> {
  const { text } = parseInput(NoteInput, body, "note");
  const today = await tenantDay(deps, actor.tenantId, undefined);
  return deps.db.transaction().execute(async (tx) => {
    const customer = await resolveCustomer(tx, actor.tenantId, { customerId });
    const id = deps.newId();
    await insertActivities(tx, actor.tenantId, [{ id, customerId: customer.id, occurredOn: today, kind: "note", actor: actor.name, summary: text }]);
    await audit(tx, deps, actor, "note.add", "customer", customer.id, { activityId: id });
    return timelineEntry((await findActivity(tx, actor.tenantId, id))!);
  });
}
