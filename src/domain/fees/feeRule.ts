import { domainError, type DomainError } from "../errors.js";
import { isCurrency, parseCurrency } from "../money/currency.js";
import { parseAmount } from "../money/money.js";
import { parsePercentBp } from "../money/percent.js";
import { err, ok, type Result } from "../result.js";

/** "invoice": one fee on each overdue invoice; "reminder": one fee per reminder, on all it chases together. */
export type FeePer = "invoice" | "reminder";
export const FEE_PER: readonly FeePer[] = ["invoice", "reminder"];

/** A policy step's fee: a fixed amount, a percentage of the overdue amount, or both, then kept within min/max. */
export interface FeeRule {
  /** Minor units per ISO 4217 code: a fee is only defined for the currencies listed. */
  readonly fixed?: Readonly<Record<string, bigint>>;
  /** Of the overdue amount, in basis points (1.5 % = 150). */
  readonly percentBp?: number;
  readonly min?: Readonly<Record<string, bigint>>;
  readonly max?: Readonly<Record<string, bigint>>;
  readonly per: FeePer;
}

/** As written in a policy or scenario file: decimal strings, amounts by currency. */
export interface FeeRuleInput {
  fixed?: Readonly<Record<string, string>>;
  percent?: string;
  min?: Readonly<Record<string, string>>;
  max?: Readonly<Record<string, string>>;
  per?: string;
}

const WHOLE_BP = 10_000;
const AMOUNT_FIELDS = ["fixed", "min", "max"] as const;

const invalid = (path: string, message: string): DomainError => domainError("INVALID_FEE", message, { path });

/** Reads a fee from its written form; every error names the field (`fixed.EUR`, `percent`, `per`). */
export function parseFeeRule(input: FeeRuleInput): Result<FeeRule> {
  const rule: { -readonly [K in keyof FeeRule]: FeeRule[K] } = { per: "invoice" };
  if (input.per !== undefined) {
    if (!(FEE_PER as readonly string[]).includes(input.per)) return err(invalid("per", `a fee is charged per "invoice" or per "reminder", not "${input.per}"`));
    rule.per = input.per as FeePer;
  }
  if (input.percent !== undefined) {
    const bp = parsePercentBp(input.percent, "INVALID_FEE");
    if (!bp.ok) return err({ ...bp.error, path: "percent" });
    rule.percentBp = bp.value;
  }
  for (const field of AMOUNT_FIELDS) {
    const written = input[field];
    if (written === undefined) continue;
    const amounts: Record<string, bigint> = {};
    for (const [code, text] of Object.entries(written)) {
      const cur = parseCurrency(code);
      if (!cur.ok) return err({ ...cur.error, path: `${field}.${code}` });
      const amount = parseAmount(text, cur.value);
      if (!amount.ok) return err({ ...amount.error, path: `${field}.${code}` });
      amounts[cur.value] = amount.value;
    }
    rule[field] = amounts;
  }
  const problem = checkFeeRule(rule);
  return problem ? err(problem) : ok(rule);
}

/** What makes a fee unusable in any currency: nothing to charge, negative amounts, min above max, over 100 %. */
export function checkFeeRule(rule: FeeRule): DomainError | undefined {
  if (!FEE_PER.includes(rule.per)) return invalid("per", `a fee is charged per "invoice" or per "reminder", not "${rule.per}"`);
  if (rule.fixed === undefined && rule.percentBp === undefined) return invalid("fee", "a fee needs a fixed amount, a percentage, or both");
  const bp = rule.percentBp;
  if (bp !== undefined && (!Number.isSafeInteger(bp) || bp <= 0 || bp > WHOLE_BP)) {
    return invalid("percent", `a fee percentage must be above 0 and at most 100 % in whole basis points, got ${bp}`);
  }
  for (const field of AMOUNT_FIELDS) {
    for (const [code, amount] of Object.entries(rule[field] ?? {})) {
      if (!isCurrency(code)) return domainError("UNKNOWN_CURRENCY", `"${code}" is not an ISO 4217 currency code`, { path: `${field}.${code}` });
      if (amount < 0n) return invalid(`${field}.${code}`, `a fee amount must not be negative, got ${amount}`);
    }
  }
  for (const [code, min] of Object.entries(rule.min ?? {})) {
    const max = rule.max?.[code];
    if (max !== undefined && min > max) return invalid(`max.${code}`, `the maximum ${max} is below the minimum ${min} (${code} minor units)`);
  }
  return undefined;
}
