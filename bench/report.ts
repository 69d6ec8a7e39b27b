import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Engine } from "../src/store/database.js";
import type { AgingFigure } from "./agingFigures.js";
import type { ImportFigure } from "./importFigure.js";
import type { LedgerLoadFigure } from "./ledgerLoad.js";

/** The targets of the Foundation issue, per engine. */
export const TARGETS = {
  postgres: { importRowsPerSec: 100_000, agingRatio: 1.5, byCustomerMs: 400 },
  pglite: { importRowsPerSec: 50_000, agingRatio: 1.5, byCustomerMs: 900 },
} as const satisfies Record<Engine, unknown>;

export interface EngineResults {
  load: Omit<LedgerLoadFigure, "demo"> & { counts: LedgerLoadFigure["demo"]["counts"]; openInvoices: number };
  aging: AgingFigure;
  agingByCustomer: AgingFigure;
  import: ImportFigure | { skipped: string; errors?: unknown[] };
}

export interface BenchResults {
  startedAt: string;
  machine: { cpus: number; memoryGb: number; node: string; loadAverage: number[] };
  scale: { customers: number; invoices: number; months: number; seed: number; asOf: string };
  engines: Partial<Record<Engine, EngineResults>>;
  passed: boolean;
}

type Line = [figure: string, app: string, baseline: string, ratio: string, target: string, ok: boolean | null];

const k = (n: number) => `${Math.round(n / 1000)}k/s`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (v: number) => `${v} ms`;
const x = (r: number) => `${r.toFixed(2)}×`;

export function lines(engine: Engine, r: EngineResults): Line[] {
  const t = TARGETS[engine];
  const out: Line[] = [
    [`bulk load, ${r.load.rows.toLocaleString("en")} rows (rows/s)`, `${k(r.load.appRowsPerSec)} (${s(r.load.appMs)})`, `${k(r.load.baselineRowsPerSec)} (${s(r.load.baselineMs)})`, x(r.load.ratio),
      "skipped" in r.import ? `≥ ${k(t.importRowsPerSec)} (stand-in for import)` : "—", "skipped" in r.import ? r.load.appRowsPerSec >= t.importRowsPerSec : null],
    [`  generation of the book (incl. in load)`, s(r.load.timings.generateMs), "—", "—", "—", null],
  ];
  if (!("skipped" in r.import)) {
    const inv = r.import.files.invoices;
    out.push([`import invoices.csv, ${inv.rows.toLocaleString("en")} rows`, `${k(inv.rowsPerSec)} (${s(inv.ms)})`, `${k(r.import.baselineRowsPerSec)} (${s(r.import.baselineInvoicesMs)})`, x(r.import.ratio), `≥ ${k(t.importRowsPerSec)}`, inv.rowsPerSec >= t.importRowsPerSec]);
    for (const kind of ["customers", "payments"] as const) {
      const f = r.import.files[kind];
      out.push([`  import ${kind}.csv, ${f.rows.toLocaleString("en")} rows`, `${k(f.rowsPerSec)} (${s(f.ms)})`, "—", "—", "—", null]);
    }
  }
  out.push([`aging, all invoices (median)`, ms(r.aging.app.medianMs), ms(r.aging.hand.medianMs), x(r.aging.ratio), `≤ ${t.agingRatio}× hand SQL`, r.aging.ratio <= t.agingRatio && r.aging.sameResult]);
  out.push([`aging per customer, ${r.agingByCustomer.rows.toLocaleString("en")} rows (median)`, ms(r.agingByCustomer.app.medianMs), ms(r.agingByCustomer.hand.medianMs), x(r.agingByCustomer.ratio),
    `≤ ${t.byCustomerMs} ms, ≤ ${t.agingRatio}×`, r.agingByCustomer.app.medianMs <= t.byCustomerMs && r.agingByCustomer.ratio <= t.agingRatio && r.agingByCustomer.sameResult]);
  return out;
}

export function passed(engine: Engine, r: EngineResults): boolean {
  return lines(engine, r).every(([, , , , , ok]) => ok !== false);
}

export function printTable(results: BenchResults): void {
  const header: string[] = ["engine", "figure", "app", "baseline", "ratio", "target", "result"];
  const rows: string[][] = [];
  for (const [engine, r] of Object.entries(results.engines) as [Engine, EngineResults][]) {
    for (const [figure, app, baseline, ratio, target, ok] of lines(engine, r)) rows.push([engine, figure, app, baseline, ratio, target, ok === null ? "" : ok ? "ok" : "MISSED"]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const format = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  console.log("\n" + format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(format(row));
  for (const [engine, r] of Object.entries(results.engines) as [Engine, EngineResults][]) {
    if (!r.aging.sameResult || !r.agingByCustomer.sameResult) console.log(`\n${engine}: the app's aging and the hand SQL disagree — see results.json`);
  }
}

export async function writeResults(path: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(results, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2) + "\n");
}
