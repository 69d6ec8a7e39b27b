import type { Command } from "commander";
import { z } from "zod";
import { buildServer } from "../../api/server.js";
import { scheduleCollections } from "../../jobs/collectionsSchedule.js";
import { startDispatcher } from "../../jobs/dispatcher.js";
import { scheduleMaintenance } from "../../jobs/maintenanceSchedule.js";
import { parseInput } from "../../app/inputs/validate.js";
import { withContext, type CliEnvironment } from "../context.js";

const ServeFlags = z.object({ host: z.string().min(1), port: z.coerce.number().int().min(0).max(65535), scheduler: z.boolean().default(true) }).transform((f) => ({ ...f, noScheduler: !f.scheduler }));

export function registerServeCommand(program: Command, env: CliEnvironment): void {
  program
    .command("serve")
    .description("run the HTTP API, the daily collections run of every tenant, and maintenance")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--port <port>", "TCP port", "3000")
    .option("--no-scheduler", "do not run the daily collections run nor deliver messages (other processes do)")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const flags = parseInput(ServeFlags, cmd.opts(), "flags");
        const server = await buildServer(ctx.deps, { logger: true });
        await server.listen({ host: flags.host, port: flags.port });
        const stopMaintenance = scheduleMaintenance(ctx.deps, server.log);
        const stopCollections = flags.noScheduler ? () => undefined : scheduleCollections(ctx.deps, server.log);
        const dispatcher = flags.noScheduler ? undefined : startDispatcher(ctx.deps, { onError: (e) => server.log.error({ err: e }, "dispatch failed"), log: (line) => server.log.info({ channel: "log" }, line) });
        ctx.io.err(`Dunwell API on http://${flags.host}:${flags.port} (data: ${ctx.database.location}) — /openapi.json, /healthz, /metrics`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            stopMaintenance();
            stopCollections();
            dispatcher?.stop();
            void Promise.all([server.close(), dispatcher?.finished]).then(() => resolve());
          };
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
      }),
    );
}
