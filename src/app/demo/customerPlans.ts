import { formatPaymentTerms, parsePaymentTerms, type PaymentTerms } from "../../domain/terms/paymentTerms.js";
import type { BookOptions, PaymentProfile } from "./bookTypes.js";
import { calendarMonth, firstDayOfMonth, lastDayOfMonth, monthIndexOf, parseDay } from "./calendarDays.js";
import { INDUSTRIES, SEASONALITY, SIZES, type Industry, type SizeClass } from "./firmographics.js";
import { marketMix, type Market } from "./markets.js";
import { drawPaymentRun, PROFILES, type PaymentRun } from "./paymentBehaviour.js";
import { Rng, Weighted, WEYL_STEPS } from "./prng.js";

/** Random streams of a book, one purpose each, so adding draws to one leaves the others unchanged. */
export const STREAM = { plan: 1, record: 2, invoices: 3, settlement: 4 } as const;

export interface Period {
  startDay: number;
  endDay: number;
  startMonth: number;
  endMonth: number;
}

export function periodOf(options: Pick<BookOptions, "endDate" | "months">): Period {
  if (!Number.isInteger(options.months) || options.months < 1) throw new RangeError(`months must be a positive integer, got ${options.months}`);
  const endDay = parseDay(options.endDate);
  const endMonth = monthIndexOf(endDay);
  const startMonth = endMonth - options.months + 1;
  return { startDay: firstDayOfMonth(startMonth), endDay, startMonth, endMonth };
}

export interface Terms {
  text: string;
  parsed: PaymentTerms;
}

const terms = (text: string): Terms => {
  const parsed = parsePaymentTerms(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return { text: formatPaymentTerms(parsed.value), parsed: parsed.value };
};

const TERMS = new Weighted<Terms>([
  [terms("net 30"), 46],
  [terms("net 14"), 12],
  [terms("net 45"), 8],
  [terms("net 60"), 8],
  [terms("eom+30"), 8],
  [terms("2/10 net 30"), 12],
  [terms("3/14 net 45"), 2],
]);
// 月末締め翌月末払い: Japanese B2B invoices close at month end and are paid at the end of the next month.
const JAPANESE_TERMS = terms("eom+30");

/** What a customer is, decided up front for every customer so invoice counts can be scaled exactly. */
export interface CustomerPlan {
  index: number;
  market: Market;
  language: string;
  size: SizeClass;
  industry: Industry;
  profile: PaymentProfile;
  terms: Terms;
  run: PaymentRun;
  /** First and last day the customer is invoiced. */
  joinDay: number;
  lastInvoiceDay: number;
  insolvencyDay: number | null;
  writeOffDay: number | null;
  parentIndex: number | null;
  invoiceCount: number;
}

export function planCustomers(options: BookOptions, period: Period): CustomerPlan[] {
  if (!Number.isInteger(options.customers) || options.customers < 1) throw new RangeError(`customers must be a positive integer, got ${options.customers}`);
  const markets = marketMix(options.currencies);
  const offset = new Rng(options.seed).uint32();
  const groupHeads = new Map<string, number[]>();
  const plans: CustomerPlan[] = [];
  for (let index = 0; index < options.customers; index++) {
    const rng = Rng.stream(options.seed, STREAM.plan, index);
    const market = markets.spread(index, WEYL_STEPS.sqrt2, offset);
    const profile = PROFILES.spread(index, WEYL_STEPS.golden, offset);
    const size = SIZES.draw(rng);
    const span = period.endDay - period.startDay;
    const joinDay = profile !== "insolvent" && rng.chance(220) ? period.startDay + rng.below(Math.max(1, span - 20)) : period.startDay;
    const insolvencyDay = profile === "insolvent" ? period.startDay + Math.floor((span * rng.between(300, 950)) / 1000) : null;
    const heads = groupHeads.get(market.currency) ?? [];
    const parentIndex = size.size !== "enterprise" && heads.length > 0 && rng.chance(30) ? rng.pick(heads) : null;
    if (size.size === "enterprise") groupHeads.set(market.currency, [...heads, index]);
    const plan: CustomerPlan = {
      index,
      market,
      language: market.languages.draw(rng),
      size,
      industry: INDUSTRIES.draw(rng),
      profile,
      terms: market.country === "JP" ? JAPANESE_TERMS : TERMS.draw(rng),
      run: drawPaymentRun(rng, size.size),
      joinDay,
      // suppliers put an account on credit hold some weeks before the filing
      lastInvoiceDay: insolvencyDay === null ? period.endDay : Math.max(joinDay, insolvencyDay - rng.between(0, 45)),
      insolvencyDay,
      writeOffDay: insolvencyDay === null ? null : insolvencyDay + rng.between(60, 240),
      parentIndex,
      invoiceCount: 0,
    };
    plan.invoiceCount = drawInvoiceCount(rng, plan, period);
    plans.push(plan);
  }
  if (options.invoices !== undefined) scaleInvoiceCounts(plans, options.invoices);
  return plans;
}

/** Seasonality-weighted share of each active month, in thousandths of an average month. */
export function activeMonthWeights(plan: Pick<CustomerPlan, "joinDay" | "lastInvoiceDay">, period: Period): [number, number][] {
  const weights: [number, number][] = [];
  for (let m = period.startMonth; m <= period.endMonth; m++) {
    const first = firstDayOfMonth(m);
    const last = lastDayOfMonth(m);
    const active = Math.min(last, plan.lastInvoiceDay) - Math.max(first, plan.joinDay) + 1;
    if (active <= 0) continue;
    weights.push([m, Math.floor((SEASONALITY[calendarMonth(m) - 1]! * active) / (last - first + 1))]);
  }
  return weights;
}

function drawInvoiceCount(rng: Rng, plan: CustomerPlan, period: Period): number {
  const monthsMilli = activeMonthWeights(plan, period).reduce((sum, [, w]) => sum + w, 0);
  const rateMilli = Math.floor((plan.size.monthlyRate * plan.industry.frequency) / 1000);
  // ±35 % around the expectation: customers of one size still differ
  const expectedMilli = Math.floor((Math.floor((rateMilli * monthsMilli) / 1000) * rng.between(650, 1350)) / 1000);
  return Math.floor(expectedMilli / 1000) + (rng.below(1000) < expectedMilli % 1000 ? 1 : 0);
}

/** Rescales the drawn counts to sum to exactly `target` (largest remainder; earlier customers win ties). */
export function scaleInvoiceCounts(plans: CustomerPlan[], target: number): void {
  if (!Number.isInteger(target) || target < 0) throw new RangeError(`invoices must be a non-negative integer, got ${target}`);
  let drawn = plans.reduce((sum, p) => sum + p.invoiceCount, 0);
  if (drawn === 0) {
    for (const p of plans) p.invoiceCount = 1;
    drawn = plans.length;
  }
  const remainders: { index: number; remainder: number }[] = [];
  let given = 0;
  for (const p of plans) {
    const product = p.invoiceCount * target;
    p.invoiceCount = Math.floor(product / drawn);
    given += p.invoiceCount;
    remainders.push({ index: p.index, remainder: product % drawn });
  }
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; given < target; i++, given++) plans[remainders[i % remainders.length]!.index]!.invoiceCount++;
}
