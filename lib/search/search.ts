import "server-only";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { dbProvider, rawAll } from "@/lib/db/client";
import { sqliteDataVersion } from "@/lib/db/sqlite-reader";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { matchNames } from "@/lib/names";
import { loadPersonNames } from "@/lib/persons/shared";
import { namesOf, parseAliasColumn } from "@/lib/registries/rank";
import { testimonySql, withheldWitnessIds } from "@/lib/witnesses/witnesses";
import { parseInput } from "@/lib/validation";
import { words } from "./normalize";
import { phraseForms, unitForms, withNameForms, wordUnits } from "./persian-variants";
import { pgSearchSql } from "./pg-query";
import { INDEX_VERSION_SQL, phraseCounts, type PhraseCounts } from "./phrase-stats";
import { MAX_QUERY_WORDS, ZSearchQuery, type SearchQuery } from "./schemas";
import { directionOf, FIELD_BREAK, markTerms, partsToHtml, snippet, snippetHasFields, type Dir, type Highlight, type Part } from "./snippet";
import { SEARCH_TYPES, type SearchType } from "./types";

// One search over statements and the registries, on SQLite FTS5 or PostgreSQL full-text search
// (the two differ only in buildMatch/runQuery below). The query is normalised exactly as the
// index is (normalize.ts), so it reaches the database as plain words: quotes, *, NEAR,
// parentheses and - are never full-text syntax, and every value travels as a bound parameter.
// Name-aware: a query that names a registered person in any spelling or script also searches
// for every spelling of that person's names and finds the statements linked to them.

export type SearchItem = {
  type: SearchType;
  id: string;
  title: string;
  titleParts: Part[];
  /** A person's, organisation's or place's Persian name, an event's Persian title ("" when it has none, or when not asked for: `persianTitles`): what a Persian page heads the result with. */
  titleFa: string;
  titleFaParts: Part[];
  parts: Part[];
  snippet: string;
  score: number;
  dir: Dir;
  language: string | null;
};
export type SearchResult = {
  items: SearchItem[];
  total: number;
  /** True when more records match than were ranked (RANK_CAP): `total` is then a lower bound. */
  totalAtLeast: boolean;
  page: number;
  pageSize: number;
  /** Persons the query named, whose other spellings and linked statements were searched too. */
  persons: { id: string; name: string; nameFa: string; score: number }[];
  /** Places and organisations the query named, whose other spellings were searched too (and, for places, their linked statements). */
  places: { id: string; name: string; nameFa: string; score: number }[];
  organisations: { id: string; name: string; nameFa: string; score: number }[];
};

/**
 * The words to look for: phrases (in quotes) must appear together, other words anywhere. `groups`
 * is what the databases are asked: every group is required, and a group matches when any of its
 * forms does (a Persian word joined, with a ZWNJ or split at its affixes: persian-variants.ts;
 * a phrase is a form of several words).
 */
export type Parsed = { phrases: string[][]; terms: string[]; groups: string[][][] };

export function parseQuery(q: string): Parsed {
  const phrases: string[][] = [];
  const phraseGroups: string[][][] = [];
  const rest: string[] = [];
  // Balanced double quotes (straight, curly, guillemets) mark phrases; an odd quote is just text.
  const re = /["“”«»]([^"“”«»]*)["“”«»]/g;
  let last = 0;
  for (let m = re.exec(q); m; m = re.exec(q)) {
    rest.push(q.slice(last, m.index));
    const w = words(m[1]!);
    if (w.length > 1) {
      phrases.push(w);
      phraseGroups.push(phraseForms(wordUnits(m[1]!)));
    } else rest.push(m[1]!);
    last = m.index + m[0].length;
  }
  rest.push(q.slice(last));
  const units = wordUnits(rest.join(" "));
  return { phrases, terms: units.flat(), groups: [...units.map(unitForms), ...phraseGroups] };
}

/** Record types the actor may read: statements need statement.read, the registries registry.read. */
function readableTypes(actor: Actor): SearchType[] {
  return SEARCH_TYPES.filter((t) => can(actor, t === "statement" ? "statement.read" : "registry.read"));
}

