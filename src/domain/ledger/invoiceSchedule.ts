import { compareDates, type PlainDate } from "../dates/plainDate.js";
import { domainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { dueDateFor, formatPaymentTerms, parsePaymentTerms, type DiscountTier } from "../terms/paymentTerms.js";
import { scheduleInstallments, type Installment, type InstallmentPart } from "../terms/installments.js";

export interface InvoiceScheduleInput {
  amount: bigint;
  issueDate: PlainDate;
  dueDate?: PlainDate | undefined;
  terms?: string | undefined;
  installments?: readonly InstallmentPart[] | undefined;
}

export interface InvoiceSchedule {
  /** The invoice's final due date: explicit, from its terms, or its last installment's. */
  dueDate: PlainDate;
  /** Canonical spelling of the terms, when there were any. */
  terms: string | null;
  discounts: DiscountTier[];
  installments: Installment[];
}

/**
 * When an invoice falls due. An explicit due date wins over terms (the invoice document is what the
 * customer saw); terms still contribute their early-payment discounts.
 */
export function planInvoiceSchedule(input: InvoiceScheduleInput): Result<InvoiceSchedule> {
  const terms = input.terms ? parsePaymentTerms(input.terms) : undefined;
  if (terms && !terms.ok) return err({ ...terms.error, path: "terms" });
  let installments: Installment[] = [];
  if (input.installments && input.installments.length > 0) {
    const scheduled = scheduleInstallments(input.amount, input.issueDate, input.installments);
    if (!scheduled.ok) return scheduled;
    installments = scheduled.value;
  }
  const dueDate = input.dueDate ?? installments.at(-1)?.dueDate ?? (terms?.ok ? dueDateFor(terms.value, input.issueDate) : undefined);
  if (!dueDate) return err(domainError("MISSING_VALUE", "an invoice needs a due date, payment terms or installments", { path: "dueDate" }));
  if (compareDates(dueDate, input.issueDate) < 0) {
    return err(domainError("DUE_BEFORE_ISSUE", `due date ${dueDate} is before issue date ${input.issueDate}`, { path: "dueDate" }));
  }
  const last = installments.at(-1);
  if (last && compareDates(last.dueDate, dueDate) > 0) {
    return err(domainError("INVALID_INSTALLMENTS", `the last installment (${last.dueDate}) falls after the invoice due date ${dueDate}`, { path: "installments" }));
  }
  return ok({
    dueDate,
    terms: terms?.ok ? formatPaymentTerms(terms.value) : null,
    discounts: terms?.ok ? terms.value.discounts : [],
    installments,
  });
}
