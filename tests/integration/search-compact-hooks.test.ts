import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { write } from "@/lib/db/write";
import { runImport } from "@/lib/import";
import { searchIndexSegments } from "@/lib/search/compact";
import { rebuildSearchIndex } from "@/lib/search/reindex";
import { search } from "@/lib/search/search";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, testProvider, type TestDatabase } from "@/tests/support/database";

// The places that compact the SQLite full-text index after large writes: a finished import and
// a rebuild. At test scale FTS5 merges small segments by itself and a rebuild fits in one, so the
// index is set here to keep what it writes apart (automerge off, an in-memory buffer of 64 bytes): each
// import batch, and each few kilobytes of a rebuild, then stays a segment of its own until
// something compacts it. (PostgreSQL's GIN index has no segments.)

const sqlite = testProvider() === "sqlite";
let db: TestDatabase;
let researcher: Actor;
let dir: string;

async function keepSegmentsApart() {
  await write(async (tx) => {
    await tx.$executeRawUnsafe(`INSERT INTO "SearchFts"("SearchFts", "rank") VALUES ('automerge', 0)`);
    await tx.$executeRawUnsafe(`INSERT INTO "SearchFts"("SearchFts", "rank") VALUES ('hashsize', 64)`);
  });
}

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  dir = mkdtempSync(join(tmpdir(), "casefile-compact-"));
  process.env.CASEFILE_STORAGE_DIR = join(dir, "store");
  if (sqlite) await keepSegmentsApart();
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const places = (n: number) =>
  ["name,note", ...Array.from({ length: n }, (_, i) => `Fictional compact place ${i},"Fictional note ${i}: a courtyard ${"behind the wall ".repeat(1 + (i % 4))}in Gohardasht."`)].join("\n");

describe.skipIf(!sqlite)("the search index is compacted after large writes", () => {
  test("an import written in several batches leaves the index in one segment, answering the same", async () => {
    const path = join(dir, "places.csv");
    writeFileSync(path, places(24));
    const r = await runImport({ actor: researcher, path, kind: "PLACES", dryRun: false, batchSize: 4 });
    expect(r.status).toBe("COMPLETED");
    expect(r.counts.created).toBe(24);
    expect(r.batches.length).toBe(6);
    expect(await searchIndexSegments()).toBe(1);
    const found = await search({ actor: researcher, query: { q: '"behind the wall"', type: "place", pageSize: 50 } });
    expect(found.total).toBe(24);
  });

  test("a rebuild leaves the index in one segment, answering the same", async () => {
    const before = await search({ actor: researcher, query: { q: "courtyard", pageSize: 50 } });
    await rebuildSearchIndex();
    expect(await searchIndexSegments()).toBe(1);
    const after = await search({ actor: researcher, query: { q: "courtyard", pageSize: 50 } });
    expect(after.total).toBe(24);
    expect(after.items.map((i) => [i.id, i.score])).toEqual(before.items.map((i) => [i.id, i.score]));
  });
});
