import type { Segment } from "../../domain/collections/segments.js";
import { fail } from "../../domain/errors.js";
import * as store from "../../store/segments.js";
import type { Db } from "../../store/schema.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { SegmentInput, segmentOf } from "../inputs/segmentInputs.js";
import { parseInput } from "../inputs/validate.js";
import { requirePolicy } from "../policies/requirePolicy.js";

export type SegmentView = SegmentInput;

const viewOf = (row: store.SegmentRow): SegmentView => ({
  key: row.key,
  name: row.name,
  priority: row.priority,
  policy: row.policy_key,
  ...(row.collector_id ? { collectorId: row.collector_id } : {}),
  conditions: row.rules as SegmentInput["conditions"],
});

/** The tenant's segments in the order they are tried. */
export async function listSegments(deps: AppDeps, actor: Actor): Promise<SegmentView[]> {
  return (await store.listSegmentRows(deps.db, actor.tenantId)).map(viewOf);
}

/** Creates or replaces a segment by key; its policy must exist. */
export async function applySegment(deps: AppDeps, actor: Actor, body: unknown): Promise<SegmentView> {
  const input = parseInput(SegmentInput, body, "segment");
  return deps.db.transaction().execute(async (tx) => {
    await requirePolicy(tx, deps, actor.tenantId, input.policy);
    await store.upsertSegment(tx, actor.tenantId, { key: input.key, name: input.name, priority: input.priority, rules: input.conditions, policy_key: input.policy, collector_id: input.collectorId ?? null });
    await audit(tx, deps, actor, "segment.apply", "segment", input.key, input);
    return input;
  });
}

export async function removeSegment(deps: AppDeps, actor: Actor, key: string): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const deleted = await store.deleteSegment(tx, actor.tenantId, key);
    if (deleted.numDeletedRows === 0n) fail("UNKNOWN_REFERENCE", `no segment "${key}"`, { path: "key" });
    await audit(tx, deps, actor, "segment.remove", "segment", key);
  });
}

/** Segments as the engine evaluates them; stored rules were validated when written. */
export async function loadSegments(tx: Db, tenantId: string): Promise<Segment[]> {
  return (await store.listSegmentRows(tx, tenantId)).map((row) => segmentOf(SegmentInput.parse(viewOf(row))));
}
