import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { importFile } from "../../src/app/imports/importFile.js";
import { Failure } from "../../src/domain/errors.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { csvFile, depsAt, importRejection, newTenant } from "../kit/factories.js";

const INVOICES = "number,customer_external_id,issue_date,due_date,currency,amount";

describe.skipIf(!engineAvailable())("import: row errors", () => {
  const t = useTestDatabase();
  let deps: AppDeps;
  let actor: Actor;

  beforeAll(async () => {
    if (!engineAvailable()) return;
    deps = depsAt(t());
    actor = await newTenant(deps);
    await importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency", "C-1,Acme,EUR", "C-2,Beta,EUR"));
  });

  const rejectInvoices = (...lines: string[]) => importRejection(importFile(deps, actor, "invoices", csvFile(INVOICES, ...lines)));

  it.each([
    ["an impossible date", "I-1,C-1,2024-02-30,2024-03-31,EUR,10.00", "issue_date", "INVALID_DATE"],
    ["a date in another format", "I-1,C-1,2024-02-01,31.03.2024,EUR,10.00", "due_date", "INVALID_DATE"],
    ["too many decimals", "I-1,C-1,2024-02-01,2024-03-31,EUR,10.005", "amount", "TOO_MANY_DECIMALS"],
    ["an unknown currency", "I-1,C-1,2024-02-01,2024-03-31,EUX,10.00", "currency", "UNKNOWN_CURRENCY"],
    ["a negative amount", "I-1,C-1,2024-02-01,2024-03-31,EUR,-10.00", "amount", "NEGATIVE_AMOUNT"],
    ["a missing value", "I-1,C-1,2024-02-01,2024-03-31,EUR,", "amount", "MISSING_VALUE"],
    ["a due date before the issue date", "I-1,C-1,2024-02-01,2024-01-31,EUR,10.00", "due_date", "DUE_BEFORE_ISSUE"],
    ["an unknown customer", "I-1,C-404,2024-02-01,2024-03-31,EUR,10.00", "customer_external_id", "UNKNOWN_CUSTOMER"],
  ])("rejects %s with its line, column and code", async (_what, bad, column, code) => {
    const { errors, report, message } = await rejectInvoices("I-0,C-1,2024-02-01,2024-03-31,EUR,10.00", bad);
    expect(errors).toEqual([expect.objectContaining({ line: 3, column, code })]);
    expect(report).toMatchObject({ rows: 2, rejected: 1, inserted: 0 });
    expect(message).toBe("1 rows rejected");
  });

  it("names the first line of a duplicate natural key", async () => {
    const { errors } = await rejectInvoices("I-1,C-1,2024-02-01,2024-03-31,EUR,10.00", "I-2,C-1,2024-02-01,2024-03-31,EUR,10.00", "I-1,C-1,2024-02-01,2024-03-31,EUR,12.00");
    expect(errors).toEqual([{ line: 4, column: "number", code: "DUPLICATE_IN_FILE", message: '"I-1" already appears on line 2' }]);
  });

  it("names columns as the file's header writes them", async () => {
    const { errors } = await importRejection(importFile(deps, actor, "invoices", csvFile("Rechnungsnummer;Kundennummer;Rechnungsdatum;Fälligkeitsdatum;Währung;Betrag", "R-1;C-1;2024-02-01;2024-03-31;EUR;1,234"), { decimalComma: true }));
    expect(errors).toEqual([expect.objectContaining({ line: 2, column: "Betrag", code: "TOO_MANY_DECIMALS" })]);
  });

  it("counts physical lines: quoted line breaks and blank lines included", async () => {
    const { errors } = await rejectInvoices('I-1,C-1,2024-02-01,2024-03-31,EUR,10.00', "", '"I-2",C-1,2024-02-01,2024-03-31,EUR,"1', '0.00"', "I-3,C-1,2024-02-01,2024-03-31,EUR,x");
    expect(errors.map((e) => [e.line, e.code])).toEqual([[4, "INVALID_AMOUNT"], [6, "INVALID_AMOUNT"]]);
  });

  it("reports a missing required column on line 1 and reads nothing", async () => {
    const { errors, message } = await importRejection(importFile(deps, actor, "invoices", csvFile("number,customer_external_id,issue_date,due_date,currency", "I-1,C-1,2024-02-01,2024-03-31,EUR")));
    expect(errors).toEqual([expect.objectContaining({ line: 1, column: "amount", code: "MISSING_COLUMN" })]);
    expect(message).toMatch(/^file rejected: /);
  });

  it("reports unknown and doubled columns on line 1, even with skipInvalid", async () => {
    const { errors } = await importRejection(importFile(deps, actor, "invoices", csvFile(`${INVOICES},colour,total`, "I-1,C-1,2024-02-01,2024-03-31,EUR,10.00,red,10.00"), { skipInvalid: true }));
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([[1, "colour", "UNKNOWN_COLUMN"], [1, "total", "DUPLICATE_IN_FILE"]]);
  });

  it("reports malformed CSV: an unclosed quote at its line, a row with too many fields as a row error", async () => {
    const unclosed = await rejectInvoices("I-1,C-1,2024-02-01,2024-03-31,EUR,10.00", '"I-2,C-1,2024-02-01,2024-03-31,EUR,10.00');
    expect(unclosed.errors).toEqual([expect.objectContaining({ line: 3, column: null, code: "MALFORMED_FILE" })]);
    const wide = await rejectInvoices("I-1,C-1,2024-02-01,2024-03-31,EUR,10.00,extra", "I-2,C-1,2024-02-01,2024-03-31,EUR,10.00,,");
    expect(wide.errors).toEqual([expect.objectContaining({ line: 2, column: null, code: "MALFORMED_FILE" })]);
    const notUtf8 = await importRejection(importFile(deps, actor, "customers", Buffer.from([0x65, 0x78, 0x74, 0xe4, 0x0a])));
    expect(notUtf8.errors).toEqual([expect.objectContaining({ line: 1, code: "MALFORMED_FILE" })]);
  });

  it("refuses a file over the size limit before reading it", async () => {
    await expect(importFile(deps, actor, "invoices", csvFile(INVOICES, "I-1,C-1,2024-02-01,2024-03-31,EUR,10.00"), { maxBytes: 40 })).rejects.toSatisfy(
      (e) => e instanceof Failure && e.error.code === "FILE_TOO_LARGE",
    );
  });

  it("refuses to move an existing invoice to another customer or currency, or below what is paid", async () => {
    await importFile(deps, actor, "invoices", csvFile(INVOICES, "X-1,C-1,2024-02-01,2024-03-31,EUR,100.00", "X-2,C-1,2024-02-01,2024-03-31,EUR,100.00", "X-3,C-1,2024-02-01,2024-03-31,EUR,100.00"));
    await importFile(deps, actor, "payments", csvFile("payment_id,received_on,currency,amount,invoices", "XP-1,2024-02-10,EUR,80.00,X-3"));
    const { errors } = await rejectInvoices("X-1,C-2,2024-02-01,2024-03-31,EUR,100.00", "X-2,C-1,2024-02-01,2024-03-31,USD,100.00", "X-3,C-1,2024-02-01,2024-03-31,EUR,50.00");
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, "customer_external_id", "IMMUTABLE_FIELD"],
      [3, "currency", "IMMUTABLE_FIELD"],
      [4, "amount", "INVOICE_OVERALLOCATED"],
    ]);
    expect(errors[2]!.message).toContain("80.00 EUR");
  });

  it("rejects a payment naming an unknown invoice, and one recorded before with another amount", async () => {
    await importFile(deps, actor, "invoices", csvFile(INVOICES, "Y-1,C-1,2024-02-01,2024-03-31,EUR,100.00"));
    await importFile(deps, actor, "payments", csvFile("payment_id,customer_external_id,received_on,currency,amount", "YP-1,C-1,2024-02-10,EUR,10.00"));
    const { errors } = await importRejection(importFile(deps, actor, "payments", csvFile(
      "payment_id,customer_external_id,received_on,currency,amount,invoices",
      "YP-1,C-1,2024-02-10,EUR,11.00,",
      "YP-2,C-1,2024-02-10,EUR,5.00,Y-1|Y-404",
      "YP-3,C-404,2024-02-10,EUR,5.00,",
      "YP-4,C-2,2024-02-10,EUR,5.00,Y-1",
      "YP-5,C-1,2024-02-10,EUR,0.00,",
    )));
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, "payment_id", "PAYMENT_CONFLICT"],
      [3, "invoices", "UNKNOWN_INVOICE"],
      [4, "customer_external_id", "UNKNOWN_CUSTOMER"],
      [5, "invoices", "VALIDATION_FAILED"],
      [6, "amount", "INVALID_AMOUNT"],
    ]);
  });

  it("rejects customers with an unknown parent or a changed currency", async () => {
    const { errors } = await importRejection(importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency,parent_external_id,country", "C-1,Acme,USD,,", "C-9,Nine,EUR,C-404,", "C-8,Eight,EUR,,Germany")));
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [2, "currency", "IMMUTABLE_FIELD"],
      [3, "parent_external_id", "UNKNOWN_CUSTOMER"],
      [4, "country", "UNKNOWN_COUNTRY"],
    ]);
  });

  it("gives JSON errors the line of their object and the field's path", async () => {
    const file = JSON.stringify([
      { number: "J-1", customerExternalId: "C-1", issueDate: "2024-02-01", dueDate: "2024-03-01", currency: "EUR", amount: "1.00" },
      { number: "J-2", customerExternalId: "C-1", issueDate: "2024-02-01", dueDate: "2024-03-01", currency: "EUR", amount: "1.00", colour: "red" },
      { number: "J-3", customerExternalId: "C-1", issueDate: "2024-02-01", currency: "EUR", amount: "1.00", installments: [{ dueDate: "2024-02-30", amount: "1.00" }] },
    ], null, 2);
    const { errors } = await importRejection(importFile(deps, actor, "invoices", file));
    expect(errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [10, "colour", "UNKNOWN_COLUMN"],
      [19, "installments[0].dueDate", "INVALID_DATE"],
    ]);
    const broken = await importRejection(importFile(deps, actor, "invoices", '[\n  {"number": "J-1",\n  }\n]', { format: "json" }));
    expect(broken.errors).toEqual([expect.objectContaining({ line: 3, code: "MALFORMED_FILE" })]);
  });

  it("changes nothing when one row of a file is bad", async () => {
    const before = await counts();
    await rejectInvoices("Z-1,C-1,2024-02-01,2024-03-31,EUR,10.00", "Z-2,C-404,2024-02-01,2024-03-31,EUR,10.00", "Z-3,C-2,2024-02-01,2024-03-31,EUR,10.00");
    await importRejection(importFile(deps, actor, "customers", csvFile("external_id,legal_name,currency,contact_email", "C-1,Renamed,EUR,new@acme.example", "C-3,New,EUR,not-an-email")));
    await importRejection(importFile(deps, actor, "payments", csvFile("payment_id,customer_external_id,received_on,currency,amount", "ZP-1,C-1,2024-02-10,EUR,10.00", "ZP-2,C-1,2024-02-31,EUR,10.00")));
    expect(await counts()).toEqual(before);
  });

  it("with skipInvalid imports the good rows and returns the bad ones as a CSV with an error column", async () => {
    const report = await importFile(deps, actor, "invoices", csvFile(
      "number;customer_external_id;issue_date;due_date;currency;amount",
      "S-1;C-1;2024-02-01;2024-03-31;EUR;10.00",
      "S-2;C-404;2024-02-01;2024-03-31;EUR;10.00",
      'S-3;C-1;2024-02-01;2024-03-31;EUR;"1,5"',
      "S-4;C-1;2024-02-01;2024-03-31;EUR;20.00",
    ), { skipInvalid: true });
    expect(report).toMatchObject({ rows: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(report.errors.map((e) => [e.line, e.code])).toEqual([[3, "UNKNOWN_CUSTOMER"], [4, "INVALID_AMOUNT"]]);
    expect(report.rejects).toBe(
      "number;customer_external_id;issue_date;due_date;currency;amount;error\n" +
        'S-2;C-404;2024-02-01;2024-03-31;EUR;10.00;"UNKNOWN_CUSTOMER (customer_external_id): no customer ""C-404""; import customers first"\n' +
        'S-3;C-1;2024-02-01;2024-03-31;EUR;1,5;"INVALID_AMOUNT (amount): ""1,5"" is not a decimal amount"\n',
    );
    const numbers = await t().db.selectFrom("invoices").select("number").where("tenant_id", "=", actor.tenantId).where("number", "like", "S-%").orderBy("number").execute();
    expect(numbers.map((n) => n.number)).toEqual(["S-1", "S-4"]);
    const recorded = await t().db.selectFrom("imports").selectAll().where("tenant_id", "=", actor.tenantId).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(recorded).toMatchObject({ rows_total: 4, inserted: 2, rejected: 2 });
  });

  it("with skipInvalid returns rejected JSON objects with their line", async () => {
    const report = await importFile(deps, actor, "customers", '[\n{"externalId": "J-1", "legalName": "Ok", "currency": "EUR"},\n{"externalId": "J-2", "legalName": "Bad", "currency": "EUX"}\n]', { skipInvalid: true });
    expect(report).toMatchObject({ inserted: 1, rejected: 1, errors: [{ line: 3, column: "currency", code: "UNKNOWN_CURRENCY" }] });
    expect(report.rejects).toBe('line,record,error\n3,"{""externalId"":""J-2"",""legalName"":""Bad"",""currency"":""EUX""}",UNKNOWN_CURRENCY (currency): not an ISO 4217 currency code\n');
  });

  async function counts() {
    const result = await sql<Record<string, string>>`
      select (select count(*) from customers where tenant_id = ${actor.tenantId}) as customers,
             (select count(*) from contacts where tenant_id = ${actor.tenantId}) as contacts,
             (select count(*) from invoices where tenant_id = ${actor.tenantId}) as invoices,
             (select count(*) from payments where tenant_id = ${actor.tenantId}) as payments,
             (select count(*) from allocations where tenant_id = ${actor.tenantId}) as allocations,
             (select count(*) from imports where tenant_id = ${actor.tenantId}) as imports,
             (select count(*) from audit_log where tenant_id = ${actor.tenantId}) as audit,
             (select string_agg(legal_name, ',' order by external_id) from customers where tenant_id = ${actor.tenantId}) as names`.execute(t().db);
    return result.rows[0];
  }
});
