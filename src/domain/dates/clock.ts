import { Temporal } from "temporal-polyfill";
import type { PlainDate } from "./plainDate.js";

/** Time enters Dunwell only through a Clock, so any scenario can be replayed at any date. */
export interface Clock {
  now(): Temporal.Instant;
}

/** The calendar date at this instant in the tenant's time zone. */
export const todayIn = (clock: Clock, timeZone: string): PlainDate => clock.now().toZonedDateTimeISO(timeZone).toPlainDate();

/** A clock stopped at one instant (tests, simulations, `--as-of`). */
export const fixedClock = (instant: Temporal.Instant | string): Clock => {
  const at = typeof instant === "string" ? Temporal.Instant.from(instant) : instant;
  return { now: () => at };
};
