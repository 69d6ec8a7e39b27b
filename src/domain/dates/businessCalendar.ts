import Holidays from "date-holidays";
import { domainError } from "../errors.js";
import { err, ok, type Result } from "../result.js";
import { Temporal, type PlainDate } from "./plainDate.js";

/** Which days a tenant's counterparties can act on: dunning offsets in business days, due-date rolling. */
export interface BusinessCalendar {
  isBusinessDay(d: PlainDate): boolean;
  /** `d` itself when it is a business day, else the first business day after it. */
  nextBusinessDay(d: PlainDate): PlainDate;
  /**
   * The business day `n` business days after `d` (before it when `n` is negative). The result is
   * always a business day, so `n = 0` rolls a closed day forward like `nextBusinessDay`.
   */
  addBusinessDays(d: PlainDate, n: number): PlainDate;
  /** Every non-weekend closed day of the year: counted holidays and tenant closing days, by date. */
  holidaysIn(year: number): { date: PlainDate; name: string }[];
}

export interface BusinessCalendarOptions {
  /** ISO 3166-1 alpha-2, e.g. "DE". */
  country: string;
  /** Subdivision: "BY", "DE-BY", or state and region "LA-NO" / "US-LA-NO". */
  region?: string;
  /** Tenant-defined closing days (company holidays, inventory days). */
  closingDays?: readonly PlainDate[];
  /** ISO day of week (1 = Monday … 7 = Sunday); default Saturday and Sunday. */
  weekend?: readonly number[];
}

// Observances ("Valentinstag"), optional and school holidays leave businesses open.
const CLOSED_TYPES = new Set(["public", "bank"]);
const CLOSING_DAY_NAME = "Closing day";
const DAY_MS = 86_400_000;
const HOLIDAY_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

interface YearHolidays {
  keys: Set<string>;
  list: { date: PlainDate; name: string }[];
}

export function businessCalendar(opts: BusinessCalendarOptions): Result<BusinessCalendar> {
  const weekend = opts.weekend ?? [6, 7];
  if (weekend.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    return err(domainError("VALIDATION_FAILED", `weekend days must be ISO days of week 1..7, got [${weekend.join(", ")}]`, { path: "weekend" }));
  }
  const weekendDays = new Set(weekend);
  // Without one open weekday, stepping to the next business day would never end.
  if (weekendDays.size === 7) return err(domainError("VALIDATION_FAILED", "a week needs at least one business day", { path: "weekend" }));

  const library = new Holidays();
  const country = opts.country.trim().toUpperCase();
  if (!Object.hasOwn(library.getCountries(), country)) {
    return err(domainError("UNKNOWN_COUNTRY", `"${opts.country}" is not a country with a holiday calendar`, { path: "country" }));
  }
  const subdivision = opts.region === undefined ? ok({}) : resolveSubdivision(library, country, opts.region);
  if (!subdivision.ok) return subdivision;

  const holidays = new Holidays({ country, ...subdivision.value });
  const closing = new Map((opts.closingDays ?? []).map((d) => [d.toString(), d] as const));
  const cache = new Map<number, YearHolidays>();

  const holidaysOf = (year: number): YearHolidays => {
    let entry = cache.get(year);
    if (!entry) {
      entry = loadYear(holidays, year, closing);
      cache.set(year, entry);
    }
    return entry;
  };

  const isBusinessDay = (d: PlainDate): boolean => !weekendDays.has(d.dayOfWeek) && !holidaysOf(d.year).keys.has(d.toString());

  const step = (d: PlainDate, direction: 1 | -1): PlainDate => {
    let next = d.add({ days: direction });
    while (!isBusinessDay(next)) next = next.add({ days: direction });
    return next;
  };

  const nextBusinessDay = (d: PlainDate): PlainDate => (isBusinessDay(d) ? d : step(d, 1));

  return ok({
    isBusinessDay,
    nextBusinessDay,
    addBusinessDays(d, n) {
      if (!Number.isInteger(n)) throw new RangeError(`business days must be a whole number, got ${n}`);
      if (n === 0) return nextBusinessDay(d);
      let current = d;
      for (let i = 0; i < Math.abs(n); i++) current = step(current, n > 0 ? 1 : -1);
      return current;
    },
    holidaysIn: (year) => holidaysOf(year).list.map((h) => ({ ...h })),
  });
}

function resolveSubdivision(library: Holidays, country: string, text: string): Result<{ state?: string; region?: string }> {
  const parts = text.trim().toUpperCase().split(/[-/]/);
  if (parts.length > 1 && parts[0] === country) parts.shift();
  const [stateCode = "", regionCode, ...extra] = parts;
  const unknown = () => err(domainError("UNKNOWN_COUNTRY", `"${text}" is not a subdivision of ${country} with a holiday calendar`, { path: "region" }));
  if (extra.length > 0) return unknown();
  const state = findKey(library.getStates(country), stateCode);
  if (state === undefined) return unknown();
  if (regionCode === undefined) return ok({ state });
  const region = findKey(library.getRegions(country, state), regionCode);
  return region === undefined ? unknown() : ok({ state, region });
}

// The library's own keys are mostly upper case, but not promised to be.
const findKey = (table: Record<string, string> | undefined, code: string): string | undefined =>
  Object.keys(table ?? {}).find((key) => key.toUpperCase() === code);

function loadYear(holidays: Holidays, year: number, closing: ReadonlyMap<string, PlainDate>): YearHolidays {
  const list: { date: PlainDate; name: string }[] = [];
  // A multi-day holiday starting late in December reaches into this year.
  for (const sourceYear of [year - 1, year]) {
    for (const h of holidays.getHolidays(sourceYear)) {
      if (!CLOSED_TYPES.has(h.type)) continue;
      const start = holidayStart(h.date);
      // Eid or New Year may span several days; the duration is exact apart from a DST hour, so round it.
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
      for (let i = 0; i < days; i++) {
        const date = start.add({ days: i });
        if (date.year === year) list.push({ date, name: h.name });
      }
    }
  }
  for (const date of closing.values()) if (date.year === year) list.push({ date, name: CLOSING_DAY_NAME });
  list.sort((a, b) => Temporal.PlainDate.compare(a.date, b.date));
  return { keys: new Set(list.map((h) => h.date.toString())), list };
}

/**
 * The library reports "2024-12-25 00:00:00" (sometimes with an offset) in the holiday's own local
 * time; its JS Date fields shift with the process time zone, so only the string's date part is trusted.
 */
function holidayStart(text: string): PlainDate {
  const match = HOLIDAY_DATE.exec(text);
  if (!match) throw new Error(`date-holidays returned an unreadable date "${text}"`);
  return Temporal.PlainDate.from({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
}
