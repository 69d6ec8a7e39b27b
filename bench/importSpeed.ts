/**
 * Times `importFile` on a generated invoice CSV, on PGlite and on PostgreSQL.
 *
 *   npx tsx bench/importSpeed.ts [--rows 200000] [--customers 20000] [--engine pglite|postgres|both]
 *
 * PostgreSQL: DUNWELL_BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres) must allow
 * CREATE DATABASE; the script works in a throwaway database it drops afterwards.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { appDeps, type Actor, type AppDeps } from "../src/app/deps.js";
import { importFile, type ImportReport } from "../src/app/imports/importFile.js";
import { createTenant } from "../src/app/tenants/createTenant.js";
import { fixedClock } from "../src/domain/dates/clock.js";
import { openDatabase, type Database } from "../src/store/database.js";
import { copyInto } from "../src/store/engine/copy.js";

const { values } = parseArgs({ options: { rows: { type: "string", default: "200000" }, customers: { type: "string", default: "20000" }, engine: { type: "string", default: "both" } } });
const rows = Number(values.rows);
const customers = Number(values.customers);
const adminUrl = process.env.DUNWELL_BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function customersCsv(): string {
  const lines = ["external_id,legal_name,currency,country"];
  for (let i = 0; i < customers; i++) lines.push(`C${i},Customer ${i} GmbH,EUR,DE`);
  return lines.join("\n") + "\n";
}

/** Invoices as an ERP exports them: spread over two years, net 30, 2 decimals, some with PO numbers. */
function invoicesCsv(): string {
  const lines = ["number,customer_external_id,issue_date,due_date,currency,amount,tax_amount,po_number,description"];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < rows; i++) {
    const issued = new Date(start + (i % 730) * 86_400_000);
    const due = new Date(issued.getTime() + 30 * 86_400_000);
    const cents = 10_000 + ((i * 7919) % 5_000_000);
    const tax = Math.floor(cents * 0.19);
    lines.push(`INV-${String(i).padStart(8, "0")},C${(i * 31) % customers},${iso(issued)},${iso(due)},EUR,${money(cents)},${money(tax)},${i % 3 === 0 ? `PO-${i}` : ""},Services ${i % 12 + 1}/2024`);
  }
  return lines.join("\n") + "\n";
}
const iso = (d: Date) => d.toISOString().slice(0, 10);
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

async function withDatabase(engine: "pglite" | "postgres", work: (database: Database) => Promise<void>): Promise<void> {
  if (engine === "pglite") {
    const database = await openDatabase({});
    try {
      await work(database);
    } finally {
      await database.close();
    }
    return;
  }
  const name = `dunwell_bench_import_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await work(database);
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

/**
 * The floor the target is measured against: the same invoices COPYed straight into the table of a
 * database of their own (ids and customer ids ready, nothing validated), so neither run leaves dead
 * rows or extra index entries in the way of the other.
 */
async function bareCopy(database: Database, tenantId: string): Promise<number> {
  const customerIds = new Map((await database.db.selectFrom("customers").select(["id", "external_id"]).where("tenant_id", "=", tenantId).execute()).map((c) => [c.external_id, c.id]));
  const text = invoiceFile
    .split("\n")
    .slice(1, -1)
    .map((row, i) => {
      const [number, customer, issued, due, currency, amount, tax, po, description] = row.split(",");
      const minor = (s: string) => s.replace(".", "");
      return `${tenantId}\t${randomUUID()}\t${customerIds.get(customer!)}\tBARE-${i}-${number}\t${issued}\t${due}\t${currency}\t${minor(amount!)}\t${minor(tax!)}\t${po || "\\N"}\t${description}\t${minor(amount!)}`;
    })
    .join("\n") + "\n";
  const started = performance.now();
  await database.db.transaction().execute((tx) => copyInto(tx as never, "invoices", ["tenant_id", "id", "customer_id", "number", "issue_date", "due_date", "currency", "amount", "tax_amount", "po_number", "description", "open_amount"], text));
  return Math.round(performance.now() - started);
}

function line(engine: string, what: string, report: ImportReport): void {
  const perSecond = Math.round(report.rows / (report.durationMs / 1000));
  console.log(`${engine.padEnd(8)} ${what.padEnd(22)} ${String(report.rows).padStart(8)} rows ${String(report.durationMs).padStart(7)} ms ${String(perSecond).padStart(8)} rows/s  (inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged})`);
}

const customerFile = customersCsv();
const invoiceFile = invoicesCsv();
console.log(`invoice file: ${rows} rows, ${(invoiceFile.length / 1e6).toFixed(1)} MB; ${customers} customers`);
const engines = values.engine === "both" ? (["postgres", "pglite"] as const) : ([values.engine as "pglite" | "postgres"] as const);
/** A database with the bench tenant and its customers. */
async function withCustomers(engine: "pglite" | "postgres", work: (database: Database, deps: AppDeps, actor: Actor, customers: ImportReport) => Promise<void>): Promise<void> {
  await withDatabase(engine, async (database) => {
    const deps = appDeps(database.db, database.engine, fixedClock("2024-06-30T12:00:00Z"));
    const tenant = await createTenant(deps, { slug: "bench", name: "Bench GmbH", baseCurrency: "EUR", country: "DE", timezone: "Europe/Berlin" });
    const actor: Actor = { tenantId: tenant.id, role: "admin", name: "bench" };
    await work(database, deps, actor, await importFile(deps, actor, "customers", customerFile));
  });
}

for (const engine of engines) {
  let bareMs = 0;
  await withCustomers(engine, async (database, _deps, actor) => {
    bareMs = await bareCopy(database, actor.tenantId);
  });
  console.log(`${engine.padEnd(8)} ${"bare COPY (floor)".padEnd(22)} ${String(rows).padStart(8)} rows ${String(bareMs).padStart(7)} ms ${String(Math.round(rows / (bareMs / 1000))).padStart(8)} rows/s`);
  await withCustomers(engine, async (_database, deps, actor, customers) => {
    line(engine, "customers", customers);
    const fresh = await importFile(deps, actor, "invoices", invoiceFile);
    line(engine, "invoices (new)", fresh);
    console.log(`${engine.padEnd(8)} import / bare COPY time: ${(fresh.durationMs / bareMs).toFixed(2)}`);
    line(engine, "invoices (unchanged)", await importFile(deps, actor, "invoices", invoiceFile));
  });
}
