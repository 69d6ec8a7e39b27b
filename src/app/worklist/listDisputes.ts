import { z } from "zod";
import type { Page } from "../../store/pagination.js";
import { disputePage } from "../../store/pauseLists.js";
import type { Actor, AppDeps } from "../deps.js";
import { decodeDayIdCursor } from "./dayIdCursor.js";
import { zPageQuery } from "../inputs/fields.js";
import { parseInput } from "../inputs/validate.js";
import { disputeView, type DisputeView } from "../pauses/pauseViews.js";

export const DisputeListQuery = zPageQuery.extend({
  status: z.enum(["open", "upheld", "rejected"]).optional(),
  customerId: z.uuid().optional(),
});

/** Disputes of the tenant, oldest opened first, optionally only open ones or one customer's. */
export async function listDisputes(deps: AppDeps, actor: Actor, query: unknown): Promise<Page<DisputeView>> {
  const q = parseInput(DisputeListQuery, query, "query");
  const after = decodeDayIdCursor(q.cursor);
  const page = await disputePage(deps.db, { tenantId: actor.tenantId, status: q.status, customerId: q.customerId, limit: q.limit, after });
  return { items: page.items.map(disputeView), nextCursor: page.nextCursor };
}
