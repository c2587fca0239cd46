import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider } from "./client";

// Cells of rawAll() rows (lib/db/client.ts) as Prisma would return them, on either database.
// Date columns are selected through dateText(): SQLite holds them as the ISO text Prisma
// writes ("…T…+00:00"); PostgreSQL's timestamp(3) columns hold UTC without a zone, which the
// pg driver would read in the process's time zone, so they are formatted as UTC ISO text there.

/** A DateTime column, selected as ISO text on either database (read it with rawDate). */
export function dateText(column: Prisma.Sql): Prisma.Sql {
  return dbProvider() === "postgresql" ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;
}

/** A DateTime cell selected as text. */
export function rawDate(v: unknown): Date {
  if (v instanceof Date) return v;
  if (typeof v === "number" || typeof v === "bigint") return new Date(Number(v));
  const s = String(v);
  if (/^\d+$/.test(s)) return new Date(Number(s));
  // With a zone (SQLite's ISO text) as it is; without one (PostgreSQL), as UTC.
  return new Date(/(?:[zZ]|[+-]\d\d(?::?\d\d)?)$/.test(s) ? s : `${s.replace(" ", "T")}Z`);
}

/** A nullable DateTime cell selected as text. */
export function rawDateOrNull(v: unknown): Date | null {
  return v === null || v === undefined ? null : rawDate(v);
}

/** A Boolean cell: SQLite's 0/1, PostgreSQL's true/false. */
export function isTrue(v: boolean | number | bigint | null | undefined): boolean {
  return v === true || Number(v) === 1;
}

/** An Int cell (int4 is a number on both; a bigint or numeric text is converted). */
export function rawInt(v: unknown): number {
  return typeof v === "number" ? v : Number(v);
}
