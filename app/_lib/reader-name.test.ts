import { describe, expect, test } from "vitest";
import { bothNamesText, bothTitlesText, readerName, readerTitle, readsPersianTitle } from "./reader-name";

type Titled = { title: string; titleFa?: string | null };

describe("the reader's title for an event or a position", () => {
  const both: Titled = { title: "Prisons locked down", titleFa: "قرنطینهٔ زندان‌ها" };
  const latinOnly: Titled = { title: "Death commission formed", titleFa: "" };
  const noField: Titled = { title: "Visits stopped" };

  test("a Persian page reads the Persian title when there is one, else the title as recorded", () => {
    expect(readerTitle(both, "fa")).toBe(both.titleFa);
    expect(readsPersianTitle(both, "fa")).toBe(true);
    expect(readerTitle(latinOnly, "fa")).toBe(latinOnly.title);
    expect(readsPersianTitle(latinOnly, "fa")).toBe(false);
    expect(readerTitle(noField, "fa")).toBe(noField.title);
    expect(readerTitle({ title: "x", titleFa: null }, "fa")).toBe("x");
  });

  test("any other page reads the title as recorded", () => {
    for (const item of [both, latinOnly, noField]) {
      expect(readerTitle(item, "en")).toBe(item.title);
      expect(readsPersianTitle(item, "en")).toBe(false);
    }
  });

  test("the same rule as readerName, for title and titleFa", () => {
    for (const locale of ["fa", "en"])
      for (const item of [both, latinOnly, noField]) expect(readerTitle(item, locale)).toBe(readerName({ name: item.title, nameFa: item.titleFa }, locale));
  });
});

describe("a record's two names in a choice menu's option", () => {
  const nouri: Titled = { title: "Prosecution of Hamid Nouri (Sweden)", titleFa: "پیگرد حمید نوری (سوئد)" };

  test("an English page: the English title, then the Persian after a dash", () => {
    expect(bothTitlesText(nouri, "en")).toBe("Prosecution of Hamid Nouri (Sweden) — پیگرد حمید نوری (سوئد)");
    expect(bothNamesText({ name: "Evin Prison", nameFa: "زندان اوین" }, "en")).toBe("Evin Prison — زندان اوین");
  });

  test("a Persian page: the Persian first, then the English", () => {
    expect(bothTitlesText(nouri, "fa")).toBe("پیگرد حمید نوری (سوئد) — Prosecution of Hamid Nouri (Sweden)");
    expect(bothNamesText({ name: "Evin Prison", nameFa: "زندان اوین" }, "fa")).toBe("زندان اوین — Evin Prison");
  });

  test("a record with one name: that name alone, on either page", () => {
    for (const locale of ["fa", "en"]) {
      expect(bothTitlesText({ title: "Iran Tribunal", titleFa: "" }, locale)).toBe("Iran Tribunal");
      expect(bothTitlesText({ title: "Iran Tribunal", titleFa: null }, locale)).toBe("Iran Tribunal");
      expect(bothNamesText({ name: "Iran Tribunal" }, locale)).toBe("Iran Tribunal");
    }
  });
});
