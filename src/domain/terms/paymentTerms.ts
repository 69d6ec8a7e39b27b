import { addDays, endOfMonth, type PlainDate } from "../dates/plainDate.js";
import { domainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";

/** An early-payment discount (Skonto): `percentBp` off when paid within `days` of the issue date. */
export interface DiscountTier {
  days: number;
  /** Basis points: 2 % = 200. */
  percentBp: number;
}

export type PaymentTerms =
  | { kind: "net"; days: number; discounts: DiscountTier[] }
  | { kind: "endOfMonth"; days: number; discounts: DiscountTier[] };

// Ten years: anything longer is a typo, not a credit term.
const MAX_DAYS = 3650;
const PERCENT_SCALE = 100; // basis points per percent
const MAX_PERCENT_DECIMALS = 2;

// Signs are captured so "net -30" gets a message about the sign, not "not understood".
const NUMBER = "(-?\\d+)";
const DAYS_SUFFIX = "(?:\\s*days?)?";
// "2/10", "2.5/10", "2%/10", "2 % / 10", each followed by a comma, a space or the end.
const TIER = /^(-?\d+(?:\.\d+)?)\s*%?\s*\/\s*(-?\d+)\s*(?:,\s*|\s+|$)/;
const NET = new RegExp(`^(?:net|n)\\s*/?\\s*${NUMBER}${DAYS_SUFFIX}$`);
const BARE_DAYS = new RegExp(`^${NUMBER}${DAYS_SUFFIX}$`);
const END_OF_MONTH = new RegExp(`^(?:eom|end\\s+of\\s+(?:the\\s+)?month)(?:\\s*\\+?\\s*${NUMBER}${DAYS_SUFFIX})?$`);
const ON_RECEIPT = /^(?:(?:due\s+)?(?:on|upon)\s+receipt|immediate(?:ly)?)$/;

const invalid = (text: string, why: string) => err(domainError("INVALID_TERMS", `payment terms "${text}": ${why}`));

/**
 * Reads the spellings found on real invoices and contracts: "net 30", "NET30", "n30", "30",
 * "due on receipt", "EOM+15", "end of month + 15", "2/10 net 30", "2/10 n/30", "3/14 2/30 net 60".
 */
export function parsePaymentTerms(text: string): Result<PaymentTerms> {
  let rest = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (rest === "") return invalid(text, "empty");

  const discounts: DiscountTier[] = [];
  for (let match = TIER.exec(rest); match; match = TIER.exec(rest)) {
    const percentBp = parsePercentBp(match[1] ?? "");
    if (!percentBp.ok) return invalid(text, percentBp.error);
    const days = checkDays(match[2] ?? "", "discount days");
    if (!days.ok) return invalid(text, days.error);
    discounts.push({ days: days.value, percentBp: percentBp.value });
    rest = rest.slice(match[0].length);
  }

  const base = parseBase(rest);
  if (!base) {
    return invalid(text, discounts.length > 0 && rest === "" ? "a discount needs net days after it, e.g. \"2/10 net 30\"" : "not understood; expected e.g. \"net 30\", \"eom+15\" or \"2/10 net 30\"");
  }
  const days = checkDays(base.days, "net days");
  if (!days.ok) return invalid(text, days.error);

  const tiersError = checkTiers(discounts, days.value);
  if (tiersError) return invalid(text, tiersError);
  return ok({ kind: base.kind, days: days.value, discounts });
}

function parseBase(rest: string): { kind: PaymentTerms["kind"]; days: string } | undefined {
  if (ON_RECEIPT.test(rest)) return { kind: "net", days: "0" };
  const net = NET.exec(rest) ?? BARE_DAYS.exec(rest);
  if (net) return { kind: "net", days: net[1] ?? "" };
  const eom = END_OF_MONTH.exec(rest);
  if (eom) return { kind: "endOfMonth", days: eom[1] ?? "0" };
  return undefined;
}

function checkDays(digits: string, what: string): Result<number, string> {
  if (digits.startsWith("-")) return err(`${what} must not be negative`);
  const days = Number(digits);
  if (days > MAX_DAYS) return err(`${what} ${digits} exceed the maximum of ${MAX_DAYS}`);
  return ok(days);
}

/** "2.5" → 250 with integer arithmetic, so no binary fraction ever enters a discount. */
function parsePercentBp(text: string): Result<number, string> {
  if (text.startsWith("-")) return err(`discount ${text} % must not be negative`);
  const [whole = "", fraction = ""] = text.split(".");
  if (fraction.length > MAX_PERCENT_DECIMALS) return err(`discount ${text} % has more than ${MAX_PERCENT_DECIMALS} decimals`);
  const bp = Number(whole) * PERCENT_SCALE + Number(fraction.padEnd(MAX_PERCENT_DECIMALS, "0"));
  if (bp === 0) return err("a discount of 0 % is no discount");
  if (bp >= 100 * PERCENT_SCALE) return err(`discount ${text} % must be below 100 %`);
  return ok(bp);
}

// A later tier must give the debtor more time for less money, and never run past the due date.
function checkTiers(tiers: readonly DiscountTier[], netDays: number): string | undefined {
  for (const [i, tier] of tiers.entries()) {
    if (tier.days === 0) return `discount window ${formatTier(tier)} has no days`;
    if (tier.days > netDays) return `discount window ${formatTier(tier)} ends after the due date (${netDays} days)`;
    const previous = i > 0 ? tiers[i - 1] : undefined;
    if (previous && tier.days <= previous.days) return `discount tiers must have increasing days: ${formatTier(previous)} then ${formatTier(tier)}`;
    if (previous && tier.percentBp >= previous.percentBp) {
      return `a longer discount window must give a smaller discount: ${formatTier(previous)} then ${formatTier(tier)}`;
    }
  }
  return undefined;
}

/** Canonical text that parses back to the same terms: "net 30", "eom+15", "2/10 net 30". */
export function formatPaymentTerms(t: PaymentTerms): string {
  const base = t.kind === "net" ? `net ${t.days}` : t.days === 0 ? "eom" : `eom+${t.days}`;
  return [...t.discounts.map(formatTier), base].join(" ");
}

const formatTier = (tier: DiscountTier): string => `${formatPercent(tier.percentBp)}/${tier.days}`;

function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / PERCENT_SCALE);
  const fraction = String(bp % PERCENT_SCALE).padStart(MAX_PERCENT_DECIMALS, "0").replace(/0+$/, "");
  return fraction === "" ? String(whole) : `${whole}.${fraction}`;
}

/** Net N: issue date + N. End of month + N: last day of the issue month + N. */
export function dueDateFor(t: PaymentTerms, issueDate: PlainDate): PlainDate {
  return addDays(t.kind === "net" ? issueDate : endOfMonth(issueDate), t.days);
}

/** The last day each discount can be taken (issue date + tier days), earliest first. */
export function discountDeadlines(t: PaymentTerms, issueDate: PlainDate): { deadline: PlainDate; percentBp: number }[] {
  return [...t.discounts]
    .sort((a, b) => a.days - b.days)
    .map((tier) => ({ deadline: addDays(issueDate, tier.days), percentBp: tier.percentBp }));
}
