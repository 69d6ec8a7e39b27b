import { allocateByWeights } from "../../domain/money/allocate.js";
import type { DemoInstallment, DemoInvoice } from "./bookTypes.js";
import { addMonths, isoOfDay, isoWeekday, lastDayOfMonth, firstDayOfMonth, monthIndexOf, nextBusinessDay, yearOfDay } from "./calendarDays.js";
import { activeMonthWeights, type CustomerPlan, type Period } from "./customerPlans.js";
import type { DemoIds } from "./demoIds.js";
import { drawInvoiceMoney } from "./invoiceAmounts.js";
import { Rng, Weighted } from "./prng.js";

/** One thing the customer owes on one date: an invoice without schedule, or one installment. */
export interface OpenPart {
  seq: number | null;
  dueDay: number;
  amount: number;
}

/** An invoice as the settlement step needs it: day numbers and plain integers. */
export interface InvoiceDraft {
  invoice: DemoInvoice;
  issueDay: number;
  parts: OpenPart[];
}

/** Running document numbers of the whole book. */
export interface BookCounters {
  invoices: number;
  creditNotes: number;
  payments: number;
}

const INSTALLMENT_COUNTS = [2, 3, 3, 4, 6];
const INSTALLMENT_TERMS = "net 30";
// big tickets are sometimes billed in installments
const INSTALLMENT_MIN_PER_MILLE_OF_MEDIAN = 2500;
const INSTALLMENT_CHANCE = 150;

export function customerInvoices(plan: CustomerPlan, customerId: string, customerExternalId: string, period: Period, ids: DemoIds, counters: BookCounters, rng: Rng): InvoiceDraft[] {
  if (plan.invoiceCount === 0) return [];
  const months = new Weighted(activeMonthWeights(plan, period).filter(([, w]) => w > 0));
  const days: number[] = [];
  for (let i = 0; i < plan.invoiceCount; i++) days.push(issueDayIn(rng, months.draw(rng), plan));
  days.sort((a, b) => a - b);
  const medianEurCents = Math.floor((plan.industry.medianEurCents * plan.size.amountFactor) / 1000);
  const drafts: InvoiceDraft[] = [];
  for (const issueDay of days) {
    const money = drawInvoiceMoney(rng, medianEurCents, plan.market.currency, plan.market.vatBp);
    const inInstallments = plan.size.size !== "micro" && money.amount * 1000 >= INSTALLMENT_MIN_PER_MILLE_OF_MEDIAN * medianEurCents && rng.chance(INSTALLMENT_CHANCE);
    const parts = inInstallments ? installmentParts(rng, issueDay, money.amount) : [{ seq: null, dueDay: dueDayOf(plan, issueDay), amount: money.amount }];
    const id = ids.next(issueDay);
    drafts.push({
      issueDay,
      parts,
      invoice: {
        id,
        customerId,
        customerExternalId,
        number: `INV-${yearOfDay(issueDay)}-${String(++counters.invoices).padStart(7, "0")}`,
        issueDate: isoOfDay(issueDay),
        dueDate: isoOfDay(parts[parts.length - 1]!.dueDay),
        currency: plan.market.currency,
        amount: BigInt(money.amount),
        taxAmount: BigInt(money.tax),
        poNumber: poNumber(rng, plan),
        terms: inInstallments ? INSTALLMENT_TERMS : plan.terms.text,
        discounts: inInstallments ? [] : plan.terms.parsed.discounts,
        description: `${rng.pick(plan.industry.descriptions)} ${isoOfDay(issueDay).slice(0, 7)}`,
        hasInstallments: inInstallments,
      },
    });
  }
  return drafts;
}

export const installmentsOf = (draft: InvoiceDraft): DemoInstallment[] =>
  draft.invoice.hasInstallments
    ? draft.parts.map((p) => ({ invoiceId: draft.invoice.id, seq: p.seq!, dueDate: isoOfDay(p.dueDay), amount: BigInt(p.amount) }))
    : [];

/** A working day inside the month's active window; weekend draws move to the Friday before. */
function issueDayIn(rng: Rng, monthIndex: number, plan: CustomerPlan): number {
  const from = Math.max(firstDayOfMonth(monthIndex), plan.joinDay);
  const to = Math.min(lastDayOfMonth(monthIndex), plan.lastInvoiceDay);
  const day = rng.between(from, to);
  const weekday = isoWeekday(day);
  if (weekday < 6) return day;
  const friday = day - (weekday - 5);
  if (friday >= from) return friday;
  const monday = nextBusinessDay(day);
  return monday <= to ? monday : day;
}

function dueDayOf(plan: CustomerPlan, issueDay: number): number {
  const t = plan.terms.parsed;
  return (t.kind === "net" ? issueDay : lastDayOfMonth(monthIndexOf(issueDay))) + t.days;
}

function installmentParts(rng: Rng, issueDay: number, amount: number): OpenPart[] {
  const count = rng.pick(INSTALLMENT_COUNTS);
  const amounts = allocateByWeights(BigInt(amount), Array.from({ length: count }, () => 1n));
  const firstDue = issueDay + 30;
  return amounts.map((a, i) => ({ seq: i + 1, dueDay: addMonths(firstDue, i), amount: Number(a) }));
}

function poNumber(rng: Rng, plan: CustomerPlan): string | null {
  const size = plan.size.size;
  if (size === "large" || size === "enterprise") return rng.chance(850) ? `45${rng.between(10_000_000, 99_999_999)}` : null;
  if (size === "medium") return rng.chance(600) ? `PO-${rng.between(10_000, 99_999)}` : null;
  return rng.chance(150) ? `PO-${rng.between(1000, 9999)}` : null;
}
