import { PAYMENT_FIELDS, type StagedPayment } from "../../../store/imports/paymentStaging.js";
import { toMinor } from "../../inputs/fields.js";
import { knownCurrency, PaymentInput } from "../../inputs/ledgerInputs.js";
import { cell, splitList } from "../cellParsers.js";
import type { CsvRowContext, RowContext } from "../importKind.js";
import { checkRow, type CellIssue, type FieldCodes } from "../schemaRows.js";
import { PAYMENT_FIELD_OF, type PaymentColumn } from "./paymentColumns.js";

export interface PaymentRow {
  row: number;
  payment: StagedPayment;
  /** Set when a JSON payment named its customer by id. */
  customerId?: string;
}

const FIELD_CODES: FieldCodes = { receivedOn: "INVALID_DATE", currency: "UNKNOWN_CURRENCY", amount: "INVALID_AMOUNT" };
const TEXT_COLUMNS: readonly PaymentColumn[] = ["payment_id", "customer_external_id", "received_on", "currency", "method", "payer_name", "payer_account", "reference"];
const COLUMN_OF_FIELD = new Map(Object.entries(PAYMENT_FIELD_OF).map(([column, field]) => [field, column as PaymentColumn]));
// Descriptive fields that an update leaves alone when the file does not give them.
const FIELD_BIT: Record<string, number> = { method: PAYMENT_FIELDS.method, payerName: PAYMENT_FIELDS.payerName, payerAccount: PAYMENT_FIELDS.payerAccount, reference: PAYMENT_FIELDS.reference };

/** A CSV row becomes a PaymentInput and is validated by the API's schema. */
export function paymentFromCsv(fields: readonly string[], row: number, ctx: CsvRowContext<PaymentColumn>): PaymentRow | undefined {
  const { index, label } = ctx.header;
  const get = (column: PaymentColumn) => cell(fields, index[column]);
  const input: Record<string, unknown> = {};
  for (const column of TEXT_COLUMNS) {
    const value = get(column);
    if (value !== undefined) input[PAYMENT_FIELD_OF[column]] = value;
  }
  const invoices = get("invoices");
  if (invoices !== undefined) input.invoices = splitList(invoices);
  const amount = get("amount");
  const currency = ctx.parsers.currency(get("currency") ?? "");
  if (amount !== undefined) {
    const canonical = currency.ok ? ctx.parsers.canonicalAmount(amount, currency.value) : undefined;
    if (canonical && !canonical.ok) {
      ctx.run.reject(row, label("amount"), canonical.error.code, canonical.error.message);
      return undefined;
    }
    input.amount = canonical?.value ?? amount;
  }
  const present = Object.entries(FIELD_BIT).reduce((acc, [field, bit]) => (index[COLUMN_OF_FIELD.get(field)!] !== undefined ? acc | bit : acc), 0);
  return stagePayment(input, row, ctx, present, (issue) => {
    const column = COLUMN_OF_FIELD.get(issue.field);
    return column ? label(column) : issue.path;
  });
}

/** A JSON payment is a PaymentInput. */
export function paymentFromJson(value: unknown, row: number, ctx: RowContext): PaymentRow | undefined {
  const given = typeof value === "object" && value !== null ? value : {};
  const present = Object.entries(FIELD_BIT).reduce((acc, [field, bit]) => (field in given ? acc | bit : acc), 0);
  return stagePayment(value, row, ctx, present, (issue) => issue.path);
}

function stagePayment(value: unknown, row: number, ctx: RowContext, present: number, labelOf: (issue: CellIssue) => string): PaymentRow | undefined {
  const checked = checkRow(PaymentInput, value, FIELD_CODES);
  if (!checked.ok) {
    for (const issue of checked.issues) ctx.run.reject(row, labelOf(issue), issue.code, issue.message);
    return undefined;
  }
  const input = checked.value;
  const currency = knownCurrency(input.currency);
  const amount = toMinor(input.amount, currency);
  if (amount === 0n) {
    // payments.amount is checked > 0 by the database; say so before it does
    ctx.run.reject(row, labelOf({ path: "amount", field: "amount", code: "INVALID_AMOUNT", message: "" }), "INVALID_AMOUNT", "a payment must be more than zero");
    return undefined;
  }
  return {
    row,
    payment: {
      row,
      id: ctx.run.deps.newId(),
      externalId: input.externalId,
      customerExternalId: input.customerId ? null : (input.customerExternalId ?? null),
      receivedOn: input.receivedOn,
      currency,
      amount,
      method: input.method ?? null,
      payerName: input.payerName ?? null,
      payerAccount: input.payerAccount ?? null,
      reference: input.reference ?? null,
      invoices: input.invoices && input.invoices.length > 0 ? input.invoices : null,
      present,
    },
    // resolveCustomer prefers the id when both are given
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
}
