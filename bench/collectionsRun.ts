/**
 * Times the daily collections run on a generated book (default 20,000 customers, 1,000,000
 * invoices), on PostgreSQL and PGlite, beside the bare due-accounts query of the same day.
 *
 *   npx tsx bench/collectionsRun.ts [--engine pglite|postgres|both] [--customers 20000] [--invoices 1000000] [--as-of 2025-06-30]
 *
 * Day 1 is the first run on the book: every customer with overdue debt starts a chase at once (the
 * heaviest day). Day 2 is a steady-state day. "again" repeats day 2 and must do nothing.
 */
import { parseArgs } from "node:util";
import { sql } from "kysely";
import { runCollections } from "../src/app/collections/runCollections.js";
import { appDeps, type Actor } from "../src/app/deps.js";
import { loadDemo } from "../src/app/demo/loadDemo.js";
import { fixedClock } from "../src/domain/dates/clock.js";
import { addDays, isoDate } from "../src/domain/dates/plainDate.js";
import type { Engine } from "../src/store/database.js";
import { openBenchDatabase } from "./benchDatabase.js";
import { compareRuns, timeOnce } from "./timing.js";

const { values: args } = parseArgs({ options: { engine: { type: "string", default: "both" }, customers: { type: "string", default: "20000" }, invoices: { type: "string", default: "1000000" }, "as-of": { type: "string", default: "2025-06-30" } } });
const asOf = args["as-of"]!;
const engines: Engine[] = args.engine === "both" ? ["postgres", "pglite"] : [args.engine as Engine];
const TARGET_MS: Record<Engine, number> = { postgres: 3_000, pglite: 8_000 };

async function bench(engine: Engine): Promise<void> {
  const { database, dispose } = await openBenchDatabase(engine, "_run");
  try {
    const deps = appDeps(database.db, database.engine, fixedClock(`${asOf}T10:00:00Z`));
    console.log(`${engine}: loading ${args.customers} customers / ${args.invoices} invoices`);
    const demo = await loadDemo(deps, { customers: Number(args.customers), invoices: Number(args.invoices), months: 18, seed: 42 });
    await sql`vacuum analyze`.execute(database.db);
    const actor: Actor = { tenantId: demo.tenant.id, role: "admin", name: "bench" };
    const open = await sql<{ n: number }>`select count(*)::int as n from invoices where tenant_id = ${actor.tenantId} and open_amount > 0`.execute(database.db);
    const day2 = addDays(isoDate(asOf), 1).toString();
    const bare = await compareRuns(
      5,
      () => sql`select customer_id, currency, min(due_date), sum(open_amount) from invoices where tenant_id = ${actor.tenantId} and open_amount > 0 and due_date <= ${asOf}::date + 7 group by 1, 2`.execute(database.db),
      async () => undefined,
    );
    const first = await timeOnce(() => runCollections(deps, actor, { asOf }));
    const second = await timeOnce(() => runCollections(deps, actor, { asOf: day2 }));
    const again = await timeOnce(() => runCollections(deps, actor, { asOf: day2 }));
    const row = (name: string, t: { ms: number; value: { accounts: number; performed: Record<string, number>; skipped: number } }) =>
      `  ${name.padEnd(26)} ${t.ms.toFixed(0).padStart(6)} ms  accounts ${t.value.accounts}, performed ${Object.values(t.value.performed).reduce((a, b) => a + b, 0)}, skipped ${t.value.skipped}  (target ≤ ${TARGET_MS[engine]} ms: ${t.ms <= TARGET_MS[engine] ? "ok" : "MISSED"})`;
    console.log(`${engine}: ${open.rows[0]!.n} open invoices; bare due-accounts query ${bare.a.medianMs.toFixed(1)} ms (median of 5)`);
    console.log(row(`day 1 (${asOf}, first run)`, first));
    console.log(row(`day 2 (${day2})`, second));
    console.log(row("day 2 again", again));
  } finally {
    await dispose();
  }
}

for (const engine of engines) await bench(engine);
