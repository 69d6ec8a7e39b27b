import { sql } from "kysely";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appDeps } from "../../src/app/deps.js";
import { generateBook } from "../../src/app/demo/generateBook.js";
import { IMPORT_CSV_KINDS, writeImportCsvs } from "../../src/app/demo/importCsv.js";
import { loadDemo, type LoadDemoResult } from "../../src/app/demo/loadDemo.js";
import { importFile } from "../../src/app/imports/importFile.js";
import { createTenant } from "../../src/app/tenants/createTenant.js";
import { fixedClock } from "../../src/domain/dates/clock.js";
import { findBalanceDrift } from "../../src/store/balances.js";
import { copyLedgerChunk, deleteTenant, recomputeTenantBalances } from "../../src/store/bulkLoad.js";
import { insertTenant } from "../../src/store/tenants.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";

const OPTIONS = { customers: 50, months: 6, seed: 7 };
// noon UTC on 30 June is 30 June in Berlin too
const TODAY = "2024-06-30";

describe.skipIf(!engineAvailable())("loadDemo", () => {
  const t = useTestDatabase();
  const deps = () => appDeps(t().db, t().engine, fixedClock(`${TODAY}T12:00:00Z`));
  const book = generateBook({ ...OPTIONS, endDate: TODAY });
  let first: LoadDemoResult;

  const tableCounts = async (tenantId: string) => {
    const count = async (table: "customers" | "contacts" | "invoices" | "invoice_installments" | "credit_notes" | "payments" | "allocations") =>
      Number((await t().db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).where("tenant_id", "=", tenantId).executeTakeFirstOrThrow()).n);
    return {
      customers: await count("customers"),
      contacts: await count("contacts"),
      invoices: await count("invoices"),
      installments: await count("invoice_installments"),
      creditNotes: await count("credit_notes"),
      payments: await count("payments"),
      allocations: await count("allocations"),
    };
  };

  it("loads exactly the generated book into a new demo tenant", async () => {
    first = await loadDemo(deps(), OPTIONS);
    expect(first.tenant).toMatchObject({ slug: "demo", baseCurrency: "EUR", country: "DE", timezone: "Europe/Berlin" });
    expect(first.apiKey.role).toBe("admin");
    const expected = {
      customers: book.customers.length,
      contacts: book.contacts.length,
      invoices: book.invoices.length,
      installments: book.installments.length,
      creditNotes: book.creditNotes.length,
      payments: book.payments.length,
      allocations: book.allocations.length,
    };
    expect(await tableCounts(first.tenant.id)).toEqual(expected);
    const { installments: _installments, ...documents } = expected;
    expect(first.counts).toEqual(documents);
  });

  it("leaves open balances equal to invoiced minus allocated, with no drift", async () => {
    const tenantId = first.tenant.id;
    const totals = await sql<{ invoiced: string; allocated: string; open: string }>`
      select (select sum(amount) from invoices where tenant_id = ${tenantId})::text as invoiced,
             (select sum(amount) from allocations where tenant_id = ${tenantId})::text as allocated,
             (select sum(open_amount) from invoices where tenant_id = ${tenantId})::text as open`.execute(t().db);
    const row = totals.rows[0]!;
    expect(BigInt(row.open)).toBe(BigInt(row.invoiced) - BigInt(row.allocated));
    expect(BigInt(row.allocated)).toBe(book.allocations.reduce((s, a) => s + a.amount, 0n));
    expect(await findBalanceDrift(t().db, tenantId)).toEqual([]);
    expect(first.openInvoices).toBeGreaterThan(0);
    expect(first.openInvoices).toBeLessThan(book.invoices.length);
  });

  it("copies rows with their cached balances already right, so the tenant recompute rewrites nothing", async () => {
    const tenantId = deps().newId();
    await t().db.transaction().execute(async (tx) => {
      await insertTenant(tx, { tenant_id: tenantId, slug: "demo-copy", name: "Copy check", base_currency: "EUR", country: "DE", timezone: "Europe/Berlin", language: "en" });
      await copyLedgerChunk(tx, tenantId, book);
      expect(await recomputeTenantBalances(tx, tenantId)).toEqual({ invoices: 0, installments: 0, payments: 0, creditNotes: 0 });
      await deleteTenant(tx, tenantId);
    });
  });

  it("recomputes every cached balance of the tenant after they were disturbed", async () => {
    const tenantId = first.tenant.id;
    await sql`update invoices set open_amount = 0, settled_on = null where tenant_id = ${tenantId}`.execute(t().db);
    await sql`update payments set unapplied_amount = 0 where tenant_id = ${tenantId}`.execute(t().db);
    expect((await findBalanceDrift(t().db, tenantId)).length).toBeGreaterThan(0);
    const rewritten = await recomputeTenantBalances(t().db, tenantId);
    expect(rewritten.invoices).toBeGreaterThan(0);
    expect(await findBalanceDrift(t().db, tenantId)).toEqual([]);
  });

  it("keeps installment balances consistent with the invoice balance", async () => {
    const mismatched = await sql<{ id: string }>`
      select i.id from invoices i join invoice_installments n on n.tenant_id = i.tenant_id and n.invoice_id = i.id
      where i.tenant_id = ${first.tenant.id} group by i.id, i.open_amount having sum(n.open_amount) <> i.open_amount`.execute(t().db);
    expect(mismatched.rows).toEqual([]);
  });

  it("replaces the demo tenant when loaded again, leaving the same counts", async () => {
    const second = await loadDemo(deps(), OPTIONS);
    expect(second.tenant.id).not.toBe(first.tenant.id);
    expect(await tableCounts(first.tenant.id)).toEqual({ customers: 0, contacts: 0, invoices: 0, installments: 0, creditNotes: 0, payments: 0, allocations: 0 });
    expect(second.counts).toEqual(first.counts);
    expect(second.openInvoices).toBe(first.openInvoices);
    const demoTenants = await t().db.selectFrom("tenants").select("tenant_id").where("slug", "=", "demo").execute();
    expect(demoTenants).toHaveLength(1);
  });
});

describe.skipIf(!engineAvailable())("the demo book as import files", () => {
  const t = useTestDatabase();
  const deps = () => appDeps(t().db, t().engine, fixedClock(`${TODAY}T12:00:00Z`));

  it("imports through importFile without a rejected row", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dunwell-demo-import-"));
    try {
      const written = await writeImportCsvs({ ...OPTIONS, endDate: TODAY }, dir);
      const tenant = await createTenant(deps(), { slug: "imported", name: "Imported demo", baseCurrency: "EUR", country: "DE", timezone: "Europe/Berlin" });
      const actor = { tenantId: tenant.id, role: "admin" as const, name: "test" };
      for (const kind of IMPORT_CSV_KINDS) {
        const report = await importFile(deps(), actor, kind, await readFile(written.files[kind], "utf8"), { fileName: `${kind}.csv` });
        expect({ kind, rows: report.rows, rejected: report.rejected }).toEqual({ kind, rows: written.rows[kind], rejected: 0 });
      }
      expect(await findBalanceDrift(t().db, tenant.id)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
