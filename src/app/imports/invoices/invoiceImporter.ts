import { formatAmount, currency as knownCurrencyCode } from "../../../domain/money/index.js";
import { recomputeInvoices } from "../../../store/balances.js";
import { customerIdsByExternalId } from "../../../store/imports/customerRefs.js";
import * as staging from "../../../store/imports/invoiceStaging.js";
import { copyNewInvoices, existingInvoiceNumbers } from "../../../store/imports/newInvoices.js";
import { dropStagedRows } from "../../../store/imports/stagingTables.js";
import type { Db } from "../../../store/schema.js";
import { resolveCustomerIds } from "../customerIdRefs.js";
import type { ImportCounts, KindImporter } from "../importKind.js";
import type { ImportRun } from "../importRun.js";
import { INVOICE_COLUMNS, INVOICE_FIELD_OF, type InvoiceColumn } from "./invoiceColumns.js";
import { InvoiceCsvRows } from "./invoiceCsvRow.js";
import { invoiceFromJson, type JsonInvoice } from "./invoiceJsonRow.js";

const NO_INSTALLMENTS: JsonInvoice["installments"] = [];

/**
 * Invoices, upserted by number. A re-import may change the dates, terms, descriptive fields and the
 * amount (balances are then recomputed from the allocations); it may not move an invoice to another
 * customer or currency, change an installment invoice's schedule, or cut the amount below what is
 * already paid.
 *
 * Unlike customers and payments, invoices are checked and written chunk by chunk as the file is read:
 * on PostgreSQL the server writes one chunk while Node parses the next. Writing early is safe because
 * everything happens in the import's transaction, and a file with errors rolls it back.
 */
export function invoiceImporter(): KindImporter<InvoiceColumn, JsonInvoice> {
  let csvRows: InvoiceCsvRows | undefined;
  const state: ChunkState = { counts: { inserted: 0, updated: 0 }, customers: new Map(), statisticsFresh: false };
  return {
    kind: "invoices",
    columns: INVOICE_COLUMNS,
    fieldOf: INVOICE_FIELD_OF,
    key: { column: "number", of: (r) => r.invoice.number },
    fromCsv(fields, row, ctx) {
      csvRows ??= new InvoiceCsvRows(ctx, ctx.run.deps.newId);
      const invoice = csvRows.read(fields, row);
      return invoice && { row, invoice, installments: NO_INSTALLMENTS };
    },
    fromJson: (value, row, ctx) => invoiceFromJson(value, row, ctx, ctx.run.deps.newId),
    prepare: (tx) => staging.createInvoiceStaging(tx),
    async stage(tx, run, rows) {
      const resolved = await resolveCustomerIds(tx, run, rows, (r, externalId) => (r.invoice.customerExternalId = externalId));
      await writeChunk(tx, run, resolved, state);
    },
    check: async () => undefined,
    apply: async () => state.counts,
  };
}

interface ChunkState {
  counts: ImportCounts;
  /** Customer ids by external id, null when there is no such customer; filled as chunks name them. */
  customers: Map<string, string | null>;
  statisticsFresh: boolean;
}

/**
 * Checks one chunk and, unless the import is already lost, writes it: new numbers are COPYed
 * straight into the ledger, existing ones go through staging to be checked and updated.
 */
async function writeChunk(tx: Db, run: ImportRun, rows: JsonInvoice[], state: ChunkState): Promise<void> {
  const tenantId = run.actor.tenantId;
  await learnCustomers(tx, tenantId, rows, state.customers);
  const known = rows.filter((r) => {
    if (state.customers.get(r.invoice.customerExternalId)) return true;
    run.reject(r.row, run.label("customer_external_id"), "UNKNOWN_CUSTOMER", `no customer "${r.invoice.customerExternalId}"; import customers first`);
    return false;
  });
  const existing = await existingInvoiceNumbers(tx, tenantId, known.map((r) => r.invoice.number));
  const fresh = known.filter((r) => !existing.has(r.invoice.number));
  if (writing(run) && fresh.length > 0) {
    await copyNewInvoices(tx, tenantId, fresh.map((r) => ({ invoice: r.invoice, customerId: state.customers.get(r.invoice.customerExternalId)!, installments: r.installments })));
    state.counts.inserted += fresh.length;
  }
  if (fresh.length < known.length) await updateExisting(tx, run, known.filter((r) => existing.has(r.invoice.number)), state);
}

const writing = (run: ImportRun): boolean => run.options.skipInvalid === true || !run.hasErrors;

async function learnCustomers(tx: Db, tenantId: string, rows: readonly JsonInvoice[], customers: Map<string, string | null>): Promise<void> {
  const unseen = [...new Set(rows.map((r) => r.invoice.customerExternalId))].filter((id) => !customers.has(id));
  const found = await customerIdsByExternalId(tx, tenantId, unseen);
  for (const id of unseen) customers.set(id, found.get(id) ?? null);
}

/** Invoices already in the ledger: staged, checked against what may not change, then updated where something did. */
async function updateExisting(tx: Db, run: ImportRun, rows: readonly JsonInvoice[], state: ChunkState): Promise<void> {
  const tenantId = run.actor.tenantId;
  await staging.clearInvoiceStaging(tx);
  await staging.copyInvoices(tx, rows.map((r) => r.invoice));
  if (!state.statisticsFresh) {
    await staging.refreshInvoiceStatistics(tx);
    state.statisticsFresh = true;
  }
  await staging.collectExistingInvoices(tx, tenantId);
  const problems = await staging.findExistingInvoiceProblems(tx);
  for (const problem of problems) rejectProblem(run, problem);
  if (!writing(run)) return;
  if (problems.length > 0) {
    const rejected = problems.map((p) => p.row);
    await dropStagedRows(tx, "import_invoices", rejected);
    await dropStagedRows(tx, "import_existing", rejected);
  }
  const { updated, amountChanged } = await staging.updateExistingInvoices(tx, tenantId);
  state.counts.updated += updated;
  await recomputeInvoices(tx, tenantId, amountChanged);
}

function rejectProblem(run: ImportRun, p: staging.InvoiceProblem): void {
  const customer = run.label("customer_external_id");
  switch (p.problem) {
    case "customer_changed":
      return run.reject(p.row, customer, "IMMUTABLE_FIELD", `invoice "${p.number}" belongs to another customer; its customer cannot change`);
    case "currency_changed":
      return run.reject(p.row, run.label("currency"), "IMMUTABLE_FIELD", `invoice "${p.number}" exists in another currency; its currency cannot change`);
    case "schedule_changed":
      return run.reject(p.row, run.label("amount"), "IMMUTABLE_FIELD", `invoice "${p.number}" has an installment schedule; its amount and due date cannot change by import`);
    case "overallocated":
      return run.reject(p.row, run.label("amount"), "INVOICE_OVERALLOCATED", `invoice "${p.number}" already has ${formatAmount(p.allocated, knownCurrencyCode(p.currency))} ${p.currency} applied, more than its new amount`);
  }
}
