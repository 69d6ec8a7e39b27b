import { parse } from "csv-parse/sync";
import { emptyTxDetail, type BankFile, type Direction, type Entry, type Statement } from "../../domain/cash/statement.js";
import type { Currency } from "../../domain/money/index.js";
import { bankAmount, bankCurrency, cleanText, isoDate, refuse, type FileLocation } from "./bankValues.js";
import type { CsvMappingConfig } from "./csvMapping.js";

type Column = string | number;

const DATE_PATTERNS: Record<CsvMappingConfig["dateFormat"], { pattern: RegExp; order: [number, number, number] }> = {
  // capture groups, and which of them are year, month and day
  "YYYY-MM-DD": { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: [1, 2, 3] },
  "DD.MM.YYYY": { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: [3, 2, 1] },
  "DD/MM/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 2, 1] },
  "MM/DD/YYYY": { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: [3, 1, 2] },
  "DD-MM-YYYY": { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: [3, 2, 1] },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] },
};

function csvDate(text: string, format: CsvMappingConfig["dateFormat"], where: FileLocation): string {
  const { pattern, order } = DATE_PATTERNS[format];
  const match = pattern.exec(text.trim());
  if (!match) refuse("MALFORMED_BANK_FILE", `"${text}" is not a date in ${format} form`, where);
  const [y, m, d] = order.map((group) => match[group]!);
  return isoDate(`${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`, where);
}

interface Row {
  line: number;
  cells: string[];
}

function readRows(text: string, mapping: CsvMappingConfig): { header?: string[]; rows: Row[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: mapping.delimiter, from_line: mapping.skipLines + 1, skip_empty_lines: true, relax_column_count: true, info: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return refuse("MALFORMED_BANK_FILE", `the CSV cannot be read: ${(error as Error).message}`, line === undefined ? {} : { line });
  }
  const rows = records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  if (!mapping.header) return { rows };
  const [header, ...data] = rows;
  if (!header) refuse("MALFORMED_BANK_FILE", "the CSV has no header line", { line: mapping.skipLines + 1 });
  return { header: header.cells.map((c) => c.trim().toLowerCase()), rows: data };
}

/** A bank's CSV export read through a column mapping; one statement holding every row. */
export function csvBankFile(text: string, mapping: CsvMappingConfig): BankFile {
  const { header, rows } = readRows(text, mapping);
  const indexOf = (column: Column): number => {
    if (typeof column === "number") return column;
    const index = header!.indexOf(column.trim().toLowerCase());
    if (index === -1) refuse("MISSING_COLUMN", `the CSV has no column "${column}"`, { line: mapping.skipLines + 1, path: column });
    return index;
  };
  const { columns } = mapping;
  const cell = (row: Row, column: Column | undefined): string | undefined => (column === undefined ? undefined : cleanText(row.cells[indexOf(column)]));
  const where = (row: Row, column: Column): FileLocation => ({ line: row.line, path: String(column) });
  const fixedCurrency = mapping.currency === undefined ? undefined : bankCurrency(mapping.currency, { path: "csvMapping.currency" });
  // a mapped column missing from the header fails before any row is read
  for (const column of Object.values(columns).flat()) {
    if (column !== undefined) indexOf(typeof column === "object" ? column.column : column);
  }

  const amountOf = (row: Row, currency: Currency): { amount: bigint; direction: Direction } => {
    const options = { decimalComma: mapping.decimalComma, allowNegative: true };
    if (columns.amount !== undefined) {
      const text = cell(row, columns.amount);
      if (text === undefined) refuse("MISSING_VALUE", "the amount is empty", where(row, columns.amount));
      const signed = bankAmount(text, currency, where(row, columns.amount), options);
      if (!columns.direction) return { amount: signed < 0n ? -signed : signed, direction: signed < 0n ? "debit" : "credit" };
      const indicator = cell(row, columns.direction.column) ?? "";
      const direction = columns.direction.credit.includes(indicator) ? "credit" : columns.direction.debit.includes(indicator) ? "debit" : undefined;
      if (!direction || signed < 0n) refuse("MALFORMED_BANK_FILE", `"${indicator}" with amount ${text} is neither a credit nor a debit`, where(row, columns.direction.column));
      return { amount: signed, direction };
    }
    const credit = cell(row, columns.credit!);
    const debit = cell(row, columns.debit!);
    const creditAmount = credit === undefined ? 0n : bankAmount(credit, currency, where(row, columns.credit!), options);
    const debitAmount = debit === undefined ? 0n : bankAmount(debit, currency, where(row, columns.debit!), options);
    if (creditAmount !== 0n && debitAmount !== 0n) refuse("MALFORMED_BANK_FILE", "both the credit and the debit column hold an amount", where(row, columns.credit!));
    if (credit === undefined && debit === undefined) refuse("MISSING_VALUE", "neither the credit nor the debit column holds an amount", where(row, columns.credit!));
    // some banks write debits as negative numbers in the debit column
    const abs = (v: bigint) => (v < 0n ? -v : v);
    return debitAmount !== 0n ? { amount: abs(debitAmount), direction: "debit" } : { amount: abs(creditAmount), direction: "credit" };
  };

  const entries = rows.map((row): Entry => {
    const dateText = cell(row, columns.bookingDate);
    if (dateText === undefined) refuse("MISSING_VALUE", "the booking date is empty", where(row, columns.bookingDate));
    const bookingDate = csvDate(dateText, mapping.dateFormat, where(row, columns.bookingDate));
    const valueText = cell(row, columns.valueDate);
    const currencyText = cell(row, columns.currency);
    const currency = currencyText !== undefined ? bankCurrency(currencyText, where(row, columns.currency!)) : fixedCurrency;
    if (currency === undefined) refuse("MISSING_VALUE", "the currency is empty", where(row, columns.currency!));
    const detail = emptyTxDetail();
    detail.remittance.unstructured = [columns.remittance ?? []].flat().map((c) => cell(row, c)).filter((t) => t !== undefined);
    const name = cell(row, columns.counterpartyName);
    if (name !== undefined) detail.counterparty.name = name;
    const iban = cell(row, columns.counterpartyIban)?.replace(/\s+/g, "");
    if (iban) detail.counterparty.iban = iban.toUpperCase();
    const endToEndId = cell(row, columns.endToEndId);
    if (endToEndId !== undefined) detail.endToEndId = endToEndId;
    return {
      ref: cell(row, columns.reference) ?? null,
      bookingDate,
      valueDate: valueText === undefined ? bookingDate : csvDate(valueText, mapping.dateFormat, where(row, columns.valueDate!)),
      ...amountOf(row, currency),
      currency,
      reversal: false,
      details: [detail],
      line: row.line,
    };
  });

  const dates = entries.map((e) => e.bookingDate).sort();
  const currencies = new Set(entries.map((e) => e.currency));
  const account = { ...mapping.account, ...(currencies.size === 1 && { currency: [...currencies][0]! }) };
  const statement: Statement = {
    id: `csv/${account.iban ?? account.number ?? "account"}/${dates[0] ?? ""}..${dates.at(-1) ?? ""}`,
    account,
    entries,
  };
  return { format: "csv", statements: [statement] };
}
