import { currency, currencyExponent } from "../../domain/money/currency.js";
import { UNITS_PER_THOUSAND_EUR } from "./markets.js";
import type { Rng } from "./prng.js";

/*
 * Invoice sizes are log-normal (σ ≈ 0.85): most invoices sit near the median, a few are many times
 * larger. The table holds exp(0.85·z) in per mille at the quantiles 0.2 %, 1/32, 2/32 … 31/32, 99.8 %;
 * a draw picks a bucket and interpolates inside it, all in integers.
 */
const LOGNORMAL_PER_MILLE = [
  87, 205, 271, 326, 376, 424, 470, 517, 564, 611, 660, 710, 763, 817, 875, 936, 1000, 1069, 1143, 1223, 1311, 1408, 1515,
  1636, 1774, 1935, 2126, 2360, 2659, 3066, 3684, 4871, 11547,
];
const BUCKETS = LOGNORMAL_PER_MILLE.length - 1;
const STEPS = 1024;

/** A log-normal multiplier of the median, in per mille (median 1000). */
export function lognormalPerMille(rng: Rng): number {
  const u = rng.below(BUCKETS * STEPS);
  const bucket = Math.floor(u / STEPS);
  const lo = LOGNORMAL_PER_MILLE[bucket]!;
  const hi = LOGNORMAL_PER_MILLE[bucket + 1]!;
  return lo + Math.floor(((hi - lo) * (u % STEPS)) / STEPS);
}

/** Minor units of `code` worth `eurCents` euro cents at the demo's fixed rates. */
export function fromEurCents(eurCents: number, code: string): number {
  const rate = UNITS_PER_THOUSAND_EUR[code];
  if (rate === undefined) throw new RangeError(`no demo exchange rate for ${code}`);
  // cents × (units per thousand euro) × 10^exponent / (100 cents × 1000)
  return Math.floor((eurCents * rate * 10 ** currencyExponent(currency(code))) / 100_000);
}

export const minorPerUnit = (code: string): number => 10 ** currencyExponent(currency(code));

export interface InvoiceMoney {
  /** Gross amount, tax included, in minor units. */
  amount: number;
  tax: number;
}

/**
 * Net price around the median for this customer, sometimes a round figure (services are often billed
 * in whole units), plus VAT computed on the net and rounded half up as invoicing systems do.
 */
export function drawInvoiceMoney(rng: Rng, medianEurCents: number, code: string, vatBp: number): InvoiceMoney {
  const unit = minorPerUnit(code);
  let net = fromEurCents(Math.floor((medianEurCents * lognormalPerMille(rng)) / 1000), code);
  if (rng.chance(400)) net = Math.round(net / unit) * unit;
  net = Math.max(net, 20 * unit);
  const tax = Math.floor((net * vatBp + 5000) / 10_000);
  return { amount: net + tax, tax };
}
