import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, AppDeps } from "../../src/app/deps.js";
import { importRateTable } from "../../src/app/rates/importRateTable.js";
import { listRateTables } from "../../src/app/rates/listRateTables.js";
import { findTenant } from "../../src/app/tenants/findTenant.js";
import { Failure } from "../../src/domain/errors.js";
import { SHIPPED_RATES_DIR } from "../../src/store/referenceRateFiles.js";
import { engineAvailable, useTestDatabase } from "../kit/database.js";
import { apiAs, depsAt, newApiKey, newTenant } from "../kit/factories.js";
import { quoteApi, quoteBooks, quoteCli } from "./quoteScenario.js";

const shipped = (file: string) => readFile(join(SHIPPED_RATES_DIR, file), "utf8");
const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => (e instanceof Failure ? e.error : Promise.reject(e)));
const lineCount = (csv: string) => csv.trimEnd().split("\n").length;

describe.skipIf(!engineAvailable())("reference-rate tables: list, import, reset", () => {
  const t = useTestDatabase();
  const dunwell = quoteCli(t);
  let deps: AppDeps;
  let actor: Actor;
  let app: FastifyInstance;
  let dir: string;
  let de: string;
  beforeAll(async () => {
    deps = depsAt(t(), "2027-01-15");
    expect((await dunwell("tenant", "create", "--slug", "rates-cli", "--name", "Rates GmbH", "--currency", "EUR", "--country", "DE")).code).toBe(0);
    actor = { tenantId: (await findTenant(deps, "rates-cli")).id, role: "admin", name: "test" };
    app = quoteApi(deps);
    dir = await mkdtemp(join(tmpdir(), "dunwell-rates-"));
    de = await shipped("de-basiszinssatz.csv");
  });
  afterAll(() => app?.close());

  it("lists the shipped tables and how far each reaches", async () => {
    const listed = await dunwell("rates", "list", "--tenant", "rates-cli", "--json");
    const tables = JSON.parse(listed.out) as { name: string; source: string; cadence: string; last: { from: string; rate: string }; coveredUntil: string | null }[];
    expect(tables.map((x) => x.name)).toEqual(["de-basiszinssatz", "ecb-mro", "boe-bank-rate", "eu-semiannual-reference", "uk-reference"]);
    expect(tables.every((x) => x.source === "shipped")).toBe(true);
    expect(tables[0]).toMatchObject({ cadence: "half-yearly", last: { from: "2026-07-01", rate: "1.52" }, coveredUntil: "2026-12-31" });
    expect(tables[1]).toMatchObject({ cadence: "on-change", coveredUntil: null });
    expect((await dunwell("rates", "list", "--tenant", "rates-cli", "--table", "de-basiszinssatz")).out).toMatch(/2024-07-01\s+3\.37/);
  });

  it("refuses a table with a missing half-year, naming the line, and saves nothing", async () => {
    const file = join(dir, "gap.csv");
    await writeFile(file, `${de.trimEnd()}\n2027-07-01,1.77,skips 2027-01-01\n`);
    const run = await dunwell("rates", "import", file, "--table", "de-basiszinssatz", "--tenant", "rates-cli");
    expect(run.code).toBe(65);
    expect(run.err).toContain("RATE_TABLE_GAP");
    expect(run.err).toContain(`line ${lineCount(de) + 1}: the half-year from 2027-01-01 is missing`);
    expect(await failureOf(importRateTable(deps, actor, { table: "de-basiszinssatz", csv: `${de.trimEnd()}\n2027-07-01,1.77,x\n` }))).toMatchObject({ code: "RATE_TABLE_GAP", line: lineCount(de) + 1, path: "effective_from" });
    expect((await listRateTables(deps, actor)).every((x) => x.source === "shipped")).toBe(true);
  });

  it("uses a valid extension in the next quote, for this tenant only", async () => {
    const books = quoteBooks(deps, actor);
    const c = await books.customerOn({ interest: { statutory: "DE" } });
    await books.invoice(c.id, "2026-12-01", "10000.00", { issueDate: "2026-11-01" });
    expect(await failureOf(books.quote(c.id, "2027-01-15"))).toMatchObject({ code: "RATE_TABLE_GAP" });

    const file = join(dir, "de-2027.csv");
    await writeFile(file, `${de.trimEnd()}\n2027-01-01,1.77,Bundesbank announcement\n`);
    const run = await dunwell("rates", "import", file, "--table", "de-basiszinssatz.csv", "--tenant", "rates-cli", "--json");
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ name: "de-basiszinssatz", source: "tenant", last: { from: "2027-01-01", rate: "1.77" }, coveredUntil: "2027-06-30", updatedBy: "cli" });

    const quote = await books.quote(c.id, "2027-01-15");
    expect(quote.items[0]!.breakdown.map((p) => [p.from, p.to, p.rate, p.basis])).toEqual([
      ["2026-12-02", "2026-12-31", "10.52", "base rate 1.52 + 9 points"],
      ["2027-01-01", "2027-01-15", "10.77", "base rate 1.77 + 9 points"],
    ]);
    expect((await dunwell("quote", c.externalId, "--tenant", "rates-cli", "--as-of", "2027-01-15")).out).toContain("base rate 1.77 + 9 points");

    const other = await newTenant(deps);
    const theirs = quoteBooks(deps, other);
    const d = await theirs.customerOn({ interest: { statutory: "DE" } });
    await theirs.invoice(d.id, "2026-12-01", "10000.00", { issueDate: "2026-11-01" });
    expect(await failureOf(theirs.quote(d.id, "2027-01-15"))).toMatchObject({ code: "RATE_TABLE_GAP" });

    const reset = await dunwell("rates", "reset", "--table", "de-basiszinssatz", "--tenant", "rates-cli", "--json");
    expect(JSON.parse(reset.out)).toMatchObject({ source: "shipped", last: { from: "2026-07-01" } });
    expect(await failureOf(books.quote(c.id, "2027-01-15"))).toMatchObject({ code: "RATE_TABLE_GAP" });
  });

  it("checks an import against the other tables and the rows against each other, over the API", async () => {
    const api = apiAs(app, await newApiKey(deps, actor, "manager"));
    const eu = await shipped("eu-semiannual-reference.csv");
    const wrong = eu.replace("2024-07-01,4.25,", "2024-07-01,4.00,");
    const mismatch = await api.put("/api/v1/reference-rates/eu-semiannual-reference", wrong, { "content-type": "text/csv" });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error).toMatchObject({ code: "RATE_TABLE_MISMATCH", path: "rate_percent" });

    const repeated = `${de.trimEnd()}\n2026-07-01,1.52,again\n`;
    const overlap = await api.put("/api/v1/reference-rates/de-basiszinssatz", repeated, { "content-type": "text/csv" });
    expect(overlap.json().error).toMatchObject({ code: "RATE_TABLE_OVERLAP", line: lineCount(de) + 1 });
    expect((await api.get("/api/v1/reference-rates")).json().items.every((x: { source: string }) => x.source === "shipped")).toBe(true);

    const saved = await api.put("/api/v1/reference-rates/deBaseRate", `${de.trimEnd()}\n2027-01-01,1.77,x\n`, { "content-type": "text/csv" });
    expect(saved.statusCode, saved.body).toBe(200);
    const table = (await api.get("/api/v1/reference-rates/de-basiszinssatz")).json();
    expect(table).toMatchObject({ source: "tenant", updatedBy: expect.stringMatching(/^apikey:/) });
    expect(table.rates.at(-1)).toEqual({ from: "2027-01-01", rate: "1.77", note: "x" });
    expect((await api.delete("/api/v1/reference-rates/de-basiszinssatz")).json()).toMatchObject({ source: "shipped" });
  });

  it("names the tables it knows, and keeps imports to managers", async () => {
    const admin = apiAs(app, await newApiKey(deps, actor, "admin"));
    expect((await admin.get("/api/v1/reference-rates/fed-funds")).json().error).toMatchObject({ code: "RATE_TABLE_NOT_FOUND" });
    expect((await admin.get("/api/v1/reference-rates/fed-funds")).statusCode).toBe(404);
    const viewer = apiAs(app, await newApiKey(deps, actor, "viewer"));
    expect((await viewer.put("/api/v1/reference-rates/de-basiszinssatz", de, { "content-type": "text/csv" })).statusCode).toBe(403);
    expect((await dunwell("rates", "import", join(dir, "missing.csv"), "--table", "ecb-mro", "--tenant", "rates-cli")).code).toBe(65);
  });
});
