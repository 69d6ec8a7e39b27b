import { z } from "zod";
import { fail } from "../../domain/errors.js";
import { decodeCursor, type Page } from "../../store/pagination.js";
import { timelinePage } from "../../store/timeline.js";
import { resolveCustomer } from "../customers/resolveCustomer.js";
import type { Actor, AppDeps } from "../deps.js";
import { isUuid, zIsoDate, zPageQuery } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { timelineEntry, type TimelineEntry } from "./timelineEntry.js";

export const TimelineQuery = zPageQuery.extend({
  kind: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, "one kind or several, comma-separated: note,call")
    .optional()
    .meta({ description: "only these kinds of entry, comma-separated (action, call, note, promise, dispute_opened, …)" }),
});

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Everything that happened with a customer, newest first: messages, calls, notes, pauses, promises, stage changes. */
export async function customerTimeline(deps: AppDeps, actor: Actor, customerId: string, query: unknown): Promise<Page<TimelineEntry>> {
  const q = parseInput(TimelineQuery, query, "query");
  const after = decodeCursor(q.cursor, 3);
  if (after && !(zIsoDate.safeParse(after[0]).success && TIMESTAMP.test(after[1]!) && isUuid(after[2]!))) fail("INVALID_CURSOR", "the cursor is not one this API issued", { path: "cursor" });
  const customer = await resolveCustomer(deps.db, actor.tenantId, { customerId });
  const page = await timelinePage(deps.db, { tenantId: actor.tenantId, customerId: customer.id, kinds: q.kind?.split(","), limit: q.limit, after });
  return { items: page.items.map(timelineEntry), nextCursor: page.nextCursor };
}
