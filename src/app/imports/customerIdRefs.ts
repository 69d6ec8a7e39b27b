import { externalIdsByCustomerId } from "../../store/imports/customerRefs.js";
import type { Db } from "../../store/schema.js";
import type { ImportRun } from "./importRun.js";

/** A JSON row that named its customer by id rather than by external id. */
export interface CustomerIdRef {
  row: number;
  customerId?: string;
}

/**
 * The staging tables join customers on external ids; rows naming their customer by id get its
 * external id here (one query per chunk), and rows naming an unknown id are rejected.
 */
export async function resolveCustomerIds<T extends CustomerIdRef>(tx: Db, run: ImportRun, rows: T[], setExternalId: (row: T, externalId: string) => void): Promise<T[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
  if (ids.length === 0) return rows;
  const known = await externalIdsByCustomerId(tx, run.actor.tenantId, ids);
  return rows.filter((r) => {
    if (!r.customerId) return true;
    const externalId = known.get(r.customerId);
    if (externalId === undefined) {
      run.reject(r.row, "customerId", "UNKNOWN_CUSTOMER", `no customer with id ${r.customerId}`);
      return false;
    }
    setExternalId(r, externalId);
    return true;
  });
}
