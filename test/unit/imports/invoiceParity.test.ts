import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AppDeps } from "../../../src/app/deps.js";
import { CellParsers } from "../../../src/app/imports/cellParsers.js";
import { aliasTable, mapHeader } from "../../../src/app/imports/header.js";
import { ImportRun } from "../../../src/app/imports/importRun.js";
import { INVOICE_COLUMNS } from "../../../src/app/imports/invoices/invoiceColumns.js";
import { InvoiceCsvRows } from "../../../src/app/imports/invoices/invoiceCsvRow.js";
import { invoiceFromJson } from "../../../src/app/imports/invoices/invoiceJsonRow.js";

const COLUMNS = ["number", "customer_external_id", "issue_date", "due_date", "terms", "currency", "amount", "tax_amount", "po_number", "description"] as const;
const FIELDS = ["number", "customerExternalId", "issueDate", "dueDate", "terms", "currency", "amount", "taxAmount", "poNumber", "description"];

// Cells near every rule's edge: valid, invalid, empty.
const CELLS = [
  ["I-1", "", "x".repeat(64), "x".repeat(65)],
  ["C-1", ""],
  ["2024-01-31", "2024-02-29", "2023-02-29", "2024-1-5", "31.01.2024", ""],
  ["2024-03-01", "2024-01-01", "2024-13-01", ""],
  ["", "net 30", "2/10 net 30", "EOM+15", "due on receipt", "net -5", "whenever", "5/40 net 30"],
  ["EUR", "eur", "JPY", "BHD", "EUX", ""],
  ["10", "10.5", "10.50", "10.505", "-1.00", "0", "1e3", ""],
  ["", "1.00", "1.001", "-1"],
  ["", "PO-1", "x".repeat(65)],
  ["", "text", "x".repeat(2001)],
];

function bothPaths(cells: string[]) {
  const deps = { newId: () => "00000000-0000-7000-8000-000000000000" } as unknown as AppDeps;
  const actor = { tenantId: "t", role: "admin" as const, name: "test" };
  const csvRun = new ImportRun(deps, actor, {});
  const { header } = mapHeader([...COLUMNS], INVOICE_COLUMNS, aliasTable(INVOICE_COLUMNS));
  const fast = new InvoiceCsvRows({ run: csvRun, parsers: new CellParsers(false), header }, deps.newId).read(cells, csvRun.addRow(2));
  const jsonRun = new ImportRun(deps, actor, {});
  const input = Object.fromEntries(FIELDS.flatMap((field, i) => (cells[i] ? [[field, cells[i]]] : [])));
  const reference = invoiceFromJson(input, jsonRun.addRow(2), { run: jsonRun, parsers: new CellParsers(false) }, deps.newId)?.invoice;
  return { fast, reference, fastErrors: csvRun.errors, referenceErrors: jsonRun.errors };
}

describe("the CSV invoice fast path", () => {
  it("accepts and rejects the same rows as InvoiceInput with createInvoice's schedule, with the same values", () => {
    fc.assert(
      fc.property(fc.tuple(...CELLS.map((pool) => fc.constantFrom(...pool))), (cells) => {
        const { fast, reference, fastErrors, referenceErrors } = bothPaths(cells);
        expect(fast === undefined).toBe(reference === undefined);
        if (fast && reference) expect({ ...fast, present: 0 }).toEqual({ ...reference, present: 0 });
        if (fastErrors.length === 1 && referenceErrors.length === 1) expect(fastErrors[0]!.code).toBe(referenceErrors[0]!.code);
      }),
      { numRuns: 3000 },
    );
  });

  it("stores the canonical terms and the due date they give", () => {
    const { fast } = bothPaths(["I-1", "C-1", "2024-01-31", "", "2/10 net 30", "eur", "1190.00", "190.00", "", ""]);
    expect(fast).toMatchObject({ dueDate: "2024-03-01", terms: "2/10 net 30", discountTerms: '[{"days":10,"percentBp":200}]', currency: "EUR", amount: 119_000n, taxAmount: 19_000n });
  });
});
