import "server-only";
import type { Database, Statement } from "better-sqlite3";
import { dbProvider, rawConnection, type Tx } from "./client";

// Inserts for the bulk paths (lib/statements/bulk-create.ts, lib/audit/write-audit-many.ts),
// in the column formats Prisma itself writes (SQLite: DateTime as ISO text with "+00:00",
// Boolean as 0/1; PostgreSQL: timestamp(3) in UTC). Prisma's createMany costs about a third of
// a millisecond of JavaScript per row whatever its size, and even a raw multi-row INSERT through
// Prisma passes every parameter through its query engine (measured: more than half of a bulk
// statement import's CPU time). So the rows go straight to the driver connection under the
// caller's transaction (lib/db/client.ts rawConnection): on SQLite prepared multi-row INSERTs,
// kept per connection (see insertSqlite); on PostgreSQL one INSERT … SELECT FROM unnest() per
// table and batch, each column one array parameter (text columns in binary form, pgTextArray).

export type Kind = "text" | "int" | "bool" | "date";
export type Value = string | number | boolean | Date | null;

/** At most this many bound parameters per statement (SQLite's limit is 32,766, PostgreSQL's 65,535). */
const MAX_PARAMS = 30_000;

const PG_CAST: Record<Kind, string> = { text: "text", int: "int", bool: "boolean", date: "timestamp(3)" };

// A batch's rows mostly share one timestamp: its text is made once.
let lastDate: Date | null = null;
let lastDateText = "";
let lastDateTime = NaN; // a Date can be changed in place: its time is compared too

function sqliteValue(kind: Kind, v: Value): Value {
  if (v === null || v === undefined) return null;
  if (kind === "date") {
    if (v !== lastDate || (v as Date).getTime() !== lastDateTime) {
      lastDate = v as Date;
      lastDateTime = lastDate.getTime();
      lastDateText = lastDate.toISOString().replace("Z", "+00:00");
    }
    return lastDateText;
  }
  if (kind === "bool") return v ? 1 : 0;
  return v;
}

function pgValue(kind: Kind, v: Value): Value {
  if (v === null || v === undefined) return null;
  if (kind === "date") return (v as Date).toISOString();
  if (kind === "int") return String(v);
  return v;
}

const TEXT_OID = 25;

/**
 * Column `j` of `rows` as a text[] in PostgreSQL's binary format (a Buffer, which the driver sends
 * as a binary parameter): each value's UTF-8 bytes with its length, instead of an array literal
 * that the driver escapes character by character and the server parses back the same way. For
 * the statements' texts (KBs each, several columns a row) that parsing was a good part of the
 * server's work per row. The server checks the bytes as it checks any text it receives.
 */
export function pgTextArray(rows: Value[][], j: number): Buffer {
  const n = rows.length;
  const lengths = new Int32Array(n);
  let size = 20 + 4 * n;
  let nulls = 0;
  for (let r = 0; r < n; r++) {
    const v = rows[r]![j];
    if (v === null || v === undefined) {
      lengths[r] = -1;
      nulls = 1;
    } else {
      if (typeof v !== "string") throw new TypeError(`a text column was given a ${typeof v}`);
      size += lengths[r] = Buffer.byteLength(v, "utf8");
    }
  }
  const out = Buffer.allocUnsafe(size);
  // Header: one dimension, whether any element is NULL, the element type, its length and lower bound 1.
  let at = out.writeInt32BE(1, 0);
  at = out.writeInt32BE(nulls, at);
  at = out.writeUInt32BE(TEXT_OID, at);
  at = out.writeInt32BE(n, at);
  at = out.writeInt32BE(1, at);
  for (let r = 0; r < n; r++) {
    at = out.writeInt32BE(lengths[r]!, at);
    if (lengths[r]! > 0) at += out.write(rows[r]![j] as string, at, "utf8");
  }
  return out;
}

