import type { Db } from "../schema.js";

export interface ImportRecord {
  tenantId: string;
  id: string;
  kind: string;
  fileName: string | null;
  fileSha256: string;
  rowsTotal: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  actor: string;
}

/** One row per import that changed the ledger (rejected files leave no trace: their transaction rolls back). */
export const recordImport = (db: Db, r: ImportRecord) =>
  db
    .insertInto("imports")
    .values({
      tenant_id: r.tenantId,
      id: r.id,
      kind: r.kind,
      file_name: r.fileName,
      file_sha256: r.fileSha256,
      rows_total: r.rowsTotal,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      actor: r.actor,
    })
    .execute();
