import type { Command } from "commander";
import { checkLedger } from "../../app/maintenance/checkLedger.js";
import { runMaintenance } from "../../app/maintenance/runMaintenance.js";
import { withContext, type CliEnvironment } from "../context.js";
import { toJson } from "../io.js";

export function registerMaintenanceCommands(program: Command, env: CliEnvironment): void {
  program
    .command("migrate")
    .description("apply pending database migrations (every command also does this on start)")
    .action((_o, cmd: Command) => withContext(cmd, env, async (ctx) => ctx.io.out(ctx.json ? toJson({ ok: true }) : `database at ${ctx.database.location} is up to date`)));
  program
    .command("maintain")
    .description("purge expired idempotency keys; vacuum and analyze the embedded database (serve does this hourly)")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const result = await runMaintenance(ctx.deps);
        ctx.io.out(ctx.json ? toJson(result) : `purged ${result.idempotencyKeysPurged} expired idempotency keys${result.vacuumed ? "; vacuumed and analyzed" : ""}`);
      }),
    );
  program
    .command("check")
    .description("verify that every cached balance equals what its allocations say")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const drift = await checkLedger(ctx.deps, actor);
        ctx.io.out(ctx.json ? toJson({ drift }) : drift.length === 0 ? "ledger consistent" : `${drift.length} rows drifted:\n${drift.map((d) => `  ${d.kind} ${d.id}`).join("\n")}`);
        if (drift.length > 0) process.exitCode = 70;
      }),
    );
}
