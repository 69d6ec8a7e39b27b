import cliProgress from "cli-progress";
import type { Command } from "commander";
import { readFile, stat, writeFile } from "node:fs/promises";
import { z } from "zod";
import { importFile, type ImportKind, type ImportReport } from "../../app/imports/importFile.js";
import { parseInput } from "../../app/inputs/validate.js";
import { fail } from "../../domain/errors.js";
import { withContext, type CliEnvironment } from "../context.js";
import type { CliIo } from "../io.js";
import { toJson } from "../io.js";

const Kind = z.enum(["customers", "invoices", "payments"]);
const MAX_BYTES = 200 * 1024 * 1024;

export function registerImportCommand(program: Command, env: CliEnvironment): void {
  program
    .command("import <kind> <file>")
    .description("import customers, invoices or payments from CSV or JSON (all or nothing)")
    .option("--decimal-comma", 'amounts written as "1.234,56"')
    .option("--delimiter <char>", "; , or tab (default: detected from the header)")
    .option("--format <format>", "csv or json (default: from the file name)")
    .option("--skip-invalid", "import the valid rows and write the rest to a rejects file")
    .option("--rejects <file>", "where --skip-invalid writes rejected rows (default FILE.rejects.csv)")
    .action((kindText: string, file: string, _o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const kind: ImportKind = parseInput(Kind, kindText, "kind");
        const o = cmd.opts();
        const size = (await stat(file).catch(() => fail("VALIDATION_FAILED", `cannot read ${file}`, { path: "file" }))).size;
        if (size > MAX_BYTES) fail("FILE_TOO_LARGE", `${file} is ${size} bytes; the limit is ${MAX_BYTES}`, { path: "file" });
        const { actor } = await ctx.tenant();
        const bar = progressBar(ctx.io, ctx.json);
        const report = await importFile(ctx.deps, actor, kind, await readFile(file), {
          fileName: file,
          decimalComma: Boolean(o.decimalComma),
          skipInvalid: Boolean(o.skipInvalid),
          ...(o.delimiter ? { delimiter: (o.delimiter === "tab" ? "\t" : o.delimiter) as "," | ";" | "\t" } : {}),
          ...(o.format ? { format: o.format as "csv" | "json" } : {}),
          onProgress: bar.update,
        }).finally(bar.stop);
        if (report.rejects) await writeFile((o.rejects as string | undefined) ?? `${file}.rejects.csv`, report.rejects);
        ctx.io.out(ctx.json ? toJson({ ...report, rejects: undefined }) : summary(report, file, o.rejects as string | undefined));
      }),
    );
}

function summary(r: ImportReport, file: string, rejectsFile: string | undefined): string {
  const lines = [`${r.kind}: ${r.rows} rows — ${r.inserted} inserted, ${r.updated} updated, ${r.unchanged} unchanged, ${r.rejected} rejected (${r.durationMs} ms)`];
  for (const e of r.errors.slice(0, 20)) lines.push(`  line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.code} ${e.message}`);
  if (r.errors.length > 20) lines.push(`  … ${r.errors.length - 20} more`);
  if (r.rejects) lines.push(`rejected rows written to ${rejectsFile ?? `${file}.rejects.csv`}`);
  return lines.join("\n");
}

function progressBar(io: CliIo, json: boolean): { update: (done: number, total: number) => void; stop: () => void } {
  if (!io.interactive || json) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar({ format: "importing [{bar}] {percentage}% | {value}/{total} rows", stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (done, total) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}
