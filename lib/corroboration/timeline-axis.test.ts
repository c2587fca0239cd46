import { describe, expect, test } from "vitest";
import { axisTicks, daysBetween, inCalendar, wholeMonths, wholeYears, yearLabelStep, yearStart } from "./timeline-axis";

describe("the timeline's axis", () => {
  test("a Solar Hijri year begins at Nowruz", () => {
    expect(yearStart(1367, "persian")).toBe("1988-03-21");
    expect(yearStart(1368, "persian")).toBe("1989-03-21");
    expect(inCalendar("1988-07-19", "persian")).toEqual({ year: 1367, month: 4, day: 28 });
  });

  test("the summer of 1988 spans one Solar Hijri year, 1367, and one Gregorian year", () => {
    expect(wholeYears("1988-07-01", "1988-08-27", "persian")).toEqual({ from: "1988-03-21", to: "1989-03-21", years: 1 });
    expect(wholeYears("1988-07-01", "1988-08-27", "gregorian")).toEqual({ from: "1988-01-01", to: "1989-01-01", years: 1 });
  });

  test("year ticks in either calendar, month ticks for short spans", () => {
    expect(axisTicks("1987-01-01", "1990-01-01", "gregorian", false).map((t) => t.iso)).toEqual(["1987-01-01", "1988-01-01", "1989-01-01", "1990-01-01"]);
    expect(axisTicks("1987-01-01", "1990-01-01", "persian", false).map((t) => `${t.year}:${t.iso}`)).toEqual(["1366:1987-03-21", "1367:1988-03-21", "1368:1989-03-21"]);
    const months = axisTicks("1988-03-21", "1989-03-21", "persian", true);
    expect(months).toHaveLength(13);
    expect(months[4]).toMatchObject({ iso: "1988-07-23", year: 1367, month: 5, major: false }); // 1 Mordad 1367
    expect(months.filter((t) => t.major).map((t) => t.year)).toEqual([1367, 1368]);
  });

  test("a short span is widened to whole months of the calendar", () => {
    // 1 Dey 1366 to the end of Dey 1367 (Khavaran: "1988"), in Solar Hijri months.
    expect(wholeMonths("1988-01-01", "1988-12-31", "persian")).toEqual({ from: "1987-12-22", to: "1989-01-21", months: 13 });
    expect(wholeMonths("1988-07-19", "1988-08-27", "gregorian")).toEqual({ from: "1988-07-01", to: "1988-09-01", months: 2 });
  });

  test("year labels thin out on long axes", () => {
    expect([3, 8, 20, 46].map(yearLabelStep)).toEqual([1, 2, 5, 10]);
  });

  test("days between ISO dates", () => {
    expect(daysBetween("1988-07-01", "1988-08-27")).toBe(57);
  });
});
