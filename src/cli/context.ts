import type { Command } from "commander";
import { appDeps, systemClock, type Actor, type AppDeps } from "../app/deps.js";
import { findTenant } from "../app/tenants/findTenant.js";
import type { TenantView } from "../app/tenants/tenantView.js";
import { fixedClock, type Clock } from "../domain/dates/clock.js";
import { openDatabase, type Database } from "../store/database.js";
import type { CliIo } from "./io.js";

export interface GlobalOptions {
  data: string;
  tenant?: string;
  json?: boolean;
}

/** What a command needs: deps on an open database, the output, and who acts. */
export interface CliContext {
  deps: AppDeps;
  io: CliIo;
  json: boolean;
  database: Database;
  /** The tenant named by --tenant, or the only one. */
  tenant(): Promise<{ tenant: TenantView; actor: Actor }>;
}

export interface CliEnvironment {
  io: CliIo;
  env: NodeJS.ProcessEnv;
  /** Tests hand in an open database; otherwise --data / DATABASE_URL decide. */
  database?: Database;
  clock?: Clock;
}

export async function withContext<T>(command: Command, environment: CliEnvironment, run: (ctx: CliContext) => Promise<T>): Promise<T> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const database = environment.database ?? (await openDatabase({ databaseUrl: environment.env.DATABASE_URL, dataDir: options.data }));
  // DUNWELL_TODAY replays any command at another date (demos, support, reproducing a report)
  const clock = environment.clock ?? (environment.env.DUNWELL_TODAY ? fixedClock(`${environment.env.DUNWELL_TODAY}T12:00:00Z`) : systemClock);
  const deps = appDeps(database.db, database.engine, clock);
  const tenantSlug = options.tenant ?? environment.env.DUNWELL_TENANT;
  try {
    return await run({
      deps,
      io: environment.io,
      json: Boolean(options.json),
      database,
      tenant: async () => {
        const tenant = await findTenant(deps, tenantSlug);
        return { tenant, actor: { tenantId: tenant.id, role: "admin", name: "cli" } };
      },
    });
  } finally {
    if (!environment.database) await database.close();
  }
}
