import { describe, expect, test } from "vitest";
import en from "@/messages/en/import.json";
import fa from "@/messages/fa/import.json";
import { FIELDS, guessMapping, headerKey, IMPORT_KINDS, missingRequired, splitMulti, unguardCell } from "./fields";

describe("import fields", () => {
  test("multi-value cells split on |, the Persian semicolon and line breaks, trimmed, without repeats", () => {
    expect(splitMulti("Hamid Abbasi | حمید نوری؛ Hamid Nouri\nحمید نوری")).toEqual(["Hamid Abbasi", "حمید نوری", "Hamid Nouri"]);
    expect(splitMulti("")).toEqual([]);
    expect(splitMulti(undefined)).toEqual([]);
    // A comma is part of a value (a title, an institution), never a separator.
    expect(splitMulti("Judge, Tehran commission")).toEqual(["Judge, Tehran commission"]);
  });

  test("headers compare without case, punctuation, ZWNJ or Arabic letter forms", () => {
    expect(headerKey("\uFEFFFull_Name")).toBe(headerKey("full name"));
    expect(headerKey("نام‌های دیگر")).toBe(headerKey("نام های دیگر"));
    expect(headerKey("تاريخ")).toBe(headerKey("تاریخ")); // Arabic yeh
  });

  test("English and Persian headers are guessed; each field goes to one column; unknown headers are left out", () => {
    expect(guessMapping("STATEMENTS", ["شاهد", "عنوان", "زبان", "متن", "اشخاص", "تاریخ مصاحبه", "Whatever"])).toEqual({
      شاهد: "witness",
      عنوان: "title",
      زبان: "language",
      متن: "originalText",
      اشخاص: "persons",
      "تاریخ مصاحبه": "interviewDate",
      Whatever: "",
    });
    expect(guessMapping("PERSONS", ["Name", "Aliases", "Full name"])).toEqual({ Name: "name", Aliases: "aliases", "Full name": "" });
    expect(guessMapping("EVENTS", ["Title", "Date", "Date (end)"]).Date).toBe("dateStart");
    expect(missingRequired("STATEMENTS", { title: "title", text: "originalText" })).toEqual(["witness", "language"]);
  });

  test("the persons CSV's own headers map to the fields they hold, status notes included", () => {
    const headers = ["id", "name", "name_fa", "aliases", "positions", "positions_fa", "summary", "summary_fa", "status_notes", "status_notes_fa"];
    expect(guessMapping("PERSONS", headers)).toEqual({
      id: "id",
      name: "name",
      name_fa: "nameFa",
      aliases: "aliases",
      // "title (from–to)" joined: not a position a row can make.
      positions: "",
      positions_fa: "",
      summary: "summary",
      summary_fa: "summaryFa",
      status_notes: "statusNotes",
      status_notes_fa: "statusNotesFa",
    });
    expect(guessMapping("PERSONS", ["نام", "وضعیت کنونی", "وضعیت کنونی به فارسی"])).toEqual({ نام: "name", "وضعیت کنونی": "statusNotes", "وضعیت کنونی به فارسی": "statusNotesFa" });
  });

  test("the apostrophe an export puts before a formula-like text is taken off again; any other is kept", () => {
    expect(["'=SUM(A1)", "'+ pardoned", "'-1988", "'@home", "'\tx"].map(unguardCell)).toEqual(["=SUM(A1)", "+ pardoned", "-1988", "@home", "\tx"]);
    expect(["'quoted'", "it's", "'", "''=x", "=x"].map(unguardCell)).toEqual(["'quoted'", "it's", "'", "''=x", "=x"]);
  });

  test("every field of every kind has a label on the mapping screen in English and in Persian", () => {
    const labels = (m: { import: { fields: Record<string, string> } }) => m.import.fields;
    for (const kind of IMPORT_KINDS)
      for (const { field } of FIELDS[kind]) {
        expect(labels(en)[field], `${kind}.${field} in English`).toBeTruthy();
        expect(labels(fa)[field], `${kind}.${field} in Persian`).toMatch(/[\u0600-\u06FF]/);
      }
  });
});
