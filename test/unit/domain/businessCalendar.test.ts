import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { businessCalendar, type BusinessCalendar, type BusinessCalendarOptions } from "../../../src/domain/dates/businessCalendar.js";
import { isoDate } from "../../../src/domain/dates/plainDate.js";

function calendar(opts: BusinessCalendarOptions): BusinessCalendar {
  const result = businessCalendar(opts);
  if (!result.ok) throw new Error(`calendar rejected: ${result.error.message}`);
  return result.value;
}

const germany = calendar({ country: "DE" });
const d = isoDate;

describe("German business calendar", () => {
  it("treats Christmas Day and Boxing Day as closed", () => {
    expect(germany.isBusinessDay(d("2024-12-25"))).toBe(false);
    expect(germany.isBusinessDay(d("2024-12-26"))).toBe(false);
    expect(germany.isBusinessDay(d("2024-12-27"))).toBe(true);
  });

  it("treats Saturdays and Sundays as closed", () => {
    expect(germany.isBusinessDay(d("2024-12-21"))).toBe(false);
    expect(germany.isBusinessDay(d("2024-12-22"))).toBe(false);
    expect(germany.isBusinessDay(d("2024-12-20"))).toBe(true);
  });

  it("counts bank holidays such as Christmas Eve as closed, but not observances such as Rosenmontag", () => {
    expect(germany.isBusinessDay(d("2024-12-24"))).toBe(false);
    expect(germany.isBusinessDay(d("2024-02-12"))).toBe(true);
  });

  it("skips Christmas Eve to Boxing Day when adding one business day to 23 December", () => {
    expect(germany.addBusinessDays(d("2024-12-23"), 1)).toEqual(d("2024-12-27"));
  });

  it("adds business days across Christmas, the weekend and New Year", () => {
    expect(germany.addBusinessDays(d("2024-12-20"), 3)).toEqual(d("2024-12-30"));
    expect(germany.addBusinessDays(d("2024-12-27"), 2)).toEqual(d("2025-01-02"));
  });

  it("counts backwards for a negative number of business days", () => {
    expect(germany.addBusinessDays(d("2024-12-27"), -1)).toEqual(d("2024-12-23"));
    expect(germany.addBusinessDays(d("2025-01-02"), -3)).toEqual(d("2024-12-23"));
  });

  it("returns a business day itself for zero business days, and rolls a closed day forward", () => {
    expect(germany.addBusinessDays(d("2024-12-23"), 0)).toEqual(d("2024-12-23"));
    expect(germany.addBusinessDays(d("2024-12-21"), 0)).toEqual(d("2024-12-23"));
  });

  it("moves to the next business day only when the day is closed", () => {
    expect(germany.nextBusinessDay(d("2024-12-27"))).toEqual(d("2024-12-27"));
    expect(germany.nextBusinessDay(d("2024-12-24"))).toEqual(d("2024-12-27"));
    expect(germany.nextBusinessDay(d("2024-12-28"))).toEqual(d("2024-12-30"));
  });

  it("lists the year's public and bank holidays by date with their names", () => {
    const holidays = germany.holidaysIn(2024);
    expect(holidays).toContainEqual({ date: d("2024-12-25"), name: "1. Weihnachtstag" });
    expect(holidays.map((h) => h.date.toString())).not.toContain("2024-02-12");
    const dates = holidays.map((h) => h.date.toString());
    expect(dates).toEqual([...dates].sort());
    expect(holidays).toHaveLength(11); // 9 nationwide public holidays + Christmas Eve and New Year's Eve
  });

  it("adds the holidays of a federal state when a region is given", () => {
    expect(germany.isBusinessDay(d("2024-05-30"))).toBe(true); // Fronleichnam is not nationwide
    expect(calendar({ country: "DE", region: "BY" }).isBusinessDay(d("2024-05-30"))).toBe(false);
    expect(calendar({ country: "de", region: "de-by" }).isBusinessDay(d("2024-05-30"))).toBe(false);
  });
});

