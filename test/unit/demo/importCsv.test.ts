import { parse } from "csv-parse/sync";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateBook } from "../../../src/app/demo/generateBook.js";
import { IMPORT_CSV_COLUMNS, IMPORT_CSV_KINDS, writeImportCsvs } from "../../../src/app/demo/importCsv.js";
import { currency, parseAmount } from "../../../src/domain/money/index.js";

const OPTIONS = { customers: 60, months: 6, seed: 5, endDate: "2024-06-30", chunkCustomers: 25 };
const book = generateBook(OPTIONS);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function written() {
  const dir = await mkdtemp(join(tmpdir(), "dunwell-demo-csv-"));
  dirs.push(dir);
  const result = await writeImportCsvs(OPTIONS, dir);
  const read = async (kind: (typeof IMPORT_CSV_KINDS)[number]) => parse(await readFile(result.files[kind], "utf8"), { columns: true }) as Record<string, string>[];
  return { result, customers: await read("customers"), invoices: await read("invoices"), payments: await read("payments"), header: async (kind: (typeof IMPORT_CSV_KINDS)[number]) => (await readFile(result.files[kind], "utf8")).split("\n")[0] };
}

describe("writeImportCsvs", () => {
  it("writes the canonical columns and one row per customer, invoice and payment", async () => {
    const files = await written();
    for (const kind of IMPORT_CSV_KINDS) expect(await files.header(kind)).toBe(IMPORT_CSV_COLUMNS[kind].join(","));
    expect(files.result.rows).toEqual({ customers: book.customers.length, invoices: book.invoices.length, payments: book.payments.length });
    expect(files.customers).toHaveLength(book.customers.length);
    expect(files.invoices).toHaveLength(book.invoices.length);
    expect(files.payments).toHaveLength(book.payments.length);
  });

  it("writes amounts as decimals of the currency that parse back to the book's minor units", async () => {
    const { invoices, payments } = await written();
    invoices.forEach((row, i) => {
      expect(parseAmount(row.amount!, currency(row.currency!))).toEqual({ ok: true, value: book.invoices[i]!.amount });
      if (row.currency === "JPY") expect(row.amount).toMatch(/^\d+$/);
      else expect(row.amount).toMatch(/^\d+\.\d{2}$/);
    });
    payments.forEach((row, i) => expect(parseAmount(row.amount!, currency(row.currency!))).toEqual({ ok: true, value: book.payments[i]!.amount }));
  });

  it("names customers, parents and paid invoices by their keys in the other files", async () => {
    const { customers, invoices, payments } = await written();
    const externalIds = new Set(customers.map((c) => c.external_id));
    const numbers = new Set(invoices.map((i) => i.number));
    for (const c of customers) if (c.parent_external_id) expect(externalIds.has(c.parent_external_id)).toBe(true);
    for (const i of invoices) expect(externalIds.has(i.customer_external_id!)).toBe(true);
    for (const p of payments) {
      expect(externalIds.has(p.customer_external_id!)).toBe(true);
      for (const n of p.invoices!.split("|").filter(Boolean)) expect(numbers.has(n)).toBe(true);
    }
    expect(payments.filter((p) => p.invoices!.includes("|")).length).toBeGreaterThan(0);
  });

  it("keeps legal names with ampersands, accents and Japanese script intact", async () => {
    const { customers } = await written();
    customers.forEach((row, i) => expect(row.legal_name).toBe(book.customers[i]!.legalName));
  });
});
