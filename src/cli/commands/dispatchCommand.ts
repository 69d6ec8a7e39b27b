import type { Command } from "commander";
import { z } from "zod";
import { parseInput } from "../../app/inputs/validate.js";
import { createChannelSenders } from "../../app/outbox/channelSenders.js";
import type { DispatchSummary } from "../../app/outbox/dispatchOutbox.js";
import { dispatchUntilEmpty, startDispatcher } from "../../jobs/dispatcher.js";
import { withContext, type CliEnvironment } from "../context.js";
import { toJson } from "../io.js";

const DispatchFlags = z.object({ once: z.boolean().optional(), poll: z.coerce.number().int().min(1).max(3600) });

const line = (s: DispatchSummary): string => `${s.sent} sent, ${s.cancelled} cancelled, ${s.retried} to retry, ${s.failed} failed`;

export function registerDispatchCommand(program: Command, env: CliEnvironment): void {
  program
    .command("dispatch")
    .description("deliver what the daily run decided: emails, SMS, the day's print batch, events (all tenants)")
    .option("--once", "deliver everything due now, then exit (default: keep delivering until stopped)")
    .option("--poll <seconds>", "wait between looks at an empty outbox", "10")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const flags = parseInput(DispatchFlags, cmd.opts(), "flags");
        const log = (text: string) => ctx.io.err(text);
        const progress = (pass: DispatchSummary) => {
          if (!ctx.json) ctx.io.err(`dispatched ${pass.claimed}: ${line(pass)}`);
        };
        let summary: DispatchSummary;
        if (flags.once) {
          const senders = createChannelSenders({}, log);
          try {
            summary = await dispatchUntilEmpty(ctx.deps, { senders, onPass: progress });
          } finally {
            await senders.close();
          }
        } else {
          const dispatcher = startDispatcher(ctx.deps, { pollSeconds: flags.poll, log, onPass: progress, onError: (error) => ctx.io.err(`dispatch pass failed: ${String(error)}`) });
          if (!ctx.json) ctx.io.err(`dispatching (data: ${ctx.database.location}); Ctrl-C stops`);
          process.once("SIGINT", dispatcher.stop);
          process.once("SIGTERM", dispatcher.stop);
          summary = await dispatcher.finished;
          process.off("SIGINT", dispatcher.stop);
          process.off("SIGTERM", dispatcher.stop);
        }
        ctx.io.out(ctx.json ? toJson(summary) : `outbox: ${line(summary)}`);
      }),
    );
}