describe("tenant settings", () => {
  it("honours the tenant's closing days", () => {
    const closedFriday = calendar({ country: "DE", closingDays: [d("2024-12-27")] });
    expect(closedFriday.isBusinessDay(d("2024-12-27"))).toBe(false);
    expect(closedFriday.addBusinessDays(d("2024-12-23"), 1)).toEqual(d("2024-12-30"));
    expect(closedFriday.holidaysIn(2024)).toContainEqual({ date: d("2024-12-27"), name: "Closing day" });
    expect(germany.isBusinessDay(d("2024-12-27"))).toBe(true);
  });

  it("uses the tenant's weekend when it is not Saturday and Sunday", () => {
    const fridaySaturday = calendar({ country: "DE", weekend: [5, 6] });
    expect(fridaySaturday.isBusinessDay(d("2024-12-20"))).toBe(false);
    expect(fridaySaturday.isBusinessDay(d("2024-12-22"))).toBe(true);
  });

  it("rejects a week without business days and days that are not ISO weekdays", () => {
    for (const weekend of [[1, 2, 3, 4, 5, 6, 7], [0], [8], [1.5]]) {
      const result = businessCalendar({ country: "DE", weekend });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatchObject({ code: "VALIDATION_FAILED", path: "weekend" });
    }
  });
});

describe("holiday data", () => {
  it("closes every day of a multi-day holiday such as Eid al-Fitr", () => {
    const emirates = calendar({ country: "AE" });
    for (const day of ["2024-04-10", "2024-04-11", "2024-04-12"]) expect(emirates.isBusinessDay(d(day))).toBe(false);
    expect(emirates.addBusinessDays(d("2024-04-09"), 1)).toEqual(d("2024-04-15"));
  });

  it("carries a holiday that starts in late December into the new year", () => {
    // Incwala in Eswatini runs six days from 28 December
    const eswatini = calendar({ country: "SZ" });
    expect(eswatini.isBusinessDay(d("2025-01-02"))).toBe(false);
    expect(eswatini.holidaysIn(2025)).toContainEqual({ date: d("2025-01-02"), name: "Incwala" });
  });

  describe("whatever the process time zone", () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    for (const zone of ["Pacific/Kiritimati", "America/Los_Angeles", "UTC"]) {
      it(`puts Christmas on 25 December with TZ=${zone}`, () => {
        process.env.TZ = zone;
        const dates = calendar({ country: "DE" }).holidaysIn(2024).map((h) => h.date.toString());
        expect(dates).toContain("2024-12-25");
        expect(dates).not.toContain("2024-12-27");
      });
    }
  });

  it("reports an unknown country or region as a coded error", () => {
    const country = businessCalendar({ country: "XX" });
    expect(country.ok).toBe(false);
    if (!country.ok) expect(country.error).toMatchObject({ code: "UNKNOWN_COUNTRY", path: "country" });
    const region = businessCalendar({ country: "DE", region: "ZZ" });
    expect(region.ok).toBe(false);
    if (!region.ok) expect(region.error).toMatchObject({ code: "UNKNOWN_COUNTRY", path: "region" });
  });
});

describe("business-day arithmetic", () => {
  const day = fc.integer({ min: 0, max: 3650 }).map((n) => d("2020-01-01").add({ days: n }));

  it("always lands on a business day, exactly n business days away", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (from, n) => {
        const to = germany.addBusinessDays(from, n);
        expect(germany.isBusinessDay(to)).toBe(true);
        if (n === 0) return;
        // business days strictly between `from` and `to`, plus `to` itself, make n
        let counted = 0;
        const direction = n > 0 ? 1 : -1;
        for (let cur = from.add({ days: direction }); !cur.equals(to); cur = cur.add({ days: direction })) {
          if (germany.isBusinessDay(cur)) counted++;
        }
        expect(counted + 1).toBe(Math.abs(n));
      }),
      { numRuns: 200 },
    );
  });

  it("closes exactly the weekends and the days holidaysIn lists", () => {
    fc.assert(
      fc.property(day, (date) => {
        const listed = germany.holidaysIn(date.year).some((h) => h.date.equals(date));
        expect(germany.isBusinessDay(date)).toBe(!(date.dayOfWeek >= 6 || listed));
      }),
      { numRuns: 300 },
    );
  });
});
