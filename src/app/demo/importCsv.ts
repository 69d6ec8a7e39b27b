import { stringify } from "csv-stringify/sync";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import { currency, formatAmount } from "../../domain/money/index.js";
import type { BookChunk, BookOptions } from "./bookTypes.js";
import { generateBookChunks } from "./generateBook.js";

/** The canonical import columns (docs: import formats), in file order. */
export const IMPORT_CSV_COLUMNS = {
  customers: ["external_id", "legal_name", "tax_id", "country", "currency", "language", "segment", "tags", "parent_external_id", "credit_limit", "contact_name", "contact_email", "contact_phone", "contact_language"],
  invoices: ["number", "customer_external_id", "issue_date", "due_date", "terms", "currency", "amount", "tax_amount", "po_number", "description"],
  payments: ["payment_id", "customer_external_id", "received_on", "currency", "amount", "method", "payer_name", "payer_account", "reference", "invoices"],
} as const;

export type ImportCsvKind = keyof typeof IMPORT_CSV_COLUMNS;
export const IMPORT_CSV_KINDS = Object.keys(IMPORT_CSV_COLUMNS) as ImportCsvKind[];

const amount = (minor: bigint, code: string): string => formatAmount(minor, currency(code));
const text = (rows: (string | null)[][]): string => (rows.length === 0 ? "" : stringify(rows));

/**
 * The chunk's rows as import CSV text, without header. The files carry what the import formats
 * can say: a customer's primary contact only, invoices without installment schedules (the due date
 * is the last installment's), and payments naming the invoices they paid in allocation order.
 * Credit notes, discounts and write-offs have no import file, so balances after importing these
 * files are higher than in the generated book.
 */
export function importCsvRows(chunk: BookChunk): Record<ImportCsvKind, string> {
  const primary = new Map(chunk.contacts.filter((c) => c.isPrimary).map((c) => [c.customerId, c]));
  const numbers = new Map(chunk.invoices.map((i) => [i.id, i.number]));
  const paid = new Map<string, string[]>();
  for (const a of chunk.allocations) {
    if (!a.paymentId) continue;
    const list = paid.get(a.paymentId) ?? [];
    const number = numbers.get(a.invoiceId)!;
    if (!list.includes(number)) list.push(number);
    paid.set(a.paymentId, list);
  }
  return {
    customers: text(chunk.customers.map((c) => {
      const contact = primary.get(c.id);
      return [c.externalId, c.legalName, c.taxId, c.country, c.currency, c.language, c.segment, c.tags.join("|"), c.parentExternalId,
        c.creditLimit === null ? null : amount(c.creditLimit, c.currency), contact?.name ?? null, contact?.email ?? null, contact?.phone ?? null, contact?.language ?? null];
    })),
    invoices: text(chunk.invoices.map((i) => [i.number, i.customerExternalId, i.issueDate, i.dueDate, i.terms, i.currency, amount(i.amount, i.currency), amount(i.taxAmount, i.currency), i.poNumber, i.description])),
    payments: text(chunk.payments.map((p) => [p.externalId, p.customerExternalId, p.receivedOn, p.currency, amount(p.amount, p.currency), p.method, p.payerName, p.payerAccount, p.reference, (paid.get(p.id) ?? []).join("|")])),
  };
}

export interface WrittenImportCsvs {
  files: Record<ImportCsvKind, string>;
  rows: Record<ImportCsvKind, number>;
}

/** Writes the book as customers.csv, invoices.csv and payments.csv in `dir`, chunk by chunk. */
export async function writeImportCsvs(options: BookOptions, dir: string): Promise<WrittenImportCsvs> {
  await mkdir(dir, { recursive: true });
  const files = { customers: join(dir, "customers.csv"), invoices: join(dir, "invoices.csv"), payments: join(dir, "payments.csv") };
  const rows = { customers: 0, invoices: 0, payments: 0 };
  const streams = {} as Record<ImportCsvKind, WriteStream>;
  for (const kind of IMPORT_CSV_KINDS) {
    streams[kind] = createWriteStream(files[kind], { encoding: "utf8" });
    await write(streams[kind], IMPORT_CSV_COLUMNS[kind].join(",") + "\n");
  }
  try {
    for (const chunk of generateBookChunks(options)) {
      const csv = importCsvRows(chunk);
      rows.customers += chunk.customers.length;
      rows.invoices += chunk.invoices.length;
      rows.payments += chunk.payments.length;
      for (const kind of IMPORT_CSV_KINDS) await write(streams[kind], csv[kind]);
    }
  } finally {
    await Promise.all(IMPORT_CSV_KINDS.map((kind) => new Promise<void>((resolve, reject) => streams[kind].end((error?: Error | null) => (error ? reject(error) : resolve())))));
  }
  return { files, rows };
}

/** Respects back-pressure, so a million rows never pile up in the stream's buffer. */
async function write(stream: WriteStream, data: string): Promise<void> {
  if (data !== "" && !stream.write(data)) await once(stream, "drain");
}
