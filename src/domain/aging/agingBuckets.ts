import { domainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";

export interface AgingBucket {
  key: string;
  /** Days past due covered, inclusive; null = unbounded. "not_due" covers everything up to 0. */
  fromDays: number | null;
  toDays: number | null;
}

export const DEFAULT_AGING_BOUNDARIES: readonly number[] = [30, 60, 90, 120];

/** [30, 60, 90, 120] → not due, 1–30, 31–60, 61–90, 91–120, 120+. */
export function agingBuckets(boundaries: readonly number[] = DEFAULT_AGING_BOUNDARIES): Result<AgingBucket[]> {
  const valid = boundaries.length > 0 && boundaries.length <= 12 && boundaries.every((b, i) => Number.isInteger(b) && b > 0 && b <= 3650 && (i === 0 || b > boundaries[i - 1]!));
  if (!valid) return err(domainError("VALIDATION_FAILED", "aging buckets need 1 to 12 strictly increasing whole numbers of days between 1 and 3650", { path: "buckets" }));
  const buckets: AgingBucket[] = [{ key: "not_due", fromDays: null, toDays: 0 }];
  let from = 1;
  for (const b of boundaries) {
    buckets.push({ key: `${from}-${b}`, fromDays: from, toDays: b });
    from = b + 1;
  }
  buckets.push({ key: `${boundaries.at(-1)}+`, fromDays: from, toDays: null });
  return ok(buckets);
}

/** Lower bounds for SQL width_bucket: bucket i (0 = not due) holds days past due in [t[i-1], t[i]). */
export const bucketThresholds = (boundaries: readonly number[]): number[] => [1, ...boundaries.map((b) => b + 1)];

/** The bucket index for a number of days past due (same rule as the SQL). */
export const bucketIndex = (daysPastDue: number, boundaries: readonly number[]): number =>
  bucketThresholds(boundaries).filter((t) => daysPastDue >= t).length;