const STATEMENT_ONLY: (keyof SearchQuery)[] = ["status", "language", "personId", "eventId", "placeId", "proceedingId", "authorId"];

export async function search({ actor, query, persianTitles: withPersian = false }: { actor: Actor | null; query: unknown; persianTitles?: boolean }): Promise<SearchResult> {
  authorize(actor, "statement.read");
  const q = parseInput(ZSearchQuery, query ?? {});
  const parsed = parseQuery(q.q);
  const count = parsed.terms.length + parsed.phrases.reduce((a, p) => a + p.length, 0);
  if (count > MAX_QUERY_WORDS) throw new AppError("INVALID_INPUT", `Search for at most ${MAX_QUERY_WORDS} words.`, { q: [`too_many:${MAX_QUERY_WORDS}`] });
  const empty: SearchResult = { items: [], total: 0, totalAtLeast: false, page: q.page, pageSize: q.pageSize, persons: [], places: [], organisations: [] };
  // Nothing but punctuation or syntax characters: there is no word to look for.
  if (count === 0) return empty;

  let types = readableTypes(actor);
  if (q.type) types = types.filter((t) => t === q.type);
  if (STATEMENT_ONLY.some((k) => q[k] !== undefined)) types = types.filter((t) => t === "statement");
  if (types.length === 0) return empty;

  // Name awareness: a name is a few words, not a quoted phrase.
  const named = count <= MAX_NAME_WORDS && parsed.phrases.length === 0 ? await namedRecords(q.q) : NONE;
  const persons = named.persons;
  const seen = new Map<string, string[]>();
  wholeSpellings([...named.places, ...named.organisations].flatMap((p) => p.names), seen);
  distinctivePlaceSpellings(named.places.flatMap((p) => p.names), seen);
  const spellings = withNameForms(uniqueSpellings(persons.flatMap((p) => p.names), seen));
  // Single words are marked wherever they stand; phrases, a word's split forms and a name's
  // spellings of several words only where their words follow one another.
  const forms = [...parsed.groups.flat(), ...spellings];
  const highlight: Highlight = { words: new Set(forms.filter((f) => f.length === 1).map((f) => f[0]!)), phrases: forms.filter((f) => f.length > 1) };

  const args: QueryArgs = { parsed, spellings, personIds: persons.map((p) => p.id), placeIds: named.places.map((p) => p.id), types, q, legal: actor.role === "LEGAL" ? testimonySql(actor, Prisma.sql`d."witnessId"`) : null, withheld: (await withheldWitnessIds(actor)) ?? [] };
  const rows = await runQuery(args);
  // A page past the end has no row to carry the total: count with the first page instead.
  const totalRow = rows[0] ?? (q.page > 1 ? (await runQuery({ ...args, q: { ...q, page: 1, pageSize: 1 } }))[0] : undefined);
  const atLeast = totalRow ? Number(totalRow.matched) > RANK_CAP : false;
  // Read only for a page that heads results in Persian: up to four more queries a search, which
  // on PostgreSQL cost the benchmark's name searches a third more server CPU (see bench/RESULTS.md).
  const persian = withPersian ? await persianTitles(rows) : new Map<string, string>();
  const items = rows.map((r): SearchItem => {
    // A registry record's text is its fields, one to a line (index-record.ts): kept apart.
    const parts = snippet(r.body, highlight, r.normBody, snippetHasFields(r.type) ? { fieldBreak: FIELD_BREAK } : {});
    const title = markTerms(r.title, highlight).parts;
    const titleFa = persian.get(`${r.type}:${r.recordId}`) ?? "";
    const text = parts.map((p) => p.text).join("");
    return {
      type: r.type as SearchType,
      id: r.recordId,
      title: r.title,
      titleParts: title,
      titleFa,
      titleFaParts: titleFa ? markTerms(titleFa, highlight).parts : [],
      parts,
      snippet: partsToHtml(parts),
      score: Math.round(Number(r.score) * 10_000) / 10_000,
      dir: directionOf(text || r.title),
      language: r.language,
    };
  });
  return {
    items,
    // A page past the end has no row to carry the total: count with the first page instead.
    total: atLeast ? RANK_CAP : totalRow ? Number(totalRow.total) : 0,
    totalAtLeast: atLeast,
    page: q.page,
    pageSize: q.pageSize,
    persons: persons.map(({ id, name, nameFa, score }) => ({ id, name, nameFa, score })),
    places: named.places.map(({ id, name, nameFa, score }) => ({ id, name, nameFa, score })),
    organisations: named.organisations.map(({ id, name, nameFa, score }) => ({ id, name, nameFa, score })),
  };
}

