/*
 * Dates as day numbers (days since 1970-01-01). The generator makes millions of dates; plain integer
 * arithmetic keeps that to milliseconds where Temporal objects would cost seconds. Only the generator
 * uses this representation; what it emits are ordinary "YYYY-MM-DD" strings.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function parseDay(text: string): number {
  const match = ISO_DATE.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a YYYY-MM-DD date`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const n = dayOf(year, month, day);
  const back = civilOf(n);
  if (back.month !== month || back.day !== day) throw new RangeError(`"${text}" is not a calendar date`);
  return n;
}

// A book spans a few hundred distinct days but formats millions of dates.
const formatted = new Map<number, string>();

export function isoOfDay(dayNumber: number): string {
  let text = formatted.get(dayNumber);
  if (text === undefined) {
    const { year, month, day } = civilOf(dayNumber);
    text = `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
    formatted.set(dayNumber, text);
  }
  return text;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekday = (dayNumber: number): number => ((((dayNumber + 3) % 7) + 7) % 7) + 1;

/** The same day or the next Monday when it falls on a weekend. */
export function nextBusinessDay(dayNumber: number): number {
  const weekday = isoWeekday(dayNumber);
  return weekday === 6 ? dayNumber + 2 : weekday === 7 ? dayNumber + 1 : dayNumber;
}

/** Months counted from year 0, so month arithmetic is integer addition. */
export const monthIndexOf = (dayNumber: number): number => {
  const { year, month } = civilOf(dayNumber);
  return year * 12 + month - 1;
};

export const firstDayOfMonth = (monthIndex: number): number => dayOf(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);

export const lastDayOfMonth = (monthIndex: number): number => firstDayOfMonth(monthIndex + 1) - 1;

/** Calendar month 1–12 of a month index. */
export const calendarMonth = (monthIndex: number): number => (monthIndex % 12) + 1;

/** `months` later on the same day of the month, clamped to the month's end (31 Jan + 1 → 29 Feb). */
export function addMonths(dayNumber: number, months: number): number {
  const { year, month, day } = civilOf(dayNumber);
  const target = year * 12 + month - 1 + months;
  return Math.min(firstDayOfMonth(target) + day - 1, lastDayOfMonth(target));
}

export const yearOfDay = (dayNumber: number): number => civilOf(dayNumber).year;
