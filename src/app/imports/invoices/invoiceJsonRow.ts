import { isoDate } from "../../../domain/dates/plainDate.js";
import { Failure } from "../../../domain/errors.js";
import { INVOICE_FIELDS, type StagedInstallment, type StagedInvoice } from "../../../store/imports/invoiceStaging.js";
import { toMinor } from "../../inputs/fields.js";
import { InvoiceInput, knownCurrency } from "../../inputs/ledgerInputs.js";
import { installmentParts } from "../../invoices/createInvoice.js";
import type { RowContext } from "../importKind.js";
import { checkRow, type FieldCodes } from "../schemaRows.js";
import { planSchedule } from "./plannedSchedule.js";

export interface JsonInvoice {
  row: number;
  invoice: StagedInvoice;
  installments: StagedInstallment[];
  /** Set when the object named its customer by id; resolved to an external id before staging. */
  customerId?: string;
}

const FIELD_CODES: FieldCodes = { issueDate: "INVALID_DATE", dueDate: "INVALID_DATE", currency: "UNKNOWN_CURRENCY", amount: "INVALID_AMOUNT", taxAmount: "INVALID_AMOUNT", percent: "INVALID_INSTALLMENTS" };

/** A JSON invoice is an InvoiceInput, validated and scheduled exactly as createInvoice does it. */
export function invoiceFromJson(value: unknown, row: number, ctx: RowContext, newId: () => string): JsonInvoice | undefined {
  const checked = checkRow(InvoiceInput, value, FIELD_CODES);
  if (!checked.ok) {
    for (const issue of checked.issues) ctx.run.reject(row, issue.path, issue.code, issue.message);
    return undefined;
  }
  const input = checked.value;
  const currency = knownCurrency(input.currency);
  const amount = toMinor(input.amount, currency);
  let parts;
  try {
    parts = installmentParts(input);
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    ctx.run.reject(row, error.error.path ?? "installments", error.error.code, error.error.message);
    return undefined;
  }
  const schedule = planSchedule({ amount, issueDate: isoDate(input.issueDate), dueDate: input.dueDate ? isoDate(input.dueDate) : undefined, terms: input.terms, installments: parts });
  if (!schedule.ok) {
    ctx.run.reject(row, schedule.error.path ?? null, schedule.error.code, schedule.error.message);
    return undefined;
  }
  const plan = schedule.value;
  const has = (field: string) => Object.hasOwn(value as object, field);
  return {
    row,
    invoice: {
      row,
      id: newId(),
      customerExternalId: input.customerId ? "" : (input.customerExternalId ?? ""),
      number: input.number,
      issueDate: input.issueDate,
      dueDate: plan.dueDate,
      currency,
      amount,
      taxAmount: input.taxAmount === undefined ? null : toMinor(input.taxAmount, currency),
      poNumber: input.poNumber ?? null,
      terms: plan.terms,
      discountTerms: plan.discountTerms,
      description: input.description ?? null,
      doNotDun: input.doNotDun ?? null,
      hasInstallments: plan.installments.length > 0,
      present:
        (has("taxAmount") ? INVOICE_FIELDS.taxAmount : 0) |
        (has("poNumber") ? INVOICE_FIELDS.poNumber : 0) |
        (has("terms") ? INVOICE_FIELDS.terms : 0) |
        (has("description") ? INVOICE_FIELDS.description : 0) |
        (has("doNotDun") ? INVOICE_FIELDS.doNotDun : 0),
    },
    installments: plan.installments,
    // resolveCustomer prefers the id when both are given
    ...(input.customerId ? { customerId: input.customerId } : {}),
  };
}
