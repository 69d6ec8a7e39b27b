/** A message is tried this many times (claims, counting the first) before it ends as "failed". */
export const MAX_ATTEMPTS = 10;

const FIRST_RETRY_SECONDS = 60;
const LONGEST_WAIT_SECONDS = 6 * 3600;

/**
 * Seconds to wait after attempt number `attempts` failed for a passing reason: 1 min, 2, 4, … doubling
 * (capped at 6 h); null when that was the last attempt. Ten attempts span about 8.5 hours, enough to ride
 * out a mail server's maintenance window or an admin fixing the SMTP password overnight.
 */
export function retryDelaySeconds(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_SECONDS);
}
