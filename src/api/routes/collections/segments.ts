import { z } from "zod";
import { SegmentInput } from "../../../app/inputs/segmentInputs.js";
import { applySegment, listSegments, removeSegment } from "../../../app/segments/segments.js";
import { fail } from "../../../domain/errors.js";
import { route } from "../../route.js";
import { pageOf } from "../../schemas/common.js";

const tag = "segments";
const KeyParams = z.object({ key: z.string().max(63).meta({ example: "strategic" }) });
/** The stored segment, as sent (the request schema transforms currency codes, so the answer needs its own). */
const Segment = z
  .strictObject({
    key: z.string(),
    name: z.string(),
    priority: z.number().int(),
    policy: z.string(),
    collectorId: z.string().optional(),
    conditions: z.array(z.record(z.string(), z.unknown()).meta({ description: "a condition over tags, country, openBalance or averageDaysLate" })),
  })
  .meta({ id: "Segment" });

export const segmentRoutes = [
  route({
    operationId: "listSegments",
    method: "GET",
    url: "/api/v1/segments",
    permission: "collections:read",
    tag,
    summary: "Segments in the order they are tried; the first whose conditions all hold gives a customer its policy",
    response: pageOf(Segment),
    handler: async ({ deps, actor }) => ({ items: await listSegments(deps, actor), nextCursor: null }),
  }),
  route({
    operationId: "applySegment",
    method: "PUT",
    url: "/api/v1/segments/:key",
    permission: "collections:configure",
    tag,
    summary: "Create or replace a segment (its policy must exist)",
    params: KeyParams,
    body: SegmentInput,
    status: 200,
    response: Segment,
    handler: async ({ deps, actor, params, body }) => {
      const key = (body as { key?: unknown } | null)?.key;
      if (key !== params.key) fail("VALIDATION_FAILED", `the body's key ${JSON.stringify(key ?? null)} differs from the path's "${params.key}"`, { path: "key" });
      return applySegment(deps, actor, body);
    },
  }),
  route({
    operationId: "removeSegment",
    method: "DELETE",
    url: "/api/v1/segments/:key",
    permission: "collections:configure",
    tag,
    summary: "Delete a segment; its customers fall back to the next matching segment or the default policy",
    params: KeyParams,
    status: 204,
    response: z.undefined(),
    handler: async ({ deps, actor, params }) => {
      await removeSegment(deps, actor, params.key);
      return undefined;
    },
  }),
];
