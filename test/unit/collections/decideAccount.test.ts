import { describe, expect, it } from "vitest";
import { NO_STAGE, type AccountState } from "../../../src/domain/collections/account.js";
import { decideAccount, type AccountDecision } from "../../../src/domain/collections/decideAccount.js";
import type { Policy } from "../../../src/domain/collections/policy.js";
import { SHIPPED_POLICIES } from "../../../src/domain/collections/shippedPolicies.js";
import { validatePolicy } from "../../../src/domain/collections/validatePolicy.js";
import { businessCalendar } from "../../../src/domain/dates/businessCalendar.js";
import { isoDate } from "../../../src/domain/dates/plainDate.js";

const calendar = (() => {
  const c = businessCalendar({ country: "DE" });
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
})();
const standard: Policy = { id: "p1", version: 1, ...SHIPPED_POLICIES.find((p) => p.key === "standard")!, businessDaysOnly: false };

const account = (over: Partial<AccountState> = {}): AccountState => ({
  customerId: "c1",
  currency: "EUR",
  oldestDue: isoDate("2024-03-01"),
  // unless a test says otherwise, nothing is paused: the oldest open item is the oldest chased one
  oldestOpenDue: over.oldestDue === undefined ? isoDate("2024-03-01") : over.oldestDue,
  overdueTotal: 10_000n,
  upcomingTotal: 0n,
  stage: NO_STAGE,
  pause: null,
  promiseBroken: false,
  messagedToday: false,
  lastMessageOn: null,
  segment: null,
  ...over,
});
const on = (state: AccountState, day: string, policy: Policy = standard): AccountDecision => decideAccount(state, policy, { today: isoDate(day), calendar });
const ids = (d: AccountDecision) => (d.kind === "advance" ? { performed: d.performed.map((s) => s.step.id), skipped: d.skipped.map((s) => `${s.step.id}:${s.reason}`), stage: d.stage.step.id, cycle: d.cycle } : d);

