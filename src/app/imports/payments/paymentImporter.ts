import { recomputeInvoices, recomputePayments } from "../../../store/balances.js";
import { copyAllocations, lockOpenItemsOfCustomers } from "../../../store/imports/openItemsOfCustomers.js";
import { copyPayments, createPaymentStaging, findPaymentProblems, newPaymentsToApply, resolvePayers, upsertPayments, type PaymentProblem } from "../../../store/imports/paymentStaging.js";
import { analyzeStaged, dropStagedRows } from "../../../store/imports/stagingTables.js";
import type { Db } from "../../../store/schema.js";
import { resolveCustomerIds } from "../customerIdRefs.js";
import type { KindImporter } from "../importKind.js";
import type { ImportRun } from "../importRun.js";
import { PAYMENT_COLUMNS, PAYMENT_FIELD_OF, type PaymentColumn } from "./paymentColumns.js";
import { paymentFromCsv, paymentFromJson, type PaymentRow } from "./paymentRows.js";
import { planAllocations } from "./planAllocations.js";

/**
 * Payments, recorded once per external id and applied as recordPayment applies them. Importing a
 * payment again only updates its descriptive fields; a different amount, currency or date is a
 * PAYMENT_CONFLICT, because the money was already applied.
 */
export function paymentImporter(): KindImporter<PaymentColumn, PaymentRow> {
  return {
    kind: "payments",
    columns: PAYMENT_COLUMNS,
    fieldOf: PAYMENT_FIELD_OF,
    key: { column: "payment_id", of: (p) => p.payment.externalId },
    fromCsv: paymentFromCsv,
    fromJson: paymentFromJson,
    prepare: (tx) => createPaymentStaging(tx),
    async stage(tx, run, rows) {
      const resolved = await resolveCustomerIds(tx, run, rows, (r, externalId) => (r.payment.customerExternalId = externalId));
      await copyPayments(tx, resolved.map((r) => r.payment));
    },
    async check(tx, run) {
      await analyzeStaged(tx, "import_payments");
      await resolvePayers(tx, run.actor.tenantId);
      for (const problem of await findPaymentProblems(tx, run.actor.tenantId)) rejectProblem(run, problem);
    },
    async apply(tx, run) {
      await dropStagedRows(tx, "import_payments", run.rejectedRows);
      const counts = await upsertPayments(tx, run.actor.tenantId);
      await applyNewPayments(tx, run);
      return counts;
    },
  };
}

/** One load of the open items, allocation planned in memory, one COPY, one recompute. */
async function applyNewPayments(tx: Db, run: ImportRun): Promise<void> {
  const tenantId = run.actor.tenantId;
  const payments = await newPaymentsToApply(tx, tenantId);
  if (payments.length === 0) return;
  const items = await lockOpenItemsOfCustomers(tx, tenantId, [...new Set(payments.map((p) => p.customerId))]);
  const planned = planAllocations(payments, items);
  await copyAllocations(
    tx,
    planned.map((a) => ({ tenant_id: tenantId, id: run.deps.newId(), invoice_id: a.invoiceId, installment_seq: a.installmentSeq, kind: "payment", payment_id: a.paymentId, credit_note_id: null, amount: a.amount, applied_on: a.appliedOn, reason: null, created_by: run.actor.name })),
  );
  await recomputeInvoices(tx, tenantId, [...new Set(planned.map((a) => a.invoiceId))]);
  await recomputePayments(tx, tenantId, [...new Set(planned.map((a) => a.paymentId))]);
}

function rejectProblem(run: ImportRun, p: PaymentProblem): void {
  switch (p.problem) {
    case "conflict":
      return run.reject(p.row, run.label("payment_id"), "PAYMENT_CONFLICT", `payment "${p.externalId}" was already recorded with a different amount, currency or date`);
    case "customer_changed":
      return run.reject(p.row, run.label("customer_external_id"), "IMMUTABLE_FIELD", `payment "${p.externalId}" was recorded for another customer; its customer cannot change`);
    case "unknown_customer":
      return run.reject(p.row, run.label("customer_external_id"), "UNKNOWN_CUSTOMER", `no customer "${p.ref}"`);
    case "unknown_invoice":
      return run.reject(p.row, run.label("invoices"), "UNKNOWN_INVOICE", `no invoice "${p.ref}"`);
    case "currency_mismatch":
      return run.reject(p.row, run.label("invoices"), "CURRENCY_MISMATCH", `invoice "${p.ref}" is in another currency than the payment`);
    case "foreign_invoice":
      return run.reject(p.row, run.label("invoices"), "VALIDATION_FAILED", `invoice "${p.ref}" belongs to another customer`);
  }
}
