import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isoDate } from "../../../src/domain/dates/plainDate.js";
import { coveredUntil, halfYearStart, parseRateTable, rateInForce, type RateCadence } from "../../../src/domain/interest/referenceRates.js";
import { parseReferenceRateTables, REFERENCE_RATE_FILES, type ReferenceRateName } from "../../../src/domain/interest/referenceRateTables.js";
import { loadReferenceRateTables, SHIPPED_RATES_DIR } from "../../../src/store/referenceRateFiles.js";

const d = isoDate;
const HEADER = "effective_from,rate_percent,source_note";
const table = (cadence: RateCadence, ...rows: string[]) => parseRateTable([HEADER, ...rows].join("\n"), { name: "test.csv", cadence });
const errorOf = (result: ReturnType<typeof table>) => (result.ok ? undefined : { code: result.error.code, line: result.error.line, path: result.error.path });
const shipped = () => Object.fromEntries(Object.entries(REFERENCE_RATE_FILES).map(([name, spec]) => [name, readFileSync(join(SHIPPED_RATES_DIR, spec.file), "utf8")])) as Record<ReferenceRateName, string>;

describe("the shipped reference-rate tables", () => {
  it("load, pass every check, and hold at least the rows compiled on 2026-11-23", async () => {
    const loaded = await loadReferenceRateTables();
    if (!loaded.ok) throw new Error(loaded.error.message);
    // rows are only ever added at the end, so these hold after every update
    const compiled = { deBaseRate: [50, "2002-01-01"], ecbMro: [63, "1999-01-01"], boeBankRate: [57, "1999-11-04"], euSemiannual: [28, "2013-01-01"], ukReference: [28, "2013-01-01"] } as const;
    for (const [name, [rows, first]] of Object.entries(compiled) as [ReferenceRateName, readonly [number, string]][]) {
      const t = loaded.value[name];
      expect(t.rows.length, name).toBeGreaterThanOrEqual(rows);
      expect(t.rows[0]!.from.toString(), name).toBe(first);
    }
  });

  it("keep negative reference rates and the README's spot checks", () => {
    const tables = parseReferenceRateTables(shipped());
    if (!tables.ok) throw new Error(tables.error.message);
    expect(rateInForce(tables.value.deBaseRate, d("2020-05-01"))?.rateBp).toBe(-88);
    expect(rateInForce(tables.value.euSemiannual, d("2022-08-01"))?.rateBp).toBe(0); // the July 2022 hike came after 1 July
    expect(rateInForce(tables.value.euSemiannual, d("2024-08-01"))?.rateBp).toBe(425); // the June 2024 cut came before
    expect(rateInForce(tables.value.ecbMro, d("2025-12-24"))?.rateBp).toBe(215); // set 2025-06-11, held until 2026-06-17
    expect(rateInForce(tables.value.deBaseRate, d("2026-12-31"))?.rateBp).toBe(152);
  });

  it("catch a derived table updated without its source", () => {
    const texts = shipped();
    texts.euSemiannual = texts.euSemiannual.replace("2024-07-01,4.25", "2024-07-01,4.00");
    expect(parseReferenceRateTables(texts)).toMatchObject({ ok: false, error: { code: "RATE_TABLE_MISMATCH", line: 25, path: "rate_percent" } });
    const uk = shipped();
    uk.boeBankRate = uk.boeBankRate.replace("2023-08-03,5.25", "2023-08-03,5.50");
    expect(parseReferenceRateTables(uk)).toMatchObject({ ok: false, error: { code: "RATE_TABLE_MISMATCH", path: "rate_percent" } });
  });
});

