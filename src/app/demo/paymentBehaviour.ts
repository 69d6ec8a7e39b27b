import type { CompanySize, PaymentProfile } from "./bookTypes.js";
import { addMonths, civilOf, dayOf, isoWeekday, nextBusinessDay } from "./calendarDays.js";
import { Rng, Weighted } from "./prng.js";

/** How a profile pays: delays in days after the due date and the odds (per mille) of the usual complications. */
export interface Behaviour {
  /** Days after due; each payment draws the sum of two uniform draws over half the range (peaks in the middle). */
  delay: readonly [number, number];
  /** Paid in two instalments of its own choosing. */
  partial: number;
  /** Disputed: a credit note, or a late payment once the dispute is rejected. */
  dispute: number;
  /** Never paid (lost in the debtor's AP, silently contested). */
  neverPaid: number;
  /** Takes an early-payment discount when the terms offer one. */
  takesDiscount: number;
  /** Deducts bank charges, leaving a small residual open. */
  shortPays: number;
}

export const BEHAVIOURS: Readonly<Record<PaymentProfile, Behaviour>> = {
  prompt: { delay: [-6, 4], partial: 0, dispute: 8, neverPaid: 1, takesDiscount: 750, shortPays: 6 },
  slow: { delay: [3, 42], partial: 30, dispute: 15, neverPaid: 4, takesDiscount: 200, shortPays: 10 },
  disputer: { delay: [-2, 22], partial: 20, dispute: 180, neverPaid: 8, takesDiscount: 300, shortPays: 10 },
  chronicallyLate: { delay: [25, 160], partial: 220, dispute: 25, neverPaid: 30, takesDiscount: 0, shortPays: 15 },
  // before trouble starts; goingUnder() takes over in the months before insolvency
  insolvent: { delay: [0, 24], partial: 60, dispute: 20, neverPaid: 5, takesDiscount: 100, shortPays: 10 },
};

/** The months before an insolvency: payments slip and come in pieces. */
export const GOING_UNDER: Behaviour = { delay: [25, 110], partial: 400, dispute: 40, neverPaid: 60, takesDiscount: 0, shortPays: 10 };
export const DETERIORATION_DAYS = 150;

export const PROFILES = new Weighted<PaymentProfile>([
  ["prompt", 440],
  ["slow", 260],
  ["disputer", 110],
  ["chronicallyLate", 150],
  ["insolvent", 40],
]);

export function drawDelay(rng: Rng, behaviour: Behaviour): number {
  const [lo, hi] = behaviour.delay;
  const half = Math.floor((hi - lo) / 2);
  return lo + rng.between(0, half) + rng.between(0, hi - lo - half);
}

/**
 * When the customer's accounts-payable department actually releases money. Small firms pay invoice
 * by invoice; larger ones batch everything approved into weekly or monthly payment runs.
 */
export type PaymentRun = { kind: "asApproved" } | { kind: "weekly"; weekday: number } | { kind: "monthly"; dayOfMonth: number };

const RUNS_BY_SIZE: Readonly<Record<CompanySize, Weighted<PaymentRun["kind"]>>> = {
  micro: new Weighted([["asApproved", 85], ["weekly", 15]]),
  small: new Weighted([["asApproved", 60], ["weekly", 30], ["monthly", 10]]),
  medium: new Weighted([["asApproved", 25], ["weekly", 55], ["monthly", 20]]),
  large: new Weighted([["asApproved", 10], ["weekly", 60], ["monthly", 30]]),
  enterprise: new Weighted([["weekly", 65], ["monthly", 35]]),
};

export function drawPaymentRun(rng: Rng, size: CompanySize): PaymentRun {
  const kind = RUNS_BY_SIZE[size].draw(rng);
  if (kind === "weekly") return { kind, weekday: rng.pick([2, 2, 3, 4, 4, 5]) };
  if (kind === "monthly") return { kind, dayOfMonth: rng.pick([10, 15, 25, 28]) };
  return { kind };
}

/** The first day on or after `day` when the run pays out. */
export function paymentRunOn(run: PaymentRun, day: number): number {
  switch (run.kind) {
    case "asApproved":
      return nextBusinessDay(day);
    case "weekly":
      return day + ((run.weekday - isoWeekday(day) + 7) % 7);
    case "monthly": {
      // every month has the run days used (at most the 28th)
      const { year, month, day: dom } = civilOf(day);
      const sameMonth = dayOf(year, month, run.dayOfMonth);
      return nextBusinessDay(dom <= run.dayOfMonth ? sameMonth : addMonths(sameMonth, 1));
    }
  }
}
