import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { insertRows, type Kind, type Value } from "@/lib/db/bulk-insert";
import { read, write } from "@/lib/db/write";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// The bulk paths' inserts (lib/db/bulk-insert.ts) write every value exactly as given: on
// PostgreSQL text columns travel as binary arrays, whose lengths and NULLs the encoder writes
// itself. Fictional values, in the tricky shapes text takes.

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

const t = (...names: string[]) => names.map((n): [string, Kind] => [n, "text"]);
const COLUMNS: [string, Kind][] = [...t("type", "recordId", "title", "body", "normTitle", "normBody", "language", "status", "authorId", "witnessId", "dateFrom", "dateTo"), ["updatedAt", "date"]];

const TRICKY = [
  "",
  "plain",
  'quotes " and \' and backslashes \\ \\\\ and {braces}, commas, NULL',
  "NULL",
  "{}",
  "line\nbreaks\r\nand\ttabs",
  "شهادت ساختگی با نیم‌فاصله و «گیومه»",
  "supplementary 𝒜𝓑 😀 and combining é",
  "x".repeat(70_000) + "ع".repeat(30_000),
];

describe("bulk inserts", () => {
  test("text columns hold exactly what was given, NULLs and empty strings apart", async () => {
    const now = new Date("2026-12-02T05:00:00.123Z");
    const rows: Value[][] = TRICKY.map((s, i) => [
      "statement", `bulk-insert-${i}`, s, `${s}|${i}`, s, s,
      i % 2 ? null : s, i % 3 ? "" : null, null, i % 2 ? s : null, "1988-01-01", null, now,
    ]);
    await write((tx) => insertRows(tx, "SearchDoc", COLUMNS, rows));
    const back = await read((d) => d.searchDoc.findMany({ where: { recordId: { startsWith: "bulk-insert-" } }, orderBy: { id: "asc" } }));
    expect(back.map((r) => r.recordId)).toEqual(TRICKY.map((_, i) => `bulk-insert-${i}`));
    back.forEach((r, i) => {
      const s = TRICKY[i]!;
      expect(r.title).toBe(s);
      expect(r.body).toBe(`${s}|${i}`);
      expect(r.normBody).toBe(s);
      expect(r.language).toBe(i % 2 ? null : s);
      expect(r.status).toBe(i % 3 ? "" : null);
      expect(r.authorId).toBeNull();
      expect(r.witnessId).toBe(i % 2 ? s : null);
      expect(r.dateFrom).toBe("1988-01-01");
      expect(r.dateTo).toBeNull();
      expect(r.updatedAt.toISOString()).toBe(now.toISOString());
    });
  });

  test("a batch without any NULL in a column, and a batch of one row", async () => {
    const now = new Date();
    await write((tx) => insertRows(tx, "SearchDoc", COLUMNS, [["statement", "bulk-one", "one", "ein", "one", "ein", "en", "DRAFT", "a", "w", "1988", "1989", now]]));
    const r = await read((d) => d.searchDoc.findFirstOrThrow({ where: { recordId: "bulk-one" } }));
    expect([r.title, r.body, r.language, r.status, r.authorId, r.witnessId, r.dateFrom, r.dateTo]).toEqual(["one", "ein", "en", "DRAFT", "a", "w", "1988", "1989"]);
  });

  // PostgreSQL only: SQLite stores whatever it is given (a number in a TEXT column becomes text).
  test.runIf(testProvider() === "postgresql")("a non-text value in a text column is refused, and nothing of the batch is written", async () => {
    const now = new Date();
    await expect(write((tx) => insertRows(tx, "SearchDoc", COLUMNS, [["statement", "bulk-bad", 42, "b", "t", "b", null, null, null, null, null, null, now]]))).rejects.toThrow();
    expect(await read((d) => d.searchDoc.count({ where: { recordId: "bulk-bad" } }))).toBe(0);
  });
});
