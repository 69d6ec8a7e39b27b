import type { DemoAllocation, DemoCreditNote, DemoCustomer, DemoPayment } from "./bookTypes.js";
import { isoOfDay, yearOfDay } from "./calendarDays.js";
import type { BookCounters, InvoiceDraft } from "./customerInvoices.js";
import type { CustomerPlan, Period } from "./customerPlans.js";
import type { DemoIds } from "./demoIds.js";
import { fromEurCents, minorPerUnit } from "./invoiceAmounts.js";
import type { Rng } from "./prng.js";
import { partEvents } from "./settlementEvents.js";

export interface Settlement {
  creditNotes: DemoCreditNote[];
  payments: DemoPayment[];
  allocations: DemoAllocation[];
}

interface PaidPart {
  draft: InvoiceDraft;
  seq: number | null;
  amount: number;
}

// What a foreign transfer's intermediary bank keeps: around 15 euros.
const BANK_CHARGE_EUR_CENTS = 1500;
const OVERPAYMENT_CHANCE = 4;
const REBATE_BP = 200;
const REBATE_CHANCE = 500;

/**
 * Replays every part's events in date order, never taking more than is still open, and turns them
 * into documents: one payment per payment-run day (covering every part paid that day), credit notes,
 * and the allocations of both plus discounts and write-offs.
 */
export function settleCustomer(plan: CustomerPlan, customer: DemoCustomer, drafts: readonly InvoiceDraft[], period: Period, ids: DemoIds, counters: BookCounters, rng: Rng): Settlement {
  const out: Settlement = { creditNotes: [], payments: [], allocations: [] };
  const byDay = new Map<number, PaidPart[]>();
  const bankCharge = fromEurCents(BANK_CHARGE_EUR_CENTS, plan.market.currency);
  for (const draft of drafts) {
    for (const part of draft.parts) {
      let open = part.amount;
      for (const event of partEvents(rng, plan, draft, part, period.endDay, bankCharge)) {
        let paid = 0;
        if (event.kind === "credit") {
          const note = creditNote(plan, customer, ids, counters, event.day, event.amount, draft.invoice.id, event.reason);
          out.creditNotes.push(note);
          // a correction that arrives after the invoice was paid stays on account as a credit
          const take = Math.min(event.amount, open);
          if (take > 0) out.allocations.push(allocation(ids, draft, part.seq, event.day, take, "credit_note", null, note.id, null));
          open -= take;
        } else if (open <= 0) {
          continue;
        } else if (event.kind === "pay") {
          const share = event.perMille === 1000 ? open : Math.max(1, Math.floor((open * event.perMille) / 1000));
          paid = share - (event.shortBy < share ? event.shortBy : 0);
        } else if (event.kind === "payWithDiscount") {
          const discount = Math.floor((open * event.percentBp + 5000) / 10_000);
          paid = open - discount;
          if (discount > 0) out.allocations.push(allocation(ids, draft, part.seq, event.day, discount, "discount", null, null, "early payment discount"));
          open -= discount;
        } else {
          out.allocations.push(allocation(ids, draft, part.seq, event.day, open, "write_off", null, null, "insolvency proceedings"));
          open = 0;
        }
        if (paid > 0) {
          open -= paid;
          const list = byDay.get(event.day);
          if (list) list.push({ draft, seq: part.seq, amount: paid });
          else byDay.set(event.day, [{ draft, seq: part.seq, amount: paid }]);
        }
      }
    }
  }

  const method = plan.market.methods.draw(rng);
  const account = plan.market.bankAccount(rng);
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    const parts = byDay.get(day)!;
    const applied = parts.reduce((sum, p) => sum + p.amount, 0);
    // now and then a payer rounds up or pays twice a small amount: unapplied cash
    const extra = rng.chance(OVERPAYMENT_CHANCE) ? rng.between(1, 50) * minorPerUnit(customer.currency) : 0;
    const payment: DemoPayment = {
      id: ids.next(day),
      externalId: `PAY-${yearOfDay(day)}-${String(++counters.payments).padStart(7, "0")}`,
      customerId: customer.id,
      customerExternalId: customer.externalId,
      receivedOn: isoOfDay(day),
      currency: customer.currency,
      amount: BigInt(applied + extra),
      method,
      payerName: customer.legalName,
      payerAccount: account,
      reference: remittance(rng, customer, parts),
    };
    out.payments.push(payment);
    for (const p of parts) out.allocations.push(allocation(ids, p.draft, p.seq, day, p.amount, "payment", payment.id, null, null));
  }
  out.creditNotes.push(...volumeRebates(plan, customer, drafts, period, ids, counters, rng));
  return out;
}

function allocation(ids: DemoIds, draft: InvoiceDraft, seq: number | null, day: number, amount: number, kind: DemoAllocation["kind"], paymentId: string | null, creditNoteId: string | null, reason: string | null): DemoAllocation {
  return { id: ids.next(day), invoiceId: draft.invoice.id, installmentSeq: seq, kind, paymentId, creditNoteId, amount: BigInt(amount), appliedOn: isoOfDay(day), reason };
}

function creditNote(plan: CustomerPlan, customer: DemoCustomer, ids: DemoIds, counters: BookCounters, day: number, amount: number, invoiceId: string | null, reason: string): DemoCreditNote {
  return {
    id: ids.next(day),
    customerId: customer.id,
    number: `CN-${yearOfDay(day)}-${String(++counters.creditNotes).padStart(6, "0")}`,
    issueDate: isoOfDay(day),
    currency: plan.market.currency,
    amount: BigInt(amount),
    invoiceId,
    reason,
  };
}

/** What the payer wrote in the remittance field: invoice numbers, usually; sometimes only its customer number, or nothing useful. */
function remittance(rng: Rng, customer: DemoCustomer, parts: readonly PaidPart[]): string {
  const style = rng.below(100);
  const numbers: string[] = [];
  for (const p of parts) if (!numbers.includes(p.draft.invoice.number)) numbers.push(p.draft.invoice.number);
  if (style < 70 && numbers.length <= 6) return numbers.join(" ");
  if (style < 85) return `Customer ${customer.externalId}`;
  return numbers.length === 1 && style < 92 ? numbers[0]!.replace(/-/g, "") : "Payment";
}

/** Big accounts earn a yearly rebate on last year's purchases, issued in January and kept on account. */
function volumeRebates(plan: CustomerPlan, customer: DemoCustomer, drafts: readonly InvoiceDraft[], period: Period, ids: DemoIds, counters: BookCounters, rng: Rng): DemoCreditNote[] {
  if ((plan.size.size !== "large" && plan.size.size !== "enterprise") || !rng.chance(REBATE_CHANCE)) return [];
  const notes: DemoCreditNote[] = [];
  for (let year = yearOfDay(period.startDay) + 1; year <= yearOfDay(period.endDay); year++) {
    const day = drafts.find((d) => yearOfDay(d.issueDay) === year)?.issueDay;
    if (day === undefined || day > period.endDay || (plan.insolvencyDay !== null && day >= plan.insolvencyDay)) continue;
    const lastYear = drafts.filter((d) => yearOfDay(d.issueDay) === year - 1).reduce((sum, d) => sum + Number(d.invoice.amount), 0);
    const amount = Math.floor((lastYear * REBATE_BP) / 10_000);
    if (amount > 0) notes.push(creditNote(plan, customer, ids, counters, day, amount, null, "volume rebate"));
  }
  return notes;
}
