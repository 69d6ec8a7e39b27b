import { sql } from "kysely";
import type { Db } from "./schema.js";

/** Round-trip time of a trivial query, in milliseconds; throws when the database does not answer. */
export async function pingDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await sql`select 1`.execute(db);
  return performance.now() - started;
}

/** Refreshes planner statistics and the visibility map (PGlite never autovacuums). */
export async function vacuumAnalyze(db: Db): Promise<void> {
  await sql`vacuum (analyze)`.execute(db);
}
