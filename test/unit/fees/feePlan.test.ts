import { describe, expect, it } from "vitest";
import type { PolicyStep } from "../../../src/domain/collections/policy.js";
import { chargeNumber, chargePlan, feesToPost, isFeeNumber, parseStepCharges, type RecordedRunStep } from "../../../src/domain/fees/feePlan.js";

const step = (id: string, charges?: unknown): PolicyStep => ({
  id, offsetDays: 15, offsetUnit: "calendar", channel: "email", template: "reminder.second", conditions: {}, attachInvoiceCopy: false, attachStatement: false, noticeDays: 0, ...(charges ? { charges } : {}),
});
const recorded = (s: PolicyStep, status: "performed" | "skipped", extra: Partial<RecordedRunStep> = {}): RecordedRunStep => ({
  actionId: `${s.id}-${extra.customerId ?? "c1"}`, customerId: "c1", currency: "EUR", cycle: 1, status, skipReason: status === "skipped" ? "catch_up" : null, step: s, ...extra,
});

describe("which charges a day's recorded steps call for", () => {
  const fee = step("r2", { fee: { fixed: { EUR: "10.00" } } });
  const feeWhenSkipped = step("r2", { fee: { fixed: { EUR: "10.00" }, chargeWhenSkipped: true } });
  const posting = step("r4", { interest: { post: true } });
  const plain = step("r3");

  it("charges a performed step's fee on what the step lists", () => {
    expect(chargePlan([recorded(fee, "performed")]).fees).toEqual([expect.objectContaining({ stepId: "r2", cycle: 1, listedBy: "r2-c1" })]);
  });

  it("charges a step skipped by catch-up only when its fee says so, on what the performed step lists", () => {
    expect(chargePlan([recorded(fee, "skipped"), recorded(plain, "performed")]).fees).toEqual([]);
    expect(chargePlan([recorded(feeWhenSkipped, "skipped"), recorded(plain, "performed")]).fees).toEqual([expect.objectContaining({ stepId: "r2", listedBy: "r3-c1" })]);
    expect(chargePlan([recorded(feeWhenSkipped, "skipped", { skipReason: "condition" }), recorded(plain, "performed")]).fees).toEqual([]);
  });

  it("posts interest once per account and day, whatever number of steps ask for it", () => {
    const second = step("r4b", { interest: { post: true } });
    const plan = chargePlan([recorded(posting, "performed"), recorded(second, "performed"), recorded(posting, "performed", { customerId: "c2" })]);
    expect(plan.interest.map((o) => [o.customerId, o.stepId, o.dueDays])).toEqual([["c1", "r4", 14], ["c2", "r4", 14]]);
  });

  it("posts fees on the oldest listed invoice for a reminder, numbered from invoice, step and chase", () => {
    const [order] = chargePlan([recorded(step("r1", { fee: { fixed: { EUR: "5.00" }, percent: "1", per: "reminder" } }), "performed", { cycle: 2 })]).fees;
    const listed = [{ invoiceId: "a", number: "INV-1", overdue: 1_000_00n }, { invoiceId: "b", number: "INV-2", overdue: 333_33n }];
    expect(feesToPost(order!, listed)).toEqual({ ok: true, value: [{ chargeOf: "a", number: "INV-1-F-r1-2", amount: 18_33n }] });
    expect(feesToPost({ ...order!, currency: "USD" }, listed)).toMatchObject({ ok: false, error: { code: "INVALID_FEE", path: "fixed.USD" } });
  });
});

describe("a step's charge settings", () => {
  it("names the field at fault", () => {
    expect(parseStepCharges({ fee: { percent: "101" } })).toMatchObject({ ok: false, error: { code: "INVALID_FEE", path: "fee.percent" } });
    expect(parseStepCharges({ fee: {} })).toMatchObject({ ok: false, error: { code: "INVALID_FEE", path: "fee" } });
    expect(parseStepCharges({ fee: { fixed: { EUR: "1.00" }, dueDays: 400 } })).toMatchObject({ ok: false, error: { code: "INVALID_FEE", path: "fee.dueDays" } });
    expect(parseStepCharges({ interest: { post: true, dueDays: 1.5 } })).toMatchObject({ ok: false, error: { code: "INVALID_INTEREST", path: "interest.dueDays" } });
    expect(parseStepCharges({ interest: { post: false } })).toEqual({ ok: true, value: { fee: null, postInterest: null } });
  });

  it("recognises the numbers of fees of one chase only", () => {
    expect(isFeeNumber(chargeNumber("fee", "INV-1", { stepId: "r2", cycle: 1 }), 1)).toBe(true);
    expect(isFeeNumber(chargeNumber("fee", "INV-1", { stepId: "r2", cycle: 11 }), 1)).toBe(false);
    expect(isFeeNumber(chargeNumber("interest", "INV-1", { stepId: "r2", cycle: 1 }), 1)).toBe(false);
    expect(chargeNumber("compensation", "INV-1")).toBe("INV-1-C");
  });
});
