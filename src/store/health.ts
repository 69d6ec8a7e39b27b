import { sql } from "kysely";
import type { Db } from "./schema.js";

/** Round-trip time of a trivial query, in milliseconds; throws when the database does not answer. */
export async function pingDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await sql`select 1`.execute(db);
  return performance.now() - started;
}