describe("loadReferenceRateTables", () => {
  const dir = mkdtempSync(join(tmpdir(), "dunwell-rates-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads an operator's directory and names a missing file", async () => {
    cpSync(SHIPPED_RATES_DIR, dir, { recursive: true });
    expect((await loadReferenceRateTables(dir)).ok).toBe(true);
    rmSync(join(dir, "uk-reference.csv"));
    expect(await loadReferenceRateTables(dir)).toMatchObject({ ok: false, error: { code: "MISSING_VALUE", path: "uk-reference.csv" } });
    writeFileSync(join(dir, "uk-reference.csv"), `${HEADER}\n2024-01-01,5.25,x\n2024-01-01,5.25,x\n`);
    expect(await loadReferenceRateTables(dir)).toMatchObject({ ok: false, error: { code: "RATE_TABLE_OVERLAP", line: 3 } });
  });
});

describe("parseRateTable", () => {
  it("reads dates, rates in basis points and notes, quoted commas included", () => {
    const result = table("on-change", '2024-01-01,3.62,"a, b"', "2024-03-10,-0.5,", "2024-04-01,4,c");
    expect(result).toMatchObject({
      ok: true,
      value: { rows: [{ from: d("2024-01-01"), rateBp: 362, note: "a, b", line: 2 }, { rateBp: -50, line: 3 }, { rateBp: 400, line: 4 }] },
    });
  });

  it.each([
    ["a repeated date", "on-change", ["2024-01-01,1.00,", "2024-01-01,1.25,"], "RATE_TABLE_OVERLAP", 3, "effective_from"],
    ["dates out of order", "on-change", ["2024-03-01,1.00,", "2024-02-01,1.25,"], "RATE_TABLE_OVERLAP", 3, "effective_from"],
    ["a missing half-year", "half-yearly", ["2024-01-01,1.00,", "2025-01-01,1.25,"], "RATE_TABLE_GAP", 3, "effective_from"],
    ["a half-yearly row in mid-year", "half-yearly", ["2024-01-01,1.00,", "2024-06-01,1.25,"], "INVALID_DATE", 3, "effective_from"],
    ["three decimals", "on-change", ["2024-01-01,3.625,"], "INVALID_RATE", 2, "rate_percent"],
    ["an absurd rate", "on-change", ["2024-01-01,45.00,"], "INVALID_RATE", 2, "rate_percent"],
    ["an absurd negative rate", "on-change", ["2024-01-01,-12,"], "INVALID_RATE", 2, "rate_percent"],
    ["a rate that is no number", "on-change", ["2024-01-01,3,5,"], "MALFORMED_FILE", 2, undefined],
    ["a comma decimal", "on-change", ['2024-01-01,"3,5",'], "INVALID_RATE", 2, "rate_percent"],
    ["an impossible date", "on-change", ["2024-02-30,1.00,"], "INVALID_DATE", 2, "effective_from"],
    ["a day-first date", "on-change", ["01.01.2024,1.00,"], "INVALID_DATE", 2, "effective_from"],
    ["no rows", "on-change", [], "RATE_TABLE_GAP", undefined, "effective_from"],
  ] as const)("refuses %s", (_what, cadence, rows, code, line, path) => {
    expect(errorOf(table(cadence, ...rows))).toEqual({ code, line, path });
  });

  it("refuses a file without the rate column, and an unclosed quote", () => {
    expect(parseRateTable("effective_from,rate\n2024-01-01,1\n", { name: "x", cadence: "on-change" })).toMatchObject({ ok: false, error: { code: "MISSING_COLUMN", path: "rate_percent", line: 1 } });
    expect(parseRateTable(`${HEADER}\n2024-01-01,1,"open\n`, { name: "x", cadence: "on-change" })).toMatchObject({ ok: false, error: { code: "MALFORMED_FILE" } });
    expect(parseRateTable("", { name: "x", cadence: "on-change" })).toMatchObject({ ok: false, error: { code: "RATE_TABLE_GAP" } });
  });

  it("ends a half-yearly table with its last half-year, but not a change list", () => {
    const halfYearly = table("half-yearly", "2024-01-01,1.00,", "2024-07-01,1.25,");
    if (!halfYearly.ok) throw new Error(halfYearly.error.message);
    expect(rateInForce(halfYearly.value, d("2024-12-31"))?.rateBp).toBe(125);
    expect(rateInForce(halfYearly.value, d("2025-01-01"))).toBeUndefined();
    expect(rateInForce(halfYearly.value, d("2023-12-31"))).toBeUndefined();
    const changes = table("on-change", "2024-01-01,1.00,");
    if (!changes.ok) throw new Error(changes.error.message);
    expect(coveredUntil(changes.value)).toBeNull();
  });

  it("finds the half-year a day is in", () => {
    expect([halfYearStart(d("2024-06-30")), halfYearStart(d("2024-07-01")), halfYearStart(d("2024-12-31"))]).toEqual([d("2024-01-01"), d("2024-07-01"), d("2024-07-01")]);
  });
});