/**
 * The Persian names of a page's persons, organisations and places and the Persian titles of its
 * events and proceedings, by "type:id". The index's title is the registry's (Latin) name; the Persian one is read
 * from the records themselves, for the page's few rows only.
 */
async function persianTitles(rows: Row[]): Promise<Map<string, string>> {
  const ids = (type: SearchType) => rows.filter((r) => r.type === type).map((r) => r.recordId);
  const [persons, organisations, places, events, proceedings] = [ids("person"), ids("organisation"), ids("place"), ids("event"), ids("proceeding")];
  const none = Promise.resolve([] as { id: string; nameFa: string }[]);
  const found = await Promise.all([
    persons.length ? read((db) => db.person.findMany({ where: { id: { in: persons } }, select: { id: true, nameFa: true } })) : none,
    organisations.length ? read((db) => db.organisation.findMany({ where: { id: { in: organisations } }, select: { id: true, nameFa: true } })) : none,
    places.length ? read((db) => db.place.findMany({ where: { id: { in: places } }, select: { id: true, nameFa: true } })) : none,
    events.length ? read((db) => db.event.findMany({ where: { id: { in: events } }, select: { id: true, titleFa: true } })).then((es) => es.map((e) => ({ id: e.id, nameFa: e.titleFa }))) : none,
    proceedings.length ? read((db) => db.proceeding.findMany({ where: { id: { in: proceedings } }, select: { id: true, titleFa: true } })).then((ps) => ps.map((p) => ({ id: p.id, nameFa: p.titleFa }))) : none,
  ]);
  const types = ["person", "organisation", "place", "event", "proceeding"] as const;
  return new Map(found.flatMap((records, i) => records.filter((x) => x.nameFa).map((x) => [`${types[i]}:${x.id}`, x.nameFa] as const)));
}

/**
 * A plain search (no filter, every type) that matches more records than this ranks only the
 * RANK_CAP most recently indexed matches and reports "more than RANK_CAP": scoring every match
 * of a common phrase (a quarter of a 100,000-statement archive for "in Evin") cost hundreds of
 * milliseconds, and nobody reads past the first pages of such a list; a filter narrows it. With
 * any filter, every match is ranked and counted exactly.
 */
export const RANK_CAP = 1_000;

type NamedPerson = { id: string; name: string; nameFa: string; score: number; names: string[] };
type Named = { persons: NamedPerson[]; places: NamedPerson[]; organisations: NamedPerson[] };
const NONE: Named = { persons: [], places: [], organisations: [] };

const MAX_NAME_WORDS = 4;

// Scoring a query against every spelling of every person, place and organisation (lib/names)
// costs milliseconds per hundred records, so the registries' names and each query's matches are
// remembered while the registries stay the same: their row counts and newest changes identify
// them (every edit, aliases included, touches the record's updatedAt).
type Entry = { id: string; name: string; nameFa: string; aliases: string[] };
type Registry = { version: string; persons: Entry[]; places: Entry[]; organisations: Entry[]; matches: Map<string, Named> };
let registry: Registry | null = null;
const MATCH_CACHE_LIMIT = 2_000;

/** The registries' version as last read, and the SQLite reader's data version it was read at. */
let versionRead: { dataVersion: string; version: string } | null = null;

