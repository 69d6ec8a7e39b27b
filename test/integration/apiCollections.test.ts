import { beforeAll, describe, expect, it } from "vitest";
import { engineAvailable } from "../kit/database.js";
import { useApiServer } from "../kit/apiServer.js";
import { apiAs, newApiKey } from "../kit/factories.js";

const policy = (key: string, name = "Short and firm") => ({ key, name, steps: [{ id: "first", offsetDays: 3, channel: "email" }, { id: "call", offsetDays: 20, channel: "call" }] });

describe.skipIf(!engineAvailable())("HTTP API: collections policies, runs and pauses", () => {
  const server = useApiServer("manager");
  let managerKey: string;
  let customerId: string;
  /** apiAs has no PUT: policies are the only resource written with it. */
  const put = (url: string, payload: object, key = managerKey) => server.app.inject({ method: "PUT", url, headers: { authorization: `Bearer ${key}` }, payload });
  const as = async (role: "viewer" | "collector" | "analyst") => apiAs(server.app, await newApiKey(server.deps, server.actor, role));

  beforeAll(async () => {
    managerKey = await newApiKey(server.deps, server.actor, "manager");
    customerId = (await server.api.post("/api/v1/customers", { externalId: "KUNDE", legalName: "Kunde GmbH", currency: "EUR" })).json().id;
    await server.api.post(`/api/v1/customers/${customerId}/contacts`, { email: "ap@kunde.example" });
    for (const number of ["K-1", "K-2", "K-3"]) {
      await server.api.post("/api/v1/invoices", { number, customerId, issueDate: "2024-03-01", dueDate: "2024-03-31", currency: "EUR", amount: "250.00" });
    }
  });

  it("documents the collections operations in /openapi.json with their permissions", async () => {
    const doc = (await server.app.inject({ method: "GET", url: "/openapi.json" })).json();
    const permissionOf = (path: string, method: string) => doc.paths[path]?.[method]?.["x-permission"];
    expect(permissionOf("/api/v1/policies/{key}", "put")).toBe("collections:configure");
    expect(permissionOf("/api/v1/collections/runs", "post")).toBe("collections:configure");
    expect(permissionOf("/api/v1/tasks/{id}/complete", "post")).toBe("collections:act");
    expect(permissionOf("/api/v1/customers/{id}/timeline", "get")).toBe("collections:read");
    expect(doc.components.schemas.Task.properties.talkingPoints).toBeDefined();
    expect(doc.components.schemas.PolicyInput.required).toEqual(["key", "name", "steps"]);
  });

  it("lists the shipped policies and versions a policy on every change", async () => {
    const listed = (await server.api.get("/api/v1/policies")).json();
    expect(listed.items.map((p: { key: string }) => p.key)).toEqual(expect.arrayContaining(["standard", "gentle", "strict"]));
    expect((await server.api.get("/api/v1/policies/standard")).json()).toMatchObject({ key: "standard", version: 1, createdBy: "dunwell", definition: { steps: expect.any(Array) } });

    const created = await put("/api/v1/policies/firm", policy("firm"));
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ changed: true, policy: { key: "firm", version: 1, name: "Short and firm", definition: { businessDaysOnly: true, steps: [{ id: "first", offsetUnit: "calendar" }, { id: "call" }] } } });
    const same = await put("/api/v1/policies/firm", policy("firm"));
    expect(same.json()).toMatchObject({ changed: false, policy: { version: 1 } });
    const renamed = await put("/api/v1/policies/firm", policy("firm", "Firm"));
    expect(renamed.json()).toMatchObject({ changed: true, policy: { version: 2, name: "Firm" } });

    expect((await server.api.get("/api/v1/policies/firm")).json()).toEqual(renamed.json().policy);
    const versions = (await server.api.get("/api/v1/policies/firm/versions")).json();
    expect(versions.items.map((p: { version: number; name: string }) => [p.version, p.name])).toEqual([[1, "Short and firm"], [2, "Firm"]]);
    expect((await server.api.get("/api/v1/policies/nope")).json().error.code).toBe("POLICY_NOT_FOUND");
    expect((await server.api.get("/api/v1/policies/nope/versions")).statusCode).toBe(404);
  });

  it("refuses a policy whose key differs from the path, or that breaks a rule, naming the field", async () => {
    const mismatch = await put("/api/v1/policies/firm", policy("other"));
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "key" });
    const badStep = await put("/api/v1/policies/bad", { ...policy("bad"), steps: [{ id: "x", offsetDays: 1, channel: "pigeon" }] });
    expect(badStep.json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "steps[0].channel" });
    const twice = await put("/api/v1/policies/bad", { ...policy("bad"), steps: [{ id: "x", offsetDays: 1, channel: "email" }, { id: "x", offsetDays: 5, channel: "email" }] });
    expect(twice.json().error.code).toBe("INVALID_POLICY");
    expect((await server.api.get("/api/v1/policies/bad")).statusCode).toBe(404);
  });

  it("runs the engine for a day, dry or for real, once per day", async () => {
    const dry = await server.api.post("/api/v1/collections/runs", { asOf: "2024-04-08", dryRun: true });
    expect(dry.statusCode).toBe(201);
    expect(dry.json()).toMatchObject({ date: "2024-04-08", dryRun: true, performed: { email: 1 } });
    const real = (await server.api.post("/api/v1/collections/runs", { asOf: "2024-04-08" })).json();
    expect(real).toMatchObject({ dryRun: false, performed: { email: 1 }, actionIds: [expect.any(String)] });
    expect((await server.api.post("/api/v1/collections/runs", { asOf: "2024-04-08" })).json().performed).toEqual({});
    const bad = await server.api.post("/api/v1/collections/runs", { asOf: "2024-02-30", worker: "x" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(["", "asOf"]);
    const timeline = (await server.api.get(`/api/v1/customers/${customerId}/timeline?kind=action`)).json().items;
    expect(timeline).toMatchObject([{ kind: "action", occurredOn: "2024-04-08", refId: real.actionIds[0], actor: expect.stringMatching(/^apikey:/) }]);
  });

  it("opens, lists and resolves disputes", async () => {
    const opened = await server.api.post("/api/v1/disputes", { invoiceNumber: "K-1", reason: "pricing", note: "wrong unit price", openedOn: "2024-04-10" });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ customerId, reason: "pricing", status: "open", openedOn: "2024-04-10", resolvedOn: null });
    const twice = await server.api.post("/api/v1/disputes", { invoiceNumber: "K-1", reason: "other" });
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, "DISPUTE_EXISTS"]);
    const second = (await server.api.post("/api/v1/disputes", { invoiceNumber: "K-2", reason: "quantity", openedOn: "2024-04-11" })).json();

    expect((await server.api.get("/api/v1/disputes?status=open")).json().items.map((d: { id: string }) => d.id)).toEqual([opened.json().id, second.id]);
    const firstPage = (await server.api.get("/api/v1/disputes?limit=1")).json();
    expect(firstPage.items).toEqual([opened.json()]);
    expect((await server.api.get(`/api/v1/disputes?limit=1&cursor=${firstPage.nextCursor}`)).json().items).toEqual([second]);

    const resolved = await server.api.post(`/api/v1/disputes/${opened.json().id}/resolve`, { outcome: "rejected", note: "price as agreed", resolvedOn: "2024-04-20" });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: "rejected", resolvedOn: "2024-04-20", resolutionNote: "price as agreed" });
    expect((await server.api.post(`/api/v1/disputes/${opened.json().id}/resolve`, { outcome: "upheld" })).json().error.code).toBe("DISPUTE_CLOSED");
    expect((await server.api.get("/api/v1/disputes?status=rejected")).json().items).toEqual([resolved.json()]);
    expect((await server.api.post("/api/v1/disputes/nope/resolve", { outcome: "upheld" })).json().error.code).toBe("DISPUTE_NOT_FOUND");
  });

  it("names the field when a dispute, promise or hold is invalid", async () => {
    const cases: [string, object, number, string, string][] = [
      ["/api/v1/disputes", { invoiceNumber: "K-3", reason: "mood" }, 400, "VALIDATION_FAILED", "reason"],
      ["/api/v1/disputes", { reason: "pricing" }, 400, "VALIDATION_FAILED", "invoiceId"],
      ["/api/v1/disputes", { invoiceNumber: "NOPE", reason: "pricing" }, 404, "INVOICE_NOT_FOUND", "invoiceNumber"],
      ["/api/v1/promises", { customerId, amount: "10.001", promisedDate: "2024-07-10" }, 400, "TOO_MANY_DECIMALS", "amount"],
      ["/api/v1/promises", { customerId, amount: "10.00", promisedDate: "2024-13-01" }, 400, "VALIDATION_FAILED", "promisedDate"],
      ["/api/v1/holds", { customerId }, 400, "MISSING_VALUE", "reason"],
      ["/api/v1/holds", { customerId, reason: "talks", from: "2024-07-10", until: "2024-07-01" }, 400, "VALIDATION_FAILED", "until"],
    ];
    for (const [url, body, status, code, path] of cases) {
      const res = await server.api.post(url, body);
      expect([url, res.statusCode, res.json().error.code, res.json().error.path]).toEqual([url, status, code, path]);
    }
  });

  it("records promises to pay and lists a customer's promises", async () => {
    const first = await server.api.post("/api/v1/promises", { customerExternalId: "KUNDE", amount: "500.00", promisedDate: "2024-07-10", madeOn: "2024-06-28" });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ customerId, amount: { amount: "500.00", currency: "EUR" }, promisedDate: "2024-07-10", graceDays: 3, status: "open" });
    const second = (await server.api.post("/api/v1/promises", { customerId, amount: "750.00", promisedDate: "2024-07-15", graceDays: 0 })).json();
    const listed = (await server.api.get(`/api/v1/customers/${customerId}/promises`)).json().items;
    expect(listed.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      [second.id, "open"],
      [first.json().id, "cancelled"],
    ]);
  });

  it("places and releases holds", async () => {
    const held = await server.api.post("/api/v1/holds", { customerId, reason: "negotiating a plan", from: "2024-06-01", until: "2024-07-31" });
    expect(held.statusCode).toBe(201);
    expect(held.json()).toMatchObject({ customerId, invoiceId: null, reason: "negotiating a plan", from: "2024-06-01", until: "2024-07-31", releasedOn: null });
    const invoiceHold = (await server.api.post("/api/v1/holds", { invoiceNumber: "K-3", reason: "awaiting PO" })).json();
    expect(invoiceHold).toMatchObject({ customerId, invoiceId: expect.any(String), from: "2024-06-30" });

    const badDay = await server.api.post(`/api/v1/holds/${held.json().id}/release`, { on: "soon" });
    expect(badDay.json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "on" });
    const released = await server.api.post(`/api/v1/holds/${held.json().id}/release`, { on: "2024-06-15" });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ id: held.json().id, releasedOn: "2024-06-15" });
    expect((await server.api.post(`/api/v1/holds/${held.json().id}/release`)).json().error.code).toBe("HOLD_RELEASED");
    expect((await server.api.post(`/api/v1/holds/${invoiceHold.id}/release`)).json().releasedOn).toBe("2024-06-30");
    expect((await server.api.post("/api/v1/holds/0190f3a4-0000-7000-8000-000000000000/release")).json().error.code).toBe("HOLD_NOT_FOUND");
    const kinds = (await server.api.get(`/api/v1/customers/${customerId}/timeline?kind=hold,hold_released`)).json().items.map((e: { kind: string }) => e.kind);
    expect(kinds.sort()).toEqual(["hold", "hold", "hold_released", "hold_released"]);
  });

  it("replays a POST sent again with the same Idempotency-Key", async () => {
    const headers = { "idempotency-key": "note-1" };
    const first = await server.api.post(`/api/v1/customers/${customerId}/notes`, { text: "called, no answer" }, headers);
    const again = await server.api.post(`/api/v1/customers/${customerId}/notes`, { text: "called, no answer" }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(again.json()).toEqual(first.json());
    expect((await server.api.get(`/api/v1/customers/${customerId}/timeline?kind=note`)).json().items).toHaveLength(1);
  });

  it("lets every role read, collectors act, and only admins and managers configure", async () => {
    const viewer = await as("viewer");
    const collector = await as("collector");
    const analyst = await as("analyst");
    for (const url of ["/api/v1/policies", "/api/v1/tasks", "/api/v1/disputes", `/api/v1/customers/${customerId}/timeline`, `/api/v1/customers/${customerId}/promises`]) {
      expect([url, (await viewer.get(url)).statusCode]).toEqual([url, 200]);
    }
    const forbidden = [
      await viewer.post("/api/v1/disputes", { invoiceNumber: "K-3", reason: "other" }),
      await viewer.post("/api/v1/collections/runs", {}),
      await viewer.post("/api/v1/promises", { customerId, amount: "1.00", promisedDate: "2024-07-01" }),
      await analyst.post(`/api/v1/customers/${customerId}/notes`, { text: "x" }),
      await analyst.post("/api/v1/tasks/0190f3a4-0000-7000-8000-000000000000/complete", { outcome: "reached" }),
      await collector.post("/api/v1/collections/runs", {}),
      await put("/api/v1/policies/firm", policy("firm"), await newApiKey(server.deps, server.actor, "collector")),
    ];
    expect(forbidden.map((res) => [res.statusCode, res.json().error?.code])).toEqual(Array(forbidden.length).fill([403, "FORBIDDEN"]));
    expect((await collector.post("/api/v1/holds", { invoiceNumber: "K-2", reason: "collector's call" })).statusCode).toBe(201);
    expect((await collector.post("/api/v1/tasks/0190f3a4-0000-7000-8000-000000000000/complete", { outcome: "reached" })).json().error.code).toBe("TASK_NOT_FOUND");
  });
});
