import { readFile } from "node:fs/promises";
import { sql, type Kysely } from "kysely";
import type { Actor, AppDeps } from "../src/app/deps.js";
import type { BookOptions } from "../src/app/demo/bookTypes.js";
import { generateBookChunks } from "../src/app/demo/generateBook.js";
import type { ImportCsvKind, WrittenImportCsvs } from "../src/app/demo/importCsv.js";
import { createTenant } from "../src/app/tenants/createTenant.js";
import { bulkColumns, renderChunk } from "../src/store/bulkLoad.js";
import { copyInto } from "../src/store/engine/copy.js";
import { timeOnce } from "./timing.js";

/** The slice of importFile's contract the bench relies on. */
type ImportFile = (deps: AppDeps, actor: Actor, kind: ImportCsvKind, content: string, options: { fileName?: string }) => Promise<{ rows: number; rejected: number; inserted: number }>;

/**
 * importFile is being written alongside this bench; until its module exists the import figure is
 * skipped (the bulk-load figure stands in). The specifier is a variable so the bench compiles either way.
 */
export async function findImportFile(): Promise<ImportFile | undefined> {
  const specifier = "../src/app/imports/importFile.js";
  try {
    const module = (await import(specifier)) as { importFile?: ImportFile };
    return module.importFile;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_MODULE_NOT_FOUND") return undefined;
    throw error;
  }
}

export interface ImportFigure {
  /** Per file: rows, import time through importFile, rows per second. */
  files: Record<ImportCsvKind, { rows: number; rejected: number; ms: number; rowsPerSec: number }>;
  /** COPY of the same invoice rows into an empty table like `invoices`. */
  baselineInvoicesMs: number;
  baselineRowsPerSec: number;
  /** importFile time ÷ bare COPY time, invoices. */
  ratio: number;
}

/** The importer refused a generated file: a disagreement between generator and importer, reported, not fatal. */
export class ImportFailed extends Error {
  readonly errors: unknown[];
  constructor(kind: ImportCsvKind, cause: Error) {
    super(`importing ${kind}.csv failed: ${cause.message}`);
    const details = (cause as { error?: { details?: { errors?: unknown[] } } }).error?.details;
    this.errors = (details?.errors ?? []).slice(0, 5);
  }
}

const perSec = (rows: number, ms: number) => Math.round((rows * 1000) / ms);

/** (a) the book's CSV files through importFile into an empty tenant, against a bare COPY of the invoice rows. */
export async function measureImport(deps: AppDeps, importFile: ImportFile, csv: WrittenImportCsvs, book: BookOptions): Promise<ImportFigure> {
  const tenant = await createTenant(deps, { slug: "bench-import", name: "Import benchmark", baseCurrency: "EUR", country: "DE", timezone: "Europe/Berlin" });
  const actor: Actor = { tenantId: tenant.id, role: "admin", name: "bench" };
  const files = {} as ImportFigure["files"];
  for (const kind of ["customers", "invoices", "payments"] as const) {
    const content = await readFile(csv.files[kind], "utf8");
    const run = await timeOnce(() => importFile(deps, actor, kind, content, { fileName: `${kind}.csv` }).catch((error: unknown) => error as Error));
    if (run.value instanceof Error) throw new ImportFailed(kind, run.value);
    files[kind] = { rows: run.value.rows, rejected: run.value.rejected, ms: run.ms, rowsPerSec: perSec(run.value.rows, run.ms) };
  }

  await sql`create table bench_bare_invoices (like invoices including all)`.execute(deps.db);
  let baselineMs = 0;
  await deps.db.transaction().execute(async (tx) => {
    for (const chunk of generateBookChunks(book)) {
      const text = renderChunk(tenant.id, chunk).invoices;
      baselineMs += (await timeOnce(() => copyInto(tx as unknown as Kysely<unknown>, "bench_bare_invoices", bulkColumns("invoices"), text))).ms;
    }
  });
  await sql`drop table bench_bare_invoices`.execute(deps.db);
  return {
    files,
    baselineInvoicesMs: Math.round(baselineMs),
    baselineRowsPerSec: perSec(csv.rows.invoices, baselineMs),
    ratio: Math.round((files.invoices.ms / baselineMs) * 100) / 100,
  };
}