async function registryVersion(): Promise<string> {
  // On SQLite, nothing at all was committed since the version was last read: it is the same.
  // (The version query, a count and a newest change of three tables, ran before every name search.)
  const dataVersion = dbProvider() === "sqlite" ? sqliteDataVersion() : null;
  if (dataVersion !== null && versionRead?.dataVersion === dataVersion) return versionRead.version;
  // One round trip for the three registries.
  const part = (table: string) => Prisma.raw(`(SELECT CAST(COUNT(*) AS TEXT) || ':' || COALESCE(CAST(MAX("updatedAt") AS TEXT), '') FROM "${table}")`);
  const sql = Prisma.sql`SELECT ${part("Person")} || '/' || ${part("Place")} || '/' || ${part("Organisation")} AS v`;
  const rows = await rawAll<{ v: string }>(sql);
  const version = String(rows[0]?.v ?? "");
  if (dataVersion !== null) versionRead = { dataVersion, version };
  return version;
}

async function loadRegistry(version: string): Promise<Registry> {
  const [persons, places, organisations] = await Promise.all([
    loadPersonNames(),
    read((db) => db.place.findMany({ select: { id: true, name: true, nameFa: true, aliases: true } })),
    read((db) => db.organisation.findMany({ select: { id: true, name: true, nameFa: true, aliases: true } })),
  ]);
  const entry = (r: { id: string; name: string; nameFa: string; aliases: string }): Entry => ({ id: r.id, name: r.name, nameFa: r.nameFa, aliases: parseAliasColumn(r.aliases) });
  return { version, persons, places: places.map(entry), organisations: organisations.map(entry), matches: new Map() };
}

function matchIn(q: string, records: Entry[], limit: number): NamedPerson[] {
  const byId = new Map(records.map((p) => [p.id, p]));
  return matchNames(
    q,
    records.map((p) => ({ id: p.id, names: namesOf(p) })),
    { limit },
  ).map((m) => {
    const p = byId.get(m.id)!;
    return { id: p.id, name: p.name, nameFa: p.nameFa, score: Math.round(m.score * 1000) / 1000, names: namesOf(p) };
  });
}

/** The persons, places and organisations a query names, in any spelling or script. */
async function namedRecords(q: string): Promise<Named> {
  const version = await registryVersion();
  if (registry?.version !== version) registry = await loadRegistry(version);
  const key = words(q).join(" ");
  const hit = registry.matches.get(key);
  if (hit) return hit;
  const found: Named = { persons: matchIn(q, registry.persons, 5), places: matchIn(q, registry.places, 3), organisations: matchIn(q, registry.organisations, 3) };
  if (registry.matches.size >= MATCH_CACHE_LIMIT) registry.matches.clear();
  registry.matches.set(key, found);
  return found;
}

/**
 * What to search for a named person: each of their names as a phrase, and each name's last
 * word on its own when it is long enough to say something, because testimony mostly names
 * officials by surname ("Nayeri read the sentence", «نیری حکم را خواند»).
 */
function uniqueSpellings(names: string[], seen = new Map<string, string[]>()): string[][] {
  for (const n of names) {
    const w = words(n);
    if (w.length) seen.set(w.join(" "), w);
    const last = w[w.length - 1];
    if (w.length > 1 && last && [...last].length >= 4) seen.set(last, [last]);
  }
  return [...seen.values()];
}

/**
 * A named place or organisation is searched by its whole names only: their single words are
 * mostly generic («زندان», "Prison", "Committee") and would find everything.
 */
function wholeSpellings(names: string[], seen: Map<string, string[]>): void {
  for (const n of names) {
    const w = words(n);
    if (w.length) seen.set(w.join(" "), w);
  }
}

/**
 * Words that say what kind of place a name is, not which place: testimony mostly leaves them out
 * ("taken to Gohardasht", «در گوهردشت»), so a named place is also searched without them.
 * Normalised as the index is (lib/search/normalize.ts).
 */
const GENERIC_PLACE_WORDS = new Set(words("prison jail detention centre center camp cemetery graveyard زندان بازداشتگاه گورستان قبرستان اردوگاه"));

