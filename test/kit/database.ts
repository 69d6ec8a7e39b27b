import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database } from "../../src/store/database.js";
import { adminQuery, databaseUrl, testEngine } from "./engines.js";

/** False when the PostgreSQL run has no server (only allowed outside CI); such files skip. */
export const engineAvailable = (): boolean => testEngine() === "pglite" || inject("postgresTemplate") !== null;

/** A fresh, migrated database of the engine under test, private to the calling file. */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine() === "pglite") {
    const dump = await readFile(inject("pgliteTemplate"));
    return openDatabase({ loadDataDir: new Blob([dump]), migrate: false });
  }
  const template = inject("postgresTemplate");
  if (!template) throw new Error("no PostgreSQL server for the postgres test run");
  const name = `dunwell_t_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name} template ${template}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(name), poolSize: 4, migrate: false });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Registers a database for the file's tests: `const t = useTestDatabase(); … t().db`. */
export function useTestDatabase(): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    if (engineAvailable()) database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error("test database not open");
    return database;
  };
}
