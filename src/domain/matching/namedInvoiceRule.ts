import { fitAmount, settles, type AmountFit, type Payment } from "./amountFit.js";
import { fuzzyNeedsReview, MIXED_CUSTOMERS_PENALTY, NAMED_CONFIDENCE, PAYER_AGREES_BONUS, PAYER_DISAGREES_PENALTY, weakestVia, type NamedFit, type NamedVia } from "./confidence.js";
import { explainFit } from "./explainFit.js";
import type { IndexedInvoice, IndexedItem, MatchIndex } from "./matchIndex.js";
import type { NamedInvoice } from "./namedInvoices.js";
import type { PayerCandidate } from "./payerIdentity.js";
import type { ProposalDraft } from "./proposal.js";
import { findExactSubset } from "./subsetSearch.js";

/**
 * Rules 1 and 2: the line names invoices (RF references, invoice numbers). Which of them the money is for is
 * decided by the amount, trusting the strongest evidence first: the RF-named invoices alone, then with the
 * numbers written in full, then with numbers written without prefix, then with typo guesses. The first set
 * whose amount fits — all of it, or exactly some of it — is paid; when none fits, the strongest set is paid
 * in the order written (a partial payment, or an overpayment with the rest on account).
 */

export interface NamedOutcome {
  draft?: ProposalDraft;
  /** The amount is explained by what the line names: weaker evidence has nothing to add. */
  settled: boolean;
  /** About named invoices that could not be used (another currency, nothing open any more). */
  warnings: string[];
  /** A named invoice is already settled: a duplicate payment? A person decides. */
  namesSettledInvoice: boolean;
  /** The one customer all named invoices belong to, usable or not: whose account unapplied cash is for. */
  customerHint?: string;
}

const VIA_ORDER: readonly NamedVia[] = ["rf-reference", "number", "bare-number", "fuzzy"];

export function matchNamedInvoices(named: readonly NamedInvoice[], payers: readonly PayerCandidate[], payment: Payment, index: MatchIndex): NamedOutcome {
  const warnings: string[] = [];
  let namesSettledInvoice = false;
  const usable: NamedInvoice[] = [];
  for (const n of named) {
    if (n.invoice.currency !== payment.currency) warnings.push(`${n.invoice.number} is in ${n.invoice.currency}, the payment in ${payment.currency}`);
    else if (openItems(n.invoice).length === 0) {
      warnings.push(`${n.invoice.number} is already settled (by an earlier line of this import): a duplicate payment?`);
      namesSettledInvoice = true;
    } else usable.push(n);
  }
  const everyCustomer = new Set(named.map((n) => n.invoice.customerId));
  const customerHint = everyCustomer.size === 1 ? [...everyCustomer][0]! : undefined;
  const hint = customerHint !== undefined ? { customerHint } : {};
  if (usable.length === 0) return { settled: false, warnings, namesSettledInvoice, ...hint };

  const selection = select(usable, payment, index);
  const via = weakestVia(selection.chosen.map((c) => c.via));
  let confidence = NAMED_CONFIDENCE[via][selection.fitKind];
  let ambiguous = selection.ambiguous || namesSettledInvoice || selection.chosen.some((c) => c.ambiguous) || fuzzyNeedsReview(via, selection.fitKind);
  const explanation = [...selection.chosen.map(describeNamed), ...explainFit(selection.fit, selection.items, payment)];
  const notPaid = usable.filter((n) => !selection.chosen.includes(n)).map((n) => n.invoice.number);
  if (notPaid.length > 0) explanation.push(`also named, but not paid by this amount: ${notPaid.join(", ")}`);

  const customers = [...new Set(selection.chosen.map((c) => c.invoice.customerId))];
  const label = (customerId: string) => index.customerRefOf.get(customerId) ?? customerId;
  let customerId: string | undefined;
  if (customers.length > 1) {
    confidence -= MIXED_CUSTOMERS_PENALTY;
    ambiguous = true;
    warnings.push(`the invoices named belong to ${customers.length} customers: ${customers.map(label).join(", ")}`);
  } else {
    customerId = customers[0]!;
    const payer = payers.find((p) => p.customerId === customerId);
    if (payer) {
      confidence += PAYER_AGREES_BONUS;
      explanation.push(payer.evidence);
    } else if (payers.length > 0) {
      confidence -= PAYER_DISAGREES_PENALTY;
      warnings.push(`${payers[0]!.evidence}, but the invoices named belong to customer ${label(customerId)}`);
    }
  }
  return {
    draft: {
      method: via === "rf-reference" ? "rf-reference" : "invoice-number",
      confidence,
      ambiguous,
      ...(customerId !== undefined ? { customerId } : {}),
      allocations: selection.fit.allocations,
      unapplied: selection.fit.unapplied,
      explanation,
      warnings,
    },
    settled: selection.fitKind !== "over" && selection.fitKind !== "partial",
    warnings,
    namesSettledInvoice,
    ...hint,
  };
}

interface Selection {
  chosen: NamedInvoice[];
  fitKind: NamedFit;
  fit: AmountFit;
  items: IndexedItem[];
  ambiguous: boolean;
}

function select(usable: readonly NamedInvoice[], payment: Payment, index: MatchIndex): Selection {
  const limits = index.settings.subsetSearch;
  let strongest: Selection | undefined;
  let previousSize = 0;
  for (const tier of VIA_ORDER.keys()) {
    const set = usable.filter((n) => VIA_ORDER.indexOf(n.via) <= tier);
    if (set.length === previousSize) continue;
    previousSize = set.length;
    const items = set.flatMap((n) => openItems(n.invoice));
    const fit = fitAmount(items, payment);
    if (settles(fit.kind)) return { chosen: set, fitKind: fit.kind, fit, items, ambiguous: false };
    strongest ??= { chosen: set, fitKind: fit.kind, fit, items, ambiguous: false };
    if (set.length < 2) continue;
    // Exactly some of the named invoices: the payer named more than it paid, or a number was misread.
    const totals = set.map((n) => openItems(n.invoice).reduce((sum, i) => sum + i.open, 0n));
    const subset = findExactSubset(totals, payment.amount, { minSize: 1, maxSize: Math.min(set.length - 1, limits.maxCombinationSize), maxNodes: limits.maxNodes });
    if (subset.indices) {
      const chosen = subset.indices.map((i) => set[i]!);
      const chosenItems = chosen.flatMap((n) => openItems(n.invoice));
      return { chosen, fitKind: "some-named", fit: fitAmount(chosenItems, payment), items: chosenItems, ambiguous: subset.ambiguous };
    }
  }
  return strongest!;
}

const openItems = (invoice: IndexedInvoice): IndexedItem[] => invoice.items.filter((i) => i.open > 0n);

function describeNamed(n: NamedInvoice): string {
  const number = n.invoice.number;
  switch (n.via) {
    case "rf-reference":
      return `${n.written} names ${number}`;
    case "number":
      return `"${n.written}" in the remittance names ${number}`;
    case "bare-number":
      return `"${n.written}" in the remittance is ${number} without its prefix`;
    case "fuzzy":
      return n.ambiguous
        ? `"${n.written}" is one typo away from several open invoices; ${number} is the only one that fits the amount or the payer`
        : `"${n.written}" is one typo away from ${number} and from no other open invoice`;
  }
}