const quoted = (columns: [string, Kind][]) => columns.map(([c]) => `"${c}"`).join(", ");

const sqliteStatements = new WeakMap<Database, Map<string, Statement>>();
/** Prepared statements kept per connection; past this many (batches of many different sizes) they are prepared anew. */
const MAX_KEPT_STATEMENTS = 64;

/** The prepared INSERT of `count` rows into `table`. */
function sqliteInsert(db: Database, table: string, columns: [string, Kind][], count: number): Statement {
  let byText = sqliteStatements.get(db);
  if (!byText) sqliteStatements.set(db, (byText = new Map()));
  const key = `${table}\0${quoted(columns)}\0${count}`;
  let stmt = byText.get(key);
  if (!stmt) {
    if (byText.size >= MAX_KEPT_STATEMENTS) byText.clear();
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    stmt = db.prepare(`INSERT INTO "${table}" (${quoted(columns)}) VALUES ${new Array<string>(count).fill(tuple).join(", ")}`);
    byText.set(key, stmt);
  }
  return stmt;
}

/**
 * SQLite: as many rows per INSERT as the parameter limit allows (a batch of 500 statements is
 * one INSERT per table), rather than one INSERT per row. For the search index this is most of
 * the difference: within a transaction every INSERT statement that fires a trigger opens a
 * statement savepoint, and FTS5 writes out its pending index data at every savepoint, so row by
 * row each entry became a segment of its own that FTS5 then had to merge; one statement for the
 * batch gives one segment for the batch (measured: a third less CPU per search entry).
 */
function insertSqlite(db: Database, table: string, columns: [string, Kind][], rows: Value[][]): void {
  const kinds = columns.map(([, k]) => k);
  const per = Math.max(1, Math.floor(MAX_PARAMS / kinds.length));
  for (let i = 0; i < rows.length; i += per) {
    const count = Math.min(per, rows.length - i);
    const args: Value[] = new Array(count * kinds.length);
    let a = 0;
    for (let r = i; r < i + count; r++) {
      const row = rows[r]!;
      for (let j = 0; j < kinds.length; j++) args[a++] = sqliteValue(kinds[j]!, row[j]!);
    }
    sqliteInsert(db, table, columns, count).run(args);
  }
}

/** Inserts `rows` into `table`; `columns` names each column and its kind, in the rows' order. */
export async function insertRows(tx: Tx, table: string, columns: [name: string, kind: Kind][], rows: Value[][]): Promise<void> {
  if (rows.length === 0) return;
  const raw = await rawConnection(tx);
  if (raw?.provider === "sqlite") {
    insertSqlite(raw.db, table, columns, rows);
    return;
  }
  if (raw?.provider === "postgresql") {
    // One array per column: the statement's text and its number of parameters do not depend on the batch's size.
    const arrays = columns.map(([, kind], j) => (kind === "text" ? pgTextArray(rows, j) : rows.map((row) => pgValue(kind, row[j]!))));
    const text = `INSERT INTO "${table}" (${quoted(columns)}) SELECT * FROM unnest(${columns.map(([, kind], j) => `$${j + 1}::${PG_CAST[kind]}[]`).join(", ")})`;
    await raw.client.query(text, arrays);
    return;
  }
  // No driver connection at hand: one multi-row INSERT per chunk through Prisma.
  const pg = dbProvider() === "postgresql";
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO "${table}" (${quoted(columns)}) VALUES `;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const params: Value[] = [];
    const tuples: string[] = [];
    for (const row of chunk) {
      const marks: string[] = [];
      columns.forEach(([, kind], j) => {
        params.push(pg ? pgValue(kind, row[j]!) : sqliteValue(kind, row[j]!));
        marks.push(pg ? `$${params.length}::${PG_CAST[kind]}` : "?");
      });
      tuples.push(`(${marks.join(", ")})`);
    }
    await tx.$executeRawUnsafe(head + tuples.join(", "), ...params);
  }
}
