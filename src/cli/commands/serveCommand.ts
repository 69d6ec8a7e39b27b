import type { Command } from "commander";
import { z } from "zod";
import { buildServer } from "../../api/server.js";
import { scheduleMaintenance } from "../../jobs/maintenanceSchedule.js";
import { parseInput } from "../../app/inputs/validate.js";
import { withContext, type CliEnvironment } from "../context.js";

const ServeFlags = z.object({ host: z.string().min(1), port: z.coerce.number().int().min(0).max(65535) });

export function registerServeCommand(program: Command, env: CliEnvironment): void {
  program
    .command("serve")
    .description("run the HTTP API")
    .option("--host <host>", "interface to listen on", "127.0.0.1")
    .option("--port <port>", "TCP port", "3000")
    .action((_o, cmd: Command) =>
      withContext(cmd, env, async (ctx) => {
        const flags = parseInput(ServeFlags, cmd.opts(), "flags");
        const server = await buildServer(ctx.deps, { logger: true });
        await server.listen({ host: flags.host, port: flags.port });
        const stopMaintenance = scheduleMaintenance(ctx.deps, server.log);
        ctx.io.err(`Dunwell API on http://${flags.host}:${flags.port} (data: ${ctx.database.location}) — /openapi.json, /healthz, /metrics`);
        await new Promise<void>((resolve) => {
          const stop = () => {
            stopMaintenance();
            void server.close().then(() => resolve());
          };
          process.once("SIGINT", stop);
          process.once("SIGTERM", stop);
        });
      }),
    );
}
