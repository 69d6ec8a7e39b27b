import { amountText } from "../views/money.js";
import type { CaseTotal } from "./caseFile.js";

export interface TotalsInput {
  items: readonly { currency: string; open: bigint; daysOverdue: number; disputed: boolean }[];
  /** Payments and credit notes received and not applied by the day. */
  credits: readonly { currency: string; unapplied: bigint }[];
}

/**
 * Totals per currency, in currency order. The claim is the overdue, undisputed balance less what the
 * debtor already paid or was credited without it being applied yet: an agency must never ask for
 * money the creditor holds. It cannot go below zero (a credit larger than the claim is the
 * creditor's to refund, not the agency's to settle).
 */
export function caseTotals(input: TotalsInput): CaseTotal[] {
  const sums = new Map<string, { open: bigint; overdue: bigint; disputed: bigint; credits: bigint }>();
  const sumFor = (currency: string) => sums.get(currency) ?? sums.set(currency, { open: 0n, overdue: 0n, disputed: 0n, credits: 0n }).get(currency)!;
  for (const item of input.items) {
    const s = sumFor(item.currency);
    s.open += item.open;
    if (item.daysOverdue <= 0) continue;
    s.overdue += item.open;
    if (item.disputed) s.disputed += item.open;
  }
  for (const credit of input.credits) sumFor(credit.currency).credits += credit.unapplied;
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => {
      const claimed = s.overdue - s.disputed - s.credits;
      return {
        currency,
        open: amountText(s.open, currency),
        overdue: amountText(s.overdue, currency),
        disputed: amountText(s.disputed, currency),
        credits: amountText(s.credits, currency),
        claimed: amountText(claimed > 0n ? claimed : 0n, currency),
      };
    });
}
