import { Temporal } from "temporal-polyfill";
import { domainError, type DomainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";

export type PlainDate = Temporal.PlainDate;
export { Temporal };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strict YYYY-MM-DD; impossible dates (2024-02-30) are errors, not silently clamped. */
export function parseIsoDate(text: string): Result<PlainDate, DomainError> {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return err(domainError("INVALID_DATE", `"${text}" is not a date in YYYY-MM-DD form`));
  try {
    return ok(Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, { overflow: "reject" }));
  } catch {
    return err(domainError("INVALID_DATE", `"${text}" is not a calendar date`));
  }
}

/** For trusted values (database rows, constants). Input edges use parseIsoDate. */
export const isoDate = (text: string): PlainDate => Temporal.PlainDate.from(text);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: PlainDate, to: PlainDate): number => from.until(to, { largestUnit: "days" }).days;

export const addDays = (date: PlainDate, days: number): PlainDate => date.add({ days });

export const endOfMonth = (date: PlainDate): PlainDate => date.with({ day: date.daysInMonth });

export const compareDates = (a: PlainDate, b: PlainDate): number => Temporal.PlainDate.compare(a, b);

export const minDate = (a: PlainDate, b: PlainDate): PlainDate => (compareDates(a, b) <= 0 ? a : b);
export const maxDate = (a: PlainDate, b: PlainDate): PlainDate => (compareDates(a, b) >= 0 ? a : b);
