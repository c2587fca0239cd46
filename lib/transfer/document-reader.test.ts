import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { walkDocument } from "./document-reader";

/** The text as a stream of pieces of `size` bytes (a value, a key, an escape, a Persian letter cut in two). */
function pieces(text: string, size: number): Readable {
  const bytes = Buffer.from(text, "utf8");
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return Readable.from(out);
}

type Seen = { events: string[]; rows: Record<string, Record<string, unknown>[]> };

async function walk(text: string, size = 7) {
  const seen: Seen = { events: [], rows: {} };
  const result = await walkDocument(pieces(text, size), {
    table: (name) => void seen.events.push(`table ${name}`),
    row: (table, row, i) => {
      seen.events.push(`row ${table} ${i}`);
      (seen.rows[table] ??= []).push(row);
    },
    tableEnd: (name, n) => void seen.events.push(`end ${name} ${n}`),
  });
  return { ...result, ...seen };
}

const DOC = {
  format: "casefile-export",
  version: 1,
  exportId: "e1",
  source: { provider: "sqlite", migration: "m", auditHead: "0:00" },
  tables: {
    User: [{ id: "u1", name: "Ada \"A\" \\ Lovelace", disabled: false, n: 12.5 }],
    Witness: [],
    Statement: [
      { id: "s1", originalText: "در مرداد ۱۳۶۷ زندانیان را به سالن بردند.\n«نیری» گفت", details: '{"a":[1,2]}', none: null },
      { id: "s2", originalText: "\u200c\ud83d\ude00 \u0000 escapes \t", nested: { deep: [{ x: 1 }, []] } },
    ],
  },
  files: [{ sha256: "ab", size: 3, path: "files/ab/ab" }],
};

describe("walkDocument: an export's document read as a stream of rows", () => {
  test("hands over every row in order, as JSON.parse reads it, whatever the stream's pieces", async () => {
    const text = JSON.stringify(DOC, null, 1);
    for (const size of [1, 3, 7, 4096]) {
      const r = await walk(text, size);
      expect(r.rows).toEqual({ User: DOC.tables.User, Statement: DOC.tables.Statement });
      expect(r.events).toEqual(["table User", "row User 0", "end User 1", "table Witness", "end Witness 0", "table Statement", "row Statement 0", "row Statement 1", "end Statement 2"]);
      expect({ ...r.header }).toEqual({ format: DOC.format, version: 1, exportId: "e1", source: DOC.source, files: DOC.files });
      expect(r.sha256).toBe(createHash("sha256").update(text).digest("hex"));
      expect(r.bytes).toBe(Buffer.byteLength(text));
    }
  });

  test("a top-level member this version does not read is skipped without being kept", async () => {
    const r = await walk(JSON.stringify({ later: { big: [1, [2, { x: 3 }]] }, format: "casefile-export", tables: {}, odd: 5, files: [] }));
    expect(Object.keys(r.header).sort()).toEqual(["files", "format"]);
    // An empty "tables" is still there; a document without one says so.
    expect(r.hasTables).toBe(true);
    expect((await walk(JSON.stringify({ format: "casefile-export", files: [] }))).hasTables).toBe(false);
  });

  test.each([
    ["not JSON", "{\"format\": ", /not valid JSON/],
    ["trailing garbage", '{"tables":{}} x', /not valid JSON/],
    ["empty", "", /not valid JSON/],
    ["a list, not an object", "[1,2]", /not a JSON object/],
    ["tables not an object", '{"tables":[]}', /tables are not an object/],
    ["a table not a list", '{"tables":{"User":{}}}', /table User is not a list/],
    ["a row not an object", '{"tables":{"User":[{"id":"a"},3]}}', /Row 2 of the export's table User is not an object/],
    ["a table twice", '{"tables":{"User":[],"User":[]}}', /table User twice/],
    ["tables twice", '{"tables":{},"tables":{}}', /"tables" twice/],
  ])("refuses %s with a reason", async (_what, text, message) => {
    await expect(walk(text)).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(message) });
  });

  test("the visitor's own failure passes through as it is", async () => {
    const boom = new Error("database gone");
    const walked = walkDocument(pieces(JSON.stringify(DOC), 5), {
      row: () => {
        throw boom;
      },
    });
    await expect(walked).rejects.toBe(boom);
  });

  test("a failing source (a damaged ZIP entry) ends the walk as a damaged export", async () => {
    const source = new Readable({
      read() {
        this.push('{"tables":{"User":[');
        this.destroy(new Error("invalid CRC"));
      },
    });
    await expect(walkDocument(source, { row: () => undefined })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/damaged or not a Casefile export/) });
  });
});
