import "server-only";
import { dbProvider, type Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { compactSearchIndex } from "./compact";
import { indexRecord, indexStatements, normJoinedOf } from "./index-record";
import { normalizeForSearch, normBodyOf } from "./normalize";
import { SEARCH_TYPES, type SearchType } from "./types";

// `casefile search:reindex`: rebuilds the search index from the records. Normally never needed
// (every change re-indexes its record in its own transaction); it is there for a restored
// backup, a changed normalisation, or a database edited by hand. Records are re-indexed in
// batches, each batch one transaction, so the index is never empty while it runs.

const BATCH = 500;

function idsOf(db: Tx, type: SearchType, after: string | undefined): Promise<{ id: string }[]> {
  const args = { select: { id: true }, orderBy: { id: "asc" as const }, take: BATCH, where: after ? { id: { gt: after } } : {} };
  switch (type) {
    case "statement": return db.statement.findMany(args);
    case "person": return db.person.findMany(args);
    case "organisation": return db.organisation.findMany(args);
    case "place": return db.place.findMany(args);
    case "event": return db.event.findMany(args);
    case "proceeding": return db.proceeding.findMany(args);
    case "source": return db.source.findMany(args);
  }
}

export type ReindexResult = { indexed: Record<SearchType, number>; removed: number };

export async function rebuildSearchIndex(onProgress?: (type: SearchType, done: number) => void): Promise<ReindexResult> {
  const indexed = Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Record<SearchType, number>;
  let removed = 0;
  for (const type of SEARCH_TYPES) {
    const r = await reindexType(type, (done) => onProgress?.(type, done));
    indexed[type] = r.indexed;
    removed += r.removed;
  }
  // SQLite: rebuild the FTS5 index itself from "SearchDoc", in case it was damaged.
  if (dbProvider() === "sqlite") await write((tx) => tx.$executeRaw`INSERT INTO "SearchFts"("SearchFts") VALUES ('rebuild')`);
  // Rebuilt in batches, the index is in many segments: merged into one (compact.ts).
  await compactSearchIndex();
  return { indexed, removed };
}

/** Re-indexes every record of one type, and removes the entries whose record is gone. */
async function reindexType(type: SearchType, onProgress?: (done: number) => void): Promise<{ indexed: number; removed: number }> {
  let indexed = 0;
  let removed = 0;
  let after: string | undefined;
  for (;;) {
    const ids = await read((db) => idsOf(db, type, after));
    if (ids.length === 0) break;
    // Statements, the bulk of an archive, a batch at a time (two reads and one insert); the
    // registries' records one by one.
    await write(async (tx) => {
      if (type === "statement") await indexStatements(tx, ids.map((r) => r.id));
      else for (const { id } of ids) await indexRecord(tx, type, id);
    });
    indexed += ids.length;
    after = ids[ids.length - 1]!.id;
    onProgress?.(indexed);
  }
  // Entries whose record is gone (deleted outside the app).
  let afterDoc = 0;
  for (;;) {
    const docs = await read((db) => db.searchDoc.findMany({ where: { type, id: { gt: afterDoc } }, select: { id: true, recordId: true }, orderBy: { id: "asc" }, take: BATCH }));
    if (docs.length === 0) break;
    const existing = new Set((await read((db) => idsIn(db, type, docs.map((d) => d.recordId)))).map((r) => r.id));
    const stale = docs.filter((d) => !existing.has(d.recordId)).map((d) => d.id);
    if (stale.length) removed += (await write((tx) => tx.searchDoc.deleteMany({ where: { id: { in: stale } } }))).count;
    afterDoc = docs[docs.length - 1]!.id;
  }
  return { indexed, removed };
}

function idsIn(db: Tx, type: SearchType, ids: string[]): Promise<{ id: string }[]> {
  const args = { select: { id: true }, where: { id: { in: ids } } };
  switch (type) {
    case "statement": return db.statement.findMany(args);
    case "person": return db.person.findMany(args);
    case "organisation": return db.organisation.findMany(args);
    case "place": return db.place.findMany(args);
    case "event": return db.event.findMany(args);
    case "proceeding": return db.proceeding.findMany(args);
    case "source": return db.source.findMany(args);
  }
}

/**
 * After the migration that creates the search index, records that existed before it have no
 * entry yet: index them once; after *_search_field_breaks, every record is indexed again (its
 * entry's text keeps its fields apart, which the entry as it stands cannot tell). After one that
 * changes how entries are normalised (*_search_joined_words: the words written with a ZWNJ, joined; *_search_latin_words: English
 * possessives dropped, hyphenated words' parts kept; *_search_hyphen_windows: each hyphenated
 * word's window, and a break between the extras), the entries that exist get their normalised
 * text again. After
 * *_search_proceeding_kinds, proceedings are indexed again, with their kind in words instead of
 * its code (a few records). Other migrations need nothing (every change indexes its record).
 */
export async function indexAfterMigration(applied: string[]): Promise<ReindexResult | null> {
  const after = (suffix: string) => applied.some((name) => name.endsWith(suffix));
  if (after("_search_index") || after("_search_field_breaks")) return rebuildSearchIndex();
  const refreshed = after("_search_joined_words") || after("_search_latin_words") || after("_search_hyphen_windows") ? await refreshNormalizedText() : null;
  if (!after("_search_proceeding_kinds")) return refreshed;
  const kinds = await reindexType("proceeding");
  const result = refreshed ?? { indexed: Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Record<SearchType, number>, removed: 0 };
  result.indexed.proceeding += kinds.indexed;
  result.removed += kinds.removed;
  return result;
}

/**
 * Normalises each entry's title and text again (normalize.ts; the joined words too) from what it
 * holds as written (the record is not read again), in batches, each its own transaction; the
 * full-text index follows through its triggers. Only entries whose normalised text changes are
 * written.
 */
export async function refreshNormalizedText(): Promise<ReindexResult> {
  const indexed = Object.fromEntries(SEARCH_TYPES.map((t) => [t, 0])) as Record<SearchType, number>;
  let after = 0;
  for (;;) {
    const docs = await read((db) =>
      db.searchDoc.findMany({
        where: { id: { gt: after } },
        select: { id: true, type: true, title: true, body: true, normTitle: true, normBody: true, normJoined: true },
        orderBy: { id: "asc" },
        take: BATCH,
      }),
    );
    if (docs.length === 0) break;
    const changed = docs
      .map((d) => ({ ...d, to: [normalizeForSearch(d.title), normBodyOf(d.body), normJoinedOf(d.title, d.body)] as const }))
      .filter((d) => d.to[0] !== d.normTitle || d.to[1] !== d.normBody || d.to[2] !== d.normJoined);
    // One statement per batch: the update triggers re-index each entry in the full-text index.
    if (changed.length) {
      const ids = changed.map((d) => d.id);
      const [titles, bodies, joined] = [0, 1, 2].map((k) => changed.map((d) => d.to[k]!));
      await write((tx) =>
        dbProvider() === "sqlite"
          ? tx.$executeRaw`UPDATE "SearchDoc" SET "normTitle" = j."value" ->> '$[1]', "normBody" = j."value" ->> '$[2]', "normJoined" = j."value" ->> '$[3]'
              FROM json_each(${JSON.stringify(changed.map((d) => [d.id, ...d.to]))}) j WHERE "SearchDoc"."id" = j."value" ->> '$[0]'`
          : tx.$executeRaw`UPDATE "SearchDoc" d SET "normTitle" = u.t, "normBody" = u.b, "normJoined" = u.j
              FROM unnest(${ids}::int[], ${titles}::text[], ${bodies}::text[], ${joined}::text[]) AS u(id, t, b, j) WHERE d."id" = u.id`,
      );
    }
    for (const d of changed) if (d.type in indexed) indexed[d.type as SearchType]++;
    after = docs[docs.length - 1]!.id;
  }
  if (Object.values(indexed).some((n) => n > 0)) await compactSearchIndex();
  return { indexed, removed: 0 };
}
