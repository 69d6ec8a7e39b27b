import type { Insertable } from "kysely";
import type { DB, Db } from "./schema.js";

// PostgreSQL takes at most 65,535 parameters per statement; 500 rows stay well below it for any table here.
const ROWS_PER_STATEMENT = 500;

/** Multi-row INSERTs of at most 500 rows each, for the hundreds-to-thousands of rows a run writes. */
export async function insertRows<T extends keyof DB & string>(db: Db, table: T, rows: readonly Insertable<DB[T]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    // Kysely cannot narrow a generic table's row type; the signature above keeps callers typed.
    await db.insertInto(table).values(rows.slice(i, i + ROWS_PER_STATEMENT) as never).execute();
  }
}