/** A named place's names without their generic words ("Evin Prison" → "Evin"), where enough is left to say which place. */
function distinctivePlaceSpellings(names: string[], seen: Map<string, string[]>): void {
  for (const n of names) {
    const w = words(n);
    const distinctive = w.filter((x) => !GENERIC_PLACE_WORDS.has(x));
    if (distinctive.length > 0 && distinctive.length < w.length && [...distinctive.join("")].length >= 4) seen.set(distinctive.join(" "), distinctive);
  }
}

type Row = { id: number; type: string; recordId: string; title: string; body: string; normBody: string; language: string | null; score: number; total: number | bigint; matched: number | bigint };

/**
 * SQLite FTS5: every word a quoted string (never syntax), phrases as one quoted string, a word's
 * forms joined by OR. Also the expression's phrases in the order FTS5 numbers them (the order
 * they appear), for casefile_bm25. A phrase is looked for in every column: the third holds the
 * extras (index-record.ts normJoinedOf), each joined word and each hyphenated word's window apart
 * from the next, so a phrase found there is one the text has ("dasht prison" in "Gohar-dasht
 * prison"), and FTS5 never finds a phrase across two columns.
 */
export function fts5Query(p: Parsed, spellings: string[][]): { expr: string; phrases: string[] } {
  // Words hold letters and digits only.
  const quote = (ws: string[]) => (ws.length === 1 ? `"${ws[0]}"` : `"${ws.join(" ")}"`);
  const main = p.groups.map((forms) => (forms.length === 1 ? quote(forms[0]!) : `(${forms.map(quote).join(" OR ")})`));
  const alternatives = spellings.map(quote);
  return { expr: [`(${main.join(" AND ")})`, ...alternatives].join(" OR "), phrases: [...p.groups.flat().map(quote), ...alternatives] };
}

type QueryArgs = { parsed: Parsed; spellings: string[][]; personIds: string[]; placeIds: string[]; types: SearchType[]; q: SearchQuery;
  /**
   * A legal team's consent rule on a statement's entry (lib/witnesses testimonySql: legal-sharing
   * consent in force), or null. It can leave out most of an archive: it filters each match's entry,
   * and its searches rank every match, as any filtered one.
   */
  legal: Prisma.Sql | null;
  /**
   * The witnesses a researcher's or reviewer's rule leaves out (withheldWitnessIds: few, mostly
   * none). Their statements' entries are taken out of the ranked ids, and the search is capped like
   * an unfiltered one; with none, the search is an admin's.
   */
  withheld: string[];
};

