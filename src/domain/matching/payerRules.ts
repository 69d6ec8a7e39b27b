import { fitAmount, settles, type AmountFit, type Payment } from "./amountFit.js";
import { combinationConfidence, OLDEST_ITEMS_CONFIDENCE, PAYER_FIT_ADJUSTMENT } from "./confidence.js";
import { explainFit, itemLabel } from "./explainFit.js";
import { openItemsOf, type IndexedItem, type MatchIndex } from "./matchIndex.js";
import type { PayerCandidate } from "./payerIdentity.js";
import { formatLineAmount, type MatchMethod, type ProposalDraft } from "./proposal.js";
import { findExactSubset } from "./subsetSearch.js";

/**
 * Rules 3 to 6, for a line that names nothing usable but whose payer is known: the customer's items in the
 * line's currency, oldest due first, are tried for (3) one item of exactly the amount, (4) a combination of
 * items summing exactly to it, (5) one item net of its early-payment discount or short by bank charges, and
 * failing all, (6) the oldest items paid in turn — a suggestion, never applied automatically.
 */
export function matchByPayer(payers: readonly PayerCandidate[], payment: Payment, index: MatchIndex): ProposalDraft | undefined {
  if (payers.length === 0) return undefined;
  const warnings: string[] = [];
  if (payers.length > 1) {
    const labels = payers.map((p) => index.customerRefOf.get(p.customerId) ?? p.customerId);
    warnings.push(`the payer is known for ${payers.length} customers (${labels.join(", ")}); the one it paid most is tried first`);
  }
  const ambiguousPayer = payers.length > 1;
  for (const payer of payers) {
    const items = openItemsOf(index, payer.customerId, payment.currency);
    const found = exactItem(items, payment) ?? combination(items, payment, index, payer) ?? discountOrCharges(items, payment);
    if (found) return draftFor(payer, found, payment, ambiguousPayer, warnings);
  }
  const payer = payers[0]!;
  const items = openItemsOf(index, payer.customerId, payment.currency);
  if (items.length === 0) {
    warnings.push(`customer ${index.customerRefOf.get(payer.customerId) ?? payer.customerId} has no open items in ${payment.currency}`);
    return { method: "oldest-items", confidence: 0, ambiguous: true, customerId: payer.customerId, allocations: [], unapplied: payment.amount, explanation: [payer.evidence], warnings };
  }
  const fit = fitAmount(items, payment);
  const found: Found = settles(fit.kind)
    ? { method: "combination", fit, items, confidence: combinationConfidence(payer.confidence, items.length), ambiguous: false, notes: ["the amount settles everything the customer has open"] }
    : { method: "oldest-items", fit, items, confidence: OLDEST_ITEMS_CONFIDENCE, ambiguous: true, notes: ["nothing adds up to the amount: the oldest items are paid in turn"] };
  return draftFor(payer, found, payment, ambiguousPayer, warnings);
}

interface Found {
  method: Exclude<MatchMethod, "none">;
  fit: AmountFit;
  items: IndexedItem[];
  /** Absolute confidence, or undefined to take the payer's confidence with the fit's adjustment. */
  confidence?: number;
  ambiguous: boolean;
  notes: string[];
}

function exactItem(items: readonly IndexedItem[], payment: Payment): Found | undefined {
  const exact = items.filter((i) => i.open === payment.amount);
  if (exact.length === 0) return undefined;
  const notes = exact.length > 1 ? [`${exact.length} open items are of exactly ${formatLineAmount(payment.amount, payment.currency)}; the oldest, ${itemLabel(exact[0]!)}, is proposed`] : [];
  return { method: "payer-and-amount", fit: fitAmount([exact[0]!], payment), items: [exact[0]!], ambiguous: exact.length > 1, notes };
}

function combination(items: readonly IndexedItem[], payment: Payment, index: MatchIndex, payer: PayerCandidate): Found | undefined {
  const limits = index.settings.subsetSearch;
  const candidates = items.filter((i) => i.open < payment.amount).slice(0, limits.maxItems);
  if (candidates.length < 2) return undefined;
  const subset = findExactSubset(
    candidates.map((i) => i.open),
    payment.amount,
    { minSize: 2, maxSize: limits.maxCombinationSize, maxNodes: limits.maxNodes },
  );
  if (!subset.indices) return undefined;
  const chosen = subset.indices.map((i) => candidates[i]!);
  const notes = [`the first combination of the fewest items among the ${candidates.length} oldest open items below the amount`];
  if (subset.ambiguous) notes.push(subset.exhausted ? "the search stopped at its limit before ruling out other combinations" : "another combination of as many items sums to the amount too");
  return { method: "combination", fit: fitAmount(chosen, payment), items: chosen, confidence: combinationConfidence(payer.confidence, chosen.length), ambiguous: subset.ambiguous, notes };
}

function discountOrCharges(items: readonly IndexedItem[], payment: Payment): Found | undefined {
  const fitting: { item: IndexedItem; fit: AmountFit }[] = [];
  for (const item of items) {
    if (item.open <= payment.amount) continue;
    const fit = fitAmount([item], payment);
    if (fit.kind === "discount" || fit.kind === "charges" || fit.kind === "discount-and-charges") fitting.push({ item, fit });
  }
  const first = fitting[0];
  if (!first) return undefined;
  const notes = fitting.length > 1 ? [`${fitting.length} open items fit the amount net of a discount or charges; the oldest, ${itemLabel(first.item)}, is proposed`] : [];
  return { method: "discount-or-charges", fit: first.fit, items: [first.item], ambiguous: fitting.length > 1, notes };
}

function draftFor(payer: PayerCandidate, found: Found, payment: Payment, ambiguousPayer: boolean, warnings: string[]): ProposalDraft {
  const confidence = found.confidence ?? payer.confidence + (PAYER_FIT_ADJUSTMENT[found.fit.kind] ?? 0);
  return {
    method: found.method,
    confidence,
    ambiguous: found.ambiguous || ambiguousPayer,
    customerId: payer.customerId,
    allocations: found.fit.allocations,
    unapplied: found.fit.unapplied,
    explanation: [payer.evidence, ...explainFit(found.fit, found.items, payment), ...found.notes],
    warnings,
  };
}
