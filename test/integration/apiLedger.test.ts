import { describe, expect, it } from "vitest";
import { engineAvailable } from "../kit/database.js";
import { useApiServer } from "../kit/apiServer.js";

describe.skipIf(!engineAvailable())("HTTP API: ledger resources", () => {
  const server = useApiServer("manager");

  const customer = { externalId: "ACME", legalName: "Acme GmbH", currency: "eur", country: "de", creditLimit: "5000.00" };

  it("creates, reads, lists and patches a customer", async () => {
    const created = await server.api.post("/api/v1/customers", customer);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ externalId: "ACME", currency: "EUR", country: "DE", creditLimit: { amount: "5000.00", currency: "EUR" } });

    expect((await server.api.get(`/api/v1/customers/${body.id}`)).json()).toEqual(body);
    const list = (await server.api.get("/api/v1/customers?search=Acme")).json();
    expect(list).toEqual({ items: [body], nextCursor: null });

    const patched = await server.api.patch(`/api/v1/customers/${body.id}`, { legalName: "Acme AG", tags: ["strategic"], creditLimit: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ id: body.id, legalName: "Acme AG", tags: ["strategic"], creditLimit: null });
  });

  it("adds and lists a customer's contacts", async () => {
    const { id } = (await server.api.post("/api/v1/customers", { ...customer, externalId: "CONTACTS" })).json();
    const added = await server.api.post(`/api/v1/customers/${id}/contacts`, { name: "Ana", email: "ana@example.com" });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ customerId: id, email: "ana@example.com", isPrimary: true, roles: ["accounts_payable"] });
    expect((await server.api.get(`/api/v1/customers/${id}/contacts`)).json()).toEqual({ items: [added.json()], nextCursor: null });
  });

  it("creates an invoice, records a payment against it and shows both sides of the allocation", async () => {
    const { id: customerId } = (await server.api.post("/api/v1/customers", { ...customer, externalId: "PAYER" })).json();
    const invoice = await server.api.post("/api/v1/invoices", { number: "INV-1", customerId, issueDate: "2024-05-01", terms: "net 30", currency: "EUR", amount: "1000.00" });
    expect(invoice.statusCode).toBe(201);
    expect(invoice.json()).toMatchObject({ number: "INV-1", dueDate: "2024-05-31", open: "1000.00", status: "open" });

    const payment = await server.api.post("/api/v1/payments", { externalId: "BANK-1", customerId, receivedOn: "2024-06-10", currency: "EUR", amount: "400.00" });
    expect(payment.statusCode).toBe(201);
    expect(payment.json()).toMatchObject({ amount: "400.00", unapplied: "0.00", customerId });
    const again = await server.api.post("/api/v1/payments", { externalId: "BANK-1", customerId, receivedOn: "2024-06-10", currency: "EUR", amount: "400.00" });
    expect(again.statusCode).toBe(200);

    const detail = (await server.api.get(`/api/v1/invoices/${invoice.json().id}`)).json();
    expect(detail).toMatchObject({ open: "600.00", allocations: [{ kind: "payment", amount: "400.00", paymentId: payment.json().id }] });
    expect((await server.api.get(`/api/v1/payments/${payment.json().id}`)).json()).toMatchObject({ allocations: [{ invoiceId: invoice.json().id, amount: "400.00" }] });
    expect((await server.api.get(`/api/v1/invoices?customerId=${customerId}&overdue=true&asOf=2024-06-30`)).json().items).toHaveLength(1);
    expect((await server.api.get(`/api/v1/payments?customerId=${customerId}`)).json().items).toHaveLength(1);
  });

  it("issues a credit note, allocates unapplied cash, writes off the rest and reports it", async () => {
    const { id: customerId } = (await server.api.post("/api/v1/customers", { ...customer, externalId: "CREDIT" })).json();
    const invoice = (await server.api.post("/api/v1/invoices", { number: "INV-2", customerId, issueDate: "2024-04-01", dueDate: "2024-04-30", currency: "EUR", amount: "300.00" })).json();

    const note = await server.api.post("/api/v1/credit-notes", { number: "CN-1", invoiceNumber: "INV-2", issueDate: "2024-05-02", currency: "EUR", amount: "50.00", reason: "damaged" });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ invoiceId: invoice.id, unapplied: "0.00" });
    expect((await server.api.get(`/api/v1/credit-notes/${note.json().id}`)).json()).toEqual(note.json());
    expect((await server.api.get(`/api/v1/credit-notes?customerId=${customerId}`)).json()).toEqual({ items: [note.json()], nextCursor: null });

    // A payment with no customer stays unapplied until allocated.
    const cash = (await server.api.post("/api/v1/payments", { externalId: "BANK-2", receivedOn: "2024-06-01", currency: "EUR", amount: "100.00" })).json();
    expect(cash.unapplied).toBe("100.00");
    const allocated = await server.api.post("/api/v1/allocations", { paymentId: cash.id, invoiceId: invoice.id });
    expect(allocated.statusCode).toBe(201);
    expect(allocated.json().allocations).toMatchObject([{ kind: "payment", amount: "100.00" }]);

    const writtenOff = await server.api.post("/api/v1/write-offs", { invoiceId: invoice.id, reason: "uncollectable", date: "2024-06-30" });
    expect(writtenOff.statusCode).toBe(201);
    expect(writtenOff.json()).toMatchObject({ open: "0.00", status: "settled" });

    const statement = await server.api.get(`/api/v1/customers/${customerId}/statement?asOf=2024-05-15`);
    expect(statement.statusCode).toBe(200);
    expect(statement.json()).toMatchObject({ asOf: "2024-05-15", items: [{ number: "INV-2", open: "250.00", daysPastDue: 15 }] });
  });

  it("reports aging per currency and per customer", async () => {
    const totals = await server.api.get("/api/v1/reports/aging?asOf=2024-06-30");
    expect(totals.statusCode).toBe(200);
    expect(totals.json().buckets.map((b: { key: string }) => b.key)).toEqual(["not_due", "1-30", "31-60", "61-90", "91-120", "120+"]);
    expect(totals.json().totals).toMatchObject([{ currency: "EUR", total: "600.00" }]);
    const byCustomer = (await server.api.get("/api/v1/reports/aging?asOf=2024-06-30&by=customer&buckets=30,60")).json();
    expect(byCustomer.customers).toMatchObject([{ externalId: "PAYER", buckets: ["0.00", "600.00", "0.00", "0.00"] }]);
  });

  it("answers the caller's tenant", async () => {
    expect((await server.api.get("/api/v1/tenant")).json()).toMatchObject({ id: server.actor.tenantId, baseCurrency: "EUR", timezone: "Europe/Berlin" });
  });

  it("names the offending field when a body is invalid", async () => {
    const res = await server.api.post("/api/v1/invoices", { number: "INV-X", customerExternalId: "PAYER", issueDate: "2024-02-30", dueDate: "2024-03-01", currency: "EUR", amount: "1.234" });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(["amount", "issueDate"]);

    const missing = (await server.api.post("/api/v1/customers", { legalName: "No Id", currency: "EUR" })).json();
    expect(missing.error).toMatchObject({ code: "MISSING_VALUE", path: "externalId" });
    const badQuery = (await server.api.get("/api/v1/invoices?limit=0")).json();
    expect(badQuery.error).toMatchObject({ path: "limit" });
  });

  it("answers 404 with the resource's code for an unknown or malformed id", async () => {
    expect((await server.api.get("/api/v1/invoices/0190f3a4-0000-7000-8000-000000000000")).json().error.code).toBe("INVOICE_NOT_FOUND");
    const malformed = await server.api.get("/api/v1/customers/not-a-uuid");
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json().error.code).toBe("CUSTOMER_NOT_FOUND");
  });

  it("answers 409 when a natural key is taken", async () => {
    const res = await server.api.post("/api/v1/customers", customer);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "CUSTOMER_EXISTS", path: "externalId" });
  });

  it("walks every page of a list once, in order, with the cursor", async () => {
    for (let i = 0; i < 23; i++) await server.api.post("/api/v1/customers", { ...customer, externalId: `PAGE-${String(i).padStart(2, "0")}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await server.api.get(`/api/v1/customers?search=&limit=5${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as { items: { externalId: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((c) => c.externalId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((s) => s.startsWith("PAGE-"))).toEqual(Array.from({ length: 23 }, (_, i) => `PAGE-${String(i).padStart(2, "0")}`));
    expect(seen).toEqual([...seen].sort());

    const bad = await server.api.get("/api/v1/customers?cursor=garbage");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_CURSOR");
  });
});
