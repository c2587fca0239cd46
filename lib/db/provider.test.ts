import { describe, expect, test } from "vitest";
import { databaseUrl, DEFAULT_DATABASE_URL, providerOf, sqlitePath } from "./provider";

describe("DATABASE_URL", () => {
  test("defaults to the embedded SQLite file", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(providerOf(databaseUrl({}))).toBe("sqlite");
  });
  test("postgresql:// and postgres:// choose PostgreSQL", () => {
    expect(providerOf("postgresql://u@127.0.0.1:5432/db")).toBe("postgresql");
    expect(providerOf("postgres://u@h/db")).toBe("postgresql");
  });
  test("anything else is refused with a message naming the scheme", () => {
    expect(() => providerOf("mysql://x")).toThrow(/mysql:/);
  });
  test("the SQLite path drops the scheme and any query", () => {
    expect(sqlitePath("file:./data/x.db?mode=rwc")).toBe("./data/x.db");
  });
});
