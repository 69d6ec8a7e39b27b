import { PGlite, types } from "@electric-sql/pglite";
import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type QueryResult } from "kysely";
import { isCopy } from "./copy.js";
import { BaseDriver, noStreaming } from "./baseDriver.js";

/** PGlite has one connection: a transaction holds it exclusively until commit or rollback. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => next);
    return acquired;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const copy = isCopy(query.parameters);
    if (copy) {
      await this.pglite.query(query.sql.replace(/from stdin$/i, "from '/dev/blob'"), [], { blob: new Blob([copy.text]) });
      return { rows: [] };
    }
    // Without parameters the simple protocol runs (it accepts several statements, as migrations need).
    const result =
      query.parameters.length === 0
        ? ((await this.pglite.exec(query.sql)).at(-1) ?? { rows: [] as R[], affectedRows: undefined })
        : await this.pglite.query<R>(query.sql, [...query.parameters]);
    return { rows: result.rows as R[], ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}) };
  }

  streamQuery = noStreaming;
}

class PGliteDriver extends BaseDriver {
  private readonly mutex = new Mutex();
  private readonly releases = new WeakMap<DatabaseConnection, () => void>();
  constructor(private readonly pglite: PGlite) {
    super();
  }
  async init(): Promise<void> {
    await this.pglite.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.mutex.lock();
    const conn = new PGliteConnection(this.pglite);
    this.releases.set(conn, release);
    return conn;
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.releases.get(conn)?.();
    this.releases.delete(conn);
  }
  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

export const pgliteParsers = { [types.INT8]: (v: string) => BigInt(v), [types.DATE]: (v: string) => v };

export interface PGliteOpenOptions {
  /** Directory holding the database; omitted = in memory. */
  dataDir?: string;
  /** A tarball from dumpDataDir to start from (tests start from a migrated template). */
  loadDataDir?: Blob;
}

export async function createPGlite(options: PGliteOpenOptions): Promise<PGlite> {
  return PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: pgliteParsers,
    relaxedDurability: false,
  });
}

export function pgliteDialect(pglite: PGlite): Dialect {
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PGliteDriver(pglite),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}
