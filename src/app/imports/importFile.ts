import { createHash } from "node:crypto";
import { fail, Failure } from "../../domain/errors.js";
import { recordImport } from "../../store/imports/importLog.js";
import type { Db } from "../../store/schema.js";
import { audit } from "../audit.js";
import type { Actor, AppDeps } from "../deps.js";
import { customerImporter } from "./customers/customerImporter.js";
import { aliasTable, mapHeader } from "./header.js";
import type { KindImporter } from "./importKind.js";
import { ImportRun } from "./importRun.js";
import { DEFAULT_MAX_BYTES, type ImportKind, type ImportOptions, type ImportReport } from "./importTypes.js";
import { invoiceImporter } from "./invoices/invoiceImporter.js";
import { paymentImporter } from "./payments/paymentImporter.js";
import { progressReporter } from "./progress.js";
import { csvRejects, jsonRejects } from "./rejectsFile.js";
import { stageRows, type RowSource } from "./stageRows.js";
import { countLines, CsvReader } from "./source/csvReader.js";
import { byteLength, decodeText } from "./source/decodeText.js";
import { readJsonRecords } from "./source/jsonRecords.js";
import { sniffDelimiter, sniffFormat } from "./source/sniff.js";

export type { ImportKind, ImportOptions, ImportReport, RowError } from "./importTypes.js";

// Thrown errors carry this many row errors; the report keeps counting past it.
const MAX_ERRORS_IN_FAILURE = 1000;

/**
 * `dunwell import customers|invoices|payments FILE`: validates every row of a CSV or JSON file and
 * upserts the rows by their natural key in one transaction. Without skipInvalid any error rejects the
 * whole file (IMPORT_REJECTED, nothing changes); with it the valid rows are imported and the others
 * come back as errors and a rejects CSV. Re-importing the same file changes nothing.
 */
export async function importFile(deps: AppDeps, actor: Actor, kind: ImportKind, content: Buffer | string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = byteLength(content);
  if (size > maxBytes) fail("FILE_TOO_LARGE", `the file has ${size} bytes; the limit is ${maxBytes}`, { details: { size, maxBytes } });
  const file: FileToImport = { content, sha256: createHash("sha256").update(content).digest("hex"), started };
  const run = new ImportRun(deps, actor, options);
  switch (kind) {
    case "customers":
      return runImport(run, customerImporter(), file);
    case "invoices":
      return runImport(run, invoiceImporter(), file);
    case "payments":
      return runImport(run, paymentImporter(), file);
  }
}

interface FileToImport {
  content: Buffer | string;
  sha256: string;
  started: number;
}

async function runImport<K extends string, T>(run: ImportRun, importer: KindImporter<K, T>, file: FileToImport): Promise<ImportReport> {
  const { kind } = importer;
  const { options } = run;
  const elapsed = () => Math.round(performance.now() - file.started);
  const opened = guardFile(run, () => openSource(decodeText(file.content), importer, run));
  if (!opened || run.fileRejected) return rejectFile(run, kind, elapsed());
  const { source, text, expectedRows } = opened;
  const progress = progressReporter(options.onProgress, expectedRows);

  return run.deps.db.transaction().execute(async (tx) => {
    await guardFile(run, () => stageRows(tx, run, importer, source, progress));
    progress.finish(run.rows);
    if (!run.fileRejected) await importer.check(tx, run);
    if (run.fileRejected || (run.hasErrors && !options.skipInvalid)) return rejectFile(run, kind, elapsed());

    const { inserted, updated } = await importer.apply(tx, run);
    const rejected = run.rejectedCount;
    const report: ImportReport = {
      kind,
      rows: run.rows,
      inserted,
      updated,
      unchanged: run.rows - rejected - inserted - updated,
      rejected,
      errors: run.errors,
      rejects: options.skipInvalid ? (source.format === "csv" ? csvRejects(text, source.delimiter, run) : jsonRejects(source.records, run)) : null,
      durationMs: elapsed(),
    };
    await recordImportOf(tx, run, report, file.sha256);
    return report;
  });
}

interface OpenedSource<K extends string> {
  source: RowSource<K>;
  text: string;
  expectedRows: number;
}

function openSource<K extends string, T>(text: string, importer: KindImporter<K, T>, run: ImportRun): OpenedSource<K> | undefined {
  if (sniffFormat(text, run.options) === "json") {
    const records = readJsonRecords(text, importer.kind);
    run.label = (column) => importer.fieldOf[column as K] ?? column;
    return { source: { format: "json", records }, text, expectedRows: records.length };
  }
  const delimiter = run.options.delimiter ?? sniffDelimiter(text);
  const reader = new CsvReader(text, delimiter);
  const first = reader.next();
  if (!first) return fail("MALFORMED_FILE", "the file is empty; a CSV import needs a header line", { line: 1 });
  const { header, errors } = mapHeader(first.fields, importer.columns, aliasTable(importer.columns));
  for (const error of errors) run.rejectFile(error);
  run.label = (column) => header.label(column as K);
  return { source: { format: "csv", reader, delimiter, header }, text, expectedRows: Math.max(0, countLines(text) - first.line) };
}

/** A malformed file (bad encoding, unclosed quote, broken JSON) becomes a file-level error at its line. */
function guardFile<T>(run: ImportRun, read: () => T): T | undefined;
function guardFile<T>(run: ImportRun, read: () => Promise<T>): Promise<T | undefined>;
function guardFile<T>(run: ImportRun, read: () => T | Promise<T>): T | undefined | Promise<T | undefined> {
  const recordFailure = (error: unknown): undefined => {
    if (!(error instanceof Failure) || error.error.code !== "MALFORMED_FILE") throw error;
    run.rejectFile({ line: error.error.line ?? 1, column: null, code: "MALFORMED_FILE", message: error.error.message });
    return undefined;
  };
  try {
    const result = read();
    return result instanceof Promise ? result.catch(recordFailure) : result;
  } catch (error) {
    return recordFailure(error);
  }
}

/** IMPORT_REJECTED: thrown inside the transaction, so nothing the import staged or wrote survives. */
function rejectFile(run: ImportRun, kind: ImportKind, durationMs: number): never {
  const rejected = run.fileRejected ? run.rows : run.rejectedCount;
  const errors = run.errors.slice(0, MAX_ERRORS_IN_FAILURE);
  const report: ImportReport = { kind, rows: run.rows, inserted: 0, updated: 0, unchanged: 0, rejected, errors, rejects: null, durationMs };
  const first = run.fileError ?? errors[0];
  const message = run.fileError ? `file rejected: ${run.fileError.message}` : `${rejected} rows rejected`;
  return fail("IMPORT_REJECTED", message, { line: first?.line, path: first?.column ?? undefined, details: { errors, report } });
}

async function recordImportOf(tx: Db, run: ImportRun, report: ImportReport, sha256: string): Promise<void> {
  const id = run.deps.newId();
  const fileName = run.options.fileName ?? null;
  await recordImport(tx, { tenantId: run.actor.tenantId, id, kind: report.kind, fileName, fileSha256: sha256, rowsTotal: report.rows, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected, actor: run.actor.name });
  const { rows, inserted, updated, unchanged, rejected } = report;
  await audit(tx, run.deps, run.actor, `import.${report.kind}`, "import", id, { fileName, sha256, rows, inserted, updated, unchanged, rejected });
}
