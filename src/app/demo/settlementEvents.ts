import type { CustomerPlan } from "./customerPlans.js";
import type { InvoiceDraft, OpenPart } from "./customerInvoices.js";
import { isoWeekday } from "./calendarDays.js";
import { BEHAVIOURS, DETERIORATION_DAYS, drawDelay, GOING_UNDER, paymentRunOn, type Behaviour } from "./paymentBehaviour.js";
import type { Rng } from "./prng.js";

/** Something that happens to one open part, in the order of `day`; amounts are settled when replayed. */
export type PartEvent =
  | { kind: "credit"; day: number; amount: number; reason: string }
  /** Pays `perMille` of what is still open then (1000 = all of it), less `shortBy` bank charges. */
  | { kind: "pay"; day: number; perMille: number; shortBy: number }
  | { kind: "payWithDiscount"; day: number; percentBp: number }
  | { kind: "writeOff"; day: number };

const DISPUTE_REASONS = ["pricing dispute", "quantity dispute", "quality complaint", "goods not received"];
const CORRECTION_REASONS = ["returned goods", "price correction"];
const CORRECTION_CHANCE = 15;
const DISPUTE_UPHELD = 550;
const FULL_CREDIT = 150;

/** Later day, or the same day with a credit note second: a payment run pays what is left after a correction. */
const comesAfter = (x: PartEvent, y: PartEvent): boolean => x.day > y.day || (x.day === y.day && y.kind === "credit" && x.kind !== "credit");

function behaviourFor(plan: CustomerPlan, dueDay: number): Behaviour {
  return plan.insolvencyDay !== null && dueDay >= plan.insolvencyDay - DETERIORATION_DAYS ? GOING_UNDER : BEHAVIOURS[plan.profile];
}

/**
 * The life of one open part until the end of the book: disputes and corrections that end in credit
 * notes, the payment(s) the customer's payment runs make, an early-payment discount taken, and for an
 * insolvent customer nothing after the filing except the eventual write-off.
 */
export function partEvents(rng: Rng, plan: CustomerPlan, draft: InvoiceDraft, part: OpenPart, endDay: number, bankCharge: number): PartEvent[] {
  const b = behaviourFor(plan, part.dueDay);
  const events: PartEvent[] = [];
  const issueDay = draft.issueDay;
  let payFrom = part.dueDay + drawDelay(rng, b);
  let disputed = false;
  let creditedInFull = false;

  if (part.seq === null) {
    if (rng.chance(b.dispute)) {
      disputed = true;
      const raised = issueDay + rng.between(5, 25);
      if (rng.chance(DISPUTE_UPHELD)) {
        const day = raised + rng.between(7, 60);
        creditedInFull = rng.chance(FULL_CREDIT);
        const amount = creditedInFull ? part.amount : Math.max(1, Math.floor((part.amount * rng.between(5, 40)) / 100));
        events.push({ kind: "credit", day, amount, reason: creditedInFull ? "duplicate invoice" : rng.pick(DISPUTE_REASONS) });
        payFrom = Math.max(payFrom, day + rng.between(3, 20));
      } else {
        // dispute rejected: the customer pays once it has been argued out
        payFrom = Math.max(payFrom, raised + rng.between(20, 75));
      }
    } else if (rng.chance(CORRECTION_CHANCE)) {
      events.push({ kind: "credit", day: issueDay + rng.between(3, 40), amount: Math.max(1, Math.floor((part.amount * rng.between(5, 30)) / 100)), reason: rng.pick(CORRECTION_REASONS) });
    }
  }

  const tier = draft.invoice.discounts[0];
  if (creditedInFull || rng.chance(b.neverPaid)) {
    // nothing more from the customer
  } else if (tier && !disputed && rng.chance(b.takesDiscount)) {
    let day = issueDay + rng.between(2, tier.days);
    while (isoWeekday(day) > 5) day--;
    events.push({ kind: "payWithDiscount", day, percentBp: tier.percentBp });
  } else {
    const first = paymentRunOn(plan.run, Math.max(payFrom, issueDay + 1));
    const shortBy = rng.chance(b.shortPays) ? bankCharge : 0;
    if (rng.chance(b.partial)) {
      events.push({ kind: "pay", day: first, perMille: rng.between(250, 750), shortBy: 0 });
      events.push({ kind: "pay", day: paymentRunOn(plan.run, first + rng.between(14, 60)), perMille: 1000, shortBy });
    } else {
      events.push({ kind: "pay", day: first, perMille: 1000, shortBy });
    }
  }

  // nothing after the end of the book, and nothing from an insolvent customer after the filing
  const last = plan.insolvencyDay === null ? endDay : Math.min(endDay, plan.insolvencyDay - 1);
  let kept = 0;
  for (const e of events) if (e.day <= last) events[kept++] = e;
  events.length = kept;
  if (plan.writeOffDay !== null && plan.writeOffDay <= endDay) events.push({ kind: "writeOff", day: plan.writeOffDay });
  // Insertion sort: at most four events, and Array.prototype.sort allocates a work copy, which a
  // million parts turn into measurable garbage-collection time.
  for (let i = 1; i < events.length; i++) {
    const e = events[i]!;
    let j = i - 1;
    while (j >= 0 && comesAfter(events[j]!, e)) {
      events[j + 1] = events[j]!;
      j--;
    }
    events[j + 1] = e;
  }
  return events;
}
