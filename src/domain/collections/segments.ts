/**
 * Segments group customers by rules over their attributes; each segment names the policy its
 * customers get. Pure: the run hands in the attributes it loaded.
 */
export type SegmentCondition =
  | { readonly field: "tags"; readonly op: "contains" | "notContains"; readonly value: string }
  | { readonly field: "country"; readonly op: "in" | "notIn"; readonly value: readonly string[] }
  /** Open balance in `currency` (minor units) — customers without debt in that currency have 0. */
  | { readonly field: "openBalance"; readonly op: "gte" | "lt"; readonly currency: string; readonly value: bigint }
  /** Average days paid after the due date over the last 12 months; customers with no paid invoice never match. */
  | { readonly field: "averageDaysLate"; readonly op: "gte" | "lt"; readonly value: number };

export interface Segment {
  readonly key: string;
  readonly name: string;
  /** Lower numbers are tried first; the first segment whose conditions all hold wins. */
  readonly priority: number;
  readonly conditions: readonly SegmentCondition[];
  readonly policy: string;
  /** The collector whose portfolio the segment is. */
  readonly collectorId?: string;
}

export interface CustomerAttributes {
  readonly tags: readonly string[];
  readonly country: string | null;
  /** Open balance per currency, minor units. */
  readonly openBalance: ReadonlyMap<string, bigint>;
  readonly averageDaysLate: number | null;
}

export function matches(condition: SegmentCondition, c: CustomerAttributes): boolean {
  switch (condition.field) {
    case "tags":
      return c.tags.includes(condition.value) === (condition.op === "contains");
    case "country":
      return (c.country !== null && condition.value.includes(c.country)) === (condition.op === "in");
    case "openBalance": {
      const balance = c.openBalance.get(condition.currency) ?? 0n;
      return condition.op === "gte" ? balance >= condition.value : balance < condition.value;
    }
    case "averageDaysLate":
      if (c.averageDaysLate === null) return false;
      return condition.op === "gte" ? c.averageDaysLate >= condition.value : c.averageDaysLate < condition.value;
  }
}

/** The first segment, by priority, whose conditions all hold; null when none does. */
export function assignSegment(customer: CustomerAttributes, segments: readonly Segment[]): string | null {
  const ordered = [...segments].sort((a, b) => a.priority - b.priority || a.key.localeCompare(b.key));
  return ordered.find((s) => s.conditions.every((c) => matches(c, customer)))?.key ?? null;
}

export const needsPaymentHistory = (segments: readonly Segment[]): boolean => segments.some((s) => s.conditions.some((c) => c.field === "averageDaysLate"));
