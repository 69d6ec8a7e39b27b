import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addContact } from "../../src/app/customers/contacts.js";
import { openDatabase, type Database } from "../../src/store/database.js";
import { adminQuery, databaseUrl, testEngine } from "../kit/engines.js";
import { engineAvailable } from "../kit/database.js";
import { depsAt, newCustomer, newInvoice, newTenant } from "../kit/factories.js";
import { inject } from "vitest";

const CUSTOMERS = 60;
const root = fileURLToPath(new URL("../..", import.meta.url));

/** A `dunwell run --worker` process on the test database, holding each batch open for `holdMs`. */
function worker(url: string, slug: string, holdMs: number): { child: ChildProcess; exited: Promise<number | string> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "run", "--worker", "--tenant", slug, "--as-of", "2024-04-10", "--batch-size", "5", "--json"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, DUNWELL_RUN_HOLD_BATCH_MS: String(holdMs) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? (code === 0 ? 0 : `${code}: ${stderr}`))));
  return { child, exited };
}

// Several processes only share one database on a PostgreSQL server; PGlite is one process by design.
describe.skipIf(testEngine() !== "postgres" || !engineAvailable())("workers sharing a run", () => {
  const name = `dunwell_w_${randomBytes(6).toString("hex")}`;
  let database: Database;
  beforeAll(async () => {
    await adminQuery(`create database ${name} template ${inject("postgresTemplate")}`);
    database = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 4, migrate: false });
  });
  afterAll(async () => {
    await database?.close();
    await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it("performs every due action exactly once when one of three workers is killed mid-run", { timeout: 120_000 }, async () => {
    const deps = depsAt(database);
    const actor = await newTenant(deps, { slug: "workers" });
    for (let i = 0; i < CUSTOMERS; i++) {
      const c = await newCustomer(deps, actor);
      await addContact(deps, actor, c.id, { email: `ap${i}@example.com` });
      await newInvoice(deps, actor, c.id, { issueDate: "2024-03-01", dueDate: "2024-03-31" });
    }
    const url = databaseUrl(name);
    const workers = [worker(url, "workers", 400), worker(url, "workers", 400), worker(url, "workers", 400)];
    // Kill the first worker once batches are being done, so it dies holding one.
    for (let waited = 0; waited < 60_000; waited += 100) {
      const done = await database.db.selectFrom("collection_run_batches").select("batch_no").where("done_at", "is not", null).execute();
      if (done.length >= 2) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    workers[0]!.child.kill("SIGKILL");
    expect(await workers[0]!.exited).toBe("SIGKILL");
    expect(await workers[1]!.exited).toBe(0);
    expect(await workers[2]!.exited).toBe(0);

    const batches = await database.db.selectFrom("collection_run_batches").select(["done_at", "done_by"]).execute();
    expect(batches).toHaveLength(CUSTOMERS / 5);
    expect(batches.every((b) => b.done_at !== null)).toBe(true);
    expect(new Set(batches.map((b) => b.done_by)).size).toBeGreaterThanOrEqual(2);
    const performed = await database.db.selectFrom("dunning_actions").select(["customer_id", "step_id"]).where("status", "=", "performed").execute();
    expect(performed).toHaveLength(CUSTOMERS);
    expect(new Set(performed.map((a) => a.customer_id)).size).toBe(CUSTOMERS);
    expect(await database.db.selectFrom("outbox").select("id").execute()).toHaveLength(CUSTOMERS);
  });
});
