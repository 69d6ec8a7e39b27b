import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/api/server.js";
import { createApiKey, revokeApiKey } from "../../src/app/access/apiKeys.js";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { apiAs, depsAt, newApiKey, newCustomer, newInvoice, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("HTTP API: authentication, roles and tenant isolation", () => {
  const t = useTestDatabase();
  let app: FastifyInstance;
  let deps: AppDeps;
  let tenantA: Actor;
  let tenantB: Actor;

  beforeAll(async () => {
    deps = depsAt(t());
    tenantA = await newTenant(deps);
    tenantB = await newTenant(deps);
    app = buildServer(deps, { logger: false, checkResponses: true, authCacheTtlMs: 50 });
  });
  afterAll(() => app?.close());

  it("answers 401 without a key, with a malformed key and with an unknown one", async () => {
    const none = await app.inject({ method: "GET", url: "/api/v1/customers" });
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe("UNAUTHENTICATED");
    expect(none.headers["www-authenticate"]).toContain("Bearer");
    expect((await apiAs(app, "not-a-key").get("/api/v1/customers")).statusCode).toBe(401);
    const forged = (await newApiKey(deps, tenantA)).replace(/.{4}$/, "AAAA");
    expect((await apiAs(app, forged).get("/api/v1/customers")).json().error.code).toBe("UNAUTHENTICATED");
    expect((await app.inject({ method: "GET", url: "/api/v1/tenant", headers: { authorization: "Basic abc" } })).statusCode).toBe(401);
  });

  it("accepts the key as Bearer token or X-Api-Key header", async () => {
    const key = await newApiKey(deps, tenantA, "viewer");
    expect((await app.inject({ method: "GET", url: "/api/v1/tenant", headers: { "x-api-key": key } })).statusCode).toBe(200);
    expect((await apiAs(app, key).get("/api/v1/tenant")).statusCode).toBe(200);
  });

  it("stops accepting a key revoked through the API at once", async () => {
    const admin = apiAs(app, await newApiKey(deps, tenantA, "admin"));
    const created = await admin.post("/api/v1/api-keys", { name: "ci", role: "collector" });
    expect(created.statusCode).toBe(201);
    const { id, key } = created.json();
    const ci = apiAs(app, key);
    expect((await ci.get("/api/v1/tenant")).statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/api-keys/${id}`)).statusCode).toBe(204);
    const after = await ci.get("/api/v1/tenant");
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("API_KEY_REVOKED");
    const listed = (await admin.get("/api/v1/api-keys")).json().items.find((k: { id: string }) => k.id === id);
    expect(listed).toMatchObject({ name: "ci", role: "collector", revokedAt: expect.any(String) });
    expect(JSON.stringify(listed)).not.toContain(key);
  });

  it("stops accepting a key revoked elsewhere once the authentication cache expires", async () => {
    const created = await createApiKey(deps, tenantA, { name: "elsewhere", role: "viewer" });
    const api = apiAs(app, created.key);
    expect((await api.get("/api/v1/tenant")).statusCode).toBe(200);
    await revokeApiKey(deps, tenantA, created.id); // as another API process or the CLI would
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await api.get("/api/v1/tenant")).statusCode).toBe(401);
  });

  it("answers 403 when the role lacks the permission", async () => {
    const viewer = apiAs(app, await newApiKey(deps, tenantA, "viewer"));
    const res = await viewer.post("/api/v1/customers", { externalId: "V", legalName: "V", currency: "EUR" });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("FORBIDDEN");
    expect((await viewer.get("/api/v1/api-keys")).statusCode).toBe(403);
    const collector = apiAs(app, await newApiKey(deps, tenantA, "collector"));
    expect((await collector.post("/api/v1/write-offs", { invoiceId: "0190f3a4-0000-7000-8000-000000000000", reason: "x" })).statusCode).toBe(403);
    expect((await collector.post("/api/v1/api-keys", { name: "x", role: "admin" })).statusCode).toBe(403);
  });

  describe("tenant A's key and tenant B's data", () => {
    let a: ReturnType<typeof apiAs>;
    let b: { customerId: string; invoiceId: string; paymentId: string; creditNoteId: string; keyId: string };

    beforeAll(async () => {
      a = apiAs(app, await newApiKey(deps, tenantA, "admin"));
      const customer = await newCustomer(deps, tenantB, { externalId: "B-ONLY" });
      const invoice = await newInvoice(deps, tenantB, customer.id, { number: "B-INV" });
      const bApi = apiAs(app, await newApiKey(deps, tenantB, "admin"));
      const payment = (await bApi.post("/api/v1/payments", { externalId: "B-PAY", receivedOn: "2024-06-01", currency: "EUR", amount: "10.00" })).json();
      const note = (await bApi.post("/api/v1/credit-notes", { number: "B-CN", customerId: customer.id, issueDate: "2024-06-01", currency: "EUR", amount: "5.00" })).json();
      const key = (await bApi.post("/api/v1/api-keys", { name: "b", role: "viewer" })).json();
      b = { customerId: customer.id, invoiceId: invoice.id, paymentId: payment.id, creditNoteId: note.id, keyId: key.id };
    });

    it("cannot read B's rows by id", async () => {
      for (const [url, code] of [
        [`/api/v1/customers/${b.customerId}`, "CUSTOMER_NOT_FOUND"],
        [`/api/v1/customers/${b.customerId}/contacts`, "CUSTOMER_NOT_FOUND"],
        [`/api/v1/customers/${b.customerId}/statement`, "CUSTOMER_NOT_FOUND"],
        [`/api/v1/invoices/${b.invoiceId}`, "INVOICE_NOT_FOUND"],
        [`/api/v1/payments/${b.paymentId}`, "PAYMENT_NOT_FOUND"],
        [`/api/v1/credit-notes/${b.creditNoteId}`, "CREDIT_NOTE_NOT_FOUND"],
      ] as const) {
        const res = await a.get(url);
        expect([url, res.statusCode, res.json().error?.code]).toEqual([url, 404, code]);
      }
    });

    it("does not see B's rows in lists or reports", async () => {
      for (const url of ["/api/v1/customers", "/api/v1/invoices", "/api/v1/payments", "/api/v1/credit-notes", "/api/v1/api-keys"]) {
        const body = (await a.get(url)).json();
        expect(JSON.stringify(body)).not.toMatch(/B-ONLY|B-INV|B-PAY|B-CN/);
        expect(body.items.map((i: { id: string }) => i.id)).not.toContain(b.keyId);
      }
      expect((await a.get(`/api/v1/invoices?customerId=${b.customerId}`)).json().items).toEqual([]);
      expect((await a.get("/api/v1/reports/aging?by=customer")).json().customers).toEqual([]);
      expect((await a.get("/api/v1/tenant")).json().id).toBe(tenantA.tenantId);
    });

    it("cannot change B's rows or reference them in its own", async () => {
      const attempts = [
        await a.patch(`/api/v1/customers/${b.customerId}`, { legalName: "Hijacked" }),
        await a.post(`/api/v1/customers/${b.customerId}/contacts`, { email: "x@example.com" }),
        await a.post("/api/v1/invoices", { number: "A-INV", customerId: b.customerId, issueDate: "2024-06-01", dueDate: "2024-06-30", currency: "EUR", amount: "1.00" }),
        await a.post("/api/v1/invoices", { number: "A-INV2", customerExternalId: "B-ONLY", issueDate: "2024-06-01", dueDate: "2024-06-30", currency: "EUR", amount: "1.00" }),
        await a.post("/api/v1/payments", { externalId: "A-PAY", customerId: b.customerId, receivedOn: "2024-06-01", currency: "EUR", amount: "1.00" }),
        await a.post("/api/v1/payments", { externalId: "A-PAY2", invoices: ["B-INV"], receivedOn: "2024-06-01", currency: "EUR", amount: "1.00" }),
        await a.post("/api/v1/credit-notes", { number: "A-CN", invoiceNumber: "B-INV", issueDate: "2024-06-01", currency: "EUR", amount: "1.00" }),
        await a.post("/api/v1/allocations", { paymentId: b.paymentId, invoiceId: b.invoiceId }),
        await a.post("/api/v1/write-offs", { invoiceId: b.invoiceId, reason: "x" }),
        await a.delete(`/api/v1/api-keys/${b.keyId}`),
      ];
      expect(attempts.map((res) => res.json().error.code)).toEqual([
        ...Array(5).fill("CUSTOMER_NOT_FOUND"),
        "UNKNOWN_INVOICE",
        "UNKNOWN_INVOICE",
        "INVOICE_NOT_FOUND",
        "INVOICE_NOT_FOUND",
        "API_KEY_NOT_FOUND",
      ]);
      const bApi = apiAs(app, await newApiKey(deps, tenantB, "admin"));
      expect((await bApi.get(`/api/v1/customers/${b.customerId}`)).json().legalName).toBe("Acme GmbH");
      expect((await bApi.get(`/api/v1/invoices/${b.invoiceId}`)).json()).toMatchObject({ open: "100.00", allocations: [] });
      expect((await bApi.get(`/api/v1/payments/${b.paymentId}`)).json()).toMatchObject({ unapplied: "10.00" });
      expect((await bApi.get("/api/v1/api-keys")).json().items.find((k: { id: string }) => k.id === b.keyId).revokedAt).toBeNull();
    });

    it("cannot pick a tenant through the URL, a header or the body", async () => {
      const res = await a.post("/api/v1/customers", { externalId: "SMUGGLED", legalName: "X", currency: "EUR", tenantId: tenantB.tenantId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      const list = await a.get(`/api/v1/customers?tenantId=${tenantB.tenantId}`, { "x-tenant-id": tenantB.tenantId });
      expect(JSON.stringify(list.json())).not.toContain("B-ONLY");
    });
  });
});
