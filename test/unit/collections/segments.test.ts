import { describe, expect, it } from "vitest";
import { assignSegment, type CustomerAttributes, type Segment } from "../../../src/domain/collections/segments.js";

const segments: Segment[] = [
  { key: "strategic", name: "Strategic", priority: 10, policy: "gentle", conditions: [{ field: "tags", op: "contains", value: "strategic" }] },
  { key: "high-risk", name: "High risk", priority: 20, policy: "strict", conditions: [{ field: "averageDaysLate", op: "gte", value: 30 }] },
  { key: "big-de", name: "Large German", priority: 30, policy: "standard", conditions: [{ field: "country", op: "in", value: ["DE", "AT"] }, { field: "openBalance", op: "gte", currency: "EUR", value: 5_000_000n }] },
];
const customer = (over: Partial<CustomerAttributes> = {}): CustomerAttributes => ({ tags: [], country: "DE", openBalance: new Map(), averageDaysLate: null, ...over });

describe("assignSegment", () => {
  it("takes the first matching segment by priority", () => {
    expect(assignSegment(customer({ tags: ["strategic"], averageDaysLate: 45 }), segments)).toBe("strategic");
    expect(assignSegment(customer({ averageDaysLate: 45 }), segments)).toBe("high-risk");
  });

  it("needs every condition of a segment to hold", () => {
    expect(assignSegment(customer({ openBalance: new Map([["EUR", 5_000_000n]]) }), segments)).toBe("big-de");
    expect(assignSegment(customer({ openBalance: new Map([["EUR", 4_999_999n]]) }), segments)).toBeNull();
    expect(assignSegment(customer({ country: "FR", openBalance: new Map([["EUR", 9_000_000n]]) }), segments)).toBeNull();
  });

  it("never matches a payment-history rule for a customer without history", () => {
    expect(assignSegment(customer({ averageDaysLate: null }), [{ ...segments[1]!, conditions: [{ field: "averageDaysLate", op: "lt", value: 5 }] }])).toBeNull();
  });
});
