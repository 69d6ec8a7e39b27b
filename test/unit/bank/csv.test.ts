import { describe, expect, it } from "vitest";
import type { CsvMappingInput } from "../../../src/adapters/bank/csvMapping.js";
import { parsed, refused } from "./bankFileKit.js";

// A German bank export: preamble, semicolons, decimal comma with thousands points, signed amounts.
const german = [
  "Konto;DE89 3704 0044 0532 0130 00",
  "Zeitraum;01.05.2024 - 31.05.2024",
  "Buchungstag;Valuta;Auftraggeber;IBAN;Verwendungszweck;Zusatz;Betrag;Referenz",
  '02.05.2024;03.05.2024;"Müller; Söhne GmbH";DE02 1203 0000 0000 2020 51;RF18 5390 0754 7034;Rechnung 2024-17;1.190,00;B-1',
  "02.05.2024;02.05.2024;Stadtwerke;;Abschlag Mai;;-89,50;",
  "",
].join("\r\n");

const germanMapping: CsvMappingInput = {
  delimiter: ";",
  decimalComma: true,
  skipLines: 2,
  dateFormat: "DD.MM.YYYY",
  currency: "EUR",
  account: { iban: "DE89370400440532013000" },
  columns: {
    bookingDate: "Buchungstag",
    valueDate: "valuta",
    amount: "Betrag",
    reference: "Referenz",
    counterpartyName: "Auftraggeber",
    counterpartyIban: "IBAN",
    remittance: ["Verwendungszweck", "Zusatz"],
  },
};

describe("CSV with a column mapping", () => {
  it("reads signed amounts with decimal comma, dates, payer and remittance columns into one statement", () => {
    const file = parsed(german, { csvMapping: germanMapping });
    expect(file.format).toBe("csv");
    const [statement] = file.statements;
    expect(statement).toMatchObject({ id: "csv/DE89370400440532013000/2024-05-02..2024-05-02", account: { iban: "DE89370400440532013000", currency: "EUR" } });
    expect(statement!.entries).toEqual([
      {
        ref: "B-1",
        line: 4,
        bookingDate: "2024-05-02",
        valueDate: "2024-05-03",
        amount: 119000n,
        currency: "EUR",
        direction: "credit",
        reversal: false,
        details: [
          {
            remittance: { unstructured: ["RF18 5390 0754 7034", "Rechnung 2024-17"], structured: {} },
            counterparty: { name: "Müller; Söhne GmbH", iban: "DE02120300000000202051" },
          },
        ],
      },
      {
        ref: null,
        line: 5,
        bookingDate: "2024-05-02",
        valueDate: "2024-05-02",
        amount: 8950n,
        currency: "EUR",
        direction: "debit",
        reversal: false,
        details: [{ remittance: { unstructured: ["Abschlag Mai"], structured: {} }, counterparty: { name: "Stadtwerke" } }],
      },
    ]);
  });

  it("reads separate credit and debit columns and a currency column", () => {
    const csv = "date,credit,debit,ccy,text\n2024-05-02,100.00,,USD,Invoice 7\n2024-05-03,,-25,JPY,Fee\n";
    const entries = parsed(csv, { csvMapping: { columns: { bookingDate: "date", credit: "credit", debit: "debit", currency: "ccy", remittance: "text" } } }).statements[0]!.entries;
    expect(entries.map((e) => [e.direction, e.amount, e.currency])).toEqual([
      ["credit", 10000n, "USD"],
      ["debit", 25n, "JPY"],
    ]);
  });

  it("reads an unsigned amount with a credit/debit indicator column (Soll/Haben)", () => {
    const csv = "Datum|Betrag|S/H\n20240502|12,00|H\n20240503|3,50|S\n";
    const mapping: CsvMappingInput = { delimiter: "|", decimalComma: true, dateFormat: "YYYYMMDD", currency: "EUR", columns: { bookingDate: "Datum", amount: "Betrag", direction: { column: "S/H", credit: ["H"], debit: ["S"] } } };
    expect(parsed(csv, { csvMapping: mapping }).statements[0]!.entries.map((e) => [e.direction, e.amount])).toEqual([
      ["credit", 1200n],
      ["debit", 350n],
    ]);
    expect(refused(csv.replace("|S\n", "|X\n"), { csvMapping: mapping })).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 3, path: "S/H" });
  });

  it("reads a file without header by column positions", () => {
    const csv = "05/02/2024\t1250.00\tINV-9\n";
    const file = parsed(csv, { csvMapping: { header: false, delimiter: "\t", dateFormat: "MM/DD/YYYY", currency: "USD", columns: { bookingDate: 0, amount: 1, remittance: 2 } } });
    expect(file.statements[0]!.entries[0]).toMatchObject({ bookingDate: "2024-05-02", amount: 125000n, details: [{ remittance: { unstructured: ["INV-9"] } }] });
  });

  it("names the line and column of a bad amount or date, and a mapped column the file lacks", () => {
    expect(refused(german.replace("1.190,00", "1.190,001"), { csvMapping: germanMapping })).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 4, path: "Betrag" });
    expect(refused(german.replace("02.05.2024;03.05.2024", "31.02.2024;03.05.2024"), { csvMapping: germanMapping })).toMatchObject({ code: "MALFORMED_BANK_FILE", line: 4, path: "Buchungstag" });
    expect(refused(german, { csvMapping: { ...germanMapping, columns: { ...germanMapping.columns, reference: "Ref-Nr" } } })).toMatchObject({ code: "MISSING_COLUMN", path: "Ref-Nr" });
    expect(refused('date,amount\n2024-05-02,"10.00\n', { csvMapping: { currency: "EUR", columns: { bookingDate: "date", amount: "amount" } } }).code).toBe("MALFORMED_BANK_FILE");
  });

  it("validates the mapping itself", () => {
    const error = refused("a,b\n", { csvMapping: { columns: { bookingDate: "a", amount: "b", credit: "c" } } });
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", path: "csvMapping.columns.amount" });
    expect(refused("a,b\n", { csvMapping: { columns: { bookingDate: "a", amount: "b" } } })).toMatchObject({ code: "VALIDATION_FAILED", path: "csvMapping.currency" });
    expect(refused("a,b\n", { csvMapping: { header: false, currency: "EUR", columns: { bookingDate: "a", amount: 1 } } })).toMatchObject({ code: "VALIDATION_FAILED", path: "csvMapping.columns.bookingDate" });
    expect(refused("a,b\n", { format: "csv" })).toMatchObject({ code: "VALIDATION_FAILED", path: "csvMapping" });
  });
});
