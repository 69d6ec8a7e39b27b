import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { beginIdempotentRequest } from "../../src/app/access/idempotency.js";
import { engineAvailable } from "../kit/database.js";
import { useApiServer } from "../kit/apiServer.js";
import { apiAs, newApiKey, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("HTTP API: Idempotency-Key on POST", () => {
  const server = useApiServer("admin");

  const customer = (externalId: string) => ({ externalId, legalName: `${externalId} Ltd`, currency: "GBP" });

  it("replays the first answer for a repeat without running it again", async () => {
    const first = await server.api.post("/api/v1/customers", customer("IDEM-1"), { "idempotency-key": "k-1" });
    expect(first.statusCode).toBe(201);
    expect(first.headers["idempotent-replayed"]).toBeUndefined();
    const repeat = await server.api.post("/api/v1/customers", customer("IDEM-1"), { "idempotency-key": "k-1" });
    expect(repeat.statusCode).toBe(201);
    expect(repeat.headers["idempotent-replayed"]).toBe("true");
    expect(repeat.json()).toEqual(first.json());
    // Without the key the same body runs again and meets the natural-key conflict.
    expect((await server.api.post("/api/v1/customers", customer("IDEM-1"))).statusCode).toBe(409);
  });

  it("answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body or endpoint", async () => {
    await server.api.post("/api/v1/customers", customer("IDEM-2"), { "idempotency-key": "k-2" });
    const otherBody = await server.api.post("/api/v1/customers", customer("IDEM-3"), { "idempotency-key": "k-2" });
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.json().error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", path: "Idempotency-Key" });
    const otherPath = await server.api.post("/api/v1/invoices", customer("IDEM-2"), { "idempotency-key": "k-2" });
    expect(otherPath.json().error.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect((await server.api.get("/api/v1/customers?search=IDEM-3")).json().items).toEqual([]);
  });

  it("replays a refused request's error too, but lets a server failure be retried", async () => {
    const invalid = { number: "X", customerExternalId: "nobody", issueDate: "2024-01-01", dueDate: "2024-01-31", currency: "GBP", amount: "1.00" };
    const first = await server.api.post("/api/v1/invoices", invalid, { "idempotency-key": "k-3" });
    expect(first.statusCode).toBe(404);
    const repeat = await server.api.post("/api/v1/invoices", invalid, { "idempotency-key": "k-3" });
    expect([repeat.statusCode, repeat.headers["idempotent-replayed"]]).toEqual([404, "true"]);
    expect(repeat.json()).toEqual(first.json());
  });

  it("keeps keys per tenant: another tenant may use the same key", async () => {
    const other = apiAs(server.app, await newApiKey(server.deps, await newTenant(server.deps), "admin"));
    const res = await other.post("/api/v1/customers", customer("IDEM-OTHER"), { "idempotency-key": "k-1" });
    expect(res.statusCode).toBe(201);
    expect(res.headers["idempotent-replayed"]).toBeUndefined();
  });

  it("makes a retried payment safe", async () => {
    const payment = { externalId: "IDEM-PAY", receivedOn: "2024-06-01", currency: "GBP", amount: "12.50" };
    const first = await server.api.post("/api/v1/payments", payment, { "idempotency-key": "pay-1" });
    const second = await server.api.post("/api/v1/payments", payment, { "idempotency-key": "pay-1" });
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json().id).toBe(first.json().id);
    expect((await server.api.get("/api/v1/payments")).json().items.filter((p: { externalId: string }) => p.externalId === "IDEM-PAY")).toHaveLength(1);
  });

  it("runs a concurrent duplicate at most once", async () => {
    const [one, two] = await Promise.all([0, 1].map(() => server.api.post("/api/v1/customers", customer("IDEM-RACE"), { "idempotency-key": "k-race" })));
    const outcomes = [one!, two!].map((r) => (r.statusCode === 409 ? r.json().error.code : r.statusCode));
    expect(outcomes.filter((o) => o === 201)).not.toHaveLength(0);
    for (const o of outcomes) expect([201, "IDEMPOTENCY_IN_PROGRESS"]).toContain(o);
    expect((await server.api.get("/api/v1/customers?search=IDEM-RACE")).json().items).toHaveLength(1);
  });

  it("forgets keys after 24 hours and takes over a request abandoned in progress", async () => {
    await server.api.post("/api/v1/customers", customer("IDEM-OLD"), { "idempotency-key": "k-old" });
    await sql`update idempotency_keys set created_at = now() - interval '25 hours' where key = 'k-old'`.execute(server.database.db);
    expect((await server.api.post("/api/v1/customers", customer("IDEM-NEW"), { "idempotency-key": "k-old" })).statusCode).toBe(201);

    await sql`insert into idempotency_keys (tenant_id, key, request_hash, created_at) values (${server.actor.tenantId}, 'k-dead', 'x', now() - interval '10 minutes')`.execute(server.database.db);
    expect((await server.api.post("/api/v1/customers", customer("IDEM-DEAD"), { "idempotency-key": "k-dead" })).statusCode).toBe(201);
    // A live holder (another process still running the same request) is waited out, not overtaken.
    await beginIdempotentRequest(server.deps, server.actor, { key: "k-busy", method: "POST", path: "/api/v1/customers", body: JSON.stringify(customer("IDEM-BUSY")) });
    expect((await server.api.post("/api/v1/customers", customer("IDEM-BUSY"), { "idempotency-key": "k-busy" })).json().error.code).toBe("IDEMPOTENCY_IN_PROGRESS");
  });

  it("refuses a malformed key", async () => {
    const res = await server.api.post("/api/v1/customers", customer("IDEM-4"), { "idempotency-key": "has space" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "Idempotency-Key" });
  });

  it("does not hold a key when authentication or permission fails", async () => {
    const viewer = apiAs(server.app, await newApiKey(server.deps, server.actor, "viewer"));
    expect((await viewer.post("/api/v1/customers", customer("IDEM-5"), { "idempotency-key": "k-5" })).statusCode).toBe(403);
    expect((await server.api.post("/api/v1/customers", customer("IDEM-5"), { "idempotency-key": "k-5" })).statusCode).toBe(201);
  });
});
