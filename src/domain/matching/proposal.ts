import type { Currency } from "../money/currency.js";
import { formatAmount } from "../money/money.js";

/** One incoming credit as the matching rules see it; the caller flattens an Entry's TxDetail into it. */
export interface CreditLine {
  lineId: string;
  /** Positive, minor units of `currency`. */
  amount: bigint;
  currency: Currency;
  bookingDate: string;
  /** Free-text remittance lines (and structured invoice numbers, which read the same way). */
  remittance: readonly string[];
  /** The structured creditor reference (an RF reference, or whatever else the payer put there). */
  creditorReference?: string;
  counterparty: { name?: string; iban?: string };
}

export type MatchStatus = "auto" | "suggested" | "unmatched";

export type MatchMethod = "rf-reference" | "invoice-number" | "payer-and-amount" | "combination" | "discount-or-charges" | "oldest-items" | "none";

export interface MatchAllocation {
  invoiceId: string;
  installmentSeq?: number;
  /** Cash applied, minor units. */
  amount: bigint;
  /** Settled without cash: an early-payment discount and/or a bank-charge shortfall (its part in `bankCharges`). */
  discount?: bigint;
  /** The part of `discount` that is a bank-charge shortfall within the tenant's tolerance, to book as a write-off. */
  bankCharges?: bigint;
}

export interface MatchProposal {
  lineId: string;
  status: MatchStatus;
  /** 0..1, two decimals; see confidence.ts for how it is made up. */
  confidence: number;
  method: MatchMethod;
  /** The customer the cash belongs to, also when nothing could be allocated (a hint for unapplied cash). */
  customerId?: string;
  allocations: MatchAllocation[];
  /** Cash not allocated: an overpayment (credit on account) or the whole line when unmatched. */
  unapplied: bigint;
  /** Human-readable evidence, strongest first. */
  explanation: string[];
  warnings?: string[];
}

/** What a rule found, before the status is decided. */
export interface ProposalDraft {
  method: Exclude<MatchMethod, "none">;
  confidence: number;
  /** Something a person should decide (several candidates, a typo guess, a conflict): never applied automatically. */
  ambiguous: boolean;
  customerId?: string;
  allocations: MatchAllocation[];
  unapplied: bigint;
  explanation: string[];
  warnings: string[];
}

const roundConfidence = (c: number): number => Math.round(Math.min(0.99, Math.max(0, c)) * 100) / 100;

/** Auto only when confident, unambiguous and there is something to apply; a draft that allocates nothing is unmatched. */
export function finishProposal(line: CreditLine, draft: ProposalDraft, autoApplyThreshold: number): MatchProposal {
  if (draft.allocations.length === 0) return unmatchedProposal(line, draft.explanation, draft.warnings, draft.customerId);
  const confidence = roundConfidence(draft.confidence);
  const status: MatchStatus = !draft.ambiguous && confidence >= autoApplyThreshold ? "auto" : "suggested";
  return {
    lineId: line.lineId,
    status,
    confidence,
    method: draft.method,
    ...(draft.customerId !== undefined ? { customerId: draft.customerId } : {}),
    allocations: draft.allocations,
    unapplied: draft.unapplied,
    explanation: draft.explanation,
    ...(draft.warnings.length > 0 ? { warnings: draft.warnings } : {}),
  };
}

export function unmatchedProposal(line: CreditLine, explanation: readonly string[], warnings: readonly string[], customerId?: string): MatchProposal {
  return {
    lineId: line.lineId,
    status: "unmatched",
    confidence: 0,
    method: "none",
    ...(customerId !== undefined ? { customerId } : {}),
    allocations: [],
    unapplied: line.amount,
    explanation: explanation.length > 0 ? [...explanation] : ["nothing in the line names an open item or a known payer"],
    ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
  };
}

/** For explanations: "1230.00 EUR". */
export const formatLineAmount = (minor: bigint, currency: Currency): string => `${formatAmount(minor, currency)} ${currency}`;
