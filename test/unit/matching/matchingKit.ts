import { currency } from "../../../src/domain/money/currency.js";
import type { KnownPayer, MatchSettings, OpenItemForMatching } from "../../../src/domain/matching/index.js";
import { buildMatchIndex, type CreditLine } from "../../../src/domain/matching/index.js";
import { rfReferenceForInvoice } from "../../../src/domain/references/rfReference.js";

export const EUR = currency("EUR");
export const USD = currency("USD");

export const settings: MatchSettings = {
  autoApplyThreshold: 0.9,
  bankChargeTolerance: { EUR: 1_00n },
  subsetSearch: { maxItems: 12, maxCombinationSize: 5, maxNodes: 20_000 },
};

/** An open invoice of customer C100042 issued 2024-03-01, due 2024-03-31, fully open unless stated. */
export function openItem(number: string, open: bigint, overrides: Partial<OpenItemForMatching> = {}): OpenItemForMatching {
  return {
    invoiceId: `inv-${number}`,
    number,
    customerId: "cust-42",
    customerRef: "C100042",
    currency: EUR,
    open,
    amount: open,
    issueDate: "2024-03-01",
    dueDate: "2024-03-31",
    rfReference: rfReferenceForInvoice(number),
    ...overrides,
  };
}

export function credit(amount: bigint, overrides: Partial<CreditLine> = {}): CreditLine {
  return { lineId: "line-1", amount, currency: EUR, bookingDate: "2024-03-10", remittance: [], counterparty: {}, ...overrides };
}

export const indexOf = (items: OpenItemForMatching[], payers: KnownPayer[] = [], overrides: Partial<MatchSettings> = {}) =>
  buildMatchIndex(items, payers, { ...settings, ...overrides });
