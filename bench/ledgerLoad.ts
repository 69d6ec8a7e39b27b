import { sql, type Kysely } from "kysely";
import type { AppDeps } from "../src/app/deps.js";
import { generateBookChunks } from "../src/app/demo/generateBook.js";
import { loadDemo, type LoadDemoCommand, type LoadDemoResult } from "../src/app/demo/loadDemo.js";
import { BULK_TABLES, bulkColumns, renderChunk } from "../src/store/bulkLoad.js";
import { copyInto } from "../src/store/engine/copy.js";
import type { DB } from "../src/store/schema.js";
import { timeOnce } from "./timing.js";

export interface LedgerLoadFigure {
  rows: number;
  /** loadDemo's COPY (rendering included) plus its closing recompute; generation excluded. */
  appMs: number;
  appRowsPerSec: number;
  /** COPY of the same pre-rendered rows into empty look-alike tables (same indexes, no foreign keys). */
  baselineMs: number;
  baselineRowsPerSec: number;
  ratio: number;
  timings: LoadDemoResult["timings"];
  endToEndMs: number;
  vacuumAnalyzeMs: number;
  demo: LoadDemoResult;
}

const bare = (table: string) => `bench_bare_${table}`;

/** Baseline first (then dropped), so both loads start from the same database size. */
export async function measureLedgerLoad(deps: AppDeps, book: Omit<LoadDemoCommand, "onProgress" | "tenantSlug">, endDate: string, onProgress: (phase: "baseline" | "load", customersDone: number) => void): Promise<LedgerLoadFigure> {
  const db = deps.db;
  for (const table of BULK_TABLES) await sql.raw(`create table ${bare(table)} (like ${table} including all)`).execute(db);
  let baselineMs = 0;
  let rows = 0;
  let done = 0;
  await db.transaction().execute(async (tx) => {
    for (const chunk of generateBookChunks({ ...book, endDate })) {
      const text = renderChunk(deps.newId(), chunk);
      for (const table of BULK_TABLES) {
        const copied = await timeOnce(() => copyInto(tx as unknown as Kysely<unknown>, bare(table), bulkColumns(table), text[table]));
        baselineMs += copied.ms;
      }
      rows += Object.values(chunk).reduce((sum, list: unknown[]) => sum + list.length, 0);
      done += chunk.customers.length;
      onProgress("baseline", done);
    }
  });
  for (const table of BULK_TABLES) await sql.raw(`drop table ${bare(table)}`).execute(db);

  const demo = await loadDemo(deps, { ...book, onProgress: (p) => onProgress("load", p.customersLoaded) });
  const appMs = demo.timings.copyMs + demo.timings.recomputeMs;
  // what autovacuum (PostgreSQL) or scheduled maintenance (PGlite) does before reports run
  const vacuum = await timeOnce(() => vacuumAnalyze(db));
  return {
    rows,
    appMs,
    appRowsPerSec: Math.round((rows * 1000) / appMs),
    baselineMs: Math.round(baselineMs),
    baselineRowsPerSec: Math.round((rows * 1000) / baselineMs),
    ratio: Math.round((appMs / baselineMs) * 100) / 100,
    timings: demo.timings,
    endToEndMs: demo.durationMs,
    vacuumAnalyzeMs: vacuum.ms,
    demo,
  };
}

export const vacuumAnalyze = (db: Kysely<DB>) => sql`vacuum analyze`.execute(db);
