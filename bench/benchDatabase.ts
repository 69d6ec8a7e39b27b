import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, type Database, type Engine } from "../src/store/database.js";

/** The server the PostgreSQL figures use; the bench creates and drops its own database on it. */
export const adminUrl = (): string => process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface BenchDatabase {
  database: Database;
  dispose(): Promise<void>;
}

async function admin(sqlText: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(sqlText);
  } finally {
    await client.end();
  }
}

/**
 * Drops without `with (force)` while the pool's last connections finish closing: forcing it kills a
 * connection that is still shutting down, whose pool then throws the FATAL notice as an uncaught error.
 */
async function dropWhenIdle(name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin(`drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "55006") throw error; // object_in_use
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin(`drop database if exists ${name} with (force)`);
}

/**
 * A fresh, migrated database: `dunwell_bench<suffix>` on the PostgreSQL server (dropped afterwards),
 * or PGlite in a temporary directory (removed afterwards).
 */
export async function openBenchDatabase(engine: Engine, suffix = ""): Promise<BenchDatabase> {
  if (engine === "postgres") {
    const name = `dunwell_bench${suffix}`;
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
    const url = new URL(adminUrl());
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    return {
      database,
      dispose: async () => {
        await database.close();
        await dropWhenIdle(name);
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), "dunwell-bench-"));
  const database = await openDatabase({ dataDir: dir });
  return {
    database,
    dispose: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
