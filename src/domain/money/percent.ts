import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** "2.5" → 250 basis points (hundredths of a percent), in integers; at most two decimals. */
export function parsePercentBp(text: string, code: DomainError["code"] = "VALIDATION_FAILED"): Result<number, DomainError> {
  const match = PERCENT.exec(text.trim());
  if (!match) return err(domainError(code, `"${text}" is not a percentage with at most two decimals`));
  return ok(Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")));
}
