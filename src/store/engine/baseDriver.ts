import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from "kysely";

/** Transaction control is plain SQL on both engines; only connecting differs. */
export abstract class BaseDriver implements Driver {
  abstract init(): Promise<void>;
  abstract acquireConnection(): Promise<DatabaseConnection>;
  abstract releaseConnection(conn: DatabaseConnection): Promise<void>;
  abstract destroy(): Promise<void>;

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("begin"));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("rollback"));
  }
}

/** Dunwell pages with keyset cursors instead of streaming result sets. */
export function noStreaming<R>(): AsyncIterableIterator<QueryResult<R>> {
  throw new Error("streaming is not used by Dunwell; page with keyset cursors instead");
}
