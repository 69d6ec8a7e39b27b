import type { FitKind } from "./amountFit.js";

/**
 * How sure a proposal is, as documented constants rather than a trained model, so a tenant can read why a
 * line was or was not applied (docs/cash-matching.md has the same tables). A proposal is applied
 * automatically when its confidence reaches the tenant's threshold (typically 0.90) and nothing made it
 * ambiguous; ambiguity (several candidates, a typo guess without the amount to back it, a conflict) sends
 * it to the suggestions queue whatever the number says.
 */

/** How a line named an invoice; the weakest way among the invoices chosen sets the confidence. */
export type NamedVia = "rf-reference" | "number" | "bare-number" | "fuzzy";

/** "some-named": the amount is exactly some of the invoices the line names, not all of them. */
export type NamedFit = FitKind | "some-named";

// Rows: evidence, strongest first. Columns: how the amount fits. An RF reference carries check digits and is
// printed for this invoice alone, so even a partial payment with it is applied; an invoice number read from
// free text could be an order number or a neighbour's invoice, so it needs the amount to agree.
export const NAMED_CONFIDENCE: Readonly<Record<NamedVia, Readonly<Record<NamedFit, number>>>> = {
  "rf-reference": { exact: 0.99, discount: 0.97, charges: 0.96, "discount-and-charges": 0.95, "some-named": 0.95, over: 0.95, partial: 0.93 },
  number: { exact: 0.96, discount: 0.94, charges: 0.93, "discount-and-charges": 0.92, "some-named": 0.9, over: 0.8, partial: 0.75 },
  "bare-number": { exact: 0.94, discount: 0.92, charges: 0.91, "discount-and-charges": 0.9, "some-named": 0.88, over: 0.75, partial: 0.7 },
  fuzzy: { exact: 0.91, discount: 0.89, charges: 0.88, "discount-and-charges": 0.87, "some-named": 0.85, over: 0.6, partial: 0.55 },
};

const VIA_STRENGTH: readonly NamedVia[] = ["rf-reference", "number", "bare-number", "fuzzy"];

export const weakestVia = (vias: readonly NamedVia[]): NamedVia =>
  vias.reduce((weakest, via) => (VIA_STRENGTH.indexOf(via) > VIA_STRENGTH.indexOf(weakest) ? via : weakest), "rf-reference");

/** A typo guess is never applied on its own: only when the amount settles exactly what it names. */
export const fuzzyNeedsReview = (via: NamedVia, fit: NamedFit): boolean => via === "fuzzy" && (fit === "over" || fit === "partial");

/** Invoices of several customers in one line: probably a misread number; a person decides. */
export const MIXED_CUSTOMERS_PENALTY = 0.15;
/** The payer's IBAN or name is known for the customer the named invoices belong to. */
export const PAYER_AGREES_BONUS = 0.02;
/** The payer is known for another customer: a third party paying, or a misread number. */
export const PAYER_DISAGREES_PENALTY = 0.05;

/** How a customer was recognised when the line names no invoice. */
export type PayerVia = "iban" | "customer-ref" | "name";

const PAYER_BASE: Readonly<Record<PayerVia, number>> = { iban: 0.88, "customer-ref": 0.84, name: 0.8 };
/** Each earlier confirmed match of this payer to this customer adds this much, up to LEARNED_BONUS_CAP. */
const LEARNED_BONUS_PER_MATCH = 0.01;
const LEARNED_BONUS_CAP = 0.05;

/** Payer identified, then the amount: one item exactly, net of its discount, or short by bank charges. */
export const PAYER_FIT_ADJUSTMENT: Readonly<Partial<Record<FitKind, number>>> = { exact: 0, discount: -0.02, charges: -0.03, "discount-and-charges": -0.04 };
/** A combination of items is a guess among many: it starts lower and drops with every item beyond two. */
const COMBINATION_ADJUSTMENT = -0.1;
const COMBINATION_PER_EXTRA_ITEM = -0.03;
/** Nothing fits the amount: paying the oldest items is the convention, never a certainty. */
export const OLDEST_ITEMS_CONFIDENCE = 0.4;

export function payerConfidence(via: PayerVia, confirmedMatches: number): number {
  return PAYER_BASE[via] + Math.min(LEARNED_BONUS_CAP, Math.max(0, confirmedMatches) * LEARNED_BONUS_PER_MATCH);
}

export function combinationConfidence(payer: number, items: number): number {
  return payer + COMBINATION_ADJUSTMENT + COMBINATION_PER_EXTRA_ITEM * Math.max(0, items - 2);
}
