import { describe, expect, it } from "vitest";
import { CUSTOMER_COLUMNS } from "../../../src/app/imports/customers/customerColumns.js";
import { aliasTable, mapHeader, normalizeHeader } from "../../../src/app/imports/header.js";
import { INVOICE_COLUMNS } from "../../../src/app/imports/invoices/invoiceColumns.js";
import { PAYMENT_COLUMNS } from "../../../src/app/imports/payments/paymentColumns.js";
import { readJsonRecords } from "../../../src/app/imports/source/jsonRecords.js";

describe("header aliases", () => {
  it("ignores case, spaces, punctuation and umlaut spellings", () => {
    expect(new Set(["Invoice No", "invoice_no", "InvoiceNo", "INVOICE-NO."].map(normalizeHeader)).size).toBe(1);
    expect(normalizeHeader("Fälligkeitsdatum")).toBe(normalizeHeader("Faelligkeits-Datum"));
  });

  it("gives every alias one meaning per kind", () => {
    for (const columns of [INVOICE_COLUMNS, CUSTOMER_COLUMNS, PAYMENT_COLUMNS]) expect(() => aliasTable(columns)).not.toThrow();
  });

  it.each([
    ["Invoice No", "number"],
    ["invoice_number", "number"],
    ["InvoiceNumber", "number"],
    ["Rechnungsnummer", "number"],
    ["customer id", "customer_external_id"],
    ["Kundennummer", "customer_external_id"],
    ["total", "amount"],
    ["Betrag", "amount"],
    ["due", "due_date"],
    ["DueDate", "due_date"],
    ["Fälligkeitsdatum", "due_date"],
  ])("reads the invoice header %s as %s", (written, canonical) => {
    expect(aliasTable(INVOICE_COLUMNS).get(normalizeHeader(written))).toBe(canonical);
  });

  it("maps a header to positions and keeps the written names for messages", () => {
    const { header, errors } = mapHeader(["Rechnungsnummer", "", "Kunde", "Datum", "Fällig", "Währung", "Betrag"], INVOICE_COLUMNS, aliasTable(INVOICE_COLUMNS));
    expect(errors).toEqual([]);
    expect(header.index).toEqual({ number: 0, customer_external_id: 2, issue_date: 3, due_date: 4, currency: 5, amount: 6 });
    expect(header.label("amount")).toBe("Betrag");
  });
});

describe("JSON records", () => {
  it("finds the line each object starts on, bare or wrapped, minified or not", () => {
    expect(readJsonRecords('[\n {"a": "[{"},\n\n {"b": [1, {"c": "}"}]}\n]', "invoices").map((r) => r.line)).toEqual([2, 4]);
    expect(readJsonRecords('{ "meta": {"x": [1]},\n  "invoices": [\n    {"a": 1}, {"a": 2},\n    {"a": 3}] }', "invoices").map((r) => [r.line, r.value])).toEqual([
      [3, { a: 1 }],
      [3, { a: 2 }],
      [4, { a: 3 }],
    ]);
  });
});
