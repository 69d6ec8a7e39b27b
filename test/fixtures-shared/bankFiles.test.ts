import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBankFile, type ParseBankFileOptions } from "../../src/adapters/bank/parseBankFile.js";
import type { BankFile } from "../../src/domain/cash/statement.js";
import { isValidRfReference } from "../../src/domain/references/rfReference.js";
import { sharedAvailable, sharedDir } from "./sharedFixtures.js";

/*
 * The real bank files in ../shared/fixtures/bank (sources in ../shared/fixtures/SOURCES.md), read in place.
 * The expected figures were counted from the files by hand and with an independent script (Python's XML
 * parser and regular expressions over the :61: and 16 records), not taken from this parser's output.
 * Totals are minor units per currency of the entries (bookings), credits and debits apart.
 */
interface Expected {
  format: BankFile["format"];
  statements: number;
  entries: number;
  credits: number;
  /** Transactions: TxDtls, or one for an entry without any. */
  details: number;
  totals: Record<string, { credits: bigint; debits: bigint }>;
  /** Files whose own figures do not add up are refused by default; these options read them anyway. */
  options?: ParseBankFileOptions;
}

const EXPECTED: Record<string, Expected> = {
  "camt053/genkgo_camt053.v2.multi.statement.xml": { format: "camt.053", statements: 2, entries: 2, credits: 1, details: 2, totals: { EUR: { credits: 885n, debits: 700n } } },
  "camt053/subite_camt053_v02_BE68793230773034-202411.xml": { format: "camt.053", statements: 1, entries: 268, credits: 4, details: 268, totals: { EUR: { credits: 18_000_000n, debits: 15_183_125n } } },
  "camt053/viafintech_053_v02_ing_valid_example_with_batch.xml": { format: "camt.053", statements: 1, entries: 3, credits: 2, details: 3, totals: { EUR: { credits: 768_800n, debits: 475_374n } } },
  "camt053/viafintech_053_v02_vrbank_valid_example.xml": { format: "camt.053", statements: 1, entries: 4, credits: 1, details: 5, totals: { EUR: { credits: 100n, debits: 1_100n } } },
  "camt053/viafintech_053_v04_postfinance_valid_example_v4.xml": { format: "camt.053", statements: 1, entries: 13, credits: 5, details: 32, totals: { CHF: { credits: 181_056n, debits: 127_295n } } },
  "camt053/viafintech_053_v08_ubs_valid_example_v8.xml": { format: "camt.053", statements: 1, entries: 3, credits: 2, details: 3, totals: { CHF: { credits: 56_325n, debits: 0n }, EUR: { credits: 0n, debits: 2_097n } } },
  "camt054/genkgo_camt054.v8.xml": { format: "camt.054", statements: 1, entries: 1, credits: 0, details: 3, totals: { SEK: { credits: 0n, debits: 20_000_000n } } },
  "camt054/jbank_camt054_v02_handelsbanken_fi_credit_notification.xml": { format: "camt.054", statements: 1, entries: 4, credits: 4, details: 4, totals: { EUR: { credits: 704_800n, debits: 0n } } },
  "camt054/viafintech_054_v04_postfinance_valid_example.xml": { format: "camt.054", statements: 1, entries: 4, credits: 2, details: 5, totals: { CHF: { credits: 8_056n, debits: 2_153n } } },
  "mt940/asnb_0708271685_09022020_164516.940.txt": { format: "mt940", statements: 31, entries: 8, credits: 3, details: 8, totals: { EUR: { credits: 282_890n, debits: 277_196n } } },
  "mt940/betterplace_sepa_mt9401.sta": { format: "mt940", statements: 26, entries: 97, credits: 41, details: 97, totals: { EUR: { credits: 518_847_494n, debits: 1_445_761_084n } } },
  "mt940/mbank_mt940.sta": { format: "mt940", statements: 1, entries: 3, credits: 3, details: 3, totals: { PLN: { credits: 3n, debits: 0n } } },
  "mt940/jejik_abnamro.sta": { format: "mt940", statements: 2, entries: 10, credits: 0, details: 10, totals: { EUR: { credits: 0n, debits: 34_593n } }, options: { checkBalances: false } },
  "mt940/jejik_rabobank.sta": { format: "mt940", statements: 4, entries: 5, credits: 0, details: 5, totals: { EUR: { credits: 0n, debits: 158_909n } }, options: { checkBalances: false } },
  "bai2/moj_citi_example.bai2": { format: "bai2", statements: 1, entries: 1, credits: 1, details: 1, totals: { GBP: { credits: 1n, debits: 0n } } },
  "bai2/moj_svb_us_example.bai2": { format: "bai2", statements: 2, entries: 2, credits: 2, details: 2, totals: { USD: { credits: 1_395_996n, debits: 0n } } },
  "bai2/moov_sample1.bai2.txt": { format: "bai2", statements: 2, entries: 17, credits: 5, details: 17, totals: { CAD: { credits: 320_000n, debits: 320_000n } } },
  "bai2/moov_sample5-issue113.bai2.txt": { format: "bai2", statements: 5, entries: 20, credits: 11, details: 20, totals: { USD: { credits: 3_798_602_119n, debits: 31_812_517n } }, options: { checkControlTotals: false } },
};

