import { compareDates, type PlainDate } from "../dates/plainDate.js";
import { domainError } from "../errors.js";
import { allocateByWeights } from "../money/allocate.js";
import { divideRounded } from "../money/rounding.js";
import { err, ok, type Result } from "../result.js";

/** One part of an agreed schedule: a share of the total, a fixed amount, or (last only) whatever is left. */
export type InstallmentPart =
  | { dueDate: PlainDate; percentBp: number }
  | { dueDate: PlainDate; amount: bigint }
  | { dueDate: PlainDate };

export interface Installment {
  /** 1-based position in the schedule. */
  seq: number;
  dueDate: PlainDate;
  /** Minor units of the invoice currency. */
  amount: bigint;
}

const MAX_PARTS = 120; // ten years of monthly installments
const WHOLE_BP = 10_000;

const invalid = (path: string, message: string) => err(domainError("INVALID_INSTALLMENTS", message, { path }));
const at = (i: number, field?: string) => `installments[${i}]${field ? `.${field}` : ""}`;

/**
 * Splits `total` (minor units) over the parts. Percentages round half up and the last installment
 * absorbs the rounding, so the schedule always sums to the total and never creates or loses a cent.
 */
export function scheduleInstallments(total: bigint, issueDate: PlainDate, parts: readonly InstallmentPart[]): Result<Installment[]> {
  if (total <= 0n) return invalid("total", `an installment schedule needs a positive total, got ${total}`);
  if (parts.length < 1 || parts.length > MAX_PARTS) {
    return invalid("installments", `a schedule has 1 to ${MAX_PARTS} installments, got ${parts.length}`);
  }
  const datesError = checkDueDates(issueDate, parts);
  if (datesError) return datesError;

  const shares = parts.filter((p) => "percentBp" in p).length;
  if (shares > 0 && shares < parts.length) {
    const odd = parts.findIndex((p) => !("percentBp" in p));
    return invalid(at(odd), "either every installment is a percentage or none is");
  }
  const amounts = shares === parts.length ? percentageAmounts(total, parts) : fixedAmounts(total, parts);
  if (!amounts.ok) return amounts;
  return ok(parts.map((p, i) => ({ seq: i + 1, dueDate: p.dueDate, amount: amounts.value[i] ?? 0n })));
}

function checkDueDates(issueDate: PlainDate, parts: readonly InstallmentPart[]) {
  for (const [i, part] of parts.entries()) {
    if (compareDates(part.dueDate, issueDate) < 0) {
      return invalid(at(i, "dueDate"), `installment ${i + 1} is due ${part.dueDate}, before the issue date ${issueDate}`);
    }
    const previous = i > 0 ? parts[i - 1] : undefined;
    if (previous && compareDates(part.dueDate, previous.dueDate) <= 0) {
      return invalid(at(i, "dueDate"), `installment ${i + 1} is due ${part.dueDate}, not after installment ${i} (${previous.dueDate})`);
    }
  }
  return undefined;
}

function percentageAmounts(total: bigint, parts: readonly InstallmentPart[]): Result<bigint[]> {
  const bps: number[] = [];
  for (const [i, part] of parts.entries()) {
    const bp = "percentBp" in part ? part.percentBp : 0;
    if (!Number.isInteger(bp) || bp <= 0) return invalid(at(i, "percentBp"), `installment ${i + 1} needs a positive whole number of basis points, got ${bp}`);
    bps.push(bp);
  }
  const sum = bps.reduce((a, b) => a + b, 0);
  if (sum !== WHOLE_BP) return invalid("installments", `percentages add up to ${sum} basis points, not ${WHOLE_BP} (100 %)`);

  const amounts = bps.slice(0, -1).map((bp) => divideRounded(total * BigInt(bp), BigInt(WHOLE_BP), "halfUp"));
  const last = total - amounts.reduce((a, b) => a + b, 0n);
  amounts.push(last);
  const tooSmall = amounts.findIndex((a) => a <= 0n);
  if (tooSmall >= 0) {
    return invalid(at(tooSmall, "percentBp"), `installment ${tooSmall + 1} would be ${amounts[tooSmall]} minor units; the total ${total} is too small to split this way`);
  }
  return ok(amounts);
}

function fixedAmounts(total: bigint, parts: readonly InstallmentPart[]): Result<bigint[]> {
  const lastIndex = parts.length - 1;
  const amounts: bigint[] = [];
  for (const [i, part] of parts.entries()) {
    if (!("amount" in part)) {
      if (i !== lastIndex) return invalid(at(i, "amount"), `only the last installment may take the remainder; installment ${i + 1} needs an amount`);
      continue;
    }
    if (part.amount <= 0n) return invalid(at(i, "amount"), `installment ${i + 1} must be positive, got ${part.amount}`);
    amounts.push(part.amount);
  }
  const sum = amounts.reduce((a, b) => a + b, 0n);
  const last = parts[lastIndex];
  if (last && !("amount" in last)) {
    if (sum >= total) return invalid(at(lastIndex), `nothing is left for the remainder installment: the others already take ${sum} of ${total}`);
    amounts.push(total - sum);
  } else if (sum !== total) {
    return invalid("installments", `installments add up to ${sum}, not the total ${total}`);
  }
  return ok(amounts);
}

/**
 * `count` equal installments every `everyMonths` months from `firstDue`. Each date is counted from
 * `firstDue`, not from the previous one, so a plan starting 31 January stays on the 31st where it can
 * (29 Feb, 31 Mar, 30 Apr, 31 May). Largest-remainder allocation puts the odd cents first.
 */
export function equalInstallments(total: bigint, firstDue: PlainDate, count: number, everyMonths: number): Result<Installment[]> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_PARTS) return invalid("count", `a schedule has 1 to ${MAX_PARTS} installments, got ${count}`);
  if (!Number.isInteger(everyMonths) || everyMonths < 1) return invalid("everyMonths", `installments must be at least one whole month apart, got ${everyMonths}`);
  if (total < BigInt(count)) return invalid("total", `${total} minor units cannot make ${count} positive installments`);
  const amounts = allocateByWeights(total, Array.from({ length: count }, () => 1n));
  return ok(
    amounts.map((amount, i) => ({
      seq: i + 1,
      dueDate: firstDue.add({ months: i * everyMonths }, { overflow: "constrain" }),
      amount,
    })),
  );
}
