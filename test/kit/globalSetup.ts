import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/store/database.js";
import { loadMigrations } from "../../src/store/migrate.js";
import { adminQuery, databaseUrl, postgresReachable } from "./engines.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string | null;
  }
}

/**
 * Builds one migrated template per run: a dumped PGlite data directory (creating a PGlite database
 * costs ~5 s, loading a dump ~1 s) or a PostgreSQL template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  const migrationsHash = createHash("sha256")
    .update((await loadMigrations()).map((m) => m.sql).join("\n"))
    .digest("hex")
    .slice(0, 16);

  // globalSetup runs in the main process, where the project's env is not applied: read it from the config
  if (project.config.env?.DUNWELL_TEST_ENGINE !== "postgres") {
    const file = join(tmpdir(), `dunwell-template-${migrationsHash}.tar`);
    const exists = await readFile(file).then(() => true, () => false);
    if (!exists) {
      const database = await openDatabase({});
      const dump = await database.pglite!.dumpDataDir("none");
      await database.close();
      const partial = `${file}.${process.pid}`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, file);
    }
    project.provide("pgliteTemplate", file);
    project.provide("postgresTemplate", null);
    return;
  }

  project.provide("pgliteTemplate", "");
  if (!(await postgresReachable())) {
    if (process.env.CI === "true") throw new Error("CI=true: the PostgreSQL test run is mandatory but no server answers (DUNWELL_TEST_PG_URL)");
    project.provide("postgresTemplate", null);
    return;
  }
  const template = `dunwell_tpl_${migrationsHash}_${randomBytes(3).toString("hex")}`;
  await adminQuery(`create database ${template}`);
  const database = await openDatabase({ databaseUrl: databaseUrl(template), poolSize: 1 });
  await database.close();
  project.provide("postgresTemplate", template);
  return async () => {
    await adminQuery(`drop database if exists ${template} with (force)`);
  };
}
