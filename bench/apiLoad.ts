/**
 * Load test of GET /api/v1/invoices/{id} (target: ≥ 3,000 req/s on this 2-core machine).
 *
 *   npx tsx bench/apiLoad.ts                       # both engines, throwaway stores, seeded here
 *   npx tsx bench/apiLoad.ts --data DIR            # an existing PGlite directory (e.g. generated data)
 *   DATABASE_URL=postgres://… npx tsx bench/apiLoad.ts
 *   options: --duration 15 --connections 32 --seed 3000 --tenant SLUG --engines pglite,postgres
 *            --cpu-prof (writes the server's CPU profile to bench/out/)
 *
 * The server runs in a child process (as `dunwell serve` would), so autocannon's own CPU use stays
 * out of the server's event loop. Existing invoice ids are used; an empty tenant is seeded first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildServer } from "../src/api/server.js";
import { createApiKey } from "../src/app/access/apiKeys.js";
import { createCustomer } from "../src/app/customers/createCustomer.js";
import { appDeps, type Actor, type AppDeps } from "../src/app/deps.js";
import { createInvoice } from "../src/app/invoices/createInvoice.js";
import { getInvoice, listInvoices } from "../src/app/invoices/readInvoices.js";
import { createTenant } from "../src/app/tenants/createTenant.js";
import { listTenants } from "../src/app/tenants/findTenant.js";
import { openDatabase, type Engine } from "../src/store/database.js";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no type declarations; this is the slice of its API used here.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const { values: args } = parseArgs({
  options: {
    serve: { type: "boolean", default: false },
    engine: { type: "string" },
    location: { type: "string" },
    data: { type: "string" },
    tenant: { type: "string" },
    seed: { type: "string", default: "3000" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "32" },
    engines: { type: "string", default: "pglite,postgres" },
    "cpu-prof": { type: "boolean", default: false },
  },
});

const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/dunwell_bench_api";

interface Ready {
  port: number;
  key: string;
  invoiceIds: string[];
  seeded: number;
  /** Mean time of the getInvoice use case called in-process, one at a time: the floor under HTTP. */
  useCaseMs: number;
}

// ---------- child: open the store, make sure there are invoices, serve ----------

async function benchTenant(deps: AppDeps, slug: string | undefined): Promise<Actor> {
  const tenants = await listTenants(deps);
  const chosen = slug ? tenants.find((t) => t.slug === slug) : tenants[0];
  if (slug && !chosen) throw new Error(`no tenant "${slug}"`);
  const tenant = chosen ?? (await createTenant(deps, { slug: "bench", name: "Bench Ltd", baseCurrency: "EUR", country: "DE", timezone: "Europe/Berlin" }));
  return { tenantId: tenant.id, role: "admin", name: "bench" };
}

async function seedInvoices(deps: AppDeps, actor: Actor, count: number): Promise<void> {
  const customers = [];
  for (let c = 0; c < 50; c++) customers.push(await createCustomer(deps, actor, { externalId: `BENCH-C${c}`, legalName: `Bench Customer ${c}`, currency: "EUR" }));
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    await createInvoice(deps, actor, { number: `BENCH-${i}`, customerId: customers[i % customers.length]!.id, issueDate: `2024-05-${day}`, terms: "net 30", currency: "EUR", amount: `${100 + (i % 900)}.00` });
  }
}

