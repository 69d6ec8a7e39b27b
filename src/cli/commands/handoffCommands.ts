import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { handoffDossier, handoffFileStem } from "../../app/handoff/renderHandoffDossier.js";
import { fail } from "../../domain/errors.js";
import { withContext, type CliEnvironment } from "../context.js";
import { toJson } from "../io.js";

async function writeOutput(dir: string, name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(path, content);
  } catch (error) {
    fail("OUTPUT_NOT_WRITABLE", `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`, { path: "--out" });
  }
  return path;
}

export function registerHandoffCommands(program: Command, env: CliEnvironment): void {
  program
    .command("handoff")
    .description("agency and legal hand-offs: the case file of a customer")
    .command("export <customer>")
    .description("write the hand-off case file of a customer (external id) as <id>-handoff.json and a PDF dossier <id>-handoff.pdf")
    .option("--out <dir>", "directory to write the two files to (created if missing)", ".")
    .option("--as-of <date>", "the day the file describes (default: today in the tenant's time zone)")
    .action((externalId: string, opts: { out: string; asOf?: string }, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const { case: file, pdf } = await handoffDossier(ctx.deps, actor, { customerExternalId: externalId }, { asOf: opts.asOf });
        const dir = resolve(opts.out);
        const stem = handoffFileStem(file.debtor.externalId);
        const jsonPath = await writeOutput(dir, `${stem}.json`, toJson(file) + "\n");
        const pdfPath = await writeOutput(dir, `${stem}.pdf`, pdf);
        if (ctx.json) ctx.io.out(toJson(file));
        else ctx.io.out(`${jsonPath}\n${pdfPath}`);
      }),
    );
}
