import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { findTenant } from "../../src/app/tenants/findTenant.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { apiAs, depsAt, newApiKey, newTenant } from "../kit/factories.js";
import { quoteApi, quoteBooks, quoteCli } from "./quoteScenario.js";

describe.skipIf(!engineAvailable())("payoff quote through the CLI and the API", () => {
  const t = useTestDatabase();
  const dunwell = quoteCli(t);
  let deps: AppDeps;
  let actor: Actor;
  let app: FastifyInstance;
  let customer: { id: string; externalId: string };
  beforeAll(async () => {
    deps = depsAt(t(), "2024-06-30");
    expect((await dunwell("tenant", "create", "--slug", "quote-cli", "--name", "Quote GmbH", "--currency", "EUR", "--country", "DE")).code).toBe(0);
    actor = { tenantId: (await findTenant(deps, "quote-cli")).id, role: "admin", name: "test" };
    const books = quoteBooks(deps, actor);
    customer = await books.customerOn({ interest: { statutory: "DE" }, compensation: true });
    const inv = await books.invoice(customer.id, "2024-03-01", "10000.00", { number: "INV-Q1" });
    await books.pay(customer.id, inv.number, "2024-05-30", "10000.00");
    app = quoteApi(deps);
  });
  afterAll(() => app?.close());

  it("prints the quote with its interest breakdown, and the same quote as JSON", async () => {
    const text = await dunwell("quote", customer.externalId, "--tenant", "quote-cli", "--as-of", "2024-05-30");
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(`Payoff quote for Acme GmbH (${customer.externalId}) as of 2024-05-30`);
    expect(text.out).toContain("interest: statutory DE, act/365; compensation: yes");
    expect(text.out).toMatch(/INV-Q1\s+2024-03-01\s+90\s+2024-05-30\s+EUR\s+0\.00\s+0\.00\s+311\.18\s+0\.00\s+40\.00\s+351\.18/);
    expect(text.out).toMatch(/2024-03-02\s+2024-05-30\s+90\s+10000\.00\s+12\.62\s+311\.18\s+base rate 3\.62 \+ 9 points/);
    expect(text.out).toMatch(/EUR\s+0\.00\s+0\.00\s+311\.18\s+40\.00\s+351\.18\s+0\.00\s+351\.18/);

    const json = await dunwell("quote", customer.externalId, "--tenant", "quote-cli", "--as-of", "2024-05-30", "--json");
    const quote = JSON.parse(json.out);
    expect(quote.items[0]).toMatchObject({ number: "INV-Q1", interest: "311.18", compensation: "40.00", total: "351.18" });
    expect(quote.items[0].breakdown).toHaveLength(1);
    expect(quote.totals).toEqual([expect.objectContaining({ currency: "EUR", payoff: "351.18" })]);
  });

  it("refuses a bad date and an unknown customer with a code", async () => {
    expect(await dunwell("quote", customer.externalId, "--tenant", "quote-cli", "--as-of", "2024-02-30")).toMatchObject({ code: 65, err: expect.stringContaining("VALIDATION_FAILED") });
    expect(await dunwell("quote", "NOBODY", "--tenant", "quote-cli")).toMatchObject({ code: 66, err: expect.stringContaining("CUSTOMER_NOT_FOUND") });
  });

  it("answers GET /customers/{id}/payoff, defaulting to today", async () => {
    const api = apiAs(app, await newApiKey(deps, actor, "viewer"));
    const dated = await api.get(`/api/v1/customers/${customer.id}/payoff?asOf=2024-05-30`);
    expect(dated.statusCode, dated.body).toBe(200);
    expect(dated.json()).toMatchObject({ asOf: "2024-05-30", compensation: true, interest: { statutory: "DE" }, totals: [{ currency: "EUR", interest: "311.18", compensation: "40.00", total: "351.18" }] });
    const today = await api.get(`/api/v1/customers/${customer.id}/payoff`);
    expect(today.json()).toMatchObject({ asOf: "2024-06-30", items: [{ number: "INV-Q1", interest: "311.18" }] });
    expect((await api.get(`/api/v1/customers/${customer.id}/payoff?asOf=30.05.2024`)).json().error).toMatchObject({ code: "VALIDATION_FAILED", path: "asOf" });
  });

  it("answers 404 for another tenant's customer", async () => {
    const other = await newTenant(deps);
    const api = apiAs(app, await newApiKey(deps, other, "admin"));
    const stolen = await api.get(`/api/v1/customers/${customer.id}/payoff?asOf=2024-05-30`);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.code).toBe("CUSTOMER_NOT_FOUND");
    expect((await api.get("/api/v1/customers/not-a-uuid/payoff")).statusCode).toBe(404);
  });
});
