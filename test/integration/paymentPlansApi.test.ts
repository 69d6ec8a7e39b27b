import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiKeyAuthenticator } from "../../src/api/auth.js";
import { openApiDocument } from "../../src/api/openapi.js";
import { registerRoutes } from "../../src/api/route.js";
import { planRoutes } from "../../src/api/routes/collections/plans.js";
import { apiRoutes } from "../../src/api/routes/index.js";
import { buildServer } from "../../src/api/server.js";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { apiAs, depsAt, newApiKey, newCustomer, newInvoice, newTenant } from "../kit/factories.js";

// Until the routes are listed in src/api/routes/index.ts, the test server adds them itself.
const registered = apiRoutes.some((r) => r.operationId === "createPaymentPlan");
const allRoutes = registered ? apiRoutes : [...apiRoutes, ...planRoutes];

type Api = ReturnType<typeof apiAs>;

describe.skipIf(!engineAvailable())("HTTP API: payment plans", () => {
  const t = useTestDatabase();
  let app: FastifyInstance;
  let deps: AppDeps;
  let tenantA: Actor;
  let a: Api;
  let viewer: Api;
  let b: Api;

  beforeAll(async () => {
    deps = depsAt(t()); // today: 2024-06-30
    tenantA = await newTenant(deps);
    const tenantB = await newTenant(deps);
    app = buildServer(deps, { logger: false, checkResponses: true });
    if (!registered) registerRoutes(app, planRoutes, { deps, auth: new ApiKeyAuthenticator(deps, 0), checkResponses: true });
    a = apiAs(app, await newApiKey(deps, tenantA, "admin"));
    viewer = apiAs(app, await newApiKey(deps, tenantA, "viewer"));
    b = apiAs(app, await newApiKey(deps, tenantB, "admin"));
  });
  afterAll(() => app?.close());

  /** A customer of tenant A owing `amount` EUR, due 31 January. */
  const debtor = async (amount = "300.00") => {
    const customer = await newCustomer(deps, tenantA);
    await newInvoice(deps, tenantA, customer.id, { amount });
    return customer;
  };
  const schedule = (...days: [string, string][]) => days.map(([dueDate, amount]) => ({ dueDate, amount }));

  it("agrees a plan for a customer named by external id, in its currency, with the policy's grace, and puts it on the timeline", async () => {
    const customer = await debtor();
    const promise = (await a.post("/api/v1/promises", { customerId: customer.id, amount: "300.00", promisedDate: "2024-07-05" })).json();
    const res = await a.post("/api/v1/payment-plans", { customerExternalId: customer.externalId, note: "agreed by phone", installments: schedule(["2024-07-15", "150.00"], ["2024-08-15", "150.00"]) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      customerId: customer.id,
      currency: "EUR",
      status: "active",
      startedOn: "2024-06-30",
      endedOn: null,
      graceDays: 3,
      note: "agreed by phone",
      total: { amount: "300.00", currency: "EUR" },
      paid: { amount: "0.00", currency: "EUR" },
      installments: [
        { seq: 1, dueDate: "2024-07-15", amount: { amount: "150.00", currency: "EUR" }, covered: false },
        { seq: 2, dueDate: "2024-08-15", amount: { amount: "150.00", currency: "EUR" }, covered: false },
      ],
      createdBy: expect.any(String),
    });
    const timeline = (await a.get(`/api/v1/customers/${customer.id}/timeline?kind=payment_plan`)).json().items;
    expect(timeline.map((e: { summary: string }) => e.summary)).toEqual(["Payment plan agreed: EUR 300.00 in 2 installments, 2024-07-15 to 2024-08-15 (EUR 300.00 open); replaces the open promise to pay"]);
    const promises = (await a.get(`/api/v1/customers/${customer.id}/promises`)).json().items;
    expect(promises).toMatchObject([{ id: promise.id, status: "cancelled" }]);
  });

  it("replaces the active plan in the same currency and lists a customer's plans newest first", async () => {
    const customer = await debtor();
    const first = (await a.post("/api/v1/payment-plans", { customerId: customer.id, startedOn: "2024-06-01", installments: schedule(["2024-07-01", "300.00"]) })).json();
    const second = (await a.post("/api/v1/payment-plans", { customerId: customer.id, graceDays: 0, installments: schedule(["2024-07-01", "100.00"], ["2024-08-01", "200.00"]) })).json();
    const listed = await a.get(`/api/v1/customers/${customer.id}/payment-plans`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((p: { id: string; status: string; endedOn: string | null; graceDays: number }) => [p.id, p.status, p.endedOn, p.graceDays])).toEqual([
      [second.id, "active", null, 0],
      [first.id, "cancelled", "2024-06-30", 3],
    ]);
    expect(listed.json().nextCursor).toBeNull();
  });

  it("names the field and a code for every invalid plan", async () => {
    const customer = await debtor();
    const plan = (patch: Record<string, unknown>) => ({ customerId: customer.id, installments: schedule(["2024-07-15", "100.00"]), ...patch });
    for (const [body, status, code, path] of [
      [{ installments: schedule(["2024-07-15", "100.00"]) }, 400, "VALIDATION_FAILED", "customerId"],
      [plan({ installments: [] }), 400, "VALIDATION_FAILED", "installments"],
      [plan({ installments: schedule(["2024-07-15", "10.001"]) }), 400, "TOO_MANY_DECIMALS", "installments[0].amount"],
      [plan({ installments: schedule(["2024-07-15", "10.00"], ["2024-08-15", "0.00"]) }), 400, "INVALID_AMOUNT", "installments[1].amount"],
      [plan({ installments: schedule(["2024-07-15", "-5.00"]) }), 400, "NEGATIVE_AMOUNT", "installments[0].amount"],
      [plan({ installments: schedule(["2024-07-15", "10.00"], ["2024-07-15", "10.00"]) }), 400, "INVALID_PLAN", "installments[1].dueDate"],
      [plan({ installments: schedule(["2024-08-15", "10.00"], ["2024-07-15", "10.00"]) }), 400, "INVALID_PLAN", "installments[1].dueDate"],
      [plan({ installments: schedule(["2024-06-29", "10.00"]) }), 400, "INVALID_PLAN", "installments[0].dueDate"],
      [plan({ installments: schedule(["2024-02-30", "10.00"]) }), 400, "VALIDATION_FAILED", "installments[0].dueDate"],
      [plan({ graceDays: -1 }), 400, "VALIDATION_FAILED", "graceDays"],
      [plan({ currency: "XYZ" }), 400, "UNKNOWN_CURRENCY", "currency"],
      [plan({ currency: "USD" }), 400, "INVALID_PLAN", "currency"],
      [plan({ frequency: "monthly" }), 400, "VALIDATION_FAILED", ""],
      [plan({ customerId: "00000000-0000-7000-8000-000000000000" }), 404, "CUSTOMER_NOT_FOUND", "customerId"],
    ] as const) {
      const res = await a.post("/api/v1/payment-plans", body);
      expect([JSON.stringify(body), res.statusCode, res.json().error?.code, res.json().error?.path ?? ""]).toEqual([JSON.stringify(body), status, code, path]);
    }
    expect((await a.get(`/api/v1/customers/${customer.id}/payment-plans`)).json().items).toEqual([]);
  });

  it("cancels an active plan once, and not before it started", async () => {
    const customer = await debtor();
    const plan = (await a.post("/api/v1/payment-plans", { customerId: customer.id, startedOn: "2024-06-10", installments: schedule(["2024-07-15", "300.00"]) })).json();
    const early = await a.post(`/api/v1/payment-plans/${plan.id}/cancel`, { on: "2024-06-09" });
    expect([early.statusCode, early.json().error.code, early.json().error.path]).toEqual([400, "VALIDATION_FAILED", "on"]);
    const res = await a.post(`/api/v1/payment-plans/${plan.id}/cancel`, { reason: "customer asked for a new schedule" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: plan.id, status: "cancelled", endedOn: "2024-06-30" });
    const again = await a.post(`/api/v1/payment-plans/${plan.id}/cancel`, {});
    expect([again.statusCode, again.json().error.code]).toEqual([409, "PLAN_CLOSED"]);
    for (const id of ["00000000-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const missing = await a.post(`/api/v1/payment-plans/${id}/cancel`, {});
      expect([missing.statusCode, missing.json().error.code]).toEqual([404, "PLAN_NOT_FOUND"]);
    }
    const timeline = (await a.get(`/api/v1/customers/${customer.id}/timeline?kind=payment_plan_cancelled`)).json().items;
    expect(timeline.map((e: { summary: string }) => e.summary)).toEqual(["Payment plan cancelled: customer asked for a new schedule"]);
  });

  it("counts payments cumulatively: paying ahead covers the next installment, and a later shortfall defaults the plan", async () => {
    const customer = await debtor();
    const plan = (await a.post("/api/v1/payment-plans", { customerId: customer.id, startedOn: "2024-06-01", graceDays: 3, installments: schedule(["2024-06-10", "100.00"], ["2024-06-20", "100.00"], ["2024-07-20", "100.00"]) })).json();
    await a.post("/api/v1/payments", { externalId: `PAY-${plan.id}`, customerId: customer.id, receivedOn: "2024-06-05", currency: "EUR", amount: "150.00" });
    await a.post("/api/v1/collections/runs", { asOf: "2024-06-14" });
    const running = (await a.get(`/api/v1/customers/${customer.id}/payment-plans`)).json().items[0];
    expect(running).toMatchObject({ status: "active", paid: { amount: "150.00" } });
    expect(running.installments.map((i: { covered: boolean }) => i.covered)).toEqual([true, false, false]);
    await a.post("/api/v1/collections/runs", { asOf: "2024-06-23" }); // the last day of grace for the 20 June installment
    expect((await a.get(`/api/v1/customers/${customer.id}/payment-plans`)).json().items[0]).toMatchObject({ status: "active" });
    await a.post("/api/v1/collections/runs", { asOf: "2024-06-24" }); // grace over with 150.00 of the 200.00 due
    expect((await a.get(`/api/v1/customers/${customer.id}/payment-plans`)).json().items[0]).toMatchObject({ status: "defaulted", endedOn: "2024-06-24" });
    const tasks = (await a.get(`/api/v1/tasks?customerId=${customer.id}&kind=broken_promise`)).json().items;
    expect(tasks).toMatchObject([{ kind: "broken_promise", title: "Follow up a defaulted payment plan", dueOn: "2024-06-24" }]);
  });

  it("lets read-only roles list plans but not agree or cancel them", async () => {
    const customer = await debtor();
    const plan = (await a.post("/api/v1/payment-plans", { customerId: customer.id, installments: schedule(["2024-07-15", "300.00"]) })).json();
    expect((await viewer.get(`/api/v1/customers/${customer.id}/payment-plans`)).statusCode).toBe(200);
    expect((await viewer.post("/api/v1/payment-plans", { customerId: customer.id, installments: schedule(["2024-07-15", "300.00"]) })).statusCode).toBe(403);
    expect((await viewer.post(`/api/v1/payment-plans/${plan.id}/cancel`, {})).statusCode).toBe(403);
  });

  it("keeps plans inside their tenant: another tenant's ids are not found and nothing changes", async () => {
    const customer = await debtor();
    const plan = (await a.post("/api/v1/payment-plans", { customerId: customer.id, installments: schedule(["2024-07-15", "300.00"]) })).json();
    for (const [res, code] of [
      [await b.get(`/api/v1/customers/${customer.id}/payment-plans`), "CUSTOMER_NOT_FOUND"],
      [await b.post(`/api/v1/payment-plans/${plan.id}/cancel`, {}), "PLAN_NOT_FOUND"],
      [await b.post("/api/v1/payment-plans", { customerId: customer.id, installments: schedule(["2024-07-15", "300.00"]) }), "CUSTOMER_NOT_FOUND"],
      [await b.post("/api/v1/payment-plans", { customerExternalId: customer.externalId, installments: schedule(["2024-07-15", "300.00"]) }), "CUSTOMER_NOT_FOUND"],
    ] as const) {
      expect([res.statusCode, res.json().error.code]).toEqual([404, code]);
    }
    expect((await a.get(`/api/v1/customers/${customer.id}/payment-plans`)).json().items).toMatchObject([{ id: plan.id, status: "active" }]);
  });

  it("documents the plan routes in the OpenAPI document", () => {
    const doc = openApiDocument(allRoutes, { version: "test" }) as { paths: Record<string, Record<string, { operationId: string }>>; components: { schemas: Record<string, unknown> } };
    expect(doc.paths["/api/v1/payment-plans"]?.post?.operationId).toBe("createPaymentPlan");
    expect(doc.paths["/api/v1/payment-plans/{id}/cancel"]?.post?.operationId).toBe("cancelPaymentPlan");
    expect(doc.paths["/api/v1/customers/{id}/payment-plans"]?.get?.operationId).toBe("listCustomerPaymentPlans");
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["PaymentPlan", "PaymentPlanInput", "PaymentPlanCancelInput"]));
  });
});
