import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { ApiKeyAuthenticator } from "../../src/api/auth.js";
import { installErrorMapping } from "../../src/api/errors.js";
import { registerRoutes } from "../../src/api/route.js";
import { chargeRoutes } from "../../src/api/routes/collections/charges.js";
import { listCustomerCharges } from "../../src/app/charges/customerCharges.js";
import { waiveCharge } from "../../src/app/charges/waiveCharge.js";
import { runCollections } from "../../src/app/collections/runCollections.js";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { applyPolicy } from "../../src/app/policies/applyPolicy.js";
import { payoffQuote } from "../../src/app/quotes/payoffQuote.js";
import { Failure } from "../../src/domain/errors.js";
import { insertCharges, type NewCharge } from "../../src/store/charges.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { apiAs, depsAt, newApiKey, newCustomer, newInvoice, newTenant } from "../kit/factories.js";

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof Failure ? e.error : Promise.reject(e)));

describe.skipIf(!engineAvailable())("charges: posting by the run, waivers and their API", () => {
  const t = useTestDatabase();

  /** A new tenant whose one customer is chased by a one-step policy; the run of `day` performs the step. */
  async function chargedOn(day: string, policy: Record<string, unknown>, invoice: Record<string, unknown> = {}, currency = "EUR") {
    const deps = depsAt(t(), "2024-06-30");
    const actor = await newTenant(deps);
    await applyPolicy(deps, actor, { key: "charging", name: "Charging", businessDaysOnly: false, ...policy });
    const customer = await newCustomer(deps, actor, { policy: "charging", currency });
    const inv = await newInvoice(deps, actor, customer.id, { dueDate: "2024-01-31", amount: "100.00", currency, ...invoice });
    await runCollections(deps, actor, { asOf: day });
    const charges = async () => (await listCustomerCharges(deps, actor, customer.id)).items;
    return { deps, actor, customer, invoice: inv, charges, quote: (asOf: string) => payoffQuote(deps, actor, { customerId: customer.id }, { asOf }) };
  }
  const activities = (deps: AppDeps, actor: Actor, kind: string) =>
    deps.db.selectFrom("activities").select(["summary", "occurred_on"]).where("tenant_id", "=", actor.tenantId).where("kind", "=", kind).orderBy("at").execute();

  it("halves a fee with a waiver: the charge, the quote (from the waiver's day), the timeline and the audit log follow", async () => {
    const { deps, actor, invoice, charges, quote } = await chargedOn("2024-02-15", { steps: [{ id: "r1", offsetDays: 15, channel: "email", fee: { fixed: { EUR: "10.00" } } }] });
    const [fee] = await charges();
    expect(fee).toMatchObject({ number: `${invoice.number}-F-r1-1`, kind: "fee", amount: "10.00", waived: "0.00", open: "10.00" });

    expect(await waiveCharge(deps, actor, fee!.id, { amount: "5.00", reason: "goodwill, first late payment", on: "2024-02-20" })).toMatchObject({ amount: "10.00", waived: "5.00", open: "5.00" });
    expect((await quote("2024-02-19")).items[0]).toMatchObject({ fees: "10.00", total: "110.00" });
    expect((await quote("2024-02-20")).items[0]).toMatchObject({ fees: "5.00", total: "105.00" });

    expect(await failureOf(waiveCharge(deps, actor, fee!.id, { amount: "5.01", reason: "too much" }))).toMatchObject({ code: "OVER_ALLOCATION", path: "amount" });
    expect(await failureOf(waiveCharge(deps, actor, fee!.id, { amount: "1.001", reason: "decimals" }))).toMatchObject({ code: "TOO_MANY_DECIMALS", path: "amount" });
    expect(await failureOf(waiveCharge(deps, actor, fee!.id, { reason: "before it existed", on: "2024-02-14" }))).toMatchObject({ code: "VALIDATION_FAILED", path: "on" });
    expect(await failureOf(waiveCharge(deps, actor, invoice.id, { reason: "not a charge" }))).toMatchObject({ code: "CHARGE_NOT_FOUND" });
    expect(await failureOf(waiveCharge(deps, actor, fee!.id, { amount: "1.00" }))).toMatchObject({ code: "MISSING_VALUE", path: "reason" });

    expect(await waiveCharge(deps, actor, fee!.id, { reason: "settled by phone", on: "2024-02-21" })).toMatchObject({ waived: "10.00", open: "0.00" });
    expect((await activities(deps, actor, "charge_waived")).map((a) => a.summary)).toEqual([
      `fee ${fee!.number}: EUR 5.00 waived (goodwill, first late payment)`,
      `fee ${fee!.number}: EUR 5.00 waived (settled by phone)`,
    ]);
    const audit = await deps.db.selectFrom("audit_log").select(["action", "entity_id"]).where("tenant_id", "=", actor.tenantId).where("action", "=", "charge.waive").execute();
    expect(audit).toEqual([{ action: "charge.waive", entity_id: fee!.id }, { action: "charge.waive", entity_id: fee!.id }]);
    const allocations = await deps.db.selectFrom("allocations").select(["kind", "amount", "applied_on", "reason"]).where("tenant_id", "=", actor.tenantId).where("invoice_id", "=", fee!.id).orderBy("applied_on").execute();
    expect(allocations).toEqual([
      { kind: "waiver", amount: 500n, applied_on: "2024-02-20", reason: "goodwill, first late payment" },
      { kind: "waiver", amount: 500n, applied_on: "2024-02-21", reason: "settled by phone" },
    ]);
  });

  it("does not accrue a partly waived interest charge again", async () => {
    const { deps, actor, charges, quote } = await chargedOn(
      "2024-03-31",
      { interest: { statutory: "DE" }, steps: [{ id: "r1", offsetDays: 30, channel: "email", interest: { post: true, dueDays: 7 } }] },
      { dueDate: "2024-03-01", amount: "10000.00" },
    );
    const [interest] = await charges();
    expect(interest).toMatchObject({ kind: "interest", amount: "103.73", dueDate: "2024-04-07" });
    await waiveCharge(deps, actor, interest!.id, { amount: "50.00", reason: "rounded down as agreed", on: "2024-03-31" });
    expect((await quote("2024-03-31")).items[0]).toMatchObject({ interestAccrued: "103.73", interest: "0.00", postedInterest: "53.73", compensation: "0.00", total: "10053.73" });
  });

  it("posts a charge once per item, kind, step and chase, and a compensation once per invoice, whatever repeats the posting", async () => {
    const { deps, actor, invoice, charges } = await chargedOn(
      "2024-03-31",
      { interest: { statutory: "DE" }, compensation: true, steps: [{ id: "r1", offsetDays: 30, channel: "email", interest: { post: true } }] },
      { dueDate: "2024-03-01", amount: "10000.00" },
    );
    expect((await charges()).map((c) => [c.kind, c.amount])).toEqual([["compensation", "40.00"], ["interest", "103.73"]]);
    const again = (kind: NewCharge["kind"], step: string): NewCharge => ({
      id: deps.newId(), customerId: invoice.customerId, kind, number: `${invoice.number}-again-${kind}-${step}`, chargeOf: invoice.id, chargeOfSeq: null,
      currency: "EUR", amount: 1_00n, issueDate: "2024-03-31", dueDate: "2024-04-14", step, cycle: 1, actionId: deps.newId(), description: "a repeated posting",
    });
    expect(await insertCharges(deps.db, actor.tenantId, [again("interest", "r1"), again("compensation", "r9")])).toEqual([]);
    // another step may post interest again (the increment since the last posting)
    expect(await insertCharges(deps.db, actor.tenantId, [again("interest", "r9")])).toHaveLength(1);
  });

  it("charges no fee in a currency the fee does not define, and says so on the timeline", async () => {
    const { deps, actor, charges } = await chargedOn("2024-02-15", { steps: [{ id: "r1", offsetDays: 15, channel: "email", fee: { fixed: { EUR: "10.00" } } }] }, {}, "USD");
    expect(await charges()).toEqual([]);
    expect((await activities(deps, actor, "charge_not_posted")).map((a) => a.summary)).toEqual(['No fee for step "r1": the fee\'s fixed amount is defined for EUR, not for USD']);
  });

  it("refuses a policy whose fee is in a currency the policy does not chase in, naming the field", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const policy = (fee: unknown) => applyPolicy(deps, actor, { key: "x", name: "X", minimumOverdue: { EUR: "5.00", GBP: "5.00" }, steps: [{ id: "r1", offsetDays: 7, channel: "email" }, { id: "r2", offsetDays: 15, channel: "email", fee }] });
    expect(await failureOf(policy({ fixed: { EUR: "10.00", USD: "10.00", GBP: "9.00" } }))).toMatchObject({ code: "INVALID_FEE", path: "steps[1].fee.fixed.USD" });
    expect(await failureOf(policy({ fixed: { EUR: "10.00" } }))).toMatchObject({ code: "INVALID_FEE", path: "steps[1].fee.fixed.GBP" });
    expect(await failureOf(policy({ percent: "2", per: "letter" }))).toMatchObject({ code: "INVALID_FEE", path: "steps[1].fee.per" });
    const applied = await policy({ fixed: { EUR: "10.00", GBP: "9.00" }, percent: "1.5", per: "reminder", chargeWhenSkipped: true });
    expect(applied.policy.definition.steps[1]!.fee).toEqual({ fixed: { EUR: "10.00", GBP: "9.00" }, percent: "1.5", per: "reminder", chargeWhenSkipped: true });
  });

  it("lists a customer's charges and waives one over the API, for roles that may act on collections", async () => {
    const { deps, actor, customer, charges } = await chargedOn("2024-02-15", { steps: [{ id: "r1", offsetDays: 15, channel: "email", fee: { fixed: { EUR: "10.00" } } }] });
    const app = Fastify({ logger: false });
    installErrorMapping(app);
    registerRoutes(app, chargeRoutes, { deps, auth: new ApiKeyAuthenticator(deps, 0), checkResponses: true });
    const collector = apiAs(app, await newApiKey(deps, actor, "collector"));
    const viewer = apiAs(app, await newApiKey(deps, actor, "viewer"));
    const [fee] = await charges();

    const listed = await viewer.get(`/api/v1/customers/${customer.id}/charges`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: fee!.id, kind: "fee", step: "r1", cycle: 1, amount: "10.00", open: "10.00" })]);
    expect((await viewer.post(`/api/v1/charges/${fee!.id}/waive`, { reason: "no" })).statusCode).toBe(403);
    const waived = await collector.post(`/api/v1/charges/${fee!.id}/waive`, { amount: "2.50", reason: "goodwill", on: "2024-02-16" });
    expect(waived.statusCode).toBe(200);
    expect(waived.json()).toMatchObject({ waived: "2.50", open: "7.50" });
    const tooMuch = await collector.post(`/api/v1/charges/${fee!.id}/waive`, { amount: "8.00", reason: "goodwill" });
    expect([tooMuch.statusCode, tooMuch.json().error.code]).toEqual([409, "OVER_ALLOCATION"]);
    expect((await collector.post(`/api/v1/charges/${deps.newId()}/waive`, { reason: "x" })).statusCode).toBe(404);
    await app.close();
  });
});
