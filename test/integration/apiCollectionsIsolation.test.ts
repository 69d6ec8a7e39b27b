import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/api/server.js";
import type { AppDeps } from "../../src/app/deps.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { apiAs, depsAt, newApiKey, newTenant } from "../kit/factories.js";

/** Tenant B's admin key against tenant A's collections data: nothing is visible, nothing changes. */
describe.skipIf(!engineAvailable())("HTTP API: collections data stays inside its tenant", () => {
  const t = useTestDatabase();
  let app: FastifyInstance;
  let deps: AppDeps;
  let a: ReturnType<typeof apiAs>;
  let b: ReturnType<typeof apiAs>;
  let bKey: string;
  const ids = { customer: "", invoice: "", dispute: "", hold: "", promise: "", task: "" };

  beforeAll(async () => {
    deps = depsAt(t());
    const tenantA = await newTenant(deps);
    const tenantB = await newTenant(deps);
    app = buildServer(deps, { logger: false, checkResponses: true });
    a = apiAs(app, await newApiKey(deps, tenantA, "admin"));
    bKey = await newApiKey(deps, tenantB, "admin");
    b = apiAs(app, bKey);

    ids.customer = (await a.post("/api/v1/customers", { externalId: "A-ONLY", legalName: "Alpha GmbH", currency: "EUR" })).json().id;
    await a.post(`/api/v1/customers/${ids.customer}/contacts`, { email: "ap@alpha.example" });
    ids.invoice = (await a.post("/api/v1/invoices", { number: "A-INV", customerId: ids.customer, issueDate: "2024-04-29", dueDate: "2024-05-29", currency: "EUR", amount: "900.00" })).json().id;
    await a.post("/api/v1/invoices", { number: "A-INV2", customerId: ids.customer, issueDate: "2024-04-29", dueDate: "2024-05-29", currency: "EUR", amount: "100.00" });
    await a.post("/api/v1/collections/runs", { asOf: "2024-06-28" });
    ids.task = (await a.get("/api/v1/tasks?kind=call")).json().items[0].id;
    ids.dispute = (await a.post("/api/v1/disputes", { invoiceId: ids.invoice, reason: "pricing" })).json().id;
    ids.hold = (await a.post("/api/v1/holds", { customerId: ids.customer, reason: "A's hold" })).json().id;
    ids.promise = (await a.post("/api/v1/promises", { customerId: ids.customer, amount: "100.00", promisedDate: "2024-07-31" })).json().id;
    await a.post(`/api/v1/customers/${ids.customer}/notes`, { text: "A's secret note" });
    await app.inject({ method: "PUT", url: "/api/v1/policies/alpha-only", headers: { authorization: `Bearer ${(await newApiKey(deps, tenantA, "admin"))}` }, payload: { key: "alpha-only", name: "Alpha", steps: [{ id: "s", offsetDays: 1, channel: "email" }] } });
    expect(Object.values(ids).every(Boolean)).toBe(true);
  });
  afterAll(() => app?.close());

  it("does not show A's tasks, disputes, policies or promises in B's lists", async () => {
    for (const url of ["/api/v1/tasks", "/api/v1/tasks?status=done", `/api/v1/tasks?customerId=${ids.customer}`, "/api/v1/disputes", `/api/v1/disputes?customerId=${ids.customer}`]) {
      expect([url, (await b.get(url)).json().items]).toEqual([url, []]);
    }
    const policies = (await b.get("/api/v1/policies")).json().items.map((p: { key: string }) => p.key);
    expect(policies).toContain("standard");
    expect(policies).not.toContain("alpha-only");
  });

  it("answers 404 for A's ids", async () => {
    for (const [url, code] of [
      [`/api/v1/customers/${ids.customer}/timeline`, "CUSTOMER_NOT_FOUND"],
      [`/api/v1/customers/${ids.customer}/promises`, "CUSTOMER_NOT_FOUND"],
      ["/api/v1/policies/alpha-only", "POLICY_NOT_FOUND"],
      ["/api/v1/policies/alpha-only/versions", "POLICY_NOT_FOUND"],
    ] as const) {
      const res = await b.get(url);
      expect([url, res.statusCode, res.json().error?.code]).toEqual([url, 404, code]);
    }
  });

  it("cannot change A's tasks, disputes, holds, promises, timeline or policies", async () => {
    const attempts = [
      await b.post(`/api/v1/tasks/${ids.task}/complete`, { outcome: "reached" }),
      await b.post(`/api/v1/tasks/${ids.task}/assign`, { assigneeId: null }),
      await b.post(`/api/v1/disputes/${ids.dispute}/resolve`, { outcome: "upheld" }),
      await b.post("/api/v1/disputes", { invoiceId: ids.invoice, reason: "other" }),
      await b.post(`/api/v1/holds/${ids.hold}/release`, {}),
      await b.post("/api/v1/holds", { customerId: ids.customer, reason: "B's hold" }),
      await b.post("/api/v1/holds", { invoiceNumber: "A-INV2", reason: "B's hold" }),
      await b.post("/api/v1/promises", { customerId: ids.customer, amount: "1.00", promisedDate: "2024-07-31" }),
      await b.post("/api/v1/promises", { customerExternalId: "A-ONLY", amount: "1.00", promisedDate: "2024-07-31" }),
      await b.post(`/api/v1/customers/${ids.customer}/notes`, { text: "B was here" }),
    ];
    expect(attempts.map((res) => [res.statusCode, res.json().error.code])).toEqual([
      [404, "TASK_NOT_FOUND"],
      [404, "TASK_NOT_FOUND"],
      [404, "DISPUTE_NOT_FOUND"],
      [404, "INVOICE_NOT_FOUND"],
      [404, "HOLD_NOT_FOUND"],
      [404, "CUSTOMER_NOT_FOUND"],
      [404, "INVOICE_NOT_FOUND"],
      [404, "CUSTOMER_NOT_FOUND"],
      [404, "CUSTOMER_NOT_FOUND"],
      [404, "CUSTOMER_NOT_FOUND"],
    ]);
    // B writing a policy of the same key makes B's own version 1; A's stays as it was.
    const own = await app.inject({ method: "PUT", url: "/api/v1/policies/alpha-only", headers: { authorization: `Bearer ${bKey}` }, payload: { key: "alpha-only", name: "Beta", steps: [{ id: "s", offsetDays: 2, channel: "email" }] } });
    expect(own.json()).toMatchObject({ changed: true, policy: { version: 1, name: "Beta" } });

    expect((await a.get(`/api/v1/tasks?customerId=${ids.customer}&kind=call`)).json().items).toMatchObject([{ id: ids.task, status: "open", assignee: null }]);
    expect((await a.get(`/api/v1/disputes?customerId=${ids.customer}`)).json().items).toMatchObject([{ id: ids.dispute, status: "open" }]);
    expect((await a.get(`/api/v1/customers/${ids.customer}/promises`)).json().items).toMatchObject([{ id: ids.promise, status: "open" }]);
    expect((await a.get("/api/v1/policies/alpha-only")).json()).toMatchObject({ version: 1, name: "Alpha" });
    const timeline = JSON.stringify((await a.get(`/api/v1/customers/${ids.customer}/timeline?limit=1000`)).json());
    expect(timeline).toContain("A's secret note");
    expect(timeline).not.toMatch(/B was here|B's hold/);
    expect((await a.post(`/api/v1/holds/${ids.hold}/release`, {})).json().releasedOn).toBe("2024-06-30");
  });
});
