import { Command, CommanderError } from "commander";
import { Failure, KIND_STATUS, kindOf } from "../domain/errors.js";
import { registerCollectionsCommands } from "./commands/collectionsCommands.js";
import { registerDemoCommand } from "./commands/demoCommand.js";
import { registerDispatchCommand } from "./commands/dispatchCommand.js";
import { registerHandoffCommands } from "./commands/handoffCommands.js";
import { registerQuoteCommands } from "./commands/quoteCommands.js";
import { registerImportCommand } from "./commands/importCommand.js";
import { registerLedgerCommands } from "./commands/ledgerCommands.js";
import { registerSegmentCommands } from "./commands/segmentCommands.js";
import { registerServeCommand } from "./commands/serveCommand.js";
import { registerTenantCommands } from "./commands/tenantCommands.js";
import { registerMaintenanceCommands } from "./commands/maintenanceCommands.js";
import type { CliEnvironment } from "./context.js";
import { toJson } from "./io.js";

const EX_USAGE = 64;

export function buildProgram(env: CliEnvironment): Command {
  const program = new Command("dunwell")
    .description("Dunwell: B2B collections — ledger, aging, imports, collections runs, API")
    .option("--data <dir>", "embedded database directory (ignored when DATABASE_URL is set)", env.env.DUNWELL_DATA ?? "./.dunwell")
    .option("--tenant <slug>", "which tenant (default: the only one, or DUNWELL_TENANT)")
    .option("--json", "machine-readable output")
    .exitOverride()
    .configureOutput({ writeOut: (s) => env.io.out(s), writeErr: (s) => env.io.err(s) });
  registerTenantCommands(program, env);
  registerLedgerCommands(program, env);
  registerImportCommand(program, env);
  registerDemoCommand(program, env);
  registerServeCommand(program, env);
  registerMaintenanceCommands(program, env);
  registerCollectionsCommands(program, env);
  registerSegmentCommands(program, env);
  registerDispatchCommand(program, env);
  registerHandoffCommands(program, env);
  registerQuoteCommands(program, env);
  return program;
}

/** Runs one command line; returns the exit code. Failures print their code and message (JSON with --json). */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  const program = buildProgram(env);
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EX_USAGE;
    const json = argv.includes("--json");
    if (error instanceof Failure) {
      env.io.err(json ? toJson({ error: error.error }) : `error ${error.error.code}: ${error.error.message}${detailLines(error.error.details)}`);
      return KIND_STATUS[kindOf(error.error.code)].exit;
    }
    env.io.err(json ? toJson({ error: { code: "INTERNAL", message: String(error) } }) : `error INTERNAL: ${error instanceof Error ? error.stack : String(error)}`);
    return KIND_STATUS.internal.exit;
  }
}

function detailLines(details: unknown): string {
  const errors = (details as { errors?: { line?: number; column?: string | null; path?: string; code: string; message: string }[] } | undefined)?.errors;
  if (!Array.isArray(errors)) return "";
  const shown = errors.slice(0, 50).map((e) => `\n  ${e.line !== undefined ? `line ${e.line}` : ""}${e.column ? `, ${e.column}` : e.path ? e.path : ""}: ${e.code} ${e.message}`);
  return shown.join("") + (errors.length > 50 ? `\n  … ${errors.length - 50} more` : "");
}
