import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { importFile } from "../../src/app/imports/importFile.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { csvFile, depsAt, newTenant } from "../kit/factories.js";

describe.skipIf(!engineAvailable())("import: clean files", () => {
  const t = useTestDatabase();

  it("imports customers with tags, parents defined later in the file and primary contacts", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const report = await importFile(deps, actor, "customers", csvFile(
      "external_id,legal_name,tax_id,country,currency,language,segment,tags,parent_external_id,credit_limit,do_not_dun,contact_name,contact_email,contact_phone,contact_language",
      "C-2,Acme Berlin GmbH,DE123,de,EUR,de,strategic,key|north,C-1,25000.00,no,Ana Weber,ana@acme.example,+49 30 1234567,de",
      "C-1,Acme Holding AG,,DE,EUR,,,,,,yes,,,,",
    ));
    expect(report).toMatchObject({ kind: "customers", rows: 2, inserted: 2, updated: 0, unchanged: 0, rejected: 0, errors: [], rejects: null });
    const rows = await t().db.selectFrom("customers").selectAll().where("tenant_id", "=", actor.tenantId).orderBy("external_id").execute();
    expect(rows.map((r) => [r.external_id, r.country, r.tags, r.credit_limit, r.do_not_dun])).toEqual([
      ["C-1", "DE", [], null, true],
      ["C-2", "DE", ["key", "north"], 2_500_000n, false],
    ]);
    expect(rows[1]!.parent_id).toBe(rows[0]!.id);
    const contacts = await t().db.selectFrom("contacts").selectAll().where("tenant_id", "=", actor.tenantId).execute();
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ customer_id: rows[1]!.id, name: "Ana Weber", email: "ana@acme.example", is_primary: true, roles: ["accounts_payable"] });
  });

  it("imports invoices, deriving due dates from terms and recording the import once", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    await importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency", "C-1,Acme,EUR"));
    const report = await importFile(deps, actor, "invoices", csvFile(
      "number,customer_external_id,issue_date,due_date,terms,currency,amount,tax_amount,po_number,description",
      "INV-1,C-1,2024-01-10,2024-02-09,,EUR,1190.00,190.00,PO-7,Widgets",
      "INV-2,C-1,2024-01-31,,2/10 net 30,EUR,50,,,",
      "INV-3,C-1,2024-01-15,,EOM+15,JPY,1000,,,",
    ), { fileName: "invoices.csv" });
    expect(report).toMatchObject({ rows: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const rows = await t().db.selectFrom("invoices").selectAll().where("tenant_id", "=", actor.tenantId).orderBy("number").execute();
    expect(rows.map((r) => [r.number, r.due_date, r.terms, r.amount, r.tax_amount, r.open_amount])).toEqual([
      ["INV-1", "2024-02-09", null, 119_000n, 19_000n, 119_000n],
      ["INV-2", "2024-03-01", "2/10 net 30", 5_000n, 0n, 5_000n],
      ["INV-3", "2024-02-15", "eom+15", 1_000n, 0n, 1_000n],
    ]);
    expect(rows[1]!.discount_terms).toEqual([{ days: 10, percentBp: 200 }]);
    const imports = await t().db.selectFrom("imports").selectAll().where("tenant_id", "=", actor.tenantId).where("kind", "=", "invoices").execute();
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ file_name: "invoices.csv", rows_total: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0, actor: "test" });
    expect(imports[0]!.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await t().db.selectFrom("audit_log").selectAll().where("tenant_id", "=", actor.tenantId).where("action", "=", "import.invoices").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: "import", entity_id: imports[0]!.id });
  });

  it("reads aliases, semicolons, a BOM, CRLF line ends and decimal commas", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    await importFile(deps, actor, "customers", "\uFEFFKundennummer;Firma;Währung\r\nK-1;Müller & Söhne KG;EUR\r\n");
    const file = Buffer.from(
      "\uFEFFRechnungsnummer;Kundennummer;Rechnungsdatum;Fälligkeitsdatum;Währung;Betrag;MwSt;Beschreibung\r\n" +
        'R-100;K-1;2024-03-01;2024-03-31;EUR;1.234,56;197,12;"Beratung; März"\r\n' +
        "R-101;K-1;2024-03-02;2024-04-01;eur;99,5;;\r\n",
      "utf8",
    );
    const report = await importFile(deps, actor, "invoices", file, { decimalComma: true });
    expect(report).toMatchObject({ rows: 2, inserted: 2, rejected: 0 });
    const rows = await t().db.selectFrom("invoices").selectAll().where("tenant_id", "=", actor.tenantId).orderBy("number").execute();
    expect(rows.map((r) => [r.number, r.due_date, r.currency, r.amount, r.tax_amount, r.description])).toEqual([
      ["R-100", "2024-03-31", "EUR", 123_456n, 19_712n, "Beratung; März"],
      ["R-101", "2024-04-01", "EUR", 9_950n, 0n, null],
    ]);
  });

  it("accepts header spellings such as Invoice No, InvoiceNumber, customer id, total and DueDate", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    await importFile(deps, actor, "customers", csvFile("Customer ID,Name,Currency", "C-1,Acme,USD"));
    const a = await importFile(deps, actor, "invoices", csvFile("Invoice No,customer id,Invoice Date,DueDate,Currency,Total", "A-1,C-1,2024-01-01,2024-01-31,USD,10.00"));
    const b = await importFile(deps, actor, "invoices", csvFile("InvoiceNumber\tCustomer_Number\tdate\tdue\tccy\tamount", "B-1\tC-1\t2024-01-01\t2024-01-31\tUSD\t20.00"));
    expect([a.inserted, b.inserted]).toEqual([1, 1]);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const customers = csvFile("external_id,legal_name,currency,tags,contact_email", "C-1,Acme,EUR,a|b,ap@acme.example", "C-2,Beta,EUR,,");
    const invoices = csvFile("number,customer_external_id,issue_date,terms,currency,amount", "I-1,C-1,2024-01-01,net 30,EUR,100.00", "I-2,C-2,2024-01-05,net 30,EUR,200.00");
    const payments = csvFile("payment_id,customer_external_id,received_on,currency,amount", "P-1,C-1,2024-02-01,EUR,60.00");
    for (const [kind, file] of [["customers", customers], ["invoices", invoices], ["payments", payments]] as const) {
      const first = await importFile(deps, actor, kind, file);
      const snapshot = await ledgerSnapshot(actor.tenantId);
      const second = await importFile(deps, actor, kind, file);
      expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: first.rows, rejected: 0 });
      expect(await ledgerSnapshot(actor.tenantId)).toEqual(snapshot);
    }
  });

  it("updates a changed invoice amount and recomputes its balance from the allocations", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    await importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency", "C-1,Acme,EUR"));
    const header = "number,customer_external_id,issue_date,due_date,currency,amount,description";
    await importFile(deps, actor, "invoices", csvFile(header, "I-1,C-1,2024-01-01,2024-01-31,EUR,100.00,first", "I-2,C-1,2024-01-01,2024-01-31,EUR,10.00,same"));
    await importFile(deps, actor, "payments", csvFile("payment_id,received_on,currency,amount,invoices", "P-1,2024-01-20,EUR,40.00,I-1"));
    const report = await importFile(deps, actor, "invoices", csvFile(header, "I-1,C-1,2024-01-01,2024-01-31,EUR,120.00,corrected", "I-2,C-1,2024-01-01,2024-01-31,EUR,10.00,same"));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const row = await t().db.selectFrom("invoices").selectAll().where("tenant_id", "=", actor.tenantId).where("number", "=", "I-1").executeTakeFirstOrThrow();
    expect([row.amount, row.open_amount, row.description]).toEqual([12_000n, 8_000n, "corrected"]);
  });

  it("leaves fields alone whose column is not in the file", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    await importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency,segment,contact_email,contact_phone", "C-1,Acme,EUR,strategic,ap@acme.example,+49 30 123456"));
    const report = await importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency,contact_email", "C-1,Acme Renamed,EUR,ap@acme.example"));
    expect(report).toMatchObject({ updated: 1 });
    const row = await t().db.selectFrom("customers").selectAll().where("tenant_id", "=", actor.tenantId).executeTakeFirstOrThrow();
    expect([row.legal_name, row.segment]).toEqual(["Acme Renamed", "strategic"]);
    const contact = await t().db.selectFrom("contacts").selectAll().where("tenant_id", "=", actor.tenantId).executeTakeFirstOrThrow();
    expect(contact.phone).toBe("+49 30 123456");
  });

  it("imports JSON in the API's input shapes, bare or wrapped, with installments and customers named by id", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    const customers = await importFile(deps, actor, "customers", JSON.stringify([{ externalId: "C-1", legalName: "Acme", currency: "EUR", tags: ["x"], primaryContact: { name: "Ana", email: "ana@acme.example" } }])).catch((e) => { console.log(JSON.stringify(e.error.details.errors)); throw e; });
    expect(customers).toMatchObject({ inserted: 1 });
    const customer = await t().db.selectFrom("customers").selectAll().where("tenant_id", "=", actor.tenantId).executeTakeFirstOrThrow();
    const invoices = await importFile(deps, actor, "invoices", JSON.stringify({
      invoices: [
        { number: "J-1", customerExternalId: "C-1", issueDate: "2024-01-01", currency: "EUR", amount: "300.00", installments: [{ dueDate: "2024-02-01", amount: "100.00" }, { dueDate: "2024-03-01", amount: "99.99" }, { dueDate: "2024-04-01" }] },
        { number: "J-2", customerId: customer.id, issueDate: "2024-01-01", dueDate: "2024-01-31", currency: "EUR", amount: "10.00" },
      ],
    }, null, 2), { fileName: "invoices.json" });
    expect(invoices).toMatchObject({ rows: 2, inserted: 2 });
    const j1 = await t().db.selectFrom("invoices").selectAll().where("tenant_id", "=", actor.tenantId).where("number", "=", "J-1").executeTakeFirstOrThrow();
    expect([j1.due_date, j1.has_installments]).toEqual(["2024-04-01", true]);
    const installments = await t().db.selectFrom("invoice_installments").select(["seq", "due_date", "amount"]).where("tenant_id", "=", actor.tenantId).where("invoice_id", "=", j1.id).orderBy("seq").execute();
    expect(installments).toEqual([{ seq: 1, due_date: "2024-02-01", amount: 10_000n }, { seq: 2, due_date: "2024-03-01", amount: 9_999n }, { seq: 3, due_date: "2024-04-01", amount: 10_001n }]);
    const payments = await importFile(deps, actor, "payments", JSON.stringify([{ externalId: "P-1", customerExternalId: "C-1", receivedOn: "2024-02-05", currency: "EUR", amount: "150.00" }]));
    expect(payments).toMatchObject({ inserted: 1 });
    const open = await t().db.selectFrom("invoice_installments").select(["seq", "open_amount"]).where("tenant_id", "=", actor.tenantId).where("invoice_id", "=", j1.id).orderBy("seq").execute();
    // J-2 (due 2024-01-31) first, then the installments oldest first
    expect(open.map((n) => n.open_amount)).toEqual([0n, 5_999n, 10_001n]);
    expect(await importFile(deps, actor, "invoices", JSON.stringify({ invoices: [{ number: "J-2", customerId: customer.id, issueDate: "2024-01-01", dueDate: "2024-01-31", currency: "EUR", amount: "10.00" }] }))).toMatchObject({ unchanged: 1 });
  });

  it("reports progress as rows are read", async () => {
    const deps = depsAt(t());
    const actor = await newTenant(deps);
    await importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency", "C-1,Acme,EUR"));
    const lines = Array.from({ length: 3000 }, (_, i) => `P-${i},2024-01-01,2024-01-31,EUR,1.00,C-1`);
    const calls: [number, number][] = [];
    await importFile(deps, actor, "invoices", csvFile("number,issue_date,due_date,currency,amount,customer_external_id", ...lines), { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([3000, 3000]);
    expect(calls.every(([done, total]) => done <= total)).toBe(true);
  });

  async function ledgerSnapshot(tenantId: string) {
    const tables = ["customers", "contacts", "invoices", "invoice_installments", "payments", "allocations"] as const;
    const out: Record<string, unknown[]> = {};
    for (const table of tables) out[table] = (await sql`select * from ${sql.table(table)} where tenant_id = ${tenantId} order by 2, 3`.execute(t().db)).rows;
    return out;
  }
});