async function runQuery(o: QueryArgs): Promise<Row[]> {
  const { q } = o;
  // Every type asked for needs no type filter: the ranked ids then never touch "SearchDoc"
  // (a row holds the 3 KB text twice, so reading 1,000 of them cost more than the full-text match).
  const filters: Prisma.Sql[] = o.types.length < SEARCH_TYPES.length ? [Prisma.sql`d."type" IN (${Prisma.join(o.types)})`] : [];
  if (q.status) filters.push(Prisma.sql`d."status" = ${q.status}`);
  if (q.language) filters.push(Prisma.sql`d."language" = ${q.language}`);
  if (q.authorId) filters.push(Prisma.sql`d."authorId" = ${q.authorId}`);
  const linked = (col: Prisma.Sql, id: string) => Prisma.sql`d."recordId" IN (SELECT l."statementId" FROM "Link" l WHERE ${col} = ${id})`;
  if (q.personId) filters.push(linked(Prisma.sql`l."personId"`, q.personId));
  if (q.eventId) filters.push(linked(Prisma.sql`l."eventId"`, q.eventId));
  if (q.placeId) filters.push(linked(Prisma.sql`l."placeId"`, q.placeId));
  if (q.proceedingId) filters.push(linked(Prisma.sql`l."proceedingId"`, q.proceedingId));
  // Date ranges overlap: the record's range meets the asked one. Both are ISO dates (the
  // filter was read in either calendar by lib/dates), so text order is date order.
  if (q.from) filters.push(Prisma.sql`d."dateTo" >= ${q.from.earliest}`);
  if (q.to) filters.push(Prisma.sql`d."dateFrom" <= ${q.to.latest}`);
  // Nobody finds a statement whose testimony they may not read (lib/witnesses testimonySql: a
  // legal team without legal-sharing consent in force, researchers and reviewers after a withdrawn
  // consent to internal research): excluded here in SQL, so totals and pages agree.
  const capped = filters.length === 0 && !o.legal;
  // Conditions on a ranked id alone (c.id), which need not read its entry. The withheld entries
  // are found from the few withheld witnesses through the statements' witness index, then the
  // entries' (type, recordId) index: written as a join, SQLite read every statement's entry and
  // row instead (85 ms on 20,000 statements, for every search of a researcher).
  const idFilters = o.withheld.length
    ? [Prisma.sql`c.id NOT IN (SELECT sw."id" FROM "SearchDoc" sw WHERE sw."type" = 'statement' AND sw."recordId" IN (SELECT s."id" FROM "Statement" s WHERE s."witnessId" IN (${Prisma.join(o.withheld)})))`]
    : [];
  if (o.legal) filters.push(Prisma.sql`(d."type" <> 'statement' OR ${o.legal})`);
  const take = q.pageSize;
  const skip = (q.page - 1) * q.pageSize;
  // Statements linked to a named person are found even when they spell the name some other way
  // than any registered spelling (the link's quote was checked against the text when it was made).
  // Being linked adds to the score on each engine's scale (bm25 is unbounded, ts_rank lies in 0..1).
  const bonus = dbProvider() === "sqlite" ? Prisma.sql`1.0` : Prisma.sql`0.1::float8`;
  const linkedTo: Prisma.Sql[] = [];
  if (o.personIds.length) linkedTo.push(Prisma.sql`l2."personId" IN (${Prisma.join(o.personIds)})`);
  if (o.placeIds.length) linkedTo.push(Prisma.sql`l2."placeId" IN (${Prisma.join(o.placeIds)})`);
  const linkedPersons = linkedTo.length
    ? Prisma.sql`UNION ALL SELECT d2."id" AS id, ${bonus} AS score FROM "SearchDoc" d2 WHERE d2."type" = 'statement' AND d2."recordId" IN (SELECT l2."statementId" FROM "Link" l2 WHERE ${Prisma.join(linkedTo, " OR ")})`
    : Prisma.empty;
  // The filtered matches, from `c` (the ranked ids): joined to their entries only when a filter reads them.
  const filtered = (c: Prisma.Sql) =>
    filters.length || idFilters.length
      ? Prisma.sql`SELECT c.id, c.score FROM ${c} c ${filters.length ? Prisma.sql`JOIN "SearchDoc" d ON d."id" = c.id` : Prisma.empty} WHERE ${Prisma.join([...filters, ...idFilters], " AND ")}`
      : null;
  if (dbProvider() === "sqlite") return sqliteQuery(o, { filtered, capped, linkedPersons, take, skip });

  // PostgreSQL: only ids and scores are ranked and counted; the page's few rows are joined to their text
  // afterwards (carrying every hit's 3 KB body through the sort was most of a query's time).
  const page = Prisma.sql`
      filtered AS MATERIALIZED (${filtered(Prisma.sql`cand`) ?? Prisma.sql`SELECT id, score FROM cand`}),
      page AS (SELECT id, score FROM filtered ORDER BY score DESC, id DESC LIMIT ${take} OFFSET ${skip})
    SELECT d."id", d."type", d."recordId", d."title", d."body", d."normBody", d."language", p.score AS score, (SELECT COUNT(*) FROM filtered) AS total, ${capped ? Prisma.sql`(SELECT COUNT(*) FROM fts)` : Prisma.sql`0`} AS matched
    FROM page p JOIN "SearchDoc" d ON d."id" = p.id
    ORDER BY p.score DESC, p.id DESC`;
  return rawAll<Row>(pgSearchSql({ parsed: o.parsed, spellings: o.spellings, capped, rankCap: RANK_CAP, linkedPersons, page }), { offThread: true });
}

