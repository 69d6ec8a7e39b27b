import type { ErrorCode } from "../../../domain/errors.js";
import type { Currency } from "../../../domain/money/index.js";
import { INVOICE_FIELDS, type StagedInvoice } from "../../../store/imports/invoiceStaging.js";
import { cell } from "../cellParsers.js";
import type { CsvRowContext } from "../importKind.js";
import type { InvoiceColumn } from "./invoiceColumns.js";
import { ScheduleCache } from "./plannedSchedule.js";

// InvoiceInput's limits (src/app/inputs/ledgerInputs.ts); invoiceParity.test.ts keeps the two in step.
const MAX_LENGTH: Partial<Record<InvoiceColumn, number>> = { number: 64, customer_external_id: 100, terms: 64, po_number: 64, description: 2000 };

/**
 * CSV invoice rows, validated by the domain's parsers applied column by column: the hot path of a
 * million-row import, where a zod object parse per row would cost more than the whole COPY. The rules
 * are InvoiceInput's plus planInvoiceSchedule's, as createInvoice applies them; a property test
 * (test/unit/imports/invoiceParity.test.ts) checks that both paths accept and reject the same rows.
 * A class rather than closures: one allocation per import, not several per row.
 */
export class InvoiceCsvRows {
  private readonly schedules = new ScheduleCache();
  private readonly present: number;
  private fields: readonly string[] = [];
  private row = 0;
  private valid = true;

  constructor(
    private readonly ctx: CsvRowContext<InvoiceColumn>,
    private readonly newId: () => string,
  ) {
    const { index } = ctx.header;
    this.present =
      (index.tax_amount !== undefined ? INVOICE_FIELDS.taxAmount : 0) |
      (index.po_number !== undefined ? INVOICE_FIELDS.poNumber : 0) |
      (index.terms !== undefined ? INVOICE_FIELDS.terms : 0) |
      (index.description !== undefined ? INVOICE_FIELDS.description : 0);
  }

  read(fields: readonly string[], row: number): StagedInvoice | undefined {
    this.fields = fields;
    this.row = row;
    this.valid = true;
    const p = this.ctx.parsers;
    const number = this.text("number", true);
    const customerExternalId = this.text("customer_external_id", true);
    const issueText = this.text("issue_date", true);
    const dueText = this.text("due_date", false);
    const terms = this.text("terms", false);
    const currencyText = this.text("currency", true);
    const amountText = this.text("amount", true);
    const taxText = this.text("tax_amount", false);
    const poNumber = this.text("po_number", false);
    const description = this.text("description", false);

    const issue = issueText === undefined ? undefined : p.date(issueText);
    if (issue && !issue.ok) this.reject("issue_date", issue.error.code, issue.error.message);
    const due = dueText === undefined ? undefined : p.date(dueText);
    if (due && !due.ok) this.reject("due_date", due.error.code, due.error.message);
    const currency = currencyText === undefined ? undefined : p.currency(currencyText);
    if (currency && !currency.ok) this.reject("currency", currency.error.code, currency.error.message);
    let amount = 0n;
    let taxAmount: bigint | null = null;
    if (currency?.ok) {
      amount = this.money(amountText, currency.value, "amount") ?? 0n;
      taxAmount = this.money(taxText, currency.value, "tax_amount") ?? null;
    }
    if (dueText === undefined && terms === undefined) this.reject("due_date", "MISSING_VALUE", "due_date or terms is required");
    if (!this.valid || !issue?.ok || !currency?.ok || (due && !due.ok)) return undefined;

    const schedule = this.schedules.plan(issueText!, issue.value, dueText, due?.value, terms);
    if (!schedule.ok) return this.reject(schedule.error.path === "terms" ? "terms" : "due_date", schedule.error.code, schedule.error.message);
    return {
      row,
      id: this.newId(),
      customerExternalId: customerExternalId!,
      number: number!,
      issueDate: issueText!,
      dueDate: schedule.value.dueDate,
      currency: currency.value,
      amount,
      taxAmount,
      poNumber: poNumber ?? null,
      terms: schedule.value.terms,
      discountTerms: schedule.value.discountTerms,
      description: description ?? null,
      doNotDun: null,
      hasInstallments: false,
      present: this.present,
    };
  }

  private text(column: InvoiceColumn, required: boolean): string | undefined {
    const value = cell(this.fields, this.ctx.header.index[column]);
    if (value === undefined) return required ? this.reject(column, "MISSING_VALUE", `${column} is required`) : undefined;
    const max = MAX_LENGTH[column];
    return max !== undefined && value.length > max ? this.reject(column, "VALIDATION_FAILED", `${column} is longer than ${max} characters`) : value;
  }

  private money(text: string | undefined, currency: Currency, column: InvoiceColumn): bigint | undefined {
    if (text === undefined) return undefined;
    const parsed = this.ctx.parsers.amount(text, currency);
    return parsed.ok ? parsed.value : this.reject(column, parsed.error.code, parsed.error.message);
  }

  private reject(column: InvoiceColumn, code: ErrorCode, message: string): undefined {
    this.ctx.run.reject(this.row, this.ctx.header.label(column), code, message);
    this.valid = false;
    return undefined;
  }
}
