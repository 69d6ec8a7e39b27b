import { domainError } from "../errors.js";
import { currency, type Currency } from "../money/currency.js";
import { money, type Money } from "../money/money.js";
import { err, ok, type Result } from "../result.js";
import { isJurisdiction, type Jurisdiction } from "../interest/statutoryRate.js";

const EUR = currency("EUR");
const GBP = currency("GBP");

// Late Payment of Commercial Debts (Interest) Act 1998 s. 5A: by the size of the debt, in pounds.
const GB_BANDS: readonly { below: bigint | null; amount: bigint }[] = [
  { below: 1_000_00n, amount: 40_00n },
  { below: 10_000_00n, amount: 70_00n },
  { below: null, amount: 100_00n },
];

/**
 * The fixed sum the law adds to each late invoice for the cost of recovering it: €40 under the EU
 * directive, in Germany (§ 288 Abs. 5 BGB) and France (L441-10, indemnité forfaitaire); in the UK £40,
 * £70 or £100 by the size of the debt (`principal`, the invoice amount). None in the US (null).
 * The amount is in the law's currency; the UK bands are only decided for a debt in pounds.
 */
export function fixedCompensation(jurisdiction: string, principal: bigint, debtCurrency: Currency): Result<Money | null> {
  if (!isJurisdiction(jurisdiction)) {
    return err(domainError("INVALID_INTEREST", `"${jurisdiction}" is not a known jurisdiction (DE, FR, GB, EU, US)`, { path: "jurisdiction" }));
  }
  if (principal < 0n) return err(domainError("NEGATIVE_AMOUNT", `the debt must not be negative, got ${principal}`, { path: "principal" }));
  if (jurisdiction === "GB" && debtCurrency !== GBP) {
    return err(domainError("CURRENCY_MISMATCH", `the UK compensation bands are in pounds; convert the ${debtCurrency} debt to GBP first`, { path: "currency" }));
  }
  return ok(principal === 0n ? null : compensationIn(jurisdiction, principal));
}

function compensationIn(jurisdiction: Jurisdiction, principal: bigint): Money | null {
  switch (jurisdiction) {
    case "US":
      return null;
    case "GB":
      return money(GB_BANDS.find((b) => b.below === null || principal < b.below)!.amount, GBP);
    case "DE":
    case "FR":
    case "EU":
      return money(40_00n, EUR);
  }
}
