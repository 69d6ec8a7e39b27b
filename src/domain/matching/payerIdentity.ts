import { payerConfidence, type PayerVia } from "./confidence.js";
import type { MatchIndex, PayerEvidence } from "./matchIndex.js";
import { normalizeIban, normalizePayerName } from "./payerKeys.js";
import type { CreditLine } from "./proposal.js";

/** A customer the payment may come from, and why. */
export interface PayerCandidate {
  customerId: string;
  via: PayerVia;
  confirmedMatches: number;
  /** How sure the identity alone is (confidence.ts). */
  confidence: number;
  evidence: string;
}

/**
 * Who paid, from what earlier confirmed matches taught (the payer's IBAN, else its name) and from a customer
 * reference written in the remittance. One candidate per customer, most certain first; more than one means
 * the payer is not yet told apart (a shared account, a parent paying for subsidiaries).
 */
export function identifyPayer(line: CreditLine, index: MatchIndex, customerIdsInText: readonly string[]): PayerCandidate[] {
  const candidates = new Map<string, PayerCandidate>();
  const offer = (candidate: PayerCandidate) => {
    const known = candidates.get(candidate.customerId);
    if (!known || candidate.confidence > known.confidence) candidates.set(candidate.customerId, candidate);
  };
  const label = (customerId: string) => index.customerRefOf.get(customerId) ?? customerId;

  const iban = line.counterparty.iban ? normalizeIban(line.counterparty.iban) : "";
  for (const known of (iban && index.payersByIban.get(iban)) || []) {
    offer(fromEvidence("iban", known, learnedText(`payer IBAN ${iban}`, label(known.customerId), known)));
  }
  for (const customerId of customerIdsInText) {
    offer(fromEvidence("customer-ref", { customerId, confirmedMatches: 0 }, `the remittance names customer ${label(customerId)}`));
  }
  // normalizing a name costs more than looking up an IBAN: only when names are known at all
  const name = line.counterparty.name && index.payersByName.size > 0 ? normalizePayerName(line.counterparty.name) : "";
  for (const known of (name && index.payersByName.get(name)) || []) {
    offer(fromEvidence("name", known, learnedText(`payer name "${line.counterparty.name}"`, label(known.customerId), known)));
  }
  return [...candidates.values()].sort((a, b) => b.confidence - a.confidence || (a.customerId < b.customerId ? -1 : 1));
}

function fromEvidence(via: PayerVia, known: PayerEvidence, evidence: string): PayerCandidate {
  return { customerId: known.customerId, via, confirmedMatches: known.confirmedMatches, confidence: payerConfidence(via, known.confirmedMatches), evidence };
}

function learnedText(payer: string, customer: string, known: PayerEvidence): string {
  if (known.confirmedMatches <= 0) return `${payer} is on record for customer ${customer}`;
  return `${payer} paid customer ${customer} ${known.confirmedMatches} time${known.confirmedMatches === 1 ? "" : "s"} before`;
}
