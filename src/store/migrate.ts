import { readdir, readFile } from "node:fs/promises";
import { sql, type Kysely } from "kysely";
import type { DB } from "./schema.js";

const MIGRATIONS_DIR = new URL("./migrations/", import.meta.url);
const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.sql$/;
// an arbitrary constant: all Dunwell processes serialise schema changes on this advisory lock
const MIGRATION_LOCK = 4_242_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => MIGRATION_FILE.test(f)).sort();
  return Promise.all(
    files.map(async (name) => ({ version: Number(name.slice(0, 4)), name, sql: await readFile(new URL(name, MIGRATIONS_DIR), "utf8") })),
  );
}

/** Applies pending numbered migrations in order, each in its own transaction. Returns the names applied. */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  const migrations = await loadMigrations();
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(tx);
    const done = await sql<{ version: number }>`select version from schema_migrations`.execute(tx);
    const applied = new Set(done.rows.map((r) => r.version));
    const names: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await sql.raw(m.sql).execute(tx);
      await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(tx);
      names.push(m.name);
    }
    return names;
  });
}
