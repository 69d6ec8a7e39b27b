import { z } from "zod";
import type { Segment, SegmentCondition } from "../../domain/collections/segments.js";
import { currency, parseAmount } from "../../domain/money/index.js";
import { zCurrency, zDecimal } from "./fields.js";

const Condition = z.discriminatedUnion("field", [
  z.strictObject({ field: z.literal("tags"), op: z.enum(["contains", "notContains"]), value: z.string().min(1) }),
  z.strictObject({ field: z.literal("country"), op: z.enum(["in", "notIn"]), value: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1) }),
  z.strictObject({ field: z.literal("openBalance"), op: z.enum(["gte", "lt"]), amount: zDecimal, currency: zCurrency }),
  z.strictObject({ field: z.literal("averageDaysLate"), op: z.enum(["gte", "lt"]), value: z.number().min(-365).max(3650) }),
]);

/** A segment as written in a file or sent to the API. */
export const SegmentInput = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "lowercase letters, digits, '-' and '_'"),
    name: z.string().min(1).max(200),
    priority: z.number().int().min(0).max(1_000_000),
    policy: z.string().min(1),
    /** The segment's portfolio: its customers' tasks go to this user unless the customer has a collector. */
    collectorId: z.uuid().optional(),
    conditions: z.array(Condition).max(20),
  })
  .superRefine((v, ctx) =>
    v.conditions.forEach((c, i) => {
      if (c.field !== "openBalance") return;
      const parsed = parseAmount(c.amount, currency(c.currency));
      if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["conditions", i, "amount"], message: parsed.error.message, params: { code: parsed.error.code } });
    }),
  )
  .meta({ id: "SegmentInput" });
export type SegmentInput = z.output<typeof SegmentInput>;

export function segmentOf(input: SegmentInput): Segment {
  const conditions = input.conditions.map((c): SegmentCondition => {
    if (c.field !== "openBalance") return c;
    const parsed = parseAmount(c.amount, currency(c.currency));
    if (!parsed.ok) throw new Error("amount was validated by the schema");
    return { field: "openBalance", op: c.op, currency: c.currency, value: parsed.value };
  });
  return { key: input.key, name: input.name, priority: input.priority, policy: input.policy, conditions, ...(input.collectorId ? { collectorId: input.collectorId } : {}) };
}