/** The one file Dunwell refuses outright: its first statement is in Deutsche Mark, withdrawn in 2002. */
const DEM_FILE = "mt940/cmxl_mt940.sta";

const bankDir = sharedDir + "fixtures/bank/";
const read = (file: string): Buffer => readFileSync(bankDir + file);

function parse(file: string, options?: ParseBankFileOptions): BankFile {
  const result = parseBankFile(read(file), options);
  if (!result.ok) expect.fail(`${file}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function summary(file: BankFile): Omit<Expected, "options"> {
  const entries = file.statements.flatMap((s) => s.entries);
  const totals: Expected["totals"] = {};
  for (const e of entries) {
    const total = (totals[e.currency] ??= { credits: 0n, debits: 0n });
    if (e.direction === "credit") total.credits += e.amount;
    else total.debits += e.amount;
  }
  return {
    format: file.format,
    statements: file.statements.length,
    entries: entries.length,
    credits: entries.filter((e) => e.direction === "credit").length,
    details: entries.reduce((n, e) => n + e.details.length, 0),
    totals,
  };
}

describe.skipIf(!sharedAvailable)("bank files from ../shared/fixtures/bank", () => {
  it("has an expectation for every file in the folder", () => {
    const files = readdirSync(bankDir).flatMap((dir) => readdirSync(bankDir + dir).map((f) => `${dir}/${f}`));
    expect(files.sort()).toEqual([...Object.keys(EXPECTED), DEM_FILE].sort());
  });

  for (const [file, { options, ...expected }] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.statements} statements, ${expected.entries} entries, ${expected.credits} credits`, () => {
      expect(summary(parse(file, options))).toEqual(expected);
    });
  }

  it("refuses the files whose own balances or control totals do not add up, naming the line", () => {
    expect(parseBankFile(read("mt940/jejik_abnamro.sta"))).toMatchObject({ ok: false, error: { code: "BALANCE_MISMATCH", line: 27, path: ":62F:" } });
    expect(parseBankFile(read("mt940/jejik_rabobank.sta"))).toMatchObject({ ok: false, error: { code: "BALANCE_MISMATCH", line: 11, path: ":62F:" } });
    // account 107049932's 49 record claims −1,260,161,341,762 where its amounts add up to 7,999,960
    expect(parseBankFile(read("bai2/moov_sample5-issue113.bai2.txt"))).toMatchObject({ ok: false, error: { code: "CONTROL_TOTAL_MISMATCH", line: 22, path: "49 record" } });
  });

  it("refuses the Deutsche Mark statement, and reads the EUR and PLN statements of the same file", () => {
    const text = read(DEM_FILE).toString("utf8");
    expect(parseBankFile(text)).toMatchObject({ ok: false, error: { code: "UNKNOWN_CURRENCY", line: 4, path: ":60F:" } });
    const rest = parseBankFile(text.slice(text.indexOf(":20:1234567")));
    if (!rest.ok) expect.fail(rest.error.message);
    expect(summary(rest.value)).toEqual({
      format: "mt940",
      statements: 2,
      entries: 5,
      credits: 3,
      details: 5,
      totals: { EUR: { credits: 300_000n, debits: 80_000n }, PLN: { credits: 2_004_000n, debits: 1_000_000n } },
    });
    expect(rest.value.statements[0]!.entries[0]!.details[0]!.remittance.unstructured).toEqual(["Miete November"]);
  });

  it("UBS camt.053.001.08: a valid RF reference, an invoice number in free text, a CHF→EUR payment", () => {
    const [invoice, rf, eur] = parse("camt053/viafintech_053_v08_ubs_valid_example_v8.xml").statements[0]!.entries;
    expect(invoice!.details[0]!.remittance.unstructured).toEqual(["INVOICE R77561"]);
    expect(rf!.details[0]!.remittance.structured).toEqual({ creditorReference: "RF38000000000000000000552", referenceType: "SCOR" });
    expect(isValidRfReference(rf!.details[0]!.remittance.structured.creditorReference!)).toBe(true);
    expect(eur).toMatchObject({ currency: "EUR", amount: 2_097n, details: [{ fx: { instructedAmount: 1_969n, instructedCurrency: "CHF", rate: "0.9433" } }] });
  });

  it("camt statements whose balances are given agree with their entries", () => {
    for (const file of ["camt053/viafintech_053_v02_vrbank_valid_example.xml", "camt053/viafintech_053_v04_postfinance_valid_example_v4.xml", "camt053/subite_camt053_v02_BE68793230773034-202411.xml"]) {
      const [statement] = parse(file).statements;
      const moved = statement!.entries.reduce((sum, e) => sum + (e.direction === "credit" ? e.amount : -e.amount), 0n);
      expect(statement!.openingBalance!.amount + moved, file).toBe(statement!.closingBalance!.amount);
    }
  });

  it("batch entries: the transactions add up to the booking", () => {
    for (const file of ["camt053/viafintech_053_v02_vrbank_valid_example.xml", "camt053/viafintech_053_v04_postfinance_valid_example_v4.xml", "camt054/viafintech_054_v04_postfinance_valid_example.xml"]) {
      const batches = parse(file).statements.flatMap((s) => s.entries).filter((e) => e.details.length > 1);
      expect(batches.length, file).toBeGreaterThan(0);
      for (const e of batches) expect(e.details.reduce((sum, d) => sum + d.amount!, 0n), file).toBe(e.amount);
    }
  });

  it("keeps the remittance text matching will search: invoice numbers, SEPA fields, BAI2 continuations", () => {
    const subite = parse("camt053/subite_camt053_v02_BE68793230773034-202411.xml").statements[0]!.entries;
    expect(subite.filter((e) => e.details[0]!.remittance.unstructured.some((u) => u.startsWith("Payment for invoice")))).toHaveLength(56);
    const finnish = parse("camt054/jbank_camt054_v02_handelsbanken_fi_credit_notification.xml").statements[0]!.entries;
    expect(finnish[3]!.details[0]!.remittance.unstructured).toContain("PARTIAL PYMT 170124 INV 43459");
    expect(finnish[3]!.details[0]!.fx).toEqual({ instructedAmount: 208_258n, instructedCurrency: "SEK" });
    expect(finnish[2]!.details[0]!.remittance.structured.invoiceNumbers).toEqual(["9580572"]);
    const sepa = parse("mt940/betterplace_sepa_mt9401.sta").statements.flatMap((s) => s.entries);
    expect(sepa.filter((e) => e.reversal)).toHaveLength(2);
    expect(sepa[0]).toMatchObject({ ref: "0724710345313905", details: [{ endToEndId: "TFNR 40005 00005" }] });
    const gs = parse("bai2/moov_sample5-issue113.bai2.txt", { checkControlTotals: false }).statements[1]!.entries[1]!;
    expect(gs).toMatchObject({ ref: "SB2322600000404", customerRef: "GSQ4FBGFDGWGKY", details: [{ endToEndId: "GSQ4FBGFDGWGKY", counterparty: { name: "SAMPLE INC", account: "101152046" } }] });
    expect(gs.details[0]!.remittance.unstructured).toContain("ACH- Test - Addenda Record");
  });
});