describe("decideAccount", () => {
  it("performs the friendly reminder five days before the due date", () => {
    expect(ids(on(account({ overdueTotal: 0n, upcomingTotal: 5_000n }), "2024-02-25"))).toEqual({ performed: ["friendly"], skipped: [], stage: "friendly", cycle: 1 });
  });

  it("does nothing between steps", () => {
    const stage = { cycle: 1, stepId: "formal", stepOffset: 7 };
    expect(on(account({ stage }), "2024-03-12")).toEqual({ kind: "idle", cleared: false });
  });

  it("after downtime performs only the latest due step and records the missed ones as skipped", () => {
    const stage = { cycle: 1, stepId: "due-today", stepOffset: 0 };
    expect(ids(on(account({ stage }), "2024-03-17"))).toEqual({ performed: ["second"], skipped: ["formal:catch_up"], stage: "second", cycle: 1 });
  });

  it("performs steps sharing an offset together (escalation and call task at +30)", () => {
    const stage = { cycle: 1, stepId: "second", stepOffset: 15 };
    expect(ids(on(account({ stage, lastMessageOn: isoDate("2024-03-16") }), "2024-03-31"))).toMatchObject({ performed: ["escalate", "call"], stage: "call" });
  });

  it("never lands on the agency hand-off without notice: a first run at 95 days sends the final letter", () => {
    expect(ids(on(account(), "2024-06-04"))).toMatchObject({ performed: ["final"], stage: "final", skipped: ["friendly:catch_up", "due-today:catch_up", "formal:catch_up", "second:catch_up", "escalate:catch_up", "call:catch_up"] });
  });

  it("hands off to the agency once the notice period after the last message has passed", () => {
    const stage = { cycle: 1, stepId: "final", stepOffset: 60 };
    expect(on(account({ stage, lastMessageOn: isoDate("2024-06-04") }), "2024-06-10")).toEqual({ kind: "wait", cleared: false, reason: "notice_period" });
    expect(ids(on(account({ stage, lastMessageOn: isoDate("2024-06-04") }), "2024-06-18"))).toMatchObject({ performed: ["agency"] });
  });

  it("clears the stage when nothing is overdue any more", () => {
    const stage = { cycle: 2, stepId: "second", stepOffset: 15 };
    expect(on(account({ stage, oldestDue: null, overdueTotal: 0n }), "2024-03-20")).toEqual({ kind: "idle", cleared: true });
  });

  it("keeps the stage while the only overdue debt is disputed: it is not paid", () => {
    const stage = { cycle: 1, stepId: "second", stepOffset: 15 };
    expect(on(account({ stage, oldestDue: null, oldestOpenDue: isoDate("2024-03-01"), overdueTotal: 0n }), "2024-03-20")).toEqual({ kind: "idle", cleared: false });
  });

  it("keeps the stage while older debt is paid but newer debt stays overdue", () => {
    const stage = { cycle: 1, stepId: "second", stepOffset: 15 };
    expect(on(account({ stage, oldestDue: isoDate("2024-03-10") }), "2024-03-20")).toEqual({ kind: "idle", cleared: false });
  });

  it("starts a new cycle when a chase ended and new debt is due", () => {
    const stage = { cycle: 1, stepId: "second", stepOffset: 15 };
    expect(ids(on(account({ stage, oldestDue: isoDate("2024-03-25"), overdueTotal: 0n, upcomingTotal: 100n }), "2024-03-20"))).toMatchObject({ performed: ["friendly"], cycle: 2 });
  });

  it("sends nothing below the policy's minimum amount", () => {
    const policy = { ...standard, minimumOverdue: { EUR: 5_000n } };
    expect(on(account({ overdueTotal: 4_999n }), "2024-03-08", policy)).toMatchObject({ kind: "wait", reason: "below_minimum" });
    expect(on(account({ overdueTotal: 5_000n }), "2024-03-08", policy)).toMatchObject({ kind: "advance" });
  });

  it("skips a step whose condition fails and goes on with the next", () => {
    const steps = standard.steps.map((s) => (s.id === "formal" ? { ...s, conditions: { segments: ["vip"] } } : s));
    const stage = { cycle: 1, stepId: "due-today", stepOffset: 0 };
    expect(ids(on(account({ stage }), "2024-03-08", { ...standard, steps }))).toEqual({ performed: [], skipped: ["formal:condition"], stage: "formal", cycle: 1 });
    expect(ids(on(account({ stage }), "2024-03-16", { ...standard, steps }))).toMatchObject({ performed: ["second"], skipped: ["formal:condition"] });
  });

  it("waits while paused and for a second message on the same day", () => {
    expect(on(account({ pause: "promise" }), "2024-03-08")).toMatchObject({ kind: "wait", reason: "promise" });
    expect(on(account({ messagedToday: true }), "2024-03-08")).toMatchObject({ kind: "wait", reason: "messaged_today" });
  });

  it("resumes at the next step right after a broken promise", () => {
    const stage = { cycle: 1, stepId: "formal", stepOffset: 7 };
    expect(ids(on(account({ stage, promiseBroken: true }), "2024-03-10"))).toMatchObject({ performed: ["second"], skipped: [] });
  });

  it("moves an action due on a weekend to the next business day when the policy says so", () => {
    const policy = { ...standard, businessDaysOnly: true };
    // 2024-03-08 + 7 = Friday 8 March; due 2024-03-02 (Sat) + 7 = Saturday 9 March
    const state = account({ oldestDue: isoDate("2024-03-02"), stage: { cycle: 1, stepId: "due-today", stepOffset: 0 } });
    expect(on(state, "2024-03-09", policy)).toMatchObject({ kind: "wait", reason: "closed_day" });
    expect(ids(on(state, "2024-03-11", policy))).toMatchObject({ performed: ["formal"] });
  });

  it("maps the stage of a removed step onto a new policy version by its offset", () => {
    const v2: Policy = { ...standard, id: "p2", version: 2, steps: standard.steps.filter((s) => s.id !== "second") };
    const stage = { cycle: 1, stepId: "second", stepOffset: 15 };
    expect(ids(on(account({ stage, lastMessageOn: isoDate("2024-03-16") }), "2024-03-31", v2))).toMatchObject({ performed: ["escalate", "call"], skipped: [] });
  });
});

describe("validatePolicy", () => {
  it("accepts every shipped policy", () => {
    for (const p of SHIPPED_POLICIES) expect(validatePolicy({ id: "x", version: 1, ...p }).ok).toBe(true);
  });

  it("rejects two messages on the same day and steps out of order", () => {
    const [a, b] = standard.steps;
    expect(validatePolicy({ ...standard, steps: [a!, { ...b!, offsetDays: a!.offsetDays }] })).toMatchObject({ ok: false, error: { code: "INVALID_POLICY", path: "steps[1].offsetDays" } });
    expect(validatePolicy({ ...standard, steps: [b!, a!] })).toMatchObject({ ok: false, error: { code: "INVALID_POLICY" } });
  });
});
