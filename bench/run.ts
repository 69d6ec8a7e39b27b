/**
 * `npm run bench`: generates a book (default 20,000 customers / 1,000,000 invoices) and measures,
 * per engine, each figure beside its bare-SQL baseline from the same run. See bench/README.md.
 *
 *   npx tsx bench/run.ts [--engine pglite|postgres|both] [--customers 20000] [--invoices 1000000]
 *                        [--months 18] [--seed 42] [--as-of 2025-06-30] [--runs 5] [--skip-import]
 */
import cliProgress from "cli-progress";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { appDeps } from "../src/app/deps.js";
import type { BookOptions } from "../src/app/demo/bookTypes.js";
import { writeImportCsvs, type WrittenImportCsvs } from "../src/app/demo/importCsv.js";
import { fixedClock } from "../src/domain/dates/clock.js";
import type { Engine } from "../src/store/database.js";
import { measureAging } from "./agingFigures.js";
import { openBenchDatabase } from "./benchDatabase.js";
import { findImportFile, ImportFailed, measureImport } from "./importFigure.js";
import { measureLedgerLoad } from "./ledgerLoad.js";
import { passed, printTable, writeResults, type BenchResults, type EngineResults } from "./report.js";
import { timeOnce } from "./timing.js";

const OUT = new URL("./out/", import.meta.url).pathname;

const { values: args } = parseArgs({
  options: {
    engine: { type: "string", default: "both" },
    customers: { type: "string", default: "20000" },
    invoices: { type: "string", default: "1000000" },
    months: { type: "string", default: "18" },
    seed: { type: "string", default: "42" },
    "as-of": { type: "string", default: "2025-06-30" },
    runs: { type: "string", default: "5" },
    "skip-import": { type: "boolean", default: false },
  },
});

const engines: Engine[] = args.engine === "both" ? ["postgres", "pglite"] : [args.engine as Engine];
if (!engines.every((e) => e === "postgres" || e === "pglite")) throw new Error(`--engine must be pglite, postgres or both, not ${args.engine}`);
const asOf = args["as-of"]!;
const book: BookOptions = { customers: Number(args.customers), invoices: Number(args.invoices), months: Number(args.months), seed: Number(args.seed), endDate: asOf };
const runs = Number(args.runs);
// 10:00 UTC is the same calendar day in Berlin, the demo tenant's zone
const clock = fixedClock(`${asOf}T10:00:00Z`);

const results: BenchResults = {
  startedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) },
  scale: { customers: book.customers, invoices: book.invoices!, months: book.months, seed: book.seed, asOf },
  engines: {},
  passed: false,
};

const importFile = args["skip-import"] ? undefined : await findImportFile();
let csv: WrittenImportCsvs | undefined;
if (importFile) {
  const written = await timeOnce(() => writeImportCsvs(book, join(OUT, "csv")));
  csv = written.value;
  console.log(`import CSVs written to ${join(OUT, "csv")} in ${(written.ms / 1000).toFixed(1)} s`);
}

for (const engine of engines) {
  console.log(`\n${engine}: loading ${book.customers.toLocaleString("en")} customers / ${book.invoices!.toLocaleString("en")} invoices`);
  const bench = await openBenchDatabase(engine);
  const deps = appDeps(bench.database.db, engine, clock);
  const bar = new cliProgress.SingleBar({ format: "  {phase} [{bar}] {value}/{total} customers", hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(book.customers, 0, { phase: "bare COPY" });
  let phase = "baseline";
  const load = await measureLedgerLoad(deps, book, asOf, (current, done) => {
    if (current !== phase) {
      phase = current;
      bar.start(book.customers, 0, { phase: "loadDemo " });
    }
    bar.update(done);
  }).finally(() => bar.stop());
  console.log(`  aging figures (${runs} runs each)`);
  const aging = await measureAging(deps, load.demo.tenant.id, asOf, load.demo.tenant.agingBuckets, runs);
  await bench.dispose();

  let imported: EngineResults["import"] = { skipped: importFile ? "" : args["skip-import"] ? "--skip-import" : "src/app/imports/importFile.ts does not exist yet" };
  if (importFile && csv) {
    console.log("  importing the CSV files through importFile");
    const fresh = await openBenchDatabase(engine, "_import");
    try {
      imported = await measureImport(appDeps(fresh.database.db, engine, clock), importFile, csv, book);
    } catch (error) {
      if (!(error instanceof ImportFailed)) throw error;
      console.log(`  ${error.message}`);
      imported = { skipped: error.message, errors: error.errors };
    } finally {
      await fresh.dispose();
    }
  }
  const { demo, ...figures } = load;
  results.engines[engine] = { load: { ...figures, counts: demo.counts, openInvoices: demo.openInvoices }, aging: aging.totals, agingByCustomer: aging.byCustomer, import: imported };
  await writeResults(join(OUT, "results.json"), results); // kept if a later engine fails
}

results.passed = (Object.entries(results.engines) as [Engine, EngineResults][]).every(([engine, r]) => passed(engine, r));
printTable(results);
if (results.machine.loadAverage[0]! > results.machine.cpus) console.log(`\nnote: the load average was ${results.machine.loadAverage[0]} on ${results.machine.cpus} CPUs at the start; absolute times are inflated`);
await writeResults(join(OUT, "results.json"), results);
console.log(`\nresults: ${join(OUT, "results.json")}${results.passed ? "" : " (some targets missed)"}`);
