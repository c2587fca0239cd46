import { describe, expect, test } from "vitest";
import { dualDate, dualRange } from "./content";

// An event's range in a dossier's chronology: each end as the witness gave it, in both calendars.

describe("dualRange", () => {
  test("an uncertain end keeps its 'about' and is not shown as the last day it could be", () => {
    const start = "۱۳۶۷/۰۵/۱۷";
    const end = "شهریور ۱۳۶۷?";
    const stored = { earliest: "1988-08-08", latest: "1988-10-22", precision: "range" };
    const r = dualRange(start, end, stored);
    const [a, b] = [dualDate(start), dualDate(end)];
    expect(r.en?.gregorian).toBe(`${a.en!.gregorian} – ${b.en!.gregorian}`);
    expect(r.fa?.persian).toBe(`${a.fa!.persian} – ${b.fa!.persian}`);
    expect(r.en?.gregorian).toMatch(/^8 August 1988 – c\. /);
    expect(r.en?.gregorian).not.toContain("22 October");
    expect(r).toMatchObject({ earliest: "1988-08-08", latest: "1988-10-22" });
  });

  test("two ends that read the same are said once; an end that cannot be read gives the whole range's reading", () => {
    expect(dualRange("1988-08-08", "1988-08-08", { earliest: "1988-08-08", latest: "1988-08-08", precision: "day" }).en?.gregorian).toBe(dualDate("1988-08-08").en!.gregorian);
    const unread = dualRange("1988-08-08", "the autumn after", { earliest: null, latest: null, precision: null });
    expect(unread.input).toBe("1988-08-08 – the autumn after");
  });
});
