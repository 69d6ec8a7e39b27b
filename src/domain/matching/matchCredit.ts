import { fitAmount, settles, type Payment } from "./amountFit.js";
import type { IndexedInvoice, MatchIndex } from "./matchIndex.js";
import { matchNamedInvoices, type NamedOutcome } from "./namedInvoiceRule.js";
import { readRemittance, readTypos } from "./namedInvoices.js";
import { identifyPayer } from "./payerIdentity.js";
import { matchByPayer } from "./payerRules.js";
import { finishProposal, unmatchedProposal, type CreditLine, type MatchProposal, type ProposalDraft } from "./proposal.js";

/**
 * Proposes how one incoming credit is applied, in order of evidence (docs/cash-matching.md): RF references,
 * invoice numbers in the remittance (typos only when nothing exact explains the amount), then the payer's
 * identity with the amount. Pure: the index is only read; applyToIndex records what the caller applied.
 */
export function matchCredit(line: CreditLine, index: MatchIndex): MatchProposal {
  const threshold = index.settings.autoApplyThreshold;
  if (line.amount <= 0n) return unmatchedProposal(line, ["only credits (positive amounts) are matched"], []);
  const payment: Payment = {
    amount: line.amount,
    currency: line.currency,
    bookingDate: line.bookingDate,
    chargeTolerance: index.settings.bankChargeTolerance[line.currency] ?? 0n,
  };
  const reading = readRemittance(line, index);
  const payers = identifyPayer(line, index, reading.customerIds);
  const closed = reading.closedReferences.map((r) => `${r} is a valid RF reference but names no open invoice: paid already, or not ours?`);

  let named = matchNamedInvoices(reading.named, payers, payment, index);
  const typoNotes: string[] = [];
  if (!named.settled) {
    const payerCustomers = new Set(payers.map((p) => p.customerId));
    const fits = (invoice: IndexedInvoice) => payerCustomers.has(invoice.customerId) || fitsAmount(invoice, payment);
    const typos = readTypos(reading, index, fits);
    typoNotes.push(...typos.notes);
    if (typos.named.length > 0) named = matchNamedInvoices([...reading.named, ...typos.named], payers, payment, index);
  }

  // A reference to a closed invoice, or a second payment of one, is worth a look whatever else matched.
  const doubtful = closed.length > 0 || named.namesSettledInvoice;
  const byPayer = named.settled ? undefined : matchByPayer(payers, payment, index);
  // a line that names a closed invoice is not for the oldest open ones: it stays on account, for review
  const draft = choose(named, doubtful && byPayer?.method === "oldest-items" ? undefined : byPayer);
  if (!draft) {
    const warnings = [...closed, ...named.warnings];
    return unmatchedProposal(line, typoNotes, warnings, named.customerHint ?? (payers.length === 1 ? payers[0]!.customerId : undefined));
  }
  return finishProposal(
    line,
    {
      ...draft,
      ambiguous: draft.ambiguous || doubtful,
      explanation: [...draft.explanation, ...typoNotes],
      warnings: [...new Set([...closed, ...named.warnings, ...draft.warnings])],
    },
    threshold,
  );
}

/**
 * What the remittance names wins when its amount fits. When it does not and the payer's items explain the
 * amount, the evidence conflicts: the better-supported draft is proposed, for a person to confirm.
 */
function choose(named: NamedOutcome, byPayer: ProposalDraft | undefined): ProposalDraft | undefined {
  const fromText = named.draft;
  if (!fromText || named.settled) return fromText ?? byPayer;
  if (!byPayer || byPayer.allocations.length === 0 || byPayer.method === "oldest-items") return fromText;
  if (byPayer.confidence > fromText.confidence) {
    const warning = "the amount does not fit the invoices the remittance names, but fits the payer's open items";
    return { ...byPayer, ambiguous: true, warnings: [...byPayer.warnings, warning] };
  }
  const warning = `the amount does not fit the invoices the remittance names; the payer's open items would fit (${byPayer.method})`;
  return { ...fromText, ambiguous: true, warnings: [...fromText.warnings, warning] };
}

function fitsAmount(invoice: IndexedInvoice, payment: Payment): boolean {
  if (invoice.currency !== payment.currency) return false;
  const items = invoice.items.filter((i) => i.open > 0n);
  return items.length > 0 && settles(fitAmount(items, payment).kind);
}
