import type { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { mkdir } from "node:fs/promises";
import { postgresDialect } from "./engine/pgDriver.js";
import { createPGlite, pgliteDialect } from "./engine/pgliteDriver.js";
import { lockDataDir } from "./engine/dataDirLock.js";
import { migrate } from "./migrate.js";
import type { DB } from "./schema.js";

export type Engine = "pglite" | "postgres";

export interface Database {
  readonly db: Kysely<DB>;
  readonly engine: Engine;
  /** Where the data lives, for humans: a directory or a redacted URL. */
  readonly location: string;
  /** The embedded engine, when there is one (tests dump and load it; maintenance vacuums it). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… selects a PostgreSQL server; otherwise PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; omitted with no URL = in memory. */
  dataDir?: string | undefined;
  /** Start PGlite from a dumped data directory (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number | undefined;
  /** Apply pending migrations after opening (default true). */
  migrate?: boolean | undefined;
}

const redact = (url: string): string => url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, "//$1:***@");

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  let database: Database;
  if (options.databaseUrl) {
    const db = new Kysely<DB>({ dialect: postgresDialect(options.databaseUrl, options.poolSize ?? 10) });
    database = { db, engine: "postgres", location: redact(options.databaseUrl), close: () => db.destroy() };
  } else {
    if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
    const unlock = options.dataDir ? await lockDataDir(options.dataDir) : async () => undefined;
    const pglite = await createPGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir }).catch(async (error: unknown) => {
      await unlock();
      throw error;
    });
    const db = new Kysely<DB>({ dialect: pgliteDialect(pglite) });
    database = { db, engine: "pglite", location: options.dataDir ?? "memory", pglite, close: () => db.destroy().finally(unlock) };
  }
  try {
    await sql`select 1`.execute(database.db);
    if (options.migrate !== false) await migrate(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
