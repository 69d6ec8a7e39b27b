import { readFile } from "node:fs/promises";
import { hostname } from "node:os";
import type { Command } from "commander";
import { z } from "zod";
import { runCollections, type RunSummary } from "../../app/collections/runCollections.js";
import { zIsoDate } from "../../app/inputs/fields.js";
import { parseInput } from "../../app/inputs/validate.js";
import { applyPolicy } from "../../app/policies/applyPolicy.js";
import { listPolicies, policyHistory } from "../../app/policies/listPolicies.js";
import { simulate } from "../../app/simulation/simulate.js";
import { listTenants } from "../../app/tenants/findTenant.js";
import type { SimulationResult } from "../../app/simulation/simulationResult.js";
import { fail } from "../../domain/errors.js";
import { withContext, type CliEnvironment } from "../context.js";
import { formatTable, toJson } from "../io.js";

const RunFlags = z.object({ asOf: zIsoDate.optional(), dryRun: z.boolean().optional(), batchSize: z.number().int().min(1).max(1_000_000).optional() });

const readText = (file: string): Promise<string> => readFile(file, "utf8").catch(() => fail("VALIDATION_FAILED", `cannot read ${file}`, { path: "file" }));

export function registerCollectionsCommands(program: Command, env: CliEnvironment): void {
  program
    .command("run")
    .description("run collections for one day: decide every customer's next step and queue the messages and tasks")
    .option("--as-of <date>", "the day to run for (default: today in the tenant's time zone)")
    .option("--dry-run", "decide and report, change nothing")
    .option("--worker", "share the day's run with other worker processes on the same PostgreSQL; without --tenant, run every tenant")
    .option("--batch-size <n>", "customers per batch when this process plans the day (default: one batch; 2000 with --worker)")
    .action((opts: { asOf?: string; dryRun?: boolean; worker?: boolean; batchSize?: string }, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const flags = parseInput(RunFlags, { asOf: opts.asOf, dryRun: opts.dryRun, ...(opts.batchSize === undefined ? {} : { batchSize: Number(opts.batchSize) }) }, "run options");
        const named = cmd.optsWithGlobals<{ tenant?: string }>().tenant ?? env.env.DUNWELL_TENANT;
        const tenants = opts.worker && !named ? await listTenants(ctx.deps) : [(await ctx.tenant()).tenant];
        const hold = Number(env.env.DUNWELL_RUN_HOLD_BATCH_MS ?? 0);
        const worker = opts.worker ? `${hostname()}:${process.pid}` : "cli";
        const summaries = [];
        for (const tenant of tenants) {
          const actor = { tenantId: tenant.id, role: "admin" as const, name: worker };
          summaries.push({ tenant: tenant.slug, ...(await runCollections(ctx.deps, actor, { ...flags, worker, ...(hold > 0 ? { holdBatchMs: hold } : {}) })) });
        }
        ctx.io.out(ctx.json ? toJson(summaries.length === 1 ? summaries[0] : summaries) : summaries.map((s) => `${s.tenant}: ${describeRun(s)}`).join("\n"));
      }),
    );

  const policy = program.command("policy").description("collections policies: ordered steps by days from the due date");
  policy
    .command("list")
    .description("the newest version of every policy")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const rows = await listPolicies(ctx.deps, actor);
        ctx.io.out(
          ctx.json
            ? toJson(rows)
            : formatTable(rows, [
                { header: "key", value: (p) => p.key },
                { header: "version", value: (p) => p.version, align: "right" },
                { header: "name", value: (p) => p.name },
                { header: "steps", value: (p) => p.definition.steps.map((s) => `${s.offsetDays >= 0 ? "+" : ""}${s.offsetDays} ${s.channel}`).join(", ") },
              ]),
        );
      }),
    );
  policy
    .command("show <key>")
    .description("every version of one policy, as JSON")
    .action((key: string, _o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        ctx.io.out(toJson(await policyHistory(ctx.deps, actor, key)));
      }),
    );
  policy
    .command("apply <file>")
    .description("write a policy from a JSON file; a changed definition becomes a new version")
    .action((file: string, _o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const body = parseJson(await readText(file), file);
        const { actor } = await ctx.tenant();
        const { policy: applied, changed } = await applyPolicy(ctx.deps, actor, body);
        ctx.io.out(ctx.json ? toJson({ policy: applied, changed }) : changed ? `policy ${applied.key} is now version ${applied.version}` : `policy ${applied.key} unchanged (version ${applied.version})`);
      }),
    );

  program
    .command("simulate <file>")
    .description("replay a scenario file day by day through the engine on a throwaway database (docs/scenario.md)")
    .action(async (file: string, _o, cmd: Command) => {
      const json = Boolean(cmd.optsWithGlobals<{ json?: boolean }>().json);
      const result = await simulate(await readText(file));
      env.io.out(json ? toJson(result) : describeSimulation(result));
    });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return fail("MALFORMED_FILE", `${file} is not JSON: ${(error as Error).message}`, { path: "file" });
  }
}

function describeRun(s: RunSummary): string {
  const counts = (m: Record<string, number | undefined>) => Object.entries(m).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
  return [
    `${s.dryRun ? "dry run for" : "collections run for"} ${s.date}: ${s.accounts} accounts`,
    `  performed: ${counts(s.performed)}`,
    `  skipped steps: ${s.skipped}; chases ended: ${s.cleared}; unreachable: ${s.unreachable}`,
    `  waiting: ${counts(s.waiting)}`,
    `  promises kept ${s.promises.kept}, broken ${s.promises.broken}`,
  ].join("\n");
}

function describeSimulation(r: SimulationResult): string {
  const actions = formatTable(r.actions, [
    { header: "date", value: (a) => a.date },
    { header: "customer", value: (a) => a.customer },
    { header: "step", value: (a) => a.step },
    { header: "channel", value: (a) => a.channel },
    { header: "overdue", value: (a) => `${a.overdue} ${a.currency}`, align: "right" },
    { header: "invoices", value: (a) => a.invoices.join(" ") },
    { header: "skipped", value: (a) => a.skipped.join(" ") },
  ]);
  const customers = r.customers.map((c) => `  ${c.id}: ${c.stage ?? "not chased"}${c.handedOff ? " (handed off)" : ""}${c.creditHold ? " (credit hold)" : ""}`).join("\n");
  return `${actions}\n\nat the end:\n${customers}`;
}
