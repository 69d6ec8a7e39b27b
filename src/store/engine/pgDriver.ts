import { CompiledQuery, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Dialect, type QueryResult } from "kysely";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { isCopy } from "./copy.js";
import { BaseDriver, noStreaming } from "./baseDriver.js";

const OID = { INT8: 20, DATE: 1082, INT8_ARRAY: 1016, DATE_ARRAY: 1182 } as const;

/** Same value shapes as PGlite: int8 → bigint, date → "YYYY-MM-DD". */
const builtin = (oid: number) => pg.types.getTypeParser(oid as Parameters<typeof pg.types.getTypeParser>[0], "text") as (v: string) => unknown;

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === OID.INT8) return (v: string) => BigInt(v);
    if (oid === OID.DATE) return (v: string) => v;
    if (oid === OID.INT8_ARRAY) return (v: string) => (builtin(OID.INT8_ARRAY)(v) as string[]).map((x) => BigInt(x));
    if (oid === OID.DATE_ARRAY) return (v: string) => builtin(1009)(v) /* text[] */;
    return pg.types.getTypeParser(oid, format);
  },
};

class PgConnection implements DatabaseConnection {
  constructor(readonly client: pg.PoolClient) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const copy = isCopy(query.parameters);
    if (copy) {
      await pipeline(Readable.from([copy.text]), this.client.query(copyFrom(query.sql)));
      return { rows: [] };
    }
    const result = await this.client.query(query.sql, [...query.parameters]);
    const affected = result.command === "INSERT" || result.command === "UPDATE" || result.command === "DELETE" || result.command === "MERGE";
    return { rows: result.rows as R[], ...(affected ? { numAffectedRows: BigInt(result.rowCount ?? 0) } : {}) };
  }

  streamQuery = noStreaming;
}

class PgDriver extends BaseDriver {
  constructor(private readonly pool: pg.Pool) {
    super();
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PgConnection(await this.pool.connect());
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgConnection).client.release();
  }
  async destroy(): Promise<void> {
    await this.pool.end();
  }
}

export function postgresDialect(url: string, poolSize: number): Dialect {
  // JIT compiles any query whose cost estimate crosses jit_above_cost, which costs ~1 s here: ten times
  // the as-of aging query itself. Dunwell's queries are index-driven and short, so it never pays off.
  // Reports group ~150k open items; PostgreSQL's default 4 MB work_mem makes those sorts spill to disk.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, options: "-c jit=off -c work_mem=32MB" });
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgDriver(pool),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (db) => new PostgresIntrospector(db),
  };
}
