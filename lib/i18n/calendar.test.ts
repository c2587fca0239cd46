import { describe, expect, test } from "vitest";
import { calendarFor, intlCalendar, isCalendar } from "./calendar";

describe("calendar preference", () => {
  test("defaults follow the interface language until the reader chooses", () => {
    expect(calendarFor("fa", undefined)).toBe("persian");
    expect(calendarFor("en", undefined)).toBe("gregorian");
    expect(calendarFor("fa", "gregorian")).toBe("gregorian");
    expect(calendarFor("en", "persian")).toBe("persian");
  });

  test("an unknown cookie value is ignored", () => {
    expect(isCalendar("islamic")).toBe(false);
    expect(calendarFor("en", "islamic")).toBe("gregorian");
    expect(calendarFor("fa", "")).toBe("persian");
  });

  test("Intl names the Gregorian calendar 'gregory'", () => {
    expect(intlCalendar("gregorian")).toBe("gregory");
    expect(intlCalendar("persian")).toBe("persian");
  });
});
