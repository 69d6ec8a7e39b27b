import { describe, expect, it } from "vitest";
import { createCustomer } from "../../src/app/customers/createCustomer.js";
import { createInvoice } from "../../src/app/invoices/createInvoice.js";
import { findTenant } from "../../src/app/tenants/findTenant.js";
import { runCli } from "../../src/cli/program.js";
import type { CliIo } from "../../src/cli/io.js";
import { fixedClock } from "../../src/domain/dates/clock.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { depsAt, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("dunwell CLI", () => {
  const t = useTestDatabase();

  async function dunwell(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = "";
    let err = "";
    const io: CliIo = { out: (s) => void (out += s + "\n"), err: (s) => void (err += s + "\n"), interactive: false };
    const code = await runCli(argv, { io, env: {}, database: t(), clock: fixedClock("2024-06-30T12:00:00Z") });
    return { code, out, err };
  }

  async function seedTenant(slug: string, customer: string) {
    expect((await dunwell("tenant", "create", "--slug", slug, "--name", slug.toUpperCase(), "--currency", "EUR")).code).toBe(0);
    const deps = depsAt(t());
    const tenant = await findTenant(deps, slug);
    const actor = { tenantId: tenant.id, role: "admin" as const, name: "test" };
    const c = await createCustomer(deps, actor, { externalId: customer, legalName: `${customer} GmbH`, currency: "EUR" });
    await createInvoice(deps, actor, { number: `${slug}-1`, customerId: c.id, issueDate: "2024-04-01", dueDate: "2024-05-01", currency: "EUR", amount: "1250.00" });
  }

  it("keeps each tenant's books apart", async () => {
    await seedTenant("cli-a", "A-CUST");
    await seedTenant("cli-b", "B-CUST");

    const listA = await dunwell("customers", "list", "--tenant", "cli-a", "--json");
    expect(JSON.parse(listA.out).items.map((c: { externalId: string }) => c.externalId)).toEqual(["A-CUST"]);

    const stolen = await dunwell("statement", "B-CUST", "--tenant", "cli-a");
    expect(stolen.code).toBe(66);
    expect(stolen.err).toContain("CUSTOMER_NOT_FOUND");

    const invoicesA = JSON.parse((await dunwell("invoices", "list", "--tenant", "cli-a", "--json")).out);
    expect(invoicesA.items.map((i: { number: string }) => i.number)).toEqual(["cli-a-1"]);
  });

  it("prints aging with totals per currency, as JSON too", async () => {
    await seedTenant("cli-aging", "AG-1");
    const text = await dunwell("aging", "--tenant", "cli-aging");
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/EUR\s+0\.00\s+0\.00\s+1250\.00\s+0\.00\s+0\.00\s+0\.00\s+1250\.00\s+1/);
    const json = JSON.parse((await dunwell("aging", "--tenant", "cli-aging", "--as-of", "2024-05-15", "--json")).out);
    expect(json.totals).toEqual([{ currency: "EUR", buckets: ["0.00", "1250.00", "0.00", "0.00", "0.00", "0.00"], total: "1250.00", items: 1 }]);
  });

  it("asks for --tenant when several tenants exist and rejects bad flags with a code", async () => {
    await seedTenant("cli-x", "X-1");
    const ambiguous = await dunwell("customers", "list");
    expect(ambiguous.code).toBe(65);
    expect(ambiguous.err).toContain("TENANT_AMBIGUOUS");
    const badDate = await dunwell("aging", "--tenant", "cli-x", "--as-of", "2024-02-30", "--json");
    expect(badDate.code).toBe(65);
    expect(JSON.parse(badDate.err).error).toMatchObject({ code: "VALIDATION_FAILED", path: "asOf" });
  });
});

describe.skipIf(!engineAvailable())("dunwell maintain", () => {
  const t = useTestDatabase();

  it("forgets idempotency keys older than a day and keeps recent ones", async () => {
    const deps = depsAt(t());
    const tenant = { id: (await newTenant(deps)).tenantId };
    await t().db.insertInto("idempotency_keys").values([
      { tenant_id: tenant.id, key: "old", request_hash: "h", status_code: 200, response: null, created_at: new Date(Date.now() - 25 * 3600_000) },
      { tenant_id: tenant.id, key: "new", request_hash: "h", status_code: 200, response: null },
    ]).execute();
    let out = "";
    const io: CliIo = { out: (s) => void (out += s), err: () => undefined, interactive: false };
    expect(await runCli(["maintain", "--json"], { io, env: {}, database: t() })).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ idempotencyKeysPurged: 1, vacuumed: t().engine === "pglite" });
    const left = await t().db.selectFrom("idempotency_keys").select("key").where("tenant_id", "=", tenant.id).execute();
    expect(left.map((r) => r.key)).toEqual(["new"]);
  });
});
