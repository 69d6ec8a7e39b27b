import type { PlainDate } from "../../../domain/dates/plainDate.js";
import type { DomainError } from "../../../domain/errors.js";
import { planInvoiceSchedule, type InvoiceScheduleInput } from "../../../domain/ledger/invoiceSchedule.js";
import type { Result } from "../../../domain/result.js";

/** An invoice's schedule in the shape the staging table stores, as createInvoice derives it. */
export interface PlannedSchedule {
  dueDate: string;
  terms: string | null;
  discountTerms: string | null;
  installments: { seq: number; dueDate: string; amount: bigint }[];
}

export function planSchedule(input: InvoiceScheduleInput): Result<PlannedSchedule, DomainError> {
  const plan = planInvoiceSchedule(input);
  if (!plan.ok) return plan;
  const { dueDate, terms, discounts, installments } = plan.value;
  return {
    ok: true,
    value: {
      dueDate: dueDate.toString(),
      terms,
      discountTerms: discounts.length > 0 ? JSON.stringify(discounts) : null,
      installments: installments.map((n) => ({ seq: n.seq, dueDate: n.dueDate.toString(), amount: n.amount })),
    },
  };
}

/**
 * planSchedule for invoices without installments, where the result depends only on the issue date,
 * the due date and the terms text: a file of a million invoices has far fewer distinct combinations.
 */
export class ScheduleCache {
  private readonly plans = new Map<string, Result<PlannedSchedule, DomainError>>();

  plan(issueText: string, issueDate: PlainDate, dueText: string | undefined, dueDate: PlainDate | undefined, terms: string | undefined): Result<PlannedSchedule, DomainError> {
    const key = `${issueText}|${dueText ?? ""}|${terms ?? ""}`;
    let plan = this.plans.get(key);
    if (!plan) this.plans.set(key, (plan = planSchedule({ amount: 0n, issueDate, dueDate, terms })));
    return plan;
  }
}
