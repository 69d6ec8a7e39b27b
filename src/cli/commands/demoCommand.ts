import type { Command } from "commander";
import { z } from "zod";
import { loadDemo } from "../../app/demo/loadDemo.js";
import { parseInput } from "../../app/inputs/validate.js";
import { withContext, type CliEnvironment } from "../context.js";
import { toJson } from "../io.js";

const DemoFlags = z.object({
  customers: z.coerce.number().int().min(1).max(100_000),
  months: z.coerce.number().int().min(1).max(120),
  seed: z.coerce.number().int().min(0).max(2 ** 31),
});

export function registerDemoCommand(program: Command, env: CliEnvironment): void {
  program
    .command("demo")
    .description('load a realistic, deterministic demo book into tenant "demo" (replacing it)')
    .option("--customers <n>", "number of customers", "200")
    .option("--months <n>", "months of history up to today", "18")
    .option("--seed <n>", "same seed, same book", "42")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const flags = parseInput(DemoFlags, cmd.opts(), "flags");
        const result = await loadDemo(ctx.deps, { tenantSlug: "demo", ...flags });
        if (ctx.json) return ctx.io.out(toJson(result));
        const c = result.counts;
        ctx.io.out(
          [
            `Loaded demo book into tenant "demo" (${ctx.database.location}) in ${result.durationMs} ms:`,
            `  ${c.customers} customers, ${c.contacts} contacts, ${c.invoices} invoices (${result.openInvoices} open), ${c.creditNotes} credit notes, ${c.payments} payments`,
            `Admin API key (shown once): ${result.apiKey.key}`,
            `Try:  node bin/dunwell.js aging --tenant demo    node bin/dunwell.js run --tenant demo --dry-run`,
            `      node bin/dunwell.js serve   (the API on http://127.0.0.1:3000/openapi.json; it also runs today's collections and logs the reminders)`,
          ].join("\n"),
        );
      }),
    );
}
