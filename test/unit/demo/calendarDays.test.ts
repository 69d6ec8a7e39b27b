import { describe, expect, it } from "vitest";
import { addMonths, isoOfDay, isoWeekday, nextBusinessDay, parseDay } from "../../../src/app/demo/calendarDays.js";
import { Temporal } from "../../../src/domain/dates/plainDate.js";

// The generator's integer dates must agree with Temporal, which the rest of Dunwell uses.
describe("calendar day numbers", () => {
  const start = Temporal.PlainDate.from("1999-12-01");
  const days = Array.from({ length: 3 * 366 + 800 }, (_, i) => start.add({ days: i * 13 }));

  it("round-trips every date and agrees with Temporal on weekdays", () => {
    for (const date of days) {
      const n = parseDay(date.toString());
      expect(n).toBe(date.since("1970-01-01").days);
      expect(isoOfDay(n)).toBe(date.toString());
      expect(isoWeekday(n)).toBe(date.dayOfWeek);
    }
  });

  it("adds months clamped to the month's end, as Temporal's constrain does", () => {
    for (const text of ["2024-01-31", "2023-01-31", "2024-03-31", "2024-12-15", "2025-08-30"]) {
      for (const months of [1, 2, 5, 13]) {
        expect(isoOfDay(addMonths(parseDay(text), months))).toBe(Temporal.PlainDate.from(text).add({ months }, { overflow: "constrain" }).toString());
      }
    }
  });

  it("moves weekend days to Monday and rejects impossible dates", () => {
    expect(isoOfDay(nextBusinessDay(parseDay("2024-06-29")))).toBe("2024-07-01");
    expect(isoOfDay(nextBusinessDay(parseDay("2024-06-30")))).toBe("2024-07-01");
    expect(isoOfDay(nextBusinessDay(parseDay("2024-06-28")))).toBe("2024-06-28");
    expect(() => parseDay("2024-02-30")).toThrow(RangeError);
    expect(() => parseDay("30.06.2024")).toThrow(RangeError);
  });
});
