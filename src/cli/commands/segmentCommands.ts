import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { applySegment, listSegments, removeSegment } from "../../app/segments/segments.js";
import { fail } from "../../domain/errors.js";
import { withContext, type CliEnvironment } from "../context.js";
import { formatTable, toJson } from "../io.js";

export function registerSegmentCommands(program: Command, env: CliEnvironment): void {
  const segment = program.command("segment").description("segments: rules that group customers and give each group a policy");
  segment
    .command("list")
    .description("segments in the order they are tried")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        const rows = await listSegments(ctx.deps, actor);
        ctx.io.out(
          ctx.json
            ? toJson(rows)
            : formatTable(rows, [
                { header: "priority", value: (s) => s.priority, align: "right" },
                { header: "key", value: (s) => s.key },
                { header: "policy", value: (s) => s.policy },
                { header: "conditions", value: (s) => s.conditions.map((c) => `${c.field} ${c.op} ${"amount" in c ? `${c.amount} ${c.currency}` : JSON.stringify(c.value)}`).join(" and ") || "(everyone)" },
              ]),
        );
      }),
    );
  segment
    .command("apply <file>")
    .description("create or replace a segment from a JSON file")
    .action((file: string, _o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const text = await readFile(file, "utf8").catch(() => fail("VALIDATION_FAILED", `cannot read ${file}`, { path: "file" }));
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (error) {
          fail("MALFORMED_FILE", `${file} is not JSON: ${(error as Error).message}`, { path: "file" });
        }
        const { actor } = await ctx.tenant();
        const applied = await applySegment(ctx.deps, actor, body);
        ctx.io.out(ctx.json ? toJson(applied) : `segment ${applied.key} → policy ${applied.policy}`);
      }),
    );
  segment
    .command("remove <key>")
    .description("delete a segment; its customers fall back to the next matching segment or the default policy")
    .action((key: string, _o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const { actor } = await ctx.tenant();
        await removeSegment(ctx.deps, actor, key);
        ctx.io.out(ctx.json ? toJson({ removed: key }) : `segment ${key} removed`);
      }),
    );
}