/**
 * Whether the reader thread has casefile_bm25 (lib/search/native): when the extension was not
 * built or did not load, the query says "no such function" once and search ranks with bm25().
 */
let rankExtension = true;

// Title words weigh four times body words.
const BM25 = Prisma.sql`-bm25("SearchFts", 4.0, 1.0)`;
const casefileBm25 = ({ version, counts }: PhraseCounts) => Prisma.sql`-casefile_bm25("SearchFts", 4.0, 1.0, ${version}, ${Prisma.join(counts)})`;

type SqliteParts = { filtered: (c: Prisma.Sql) => Prisma.Sql | null; capped: boolean; linkedPersons: Prisma.Sql; take: number; skip: number };

async function sqliteQuery(o: QueryArgs, { filtered: filterOf, capped, linkedPersons, take, skip }: SqliteParts): Promise<Row[]> {
  const { expr, phrases } = fts5Query(o.parsed, o.spellings);
  const linked = linkedPersons !== Prisma.empty;
  // Each step only when it does something: a ranked id is summed with its link bonus only when
  // there is one, and joined to its record only to filter. Every extra step was another table of
  // up to a thousand rows built and read (a fifth of a plain phrase search).
  const ranked = linked ? "cand" : "fts";
  const filtered = filterOf(Prisma.raw(ranked));
  const matching = filtered ? "filtered" : ranked;
  const run = (rank: Prisma.Sql) =>
    rawAll<Row & { v: string | null }>(
      Prisma.sql`
        WITH fts AS MATERIALIZED (
          -- The rank function only works in the full-text query itself, never in a flattened outer one.
          -- Capped: FTS5 walks the matches newest first and stops, scoring only those it returns.
          SELECT rowid AS id, ${rank} AS score FROM "SearchFts" WHERE "SearchFts" MATCH ${expr}
          ${capped ? Prisma.sql`ORDER BY rowid DESC LIMIT ${RANK_CAP + 1}` : Prisma.empty}
        )
        ${linked ? Prisma.sql`, cand AS (SELECT id, SUM(score) AS score FROM (SELECT id, score FROM fts ${linkedPersons}) GROUP BY id)` : Prisma.empty}
        ${filtered ? Prisma.sql`, filtered AS MATERIALIZED (${filtered})` : Prisma.empty}
        , page AS (SELECT id, score FROM ${Prisma.raw(matching)} ORDER BY score DESC, id DESC LIMIT ${take} OFFSET ${skip})
        SELECT d."id", d."type", d."recordId", d."title", d."body", d."normBody", d."language", p.score AS score,
          (SELECT COUNT(*) FROM ${Prisma.raw(matching)}) AS total, ${capped ? Prisma.sql`(SELECT COUNT(*) FROM fts)` : Prisma.sql`0`} AS matched,
          ${INDEX_VERSION_SQL} AS v
        FROM page p JOIN "SearchDoc" d ON d."id" = p.id
        ORDER BY p.score DESC, p.id DESC`,
      { offThread: true },
    );
  if (!rankExtension) return run(BM25);
  try {
    // BM25 with each phrase's count of records passed in (phrase-stats.ts), and the index version
    // they were counted at, under which casefile_bm25 remembers record lengths; when the index
    // changed between counting and ranking (the rows say which version they read), counted again once.
    let stats = await phraseCounts(phrases);
    let rows = await run(casefileBm25(stats));
    if (rows.length > 0 && rows[0]!.v !== stats.version) {
      stats = await phraseCounts(phrases, rows[0]!.v ?? "");
      rows = await run(casefileBm25(stats));
    }
    return rows;
  } catch (e) {
    if (!(e instanceof Error && /no such function: casefile_bm25/.test(e.message))) throw e;
    rankExtension = false;
    console.warn("[casefile] casefile_bm25 is not available (run `npm install` to build lib/search/native); search ranks with bm25(), more slowly.");
    return run(BM25);
  }
}
