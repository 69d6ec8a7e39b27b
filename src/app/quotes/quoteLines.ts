import { daysBetween, isoDate } from "../../domain/dates/plainDate.js";
import { maxBigint } from "../../domain/money/money.js";
import type { PostedChargeRow, QuoteItemRow } from "../../store/quotes.js";
import type { UnappliedCredit } from "../../store/reports/statement.js";
import { amountText } from "../views/money.js";
import { isLate, itemCompensation, itemInterest, type InterestTerms } from "./itemInterest.js";
import { periodView, type QuoteItemView, type QuoteTotalView } from "./quoteView.js";

type ChargeKind = PostedChargeRow["kind"];
type Posted = Partial<Record<ChargeKind, { amount: bigint; open: bigint }>>;

interface Line {
  row: QuoteItemRow;
  principal: bigint;
  fees: bigint;
  interest: bigint;
  postedInterest: bigint;
  compensation: bigint;
  accrual: ReturnType<typeof itemInterest>;
}

const itemKey = (invoiceId: string, seq: number | null): string => `${invoiceId}|${seq ?? ""}`;
const total = (l: Line): bigint => l.principal + l.fees + l.interest + l.postedInterest + l.compensation;

/**
 * The quote's lines: each ordinary item with its open principal, the charges posted for it (open
 * fees, open interest charges, compensation), the interest accrued and not yet posted, and the fixed
 * compensation once per late invoice unless one was posted. Charges whose item is not on the quote
 * stand alone. A late-settled item with nothing left to claim drops out.
 */
export function quoteLines(
  rows: readonly QuoteItemRow[],
  charges: readonly PostedChargeRow[],
  credits: readonly UnappliedCredit[],
  terms: InterestTerms & { compensation: boolean },
): { items: QuoteItemView[]; totals: QuoteTotalView[] } {
  const posted = new Map<string, Posted>();
  for (const c of charges) {
    const key = itemKey(c.invoice_id, c.installment_seq);
    posted.set(key, { ...posted.get(key), [c.kind]: c });
  }
  const onQuote = new Set(rows.filter((r) => r.kind === "invoice").map((r) => itemKey(r.invoice_id, r.installment_seq)));
  // one compensation per invoice: a posted one, or the first late item of it on the quote
  const compensated = new Set(charges.filter((c) => c.kind === "compensation").map((c) => c.invoice_id));

  const lines: Line[] = [];
  for (const row of rows) {
    if (row.kind !== "invoice") {
      if (row.charge_of === null || !onQuote.has(itemKey(row.charge_of, row.charge_of_seq))) lines.push(chargeLine(row));
      continue;
    }
    const p = posted.get(itemKey(row.invoice_id, row.installment_seq)) ?? {};
    const accrual = itemInterest(row, terms);
    let compensation = p.compensation?.open ?? 0n;
    if (terms.compensation && !compensated.has(row.invoice_id) && isLate(row, terms.asOf)) {
      compensation = itemCompensation(row, terms.interest);
      if (compensation > 0n) compensated.add(row.invoice_id);
    }
    const line: Line = {
      row,
      principal: row.open,
      fees: p.fee?.open ?? 0n,
      interest: maxBigint(0n, accrual.total - (p.interest?.amount ?? 0n)),
      postedInterest: p.interest?.open ?? 0n,
      compensation,
      accrual,
    };
    if (row.settled_on === null || total(line) !== 0n) lines.push(line);
  }
  return { items: lines.map((l) => lineView(l, terms)), totals: quoteTotals(lines, credits) };
}

function chargeLine(row: QuoteItemRow): Line {
  const open = (kind: ChargeKind) => (row.kind === kind ? row.open : 0n);
  return { row, principal: 0n, fees: open("fee"), interest: 0n, postedInterest: open("interest"), compensation: open("compensation"), accrual: { total: 0n, periods: [] } };
}

function lineView(l: Line, terms: InterestTerms): QuoteItemView {
  const { row } = l;
  const money = (minor: bigint) => amountText(minor, row.currency);
  const rule = terms.interest?.rule;
  return {
    invoiceId: row.invoice_id,
    number: row.number,
    kind: row.kind,
    installment: row.installment_seq,
    dueDate: row.due_date,
    settledOn: row.settled_on,
    daysOverdue: daysBetween(isoDate(row.due_date), row.settled_on ? isoDate(row.settled_on) : terms.asOf),
    currency: row.currency,
    principal: money(l.principal),
    fees: money(l.fees),
    interest: money(l.interest),
    postedInterest: money(l.postedInterest),
    compensation: money(l.compensation),
    total: money(total(l)),
    interestAccrued: money(l.accrual.total),
    breakdown: rule ? l.accrual.periods.map((p) => periodView(p, rule, row.currency)) : [],
  };
}

/** Sums per currency, with the unapplied credits that reduce what pays the customer off. */
function quoteTotals(lines: readonly Line[], credits: readonly UnappliedCredit[]): QuoteTotalView[] {
  const sums = new Map<string, { principal: bigint; fees: bigint; interest: bigint; compensation: bigint; total: bigint; credits: bigint }>();
  const sumFor = (c: string) => sums.get(c) ?? sums.set(c, { principal: 0n, fees: 0n, interest: 0n, compensation: 0n, total: 0n, credits: 0n }).get(c)!;
  for (const l of lines) {
    const s = sumFor(l.row.currency);
    s.principal += l.principal;
    s.fees += l.fees;
    s.interest += l.interest + l.postedInterest;
    s.compensation += l.compensation;
    s.total += total(l);
  }
  for (const c of credits) sumFor(c.currency).credits += c.unapplied;
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, s]) => {
      const text = (v: bigint) => amountText(v, currency);
      return { currency, principal: text(s.principal), fees: text(s.fees), interest: text(s.interest), compensation: text(s.compensation), total: text(s.total), credits: text(s.credits), payoff: text(s.total - s.credits) };
    });
}