async function serve(): Promise<void> {
  const engine = args.engine as Engine;
  const database = await openDatabase(engine === "postgres" ? { databaseUrl: args.location, poolSize: 16 } : { dataDir: args.location });
  const deps = appDeps(database.db, database.engine);
  const actor = await benchTenant(deps, args.tenant);
  let page = await listInvoices(deps, actor, { limit: 1000 });
  let seeded = 0;
  if (page.items.length === 0) {
    seeded = Number(args.seed);
    await seedInvoices(deps, actor, seeded);
    page = await listInvoices(deps, actor, { limit: 1000 });
  }
  const invoiceIds = page.items.map((i) => i.id);
  while (page.nextCursor && invoiceIds.length < 5000) {
    page = await listInvoices(deps, actor, { limit: 1000, cursor: page.nextCursor });
    invoiceIds.push(...page.items.map((i) => i.id));
  }
  const calls = 300;
  for (let i = 0; i < 100; i++) await getInvoice(deps, actor, invoiceIds[i % invoiceIds.length]!); // warm-up
  const started = performance.now();
  for (let i = 0; i < calls; i++) await getInvoice(deps, actor, invoiceIds[i % invoiceIds.length]!);
  const useCaseMs = (performance.now() - started) / calls;
  const { key } = await createApiKey(deps, actor, { name: `bench ${new Date().toISOString()}`, role: "viewer" });
  const server = buildServer(deps, { logger: { level: "warn" } });
  await server.listen({ host: "127.0.0.1", port: 0 });
  const address = server.server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no TCP address");
  process.stdout.write(`READY ${JSON.stringify({ port: address.port, key, invoiceIds, seeded, useCaseMs } satisfies Ready)}\n`);
  const stop = () => void server.close().then(() => database.close()).then(() => process.exit(0));
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

// ---------- parent: start a child per engine, load it, report ----------

function startServer(engine: Engine, location: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const profile = args["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", new URL("./out/", import.meta.url).pathname] : [];
  const argv = [...process.execArgv, ...profile, new URL(import.meta.url).pathname, "--serve", "--engine", engine, "--location", location, "--seed", args.seed!];
  if (args.tenant) argv.push("--tenant", args.tenant);
  const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the ${engine} server exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      if (line.startsWith("READY ")) resolve({ child, ready: JSON.parse(line.slice(6)) as Ready });
      else process.stderr.write(`[${engine}] ${line}\n`);
    });
  });
}

async function load(ready: Ready, duration: number): Promise<AutocannonResult> {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${ready.port}`,
    connections: Number(args.connections),
    duration,
    headers: { authorization: `Bearer ${ready.key}` },
    requests: [{ method: "GET", setupRequest: (req: Record<string, unknown>) => ({ ...req, path: `/api/v1/invoices/${ready.invoiceIds[next++ % ready.invoiceIds.length]}` }) }],
  });
}

async function ensurePostgresDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const name = target.pathname.slice(1);
    const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`create database "${name.replace(/"/g, "")}"`);
    return true;
  } catch (error) {
    process.stderr.write(`PostgreSQL at ${admin.host} unavailable (${(error as Error).message}); skipping it\n`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const targets: { engine: Engine; location: string; cleanup?: () => Promise<void> }[] = [];
  const databaseUrl = process.env.DATABASE_URL;
  if (args.data) targets.push({ engine: "pglite", location: args.data });
  if (databaseUrl) targets.push({ engine: "postgres", location: databaseUrl });
  if (targets.length === 0) {
    const engines = args.engines!.split(",");
    if (engines.includes("pglite")) {
      const dir = await mkdtemp(join(tmpdir(), "dunwell-bench-api-"));
      targets.push({ engine: "pglite", location: dir, cleanup: () => rm(dir, { recursive: true, force: true }) });
    }
    if (engines.includes("postgres") && (await ensurePostgresDatabase(DEFAULT_PG_URL))) targets.push({ engine: "postgres", location: DEFAULT_PG_URL });
  }

  const rows: string[] = [];
  for (const target of targets) {
    const started = Date.now();
    const { child, ready } = await startServer(target.engine, target.location);
    process.stderr.write(`[${target.engine}] ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${ready.invoiceIds.length} invoice ids${ready.seeded ? `, seeded ${ready.seeded}` : ""})\n`);
    process.stderr.write(`[${target.engine}] getInvoice in-process, sequential: ${ready.useCaseMs.toFixed(3)} ms/call\n`);
    try {
      await load(ready, 3); // warm-up: JIT, connection pool, PostgreSQL buffer cache
      const result = await load(ready, Number(args.duration));
      rows.push(
        `${target.engine.padEnd(8)}  ${result.requests.average.toFixed(0).padStart(7)} req/s  p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  non-2xx ${result.non2xx}  errors ${result.errors}  (use case alone, sequential: ${ready.useCaseMs.toFixed(2)} ms)`,
      );
    } finally {
      await new Promise((resolve) => setTimeout(resolve, 500)); // let requests autocannon abandoned finish
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      await target.cleanup?.();
    }
  }
  process.stdout.write(`GET /api/v1/invoices/{id}, ${args.connections} connections, ${args.duration} s\n${rows.join("\n")}\n`);
}

await (args.serve ? serve() : main());
