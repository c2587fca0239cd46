import "server-only";
import { pipeline, type Readable } from "node:stream";
import Assembler from "stream-json/assembler.js";
import { parserStream } from "stream-json";
import { hashingTap } from "@/lib/crypto/file-hash";
import { AppError } from "@/lib/errors";

// Reads casefile-export.json as a stream of JSON tokens (stream-json), never as one string: the
// document of an archive of 100,000 statements is longer than the longest string the runtime
// can make. The top-level members other than "tables" are assembled whole (they are small); each
// row of each table is assembled on its own and handed over, in document order.

/**
 * A copy of `s` that holds on to nothing else. A string the parser hands over can be a slice of
 * the whole piece of the document it was read from (V8 keeps the piece alive for it): kept for
 * long, a row's 30-character id would keep some 64 KB of text. Keeping the id of every
 * statement of a 100,000-statement import that way held most of the document in memory.
 */
export function detached(s: string): string {
  return Buffer.from(s, "utf8").toString("utf8");
}

/** What the walk is told, in document order. */
export type DocumentVisitor = {
  /** A table's list begins. */
  table?(name: string): void | Promise<void>;
  /** One row of that table (a JSON object), with its index in the list. */
  row(table: string, row: Record<string, unknown>, index: number): void | Promise<void>;
  /** The table's list ended after `rows` rows. */
  tableEnd?(name: string, rows: number): void | Promise<void>;
};

/** Top-level members read whole; any other member (from another version) is skipped unread. */
const HEADER_MEMBERS = new Set(["format", "version", "exportId", "createdAt", "casefileVersion", "source", "files"]);

/** The top-level members but "tables", whether "tables" was there, and the document's SHA-256 and length. */
export type WalkResult = { header: Record<string, unknown>; hasTables: boolean; sha256: string; bytes: number };

const bad = (message: string) => new AppError("INVALID_INPUT", message);
const NOT_JSON = "The export's casefile-export.json is not valid JSON; the file is damaged or not a Casefile export.";

type Token = { name: string; value?: unknown };

class VisitorFailure extends Error {
  constructor(readonly cause: unknown) {
    super("visitor failed");
  }
}

/**
 * Walks the document from `stream`: returns its header (the top-level members but "tables") and
 * the SHA-256 and length of its bytes. Refuses, with a reason, a document that is not JSON or
 * whose shape is not an export's (not an object, "tables" not an object, a table not a list, a
 * row not an object).
 */
export async function walkDocument(stream: Readable, visit: DocumentVisitor): Promise<WalkResult> {
  const tap = hashingTap();
  const tokens = parserStream({ streamValues: false });
  // Any stream's failure (a damaged ZIP entry, a syntax error) ends the walk below with it.
  pipeline(stream, tap.stream, tokens, () => undefined);

  const header: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  let state: "start" | "top" | "member" | "skip" | "tablesOpen" | "tables" | "listOpen" | "rows" | "end" = "start";
  let member = "";
  let table = "";
  let index = 0;
  let skipDepth = 0;
  let asm: Assembler | null = null;
  const tablesSeen = new Set<string>();
  let sawTables = false;
  // The visitor's own failures (a database error while loading) pass through as they are.
  const call = async (f: () => void | Promise<void>) => {
    try {
      await f();
    } catch (e) {
      throw new VisitorFailure(e);
    }
  };
  try {
    for await (const t of tokens as AsyncIterable<Token>) {
      if (asm) {
        asm.consume(t as never);
        if (!asm.done) continue;
        const value = asm.current;
        asm = null;
        if (state === "rows") {
          const i = index++;
          await call(() => visit.row(table, value as Record<string, unknown>, i));
        } else {
          header[member] = value;
          state = "top";
        }
        continue;
      }
      switch (state) {
        case "start":
          if (t.name !== "startObject") throw bad("This is not a Casefile export (its casefile-export.json is not a JSON object).");
          state = "top";
          break;
        case "top":
          if (t.name === "endObject") state = "end";
          else if (t.name === "keyValue") {
            member = String(t.value);
            if (member !== "tables") state = "member";
            else if (sawTables) throw bad('The export holds "tables" twice; it is damaged. Nothing was written.');
            else {
              sawTables = true;
              state = "tablesOpen";
            }
          }
          break;
        case "member":
          if (!HEADER_MEMBERS.has(member)) {
            // Skipped unread: a container is passed over to its end, a plain value at once.
            if (t.name === "startObject" || t.name === "startArray") {
              skipDepth = 1;
              state = "skip";
            } else state = "top";
            break;
          }
          asm = new Assembler();
          asm.consume(t as never);
          if (asm.done) {
            header[member] = asm.current;
            asm = null;
            state = "top";
          }
          break;
        case "skip":
          if (t.name === "startObject" || t.name === "startArray") skipDepth++;
          else if (t.name === "endObject" || t.name === "endArray") skipDepth--;
          if (skipDepth === 0) state = "top";
          break;
        case "tablesOpen":
          if (t.name !== "startObject") throw bad("The export is incomplete (its tables are not an object).");
          state = "tables";
          break;
        case "tables":
          if (t.name === "endObject") state = "top";
          else if (t.name === "keyValue") {
            table = String(t.value);
            if (tablesSeen.has(table)) throw bad(`The export holds the table ${table} twice; it is damaged. Nothing was written.`);
            tablesSeen.add(table);
            const name = table;
            await call(() => visit.table?.(name));
            state = "listOpen";
          }
          break;
        case "listOpen":
          if (t.name !== "startArray") throw bad(`The export's table ${table} is not a list.`);
          index = 0;
          state = "rows";
          break;
        case "rows":
          if (t.name === "endArray") {
            const [name, rows] = [table, index];
            await call(() => visit.tableEnd?.(name, rows));
            state = "tables";
          } else if (t.name === "startObject") {
            asm = new Assembler();
            asm.consume(t as never);
          } else throw bad(`Row ${index + 1} of the export's table ${table} is not an object; the export is damaged. Nothing was written.`);
          break;
        case "end":
          break;
      }
    }
  } catch (e) {
    tokens.destroy();
    if (e instanceof VisitorFailure) throw e.cause;
    if (e instanceof AppError) throw e;
    throw bad(NOT_JSON);
  }
  if (state !== "end") throw bad(NOT_JSON);
  const { sha256, size } = tap.digest();
  return { header, hasTables: sawTables, sha256, bytes: size };
}
