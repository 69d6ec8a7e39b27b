import { currency, formatAmount } from "../../domain/money/index.js";

/** Amounts leave Dunwell as decimal strings with their currency: {"amount":"1250.00","currency":"EUR"}. */
export interface MoneyView {
  amount: string;
  currency: string;
}

export const moneyView = (minor: bigint, code: string): MoneyView => ({ amount: formatAmount(minor, currency(code)), currency: code });
export const amountText = (minor: bigint, code: string): string => formatAmount(minor, currency(code));
