import { analyzeStaged, dropStagedRows } from "../../../store/imports/stagingTables.js";
import { copyCustomers, createCustomerStaging, findCustomerProblems, upsertCustomers, type StagedCustomer } from "../../../store/imports/customerStaging.js";
import type { Db } from "../../../store/schema.js";
import type { KindImporter } from "../importKind.js";
import type { ImportRun } from "../importRun.js";
import { CUSTOMER_COLUMNS, CUSTOMER_FIELD_OF, type CustomerColumn } from "./customerColumns.js";
import { customerFromCsv, customerFromJson } from "./customerRows.js";

/**
 * Customers, upserted by external id, with their primary contact. A re-import may change everything
 * but the currency; parents may be defined anywhere in the same file.
 */
export function customerImporter(): KindImporter<CustomerColumn, StagedCustomer> {
  return {
    kind: "customers",
    columns: CUSTOMER_COLUMNS,
    fieldOf: CUSTOMER_FIELD_OF,
    key: { column: "external_id", of: (c) => c.externalId },
    fromCsv: customerFromCsv,
    fromJson: customerFromJson,
    prepare: (tx) => createCustomerStaging(tx),
    stage: (tx, _run, rows) => copyCustomers(tx, rows),
    async check(tx, run) {
      await analyzeStaged(tx, "import_customers");
      await rejectProblems(tx, run);
    },
    async apply(tx, run) {
      await dropStagedRows(tx, "import_customers", run.rejectedRows);
      // a parent rejected above takes its children with it, and so on down the tree
      while (await rejectProblems(tx, run)) await dropStagedRows(tx, "import_customers", run.rejectedRows);
      const { inserted, changed } = await upsertCustomers(tx, run.actor.tenantId);
      const insertedRows = new Set(inserted);
      const updated = new Set(changed.filter((row) => !insertedRows.has(row)));
      return { inserted: insertedRows.size, updated: updated.size };
    },
  };
}

async function rejectProblems(tx: Db, run: ImportRun): Promise<boolean> {
  const problems = await findCustomerProblems(tx, run.actor.tenantId);
  for (const p of problems) {
    if (p.problem === "currency_changed") run.reject(p.row, run.label("currency"), "IMMUTABLE_FIELD", `customer "${p.externalId}" exists with another currency; its currency cannot change`);
    else run.reject(p.row, run.label("parent_external_id"), "UNKNOWN_CUSTOMER", `parent customer "${p.parentExternalId}" is neither in the ledger nor in this file`);
  }
  return problems.length > 0;
}
