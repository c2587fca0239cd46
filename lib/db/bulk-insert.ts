import "server-only";
import { dbProvider, type Tx } from "./client";

// Multi-row INSERTs for the bulk paths (lib/statements/bulk-create.ts, lib/audit/write-audit-many.ts).
// Prisma's createMany costs about a third of a millisecond of JavaScript per row whatever its
// size (measured on this machine: 1.7 s for 5,000 audit events), which is most of a bulk
// import's time; these statements carry the same values as bound parameters, in the column
// formats Prisma itself writes (SQLite: DateTime as ISO text with "+00:00", Boolean as 0/1;
// PostgreSQL: timestamp(3) in UTC, each parameter cast to its column's type).

export type Kind = "text" | "int" | "bool" | "date";
export type Value = string | number | boolean | Date | null;

/** At most this many bound parameters per statement (SQLite's limit is 32,766, PostgreSQL's 65,535). */
const MAX_PARAMS = 30_000;

const PG_CAST: Record<Kind, string> = { text: "text", int: "int", bool: "boolean", date: "timestamp(3)" };

function sqliteValue(kind: Kind, v: Value): Value {
  if (v === null) return null;
  if (kind === "date") return (v as Date).toISOString().replace("Z", "+00:00");
  if (kind === "bool") return v ? 1 : 0;
  return v;
}

function pgValue(kind: Kind, v: Value): Value {
  if (v === null) return null;
  if (kind === "date") return (v as Date).toISOString();
  if (kind === "int") return String(v);
  return v;
}

/** Inserts `rows` into `table`; `columns` names each column and its kind, in the rows' order. */
export async function insertRows(tx: Tx, table: string, columns: [name: string, kind: Kind][], rows: Value[][]): Promise<void> {
  if (rows.length === 0) return;
  const pg = dbProvider() === "postgresql";
  const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map(([c]) => `"${c}"`).join(", ")}) VALUES `;
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
