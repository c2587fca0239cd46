import "server-only";
import { z } from "zod";
import { Prisma } from "@/generated/sqlite/client";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { dataVersion, dbProvider, rawAll, type Tx } from "@/lib/db/client";
import { isTrue, rawInt } from "@/lib/db/raw-values";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { visibleStatementWhere } from "@/lib/links/links";
import { andTestimonySql, testimonySql } from "@/lib/witnesses/witnesses";
import { ALLEGATION_TYPES, type AllegationType, type LinkPassageRow } from "@/lib/links/schemas";
import { parseInput, ZPage, zQuery, zString } from "@/lib/validation";
import { pageOfRows } from "@/lib/paging";
import { zFuzzyDate } from "@/lib/statements/schemas";
import { CALENDARS } from "@/lib/i18n/calendar";
import { sameName } from "@/lib/persons/find-duplicates";
import { loadPersonNames } from "@/lib/persons/shared";
import { rankByName } from "@/lib/registries/rank";
import { matchNames } from "@/lib/names";
import { canonicalWitnessIds, countWitnesses, type WitnessCount } from "./count";
import { inCalendar } from "./timeline-axis";

// Corroboration: for each allegation, how many independent witnesses support it, and the
// exact quotes. Counting rules (lib/corroboration/count.ts): distinct witnesses after
// collapsing sameAs records; "verified" when a statement of theirs with the claim is VERIFIED;
// unverified witnesses counted separately. Only ANCHORED links count: a NEEDS_REVIEW link
// cites words that are no longer in the statement's current revision until someone confirms
// them; it is listed, flagged, and counted as needsReview. A legal team counts and sees only
// statements whose witness's consent covers legal sharing. Witnesses appear by code only.

const LINK_SELECT = {
  id: true,
  statementId: true,
  revisionNumber: true,
  startOffset: true,
  endOffset: true,
  quote: true,
  anchor: true,
  role: true,
  allegationType: true,
  personId: true,
  eventId: true,
  placeId: true,
  proceedingId: true,
  statement: { select: { id: true, title: true, language: true, status: true, fictional: true, witnessId: true, witness: { select: { code: true } } } },
} as const;

type LinkFact = LinkPassageRow & {
  personId: string;
  eventId: string | null;
  placeId: string | null;
  proceedingId: string | null;
  statement: { id: string; title: string; language: string; status: string; fictional: boolean; witnessId: string; witness: { code: string } };
};

export type Quote = {
  linkId: string;
  statementId: string;
  statementTitle: string;
  statementStatus: string;
  language: string;
  fictional: boolean;
  revisionNumber: number;
  startOffset: number;
  endOffset: number;
  quote: string;
  witnessCode: string;
  role: string;
  allegationType: string;
  anchor: string;
  verified: boolean;
};

export type Counts = WitnessCount & { needsReview: number };

function quoteOf(l: LinkFact): Quote {
  return {
    linkId: l.id,
    statementId: l.statementId,
    statementTitle: l.statement.title,
    statementStatus: l.statement.status,
    language: l.statement.language,
    fictional: l.statement.fictional,
    revisionNumber: l.revisionNumber,
    startOffset: l.startOffset,
    endOffset: l.endOffset,
    quote: l.quote,
    witnessCode: l.statement.witness.code,
    role: l.role,
    allegationType: l.allegationType,
    anchor: l.anchor,
    verified: l.statement.status === "VERIFIED",
  };
}

async function loadLinks(db: Tx, actor: Actor, where: Record<string, unknown>): Promise<LinkFact[]> {
  return db.link.findMany({
    where: { ...where, statement: visibleStatementWhere(actor) },
    select: LINK_SELECT,
    orderBy: [{ createdAt: "asc" }],
  });
}

type SameAsRow = { id: string; sameAsId: string | null };

/**
 * witness id → canonical witness id, following sameAs chains through records not in the list
 * too. `known` holds the sameAs records already read; the others are read `load` at a time.
 */
async function followSameAs(known: Map<string, string | null>, ids: Iterable<string>, load: (ids: string[]) => Promise<SameAsRow[]>): Promise<Map<string, string>> {
  let pending = [...new Set(ids)].filter((id) => !known.has(id));
  while (pending.length) {
    const rows = await load(pending);
    for (const r of rows) known.set(r.id, r.sameAsId);
    for (const id of pending) if (!known.has(id)) known.set(id, null);
    pending = [...new Set(rows.map((r) => r.sameAsId).filter((x): x is string => !!x && !known.has(x)))];
  }
  return canonicalWitnessIds(known);
}

/** Counts of a group of links: `fact` gives each link's anchor, witness and statement status. */
function counter<L>(canonical: Map<string, string>, fact: (l: L) => { anchor: string; witnessId: string; status: string }) {
  return (links: L[]): Counts => {
    const anchored = links.map(fact).filter((l) => l.anchor === "ANCHORED");
    return {
      ...countWitnesses(anchored.map((l) => ({ canonicalWitnessId: canonical.get(l.witnessId) ?? l.witnessId, verified: l.status === "VERIFIED" }))),
      needsReview: links.length - anchored.length,
    };
  };
}

const typeOrder = (t: string) => {
  const i = (ALLEGATION_TYPES as readonly string[]).indexOf(t);
  return i === -1 ? ALLEGATION_TYPES.length : i;
};

type EventRef = { id: string; title: string; titleFa: string; dateStart: string; dateEnd: string | null; precision: string; earliest: string | null; latest: string | null };
const EVENT_SELECT = { id: true, title: true, titleFa: true, dateStart: true, dateEnd: true, precision: true, earliest: true, latest: true } as const;

/** Events by date (undated last), then title. */
function byDate(a: EventRef, b: EventRef): number {
  const ea = a.earliest ?? "\uffff";
  const eb = b.earliest ?? "\uffff";
  return ea < eb ? -1 : ea > eb ? 1 : a.title.localeCompare(b.title);
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

// ---------------------------------------------------------------- a person's allegations

/** A group with its first PERSON_QUOTES_PER_PAGE quotes and how many it has in all (getPersonAllegationQuotes pages through them). */
export type AllegationGroup = Counts & { event: EventRef | null; allegationType: string; quotes: Quote[]; quoteCount: number };
/** A group as the person page first shows it: its counts and how many quotes it has, not the quotes. */
export type AllegationGroupSummary = Counts & { event: EventRef | null; allegationType: string; quoteCount: number };

// The person page reads these on every view, so they are read with one plain SQL query through
// rawAll instead of Prisma's nested selects (several queries, each costing its query compiler):
// the links naming the person, each with its statement, the witness's code and sameAs record and
// the event, in the order Prisma's loadLinks gives them (by creation). Statement visibility is
// lib/links' visibleStatementWhere written in SQL: whose testimony the reader may read (lib/witnesses
// testimonySql, beside testimonyWitnessWhere: for a legal team, a consent to LEGAL_SHARING in force;
// for researchers and reviewers, no withdrawn consent to internal research).
// tests/integration/links.test.ts checks the two agree, for each role.

/** `AND` the reader may read the statement's (alias s) testimony (testimonySql); nothing for an admin. */
const legalOnly = (actor: Actor) => andTestimonySql(actor, Prisma.sql`s."witnessId"`);

type PersonLinkRow = LinkPassageRow & {
  eventId: string | null;
  title: string;
  language: string;
  status: string;
  fictional: boolean | number;
  witnessId: string;
  witnessCode: string;
  sameAsId: string | null;
} & { [K in keyof EventRef as `e_${K}`]: EventRef[K] | null };


/**
 * SQL true for the rows of page `page` of a numbered list (`rn` a row's place from 1, `total` the
 * rows in all), or of its last page when `page` is past it: a page past the end is clamped in
 * the same read instead of asking again.
 */
function onPageSql(rn: Prisma.Sql, total: Prisma.Sql, page: number, perPage: number): Prisma.Sql {
  // CAST: SQLite may be handed the page size as a real number, and its division would not truncate.
  const last = Prisma.sql`CAST((${total} - 1) / ${perPage} AS INTEGER)`;
  return Prisma.sql`CAST((${rn} - 1) / ${perPage} AS INTEGER) = CASE WHEN ${page - 1} < ${last} THEN ${page - 1} ELSE ${last} END`;
}

/**
 * The links naming a person that `actor` may see, by creation. `quotes`: with the quote and
 * statement columns (else only what counting needs); `group`: only one event (null: none) and type;
 * `page`: only that page of them (the last when it is past the last), each row with `total`, how many in all.
 */
async function personLinkRows(actor: Actor, personId: string, o: { quotes: boolean; group?: { eventId: string | null; allegationType: string }; events?: { ids: string[]; none: boolean }; page?: { page: number; perPage: number } }) {
  const quoteCols = o.quotes
    ? Prisma.sql`, l."statementId", l."revisionNumber", l."startOffset", l."endOffset", l."quote", l."role", s."title", s."language", s."fictional", w."code" AS "witnessCode"`
    : Prisma.empty;
  const eventCols = o.group
    ? Prisma.empty
    : Prisma.sql`, e."id" AS "e_id", e."title" AS "e_title", e."titleFa" AS "e_titleFa", e."dateStart" AS "e_dateStart", e."dateEnd" AS "e_dateEnd", e."precision" AS "e_precision", e."earliest" AS "e_earliest", e."latest" AS "e_latest"`;
  const groupWhere = o.group
    ? Prisma.sql`AND l."allegationType" = ${o.group.allegationType} AND ${o.group.eventId === null ? Prisma.sql`l."eventId" IS NULL` : Prisma.sql`l."eventId" = ${o.group.eventId}`}`
    : Prisma.empty;
  // One page of the person page's event blocks: only the links of those events (and of none).
  const eventsWhere = o.events
    ? Prisma.sql`AND (${o.events.ids.length ? Prisma.sql`e."id" IN (${Prisma.join(o.events.ids)})` : Prisma.sql`1 = 0`}${o.events.none ? Prisma.sql` OR e."id" IS NULL` : Prisma.empty})`
    : Prisma.empty;
  const joins = Prisma.sql`
    JOIN "Statement" s ON s."id" = l."statementId"
    JOIN "Witness" w ON w."id" = s."witnessId"
    ${o.group ? Prisma.empty : Prisma.sql`LEFT JOIN "Event" e ON e."id" = l."eventId"`}`;
  const where = Prisma.sql`l."personId" = ${personId} ${legalOnly(actor)} ${groupWhere} ${eventsWhere}`;
  const columns = Prisma.sql`l."id", l."anchor", l."allegationType", l."eventId", s."status", s."witnessId", w."sameAsId"${quoteCols}${eventCols}`;
  return rawAll<PersonLinkRow & { total?: unknown }>(
    o.page
      ? // Numbered and counted on the links' ids alone; only the page's rows are read whole.
        Prisma.sql`
    WITH "n" AS (
      SELECT l."id", ROW_NUMBER() OVER (ORDER BY l."createdAt" ASC, l."id" ASC) AS "rn", COUNT(*) OVER () AS "total"
      FROM "Link" l ${joins}
      WHERE ${where})
    SELECT ${columns}, "n"."total"
    FROM "n" JOIN "Link" l ON l."id" = "n"."id" ${joins}
    WHERE ${onPageSql(Prisma.sql`"n"."rn"`, Prisma.sql`"n"."total"`, o.page.page, o.page.perPage)}
    ORDER BY "n"."rn"`
      : Prisma.sql`
    SELECT ${columns}
    FROM "Link" l ${joins}
    WHERE ${where}
    ORDER BY l."createdAt" ASC, l."id" ASC`,
    // A person named in a hundred statements: a hundred statement rows scattered over the file,
    // milliseconds of page reads on SQLite, done on the reader thread instead of the server's one
    // JavaScript thread.
    { offThread: true },
  );
}

async function requirePerson(personId: string) {
  const [person] = await rawAll<{ id: string; name: string; nameFa: string }>(Prisma.sql`SELECT "id", "name", "nameFa" FROM "Person" WHERE "id" = ${personId}`);
  if (!person) throw new AppError("NOT_FOUND", "No such person.");
  return person;
}

/** canonicalOf for rows that carry their witness's sameAs record: only chains longer than one step cost a query. */
function canonicalOfRows(rows: { witnessId: string; sameAsId: string | null }[]): Promise<Map<string, string>> {
  const known = new Map(rows.map((r) => [r.witnessId, r.sameAsId] as const));
  return followSameAs(
    known,
    rows.flatMap((r) => (r.sameAsId ? [r.sameAsId] : [])),
    (ids) => rawAll<SameAsRow>(Prisma.sql`SELECT "id", "sameAsId" FROM "Witness" WHERE "id" IN (${Prisma.join(ids)})`),
  );
}

const rowFact = (l: PersonLinkRow) => ({ anchor: l.anchor, witnessId: l.witnessId, status: l.status });

function quoteOfRow(l: PersonLinkRow): Quote {
  return {
    linkId: l.id,
    statementId: l.statementId,
    statementTitle: l.title,
    statementStatus: l.status,
    language: l.language,
    fictional: isTrue(l.fictional),
    revisionNumber: rawInt(l.revisionNumber),
    startOffset: rawInt(l.startOffset),
    endOffset: rawInt(l.endOffset),
    quote: l.quote,
    witnessCode: l.witnessCode,
    role: l.role,
    allegationType: l.allegationType,
    anchor: l.anchor,
    verified: l.status === "VERIFIED",
  };
}

function eventOfRow(l: PersonLinkRow): EventRef | null {
  if (!l.e_id) return null;
  return { id: l.e_id, title: l.e_title!, titleFa: l.e_titleFa!, dateStart: l.e_dateStart!, dateEnd: l.e_dateEnd, precision: l.e_precision!, earliest: l.e_earliest, latest: l.e_latest };
}

/** How many event blocks (an event's allegation groups, or those naming no event) the person page shows at a time. */
export const PERSON_EVENTS_PER_PAGE = 20;

/**
 * The reader's links naming a person: the events they name (null: none or a missing event) in
 * the person page's order, one page of them (the last when `page` is past it, in the same read),
 * and how many in all. Both reads, like personTotals', group every link naming the person (about
 * 100 on the benchmark's archive, 0.5-1.4 ms each): on SQLite they run on the reader thread
 * (rawAll's offThread), where they held the server's one JavaScript thread for about 3 ms of each
 * person page. Measured at 10 connections on the benchmark archive, same moment, old and new
 * builds alternated 3 times: 50-57 against 57-66 person pages/s, p95 190-230 against 174-216 ms.
 */
async function personEventPage(actor: Actor, personId: string, page: number, perPage: number) {
  const legal = legalOnly(actor);
  const from = Prisma.sql`FROM "Link" l JOIN "Statement" s ON s."id" = l."statementId" LEFT JOIN "Event" e ON e."id" = l."eventId" WHERE l."personId" = ${personId} ${legal}`;
  const [[sizes], blocks] = await Promise.all([
    rawAll<{ events: unknown; none: unknown; groups: unknown }>(Prisma.sql`
      SELECT COUNT(DISTINCT e."id") AS "events", MAX(CASE WHEN e."id" IS NULL THEN 1 ELSE 0 END) AS "none",
        COUNT(DISTINCT COALESCE(e."id", '') || '|' || l."allegationType") AS "groups"
      ${from}`, { offThread: true }),
    // Dated events by their earliest day, undated ones after them, then the links naming no
    // event; ties by title and id, so that every page is the same for the same data.
    rawAll<{ id: string | null }>(Prisma.sql`
      WITH "b" AS (
        SELECT e."id", COUNT(*) OVER () AS "total",
          ROW_NUMBER() OVER (ORDER BY CASE WHEN e."id" IS NULL THEN 1 ELSE 0 END, CASE WHEN e."earliest" IS NULL THEN 1 ELSE 0 END, e."earliest", e."title", e."id") AS "rn"
        ${from}
        GROUP BY e."id", e."earliest", e."title")
      SELECT "id" FROM "b" WHERE ${onPageSql(Prisma.sql`"rn"`, Prisma.sql`"total"`, page, perPage)} ORDER BY "rn"`, { offThread: true }),
  ]);
  const blockTotal = rawInt(sizes?.events ?? 0) + rawInt(sizes?.none ?? 0);
  return { blocks: blocks.map((b) => b.id), blockTotal, groupTotal: rawInt(sizes?.groups ?? 0) };
}

/** Links counted in the database: one row per witness, anchor and status, with how many links. */
type CountedRow = { witnessId: string; sameAsId: string | null; anchor: string; status: string; n: unknown };

/** The counts of such rows, as counter() gives them for the links themselves. */
function countRows(rows: CountedRow[], canonical: Map<string, string>): Counts {
  const anchored = rows.filter((r) => r.anchor === "ANCHORED");
  return {
    ...countWitnesses(anchored.map((r) => ({ canonicalWitnessId: canonical.get(r.witnessId) ?? r.witnessId, verified: r.status === "VERIFIED" }))),
    needsReview: rows.filter((r) => r.anchor !== "ANCHORED").reduce((a, r) => a + rawInt(r.n), 0),
  };
}

/** One person's counts from their counted rows: the totals, and per allegation type (in the usual order of types). */
function personCounts(rows: (CountedRow & { allegationType: string })[], canonical: Map<string, string>) {
  return {
    totals: countRows(rows, canonical),
    allegations: [...groupBy(rows, (r) => r.allegationType).entries()]
      .sort((a, b) => typeOrder(a[0]) - typeOrder(b[0]))
      .map(([allegationType, r]) => ({ allegationType, ...countRows(r, canonical) })),
  };
}

/** A person's independent witnesses over all the reader's links naming them: one row per witness, anchor and status, not per link. */
function personTotals(actor: Actor, personId: string) {
  return rawAll<CountedRow>(Prisma.sql`
    SELECT s."witnessId", w."sameAsId", l."anchor", s."status", COUNT(*) AS "n"
    FROM "Link" l JOIN "Statement" s ON s."id" = l."statementId" JOIN "Witness" w ON w."id" = s."witnessId"
    WHERE l."personId" = ${personId} ${legalOnly(actor)}
    GROUP BY s."witnessId", w."sameAsId", l."anchor", s."status"`, { offThread: true });
}

type AllegationPages = { page: number; pages: number; perPage: number; events: number; groups: number };

/**
 * One page of a person's allegation groups: PERSON_EVENTS_PER_PAGE events at a time in the
 * order the person page shows them (by date, undated after, then the links naming no event),
 * with all of each event's groups (by allegation type), and the totals over every link the
 * reader may see. A well-documented official is named in thousands of events: only the page's
 * links are read, and the totals are counted per witness in the database. A page past the
 * last gives the last.
 */
async function personAllegationPage(actor: Actor, personId: string, pageInput: unknown, perPage: number, quotes: boolean) {
  const asked = parseInput(z.object({ page: ZPage }), { page: pageInput }).page;
  const person = await requirePerson(personId);
  const at = await personEventPage(actor, personId, asked, perPage);
  const pages = Math.max(1, Math.ceil(at.blockTotal / perPage));
  const page = Math.min(asked, pages);
  const ids = at.blocks.filter((b): b is string => b !== null);
  const [rows, totalRows] = await Promise.all([
    at.blocks.length ? personLinkRows(actor, personId, { quotes, events: { ids, none: at.blocks.includes(null) } }) : Promise.resolve([]),
    personTotals(actor, personId),
  ]);
  const canonical = await canonicalOfRows([...rows, ...totalRows]);
  const count = counter(canonical, rowFact);
  // The page's events in the database's order; each event's groups by allegation type.
  const position = new Map(at.blocks.map((id, i) => [id ?? "", i]));
  const groups = [...groupBy(rows, (l) => `${l.eventId ?? ""}|${l.allegationType}`).values()]
    .map((items) => ({
      // A link whose event no longer exists is shown without one, as Prisma's lookup by id did.
      event: items[0]!.eventId ? eventOfRow(items[0]!) : null,
      allegationType: items[0]!.allegationType,
      ...count(items),
      items,
    }))
    .sort((a, b) => (position.get(a.event?.id ?? "") ?? 0) - (position.get(b.event?.id ?? "") ?? 0) || typeOrder(a.allegationType) - typeOrder(b.allegationType));
  const pageInfo: AllegationPages = { page, pages, perPage, events: at.blockTotal, groups: at.groupTotal };
  return { person, totals: countRows(totalRows, canonical), groups, pages: pageInfo };
}

/**
 * Allegations against one person, grouped by event (null: no event named) and allegation
 * type, each with its independent-witness counts and the exact quotes: one page of events at
 * a time (personAllegationPage), with the totals of all.
 */
export async function getPersonAllegations({ actor, personId, page, perPage = PERSON_EVENTS_PER_PAGE }: { actor: Actor | null; personId: string; page?: unknown; perPage?: number }): Promise<{
  person: { id: string; name: string; nameFa: string };
  totals: Counts;
  groups: AllegationGroup[];
  pages: AllegationPages;
}> {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const r = await personAllegationPage(actor, personId, page, perPage, true);
  // A group's quotes are bounded like every other list: its first page, and how many there are
  // (one event can be named by thousands of statements).
  return { ...r, groups: r.groups.map(({ items, ...g }) => ({ ...g, quotes: items.slice(0, PERSON_QUOTES_PER_PAGE).map(quoteOfRow), quoteCount: items.length })) };
}

/**
 * The same groups and counts as getPersonAllegations, with each group's number of quotes
 * instead of the quotes (the person page loads a group's quotes when it is opened, through
 * getPersonAllegationQuotes).
 */
export async function getPersonAllegationSummary({ actor, personId, page, perPage = PERSON_EVENTS_PER_PAGE }: { actor: Actor | null; personId: string; page?: unknown; perPage?: number }): Promise<{
  person: { id: string; name: string; nameFa: string };
  totals: Counts;
  groups: AllegationGroupSummary[];
  pages: AllegationPages;
}> {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const r = await personAllegationPage(actor, personId, page, perPage, false);
  return { ...r, groups: r.groups.map(({ items, ...g }) => ({ ...g, quoteCount: items.length })) };
}

/** How many quotes of one allegation group getPersonAllegationQuotes gives at a time. */
export const PERSON_QUOTES_PER_PAGE = 20;

/** One group of a person's allegations: its allegation type, and its event's id or "none" for the links naming no event; and which page of its quotes. */
export const ZAllegationQuotesQuery = zQuery({
  type: z.enum(ALLEGATION_TYPES, { error: "invalid_choice" }),
  event: zString().min(1, { error: "required" }).max(100, { error: "too_long:100" }),
  page: ZPage,
});

/** Which page of a group's quotes, of how many, and how many quotes in all. */
export type QuotePages = { page: number; pages: number; perPage: number; quotes: number };

/**
 * The quotes of one group of getPersonAllegations (the same quotes, in the same order, for
 * the same reader): those of the person's links with that allegation type and event, one page
 * at a time (PERSON_QUOTES_PER_PAGE; a page past the last gives the last), with how many in
 * all. A person can be named in one event by thousands of statements.
 */
export async function getPersonAllegationQuotes({ actor, personId, query, perPage = PERSON_QUOTES_PER_PAGE }: { actor: Actor | null; personId: string; query: unknown; perPage?: number }): Promise<{
  quotes: Quote[];
  pages: QuotePages;
}> {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const q = parseInput(ZAllegationQuotesQuery, query);
  const [, rows] = await Promise.all([
    requirePerson(personId),
    personLinkRows(actor, personId, { quotes: true, group: { eventId: q.event === "none" ? null : q.event, allegationType: q.type }, page: { page: q.page, perPage } }),
  ]);
  const total = rawInt(rows[0]?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / perPage));
  return { quotes: rows.map(quoteOfRow), pages: { page: Math.min(q.page, pages), pages, perPage, quotes: total } };
}

// ---------------------------------------------------------------- a proceeding's evidence

/**
 * Per person, allegation type and witness, the links matching `where` (with the reader's rule
 * `legal`), for countRows: the counts are made in the database, a row per group.
 */
function countedByPerson(where: Prisma.Sql, legal: Prisma.Sql) {
  return rawAll<CountedRow & { personId: string; allegationType: string }>(Prisma.sql`
    SELECT l."personId", l."allegationType", s."witnessId", w."sameAsId", l."anchor", s."status", COUNT(*) AS "n"
    FROM "Link" l JOIN "Statement" s ON s."id" = l."statementId" JOIN "Witness" w ON w."id" = s."witnessId"
    WHERE ${where} ${legal}
    GROUP BY l."personId", l."allegationType", s."witnessId", w."sameAsId", l."anchor", s."status"`);
}

/**
 * One page of the statements with a link matching `scope`, in the order their first such link
 * was made, and how many there are in all; a page past the last is clamped in this same read
 * (onPageSql), as the person page's are, instead of reading again.
 */
async function citingStatementsPage(scope: Prisma.Sql, legal: Prisma.Sql, asked: number, perPage: number) {
  const rows = await rawAll<{ id: string; total: unknown }>(Prisma.sql`
    WITH "b" AS (
      SELECT l."statementId" AS "id", ROW_NUMBER() OVER (ORDER BY MIN(l."createdAt"), l."statementId") AS "rn", COUNT(*) OVER () AS "total"
      FROM "Link" l JOIN "Statement" s ON s."id" = l."statementId" WHERE ${scope} ${legal}
      GROUP BY l."statementId")
    SELECT "id", "total" FROM "b" WHERE ${onPageSql(Prisma.sql`"rn"`, Prisma.sql`"total"`, asked, perPage)} ORDER BY "rn"`);
  const total = rawInt(rows[0]?.total ?? 0);
  const pages = Math.max(1, Math.ceil(total / perPage));
  return { shown: rows.map((r) => r.id), total, page: Math.min(asked, pages), pages };
}

type LoadedLink = Awaited<ReturnType<typeof loadLinks>>[number];

/** The shown statements, in order, each with its quotes among `links` (a statement without one is left out). */
function withQuotes(shown: string[], links: LoadedLink[], persons: Map<string, { id: string; name: string; nameFa: string }>) {
  const byStatement = groupBy(links, (l) => l.statementId);
  return shown
    .filter((id) => byStatement.has(id))
    .map((id) => {
      const items = byStatement.get(id)!;
      const s = items[0]!.statement;
      return {
        statement: { id: s.id, title: s.title, language: s.language, status: s.status, fictional: s.fictional, witnessCode: s.witness.code },
        quotes: items.map((l) => ({ ...quoteOf(l), person: persons.get(l.personId)! })),
        links: items,
      };
    });
}

/** How many statements in evidence the proceeding page shows at a time. */
export const PROCEEDING_STATEMENTS_PER_PAGE = 20;

/**
 * For a proceeding: per defendant, which allegation types are supported by how many independent
 * witnesses (all links naming the defendant count, whatever proceeding they were tagged with),
 * and the statements in evidence: those with a link tagged with this proceeding or naming a
 * defendant, with their quotes, PROCEEDING_STATEMENTS_PER_PAGE at a time (page `page`, in the
 * order their first such link was made; a page past the last gives the last). A defendant such
 * as Hamid Nouri is named in thousands of links: the counts are made in the database per
 * witness, and only the page's statements' links are read.
 */
export async function getProceedingEvidence({ actor, proceedingId, page: pageInput, perPage = PROCEEDING_STATEMENTS_PER_PAGE }: { actor: Actor | null; proceedingId: string; page?: unknown; perPage?: number }) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const asked = parseInput(z.object({ page: ZPage }), { page: pageInput }).page;
  return read(async (db) => {
    const proceeding = await db.proceeding.findUnique({
      where: { id: proceedingId },
      select: { id: true, title: true, titleFa: true, defendants: { select: { person: { select: { id: true, name: true, nameFa: true } } } } },
    });
    if (!proceeding) throw new AppError("NOT_FOUND", "No such proceeding.");
    const defendantIds = proceeding.defendants.map((d) => d.person.id);
    const legal = legalOnly(actor);
    const scope = Prisma.sql`(l."proceedingId" = ${proceedingId}${defendantIds.length ? Prisma.sql` OR l."personId" IN (${Prisma.join(defendantIds)})` : Prisma.empty})`;
    const [counted, statementRows] = await Promise.all([
      defendantIds.length ? countedByPerson(Prisma.sql`l."personId" IN (${Prisma.join(defendantIds)})`, legal) : Promise.resolve([]),
      citingStatementsPage(scope, legal, asked, perPage),
    ]);
    const { shown, total: statementTotal, page, pages } = statementRows;

    const canonical = await canonicalOfRows(counted);
    const defendants = proceeding.defendants.map(({ person }) => {
      return { person, ...personCounts(counted.filter((r) => r.personId === person.id), canonical) };
    });

    const links = shown.length
      ? await loadLinks(db, actor, { statementId: { in: shown }, OR: [{ proceedingId }, ...(defendantIds.length ? [{ personId: { in: defendantIds } }] : [])] })
      : [];
    const personIds = [...new Set(links.map((l) => l.personId))];
    const persons = new Map((await db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true, nameFa: true } })).map((p) => [p.id, p]));
    const evidence = withQuotes(shown, links, persons).map(({ links: items, ...rest }) => ({ ...rest, taggedForProceeding: items.some((l) => l.proceedingId === proceedingId) }));
    return { proceeding: { id: proceeding.id, title: proceeding.title, titleFa: proceeding.titleFa }, defendants, evidence, pages: { page, pages, perPage, statements: statementTotal } };
  });
}

// ---------------------------------------------------------------- an event's testimony

/** How many statements citing an event the event page shows at a time. */
export const EVENT_STATEMENTS_PER_PAGE = 20;
/** How many of the persons the testimony citing an event names the event page shows at a time. */
export const EVENT_PERSONS_PER_PAGE = 25;
/** How many of one statement's passages citing an event the event page shows under the statement. */
export const EVENT_QUOTES_PER_STATEMENT = 5;
/** How many of one statement's passages citing an event are shown at a time when the reader opens them all. */
export const EVENT_STATEMENT_QUOTES_PER_PAGE = 50;

/**
 * Of the links citing `eventId` in the shown statements, the ids of those to show, with each
 * statement's count of them: the first `first` of each statement in the order they were linked,
 * and for the statement `opened` (if given) the page `page` of its links, `perPage` at a time (a
 * page past the last gives the last). A statement can cite one event in hundreds of passages:
 * the bound is applied in the database, so only the links shown are read.
 */
async function eventQuoteWindow(eventId: string, shown: string[], o: { first: number; opened: string | null; page: number; perPage: number }) {
  if (!shown.length) return { ids: [] as string[], totals: new Map<string, number>() };
  const opened = o.opened && shown.includes(o.opened) ? o.opened : null;
  const keep = opened
    ? Prisma.sql`("statementId" <> ${opened} AND "rn" <= ${o.first}) OR ("statementId" = ${opened} AND ${onPageSql(Prisma.sql`"rn"`, Prisma.sql`"total"`, o.page, o.perPage)})`
    : Prisma.sql`"rn" <= ${o.first}`;
  const rows = await rawAll<{ id: string; statementId: string; rn: unknown; total: unknown }>(Prisma.sql`
    WITH "r" AS (
      SELECT l."id", l."statementId",
        ROW_NUMBER() OVER (PARTITION BY l."statementId" ORDER BY l."createdAt", l."id") AS "rn",
        COUNT(*) OVER (PARTITION BY l."statementId") AS "total"
      FROM "Link" l WHERE l."eventId" = ${eventId} AND l."statementId" IN (${Prisma.join(shown)}))
    SELECT "id", "statementId", "rn", "total" FROM "r" WHERE ${keep} ORDER BY "statementId", "rn"`);
  return { ids: rows.map((r) => r.id), totals: new Map(rows.map((r) => [r.statementId, rawInt(r.total)])), opened };
}

/**
 * For an event: the persons its testimony names, each with the allegation types and their
 * independent-witness counts, EVENT_PERSONS_PER_PAGE at a time (page `personPage`, the best
 * corroborated first, then by name), and the allegation types any of them is named for (the
 * table's columns, the same on every page); and the statements citing it with their quotes,
 * EVENT_STATEMENTS_PER_PAGE at a time (page `page`, in the order their first such link was
 * made). For either, a page past the last gives the last. Under each statement, its first
 * EVENT_QUOTES_PER_STATEMENT passages citing the event (`quoteCount` says how many there are in
 * all); for the statement `quotesOf`, if it is on the page, a page of its passages instead
 * (`quotesPage`, EVENT_STATEMENT_QUOTES_PER_PAGE at a time, described by `quotePages`). The same reading rule as the person
 * and proceeding pages: a legal team counts and sees only statements whose witness's consent
 * covers legal sharing (legalOnly). A prison's mass execution names hundreds of officials: the
 * ranking needs every person's counts (made per witness in the database), the page only its own.
 */
export async function getEventTestimony({
  actor,
  eventId,
  page: pageInput,
  personPage: personPageInput,
  quotesOf: quotesOfInput,
  quotesPage: quotesPageInput,
  perPage = EVENT_STATEMENTS_PER_PAGE,
  personsPerPage = EVENT_PERSONS_PER_PAGE,
  quotesPerStatement = EVENT_QUOTES_PER_STATEMENT,
  statementQuotesPerPage = EVENT_STATEMENT_QUOTES_PER_PAGE,
}: {
  actor: Actor | null;
  eventId: string;
  page?: unknown;
  personPage?: unknown;
  quotesOf?: unknown;
  quotesPage?: unknown;
  perPage?: number;
  personsPerPage?: number;
  quotesPerStatement?: number;
  statementQuotesPerPage?: number;
}) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const {
    page: asked,
    personPage: askedPersons,
    quotesOf,
    quotesPage: askedQuotes,
  } = parseInput(z.object({ page: ZPage, personPage: ZPage, quotesOf: z.string({ error: "invalid_value" }).trim().max(100, { error: "too_long:100" }).optional(), quotesPage: ZPage }), {
    page: pageInput,
    personPage: personPageInput,
    // A statement id; one not on the page of statements shown opens nothing.
    quotesOf: quotesOfInput === "" || quotesOfInput === null ? undefined : quotesOfInput,
    quotesPage: quotesPageInput,
  });
  return read(async (db) => {
    const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true, title: true, titleFa: true } });
    if (!event) throw new AppError("NOT_FOUND", "No such event.");
    const legal = legalOnly(actor);
    const [counted, statementRows] = await Promise.all([
      countedByPerson(Prisma.sql`l."eventId" = ${eventId}`, legal),
      citingStatementsPage(Prisma.sql`l."eventId" = ${eventId}`, legal, asked, perPage),
    ]);
    const { shown, total: statementTotal, page, pages } = statementRows;

    const canonical = await canonicalOfRows(counted);
    const personIds = [...new Set(counted.map((r) => r.personId))];
    const persons = new Map((await db.person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true, nameFa: true } })).map((p) => [p.id, p]));
    const named = [...groupBy(counted, (r) => r.personId).entries()]
      .map(([personId, rows]) => ({ person: persons.get(personId)!, ...personCounts(rows, canonical) }))
      // The best corroborated first, then by name.
      .sort((a, b) => weightOf(b.totals) - weightOf(a.totals) || a.person.name.localeCompare(b.person.name));
    const personRows = pageOfRows(named, askedPersons, personsPerPage);
    const allegationTypes = ALLEGATION_TYPES.filter((a) => counted.some((r) => r.allegationType === a));

    const window = await eventQuoteWindow(eventId, shown, { first: quotesPerStatement, opened: quotesOf ?? null, page: askedQuotes, perPage: statementQuotesPerPage });
    // loadLinks keeps the statement visibility rule; the window's order (linked, then id) is kept.
    const order = new Map(window.ids.map((id, i) => [id, i]));
    const links = window.ids.length ? (await loadLinks(db, actor, { id: { in: window.ids } })).sort((a, b) => order.get(a.id)! - order.get(b.id)!) : [];
    const testimony = withQuotes(shown, links, persons).map(({ statement, quotes }) => {
      const quoteCount = window.totals.get(statement.id) ?? quotes.length;
      if (statement.id !== window.opened) return { statement, quotes, quoteCount };
      const pagesOfQuotes = Math.max(1, Math.ceil(quoteCount / statementQuotesPerPage));
      return { statement, quotes, quoteCount, quotePages: { page: Math.min(askedQuotes, pagesOfQuotes), pages: pagesOfQuotes, perPage: statementQuotesPerPage, quotes: quoteCount } };
    });
    return {
      event: { id: event.id, title: event.title, titleFa: event.titleFa },
      persons: personRows.items,
      allegationTypes,
      personPages: { page: personRows.page, pages: personRows.pages, perPage: personsPerPage, persons: personRows.total },
      testimony,
      pages: { page, pages, perPage, statements: statementTotal },
    };
  });
}

// ---------------------------------------------------------------- the matrix and the timeline at scale
//
// An archive of 10,000 statements names ~500 persons in ~2,000 events: every person × every
// event is a million cells, which no reader can take in and no browser can load (the page was
// half a gigabyte). So the matrix shows the persons with the most corroborated allegations and,
// among them, the events with the most; the timeline the most-evidenced events and a count of
// all events per year. Both say how many there are in all, and take filters to narrow to the
// part the reader cares about. The bounds are here, not in the page, so the API and the page
// agree and no caller can ask for everything at once.

export const MATRIX_MAX_PERSONS = 30;
export const MATRIX_MAX_EVENTS = 20;
export const TIMELINE_MAX_EVENTS = 40;
export const TIMELINE_MAX_PERSONS = 30;

/**
 * How much a group of links weighs when ranking: verified witnesses first, then unverified
 * (summed over a person's or an event's cells, unverified ones can run into the thousands).
 */
const weightOf = (c: Counts) => c.verifiedWitnesses * 1_000_000 + c.unverifiedWitnesses;

// The matrix and the timeline count in the database. An archive of 100,000 statements has
// ~50,000 links the graph counts; reading them all into JavaScript to count them there cost
// most of a second a view (mostly handing the rows from SQLite's reader thread over), where
// the counts themselves are a few hundred rows. So the queries below give per cell, person or
// event the same counts counter() gives for a group of links: distinct canonical witnesses
// among ANCHORED links, those with a VERIFIED statement among them, and the links needing
// review. tests/integration/graph-aggregates.test.ts checks them against counting the links in
// JavaScript, for each role and filter.

/**
 * CTEs "reach" and "canon": each witness record with a sameAs record, and the canonical record
 * its chain ends at, as canonicalWitnessIds (count.ts) resolves it: the first record without a
 * sameAs (or one that is gone); for a chain that runs into a cycle (the data should never have
 * one), the smallest id in the cycle by the database's ordering (whichever one record stands for
 * the cycle, the counts are the same). Witnesses without a sameAs record are their own.
 */
const CANON_CTES = Prisma.sql`
  "reach" ("start", "cur") AS (
    SELECT "id", "sameAsId" FROM "Witness" WHERE "sameAsId" IS NOT NULL
    UNION
    SELECT r."start", w."sameAsId" FROM "reach" r JOIN "Witness" w ON w."id" = r."cur" WHERE w."sameAsId" IS NOT NULL),
  "canon" ("id", "canon") AS (
    SELECT r."start", COALESCE(MAX(CASE WHEN w."sameAsId" IS NULL THEN r."cur" END), MIN(CASE WHEN k."start" IS NOT NULL THEN r."cur" END))
    FROM "reach" r
    LEFT JOIN "Witness" w ON w."id" = r."cur"
    LEFT JOIN "reach" k ON k."start" = r."cur" AND k."cur" = r."cur"
    GROUP BY r."start")`;

/**
 * `WITH` the CTE "f": one row per link `actor` may see under `where` (conditions on the link,
 * alias l): its person "p", event "e", canonical witness "w", whether it is anchored "a" and its
 * statement verified "v" (1 or 0). Visibility is lib/links' visibleStatementWhere in SQL, as
 * for the person page (legalSharingSql). The Link columns read are all in the index on
 * (statementId, personId, eventId, allegationType, anchor): SQLite reads the table from that
 * index alone (migration link_graph_covering_index; a test checks the plan). MATERIALIZED: read
 * once for every grouping that follows, and by its own best plan (grouped by person, SQLite
 * would rather read the links through the person index, one table row at a time: seconds).
 * Further CTEs follow after a comma.
 */
export function graphFactsSql(actor: Actor, where: Prisma.Sql[] = []): Prisma.Sql {
  const consent = testimonySql(actor, Prisma.sql`s."witnessId"`);
  const conds = [...where, ...(consent ? [consent] : [])];
  return Prisma.sql`
  WITH RECURSIVE ${CANON_CTES},
  "f" AS MATERIALIZED (
    SELECT l."personId" AS "p", l."eventId" AS "e", COALESCE(k."canon", s."witnessId") AS "w",
      CASE WHEN l."anchor" = 'ANCHORED' THEN 1 ELSE 0 END AS "a", CASE WHEN s."status" = 'VERIFIED' THEN 1 ELSE 0 END AS "v"
    FROM "Link" l
    JOIN "Statement" s ON s."id" = l."statementId"
    LEFT JOIN "canon" k ON k."id" = s."witnessId"
    ${conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty})`;
}

/**
 * The counts of the "f" rows (those `where` keeps) grouped by `by`, one row per group: its
 * columns, "verified" and all "witnesses" (distinct canonical witnesses, anchored links only),
 * and "needsReview" (links). SQLite counts distinct witnesses with COUNT(DISTINCT) in one sort;
 * PostgreSQL sorts for each COUNT(DISTINCT), past its working memory on the benchmark's archive,
 * so there each group's witnesses are hashed first and then summed (500 -> 310 ms for the
 * graph page's query; the same two steps cost SQLite half as much again as its own way).
 */
function groupCounts(by: Prisma.Sql, where: Prisma.Sql = Prisma.empty): Prisma.Sql {
  if (dbProvider() === "sqlite") {
    return Prisma.sql`SELECT ${by}, COUNT(DISTINCT CASE WHEN "a" = 1 AND "v" = 1 THEN "w" END) AS "verified", COUNT(DISTINCT CASE WHEN "a" = 1 THEN "w" END) AS "witnesses", SUM(1 - "a") AS "needsReview" FROM "f" ${where} GROUP BY ${by}`;
  }
  return Prisma.sql`SELECT ${by}, SUM("vv") AS "verified", SUM("aa") AS "witnesses", SUM("nr") AS "needsReview"
    FROM (SELECT ${by}, "w", MAX("a" * "v") AS "vv", MAX("a") AS "aa", SUM(1 - "a") AS "nr" FROM "f" ${where} GROUP BY ${by}, "w") "byWitness"
    GROUP BY ${by}`;
}
/** weightOf those counts, for a row of them. */
const WEIGHT_SQL = Prisma.sql`("verified" * 1000000 + "witnesses" - "verified")`;

type CountsRow = { verified: unknown; witnesses: unknown; needsReview: unknown };
function countsOf(r: CountsRow): Counts {
  const verified = rawInt(r.verified);
  return { verifiedWitnesses: verified, unverifiedWitnesses: rawInt(r.witnesses) - verified, needsReview: rawInt(r.needsReview ?? 0) };
}

/** SQL true when `column` is one of `ids`: one parameter however many there are (a name can find thousands of persons). */
function inIds(column: Prisma.Sql, ids: Iterable<string>): Prisma.Sql {
  const list = [...ids];
  return dbProvider() === "sqlite"
    ? Prisma.sql`${column} IN (SELECT "value" FROM json_each(${JSON.stringify(list)}))`
    : Prisma.sql`${column} = ANY(${list}::text[])`;
}

/**
 * The answers of the graph's counting queries while nothing is committed: the graph page is
 * viewed far more often than links, statements, witnesses or consents change, and each count
 * reads every link the reader may see. An answer is kept with the database's version it was read
 * at (dataVersion, read before the query, so an answer is never older than its version) and used
 * again only at that same version; any commit, to any table, means a fresh read. The query text
 * and its parameters are the key, so a legal team's reads (their own condition) are never
 * another role's. The rows are shared between callers: they are only read, never changed.
 */
const graphReads = new Map<string, { version: string; rows: unknown[] }>();
const GRAPH_READS_KEPT = 50;
async function graphRead<T>(sql: Prisma.Sql): Promise<T[]> {
  const version = await dataVersion();
  const key = JSON.stringify([sql.sql, sql.values]);
  const kept = graphReads.get(key);
  graphReads.delete(key); // most recently used last
  if (kept && kept.version === version) {
    graphReads.set(key, kept);
    return kept.rows as T[];
  }
  const rows = await rawAll<T>(sql, { offThread: true });
  if (graphReads.size >= GRAPH_READS_KEPT) graphReads.delete(graphReads.keys().next().value!);
  graphReads.set(key, { version, rows });
  return rows;
}

type EventRow = EventRef;
const EVENT_COLUMNS = Prisma.sql`"id", "title", "titleFa", "dateStart", "dateEnd", "precision", "earliest", "latest"`;
function loadEvents(ids: string[]): Promise<EventRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return rawAll<EventRow>(Prisma.sql`SELECT ${EVENT_COLUMNS} FROM "Event" WHERE ${inIds(Prisma.sql`"id"`, ids)}`);
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const zFilterText = z.preprocess(blankToUndefined, z.string().trim().max(200, { error: "too_long:200" }).optional());

/** The persons a name finds, in any spelling or script (lib/names), as the person registry's search finds them. */
async function personsNamed(text: string): Promise<Set<string>> {
  return new Set(rankByName(await loadPersonNames(), text).map((p) => p.id));
}

/** The numbers written in a text (Persian and Arabic digits folded to ASCII by sameName). */
const numbersIn = (folded: string) => folded.match(/\d+/g) ?? [];

/**
 * The events whose title, English or Persian, answers the text a researcher typed: the text
 * is in the title (case, accents, Arabic letter forms and ZWNJ folded: sameName), or the title
 * matches it as lib/names matches a person's names (either script, words in any order, the
 * title's other words left out: "Khavaran burials", «خاوران», "Gohar Dasht"), but a word typed
 * in part matches only in the title's own script, as in the events' search ("Mehr" is not
 * «محرمانه»). The name matcher does not read numbers, so a number typed must be one of the
 * title's own ("event 12" is not "event 112").
 */
function eventsMatching(events: EventRow[], text: string): Set<string> {
  const needle = sameName(text);
  const found = new Set<string>();
  const rest: EventRow[] = [];
  for (const e of events) {
    if (sameName(e.title).includes(needle) || sameName(e.titleFa).includes(needle)) found.add(e.id);
    else rest.push(e);
  }
  const numbers = numbersIn(needle);
  const candidates = numbers.length
    ? rest.filter((e) => {
        const own = new Set([...numbersIn(sameName(e.title)), ...numbersIn(sameName(e.titleFa))]);
        return numbers.every((n) => own.has(n));
      })
    : rest;
  // Scoring is the filter's cost (on 2,000 look-alike titles, 20-270 ms a text). A title's
  // verdict for a text never changes, so it is kept: the same filter again (the next page, a
  // cell opened, the timeline) only looks it up, and a retitled event is a new title, scored.
  const known = verdictsFor(text);
  const key = (e: EventRow) => `${e.title}\u0000${e.titleFa}`;
  const unknown = candidates.filter((e) => !known.has(key(e)));
  if (unknown.length) {
    const matched = new Set(matchNames(text, unknown.map((e) => ({ id: e.id, names: [e.title, e.titleFa].filter((t) => t.trim() !== "") })), { prefix: "same-script" }).map((m) => m.id));
    if (known.size + unknown.length > VERDICTS_PER_TEXT) known.clear();
    for (const e of unknown) known.set(key(e), matched.has(e.id));
  }
  for (const e of candidates) if (known.get(key(e))) found.add(e.id);
  return found;
}

/** Whether a title (English and Persian) matched a filter text, for the most recent texts. */
const verdicts = new Map<string, Map<string, boolean>>();
const VERDICT_TEXTS = 100;
const VERDICTS_PER_TEXT = 20_000;
function verdictsFor(text: string): Map<string, boolean> {
  let known = verdicts.get(text);
  if (known) {
    verdicts.delete(text); // most recently used last
  } else {
    if (verdicts.size >= VERDICT_TEXTS) verdicts.delete(verdicts.keys().next().value!);
    known = new Map();
  }
  verdicts.set(text, known);
  return known;
}

// A parameter the matrix does not take (?eventId=: its event filter is `event`, text) is refused, not ignored.
export const ZMatrixQuery = zQuery({
  allegationType: z.preprocess((v) => (v === "" ? undefined : v), z.enum(ALLEGATION_TYPES, { error: "invalid_choice" }).optional()),
  /** Only persons found by this name (any spelling, Latin or Persian: lib/names). */
  person: zFilterText,
  /** Only events whose title (English or Persian) contains this, or matches it in another spelling or script, words left out (lib/names). */
  event: zFilterText,
});

export type MatrixCell = Counts & { personId: string; eventId: string | null };

/**
 * Persons × events: each cell counts the independent witnesses linking that person to that
 * event (eventId null: links naming no event). At most MATRIX_MAX_PERSONS persons, those with
 * the most corroborated allegations (verified witnesses first, summed over their cells), and at
 * most MATRIX_MAX_EVENTS events, those with the most among the persons shown; `totals` says how
 * many persons and events have links under the filters, shown or not, and each person's
 * `totals` their independent witnesses over all their links under the filters.
 */
export async function getCorroborationMatrix({ actor, query }: { actor: Actor | null; query?: unknown }) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const q = parseInput(ZMatrixQuery, query ?? {});
  const where = await matrixWhere(actor, q);
  return matrixOf(actor, q, where, await graphSummary(actor, where, { matrix: true, timeline: null }));
}

/** The matrix's filters as conditions on the reader's links (alias l). */
async function matrixWhere(actor: Actor, q: z.infer<typeof ZMatrixQuery>, named?: Promise<Set<string>>): Promise<Prisma.Sql[]> {
  const where: Prisma.Sql[] = [];
  if (q.allegationType) where.push(Prisma.sql`l."allegationType" = ${q.allegationType}`);
  if (q.person) where.push(inIds(Prisma.sql`l."personId"`, await (named ?? personsNamed(q.person))));
  if (q.event) {
    // Only the events these links name are worth scoring.
    const linked = await graphRead<EventRow>(Prisma.sql`${graphFactsSql(actor, where)}
      SELECT ${EVENT_COLUMNS} FROM "Event" WHERE "id" IN (SELECT "e" FROM "f")`);
    where.push(inIds(Prisma.sql`l."eventId"`, eventsMatching(linked, q.event)));
  }
  return where;
}

/** The period and the events under the timeline's filters, for graphSummary. */
type TimelinePart = { from: string; to: string; inFilter: Prisma.Sql };
type SummaryRow = CountsRow & { kind: "p" | "m" | "n" | "e" | "y"; id: string | null; day: string | null; weight: unknown; n: unknown };

/**
 * One reading of the links `actor` may see under `where`, counted for the matrix, the timeline,
 * or both (the graph page, when their filters agree): rows of `kind`
 *   "p": a person's counts over all their links (for the matrix only the persons it may show);
 *   "m": the matrix's heaviest persons by the sum of their cells' weights (`weight`), ranked
 *        here by weight alone with the ties at the bound kept, each row with how many persons in all (`n`);
 *   "n": how many events the links name (`n`);
 *   "e": the timeline's most evidenced dated events in its period (`weight`; ranked by weight
 *        and first possible day, ties kept), each with how many there are in the period (`n`);
 *   "y": the dated events under the timeline's filters, whatever the period, by first possible day (`day`, `n`).
 * Names, titles and ids are compared in JavaScript afterwards, as they always were.
 */
function graphSummary(actor: Actor, where: Prisma.Sql[], parts: { matrix: boolean; timeline: TimelinePart | null }): Promise<SummaryRow[]> {
  const t = parts.timeline;
  const ctes: Prisma.Sql[] = [];
  const selects: Prisma.Sql[] = [];
  if (parts.matrix) {
    ctes.push(Prisma.sql`"c" AS (${groupCounts(Prisma.sql`"p", "e"`)})`);
    ctes.push(Prisma.sql`"pw" AS (SELECT "p", SUM(${WEIGHT_SQL}) AS "weight", RANK() OVER (ORDER BY SUM(${WEIGHT_SQL}) DESC) AS "rk", COUNT(*) OVER () AS "persons" FROM "c" GROUP BY "p")`);
  }
  // The timeline ranks every person it may show; the matrix alone needs the counts of those it may show.
  const onlyRanked = t ? Prisma.empty : Prisma.sql`WHERE "p" IN (SELECT "p" FROM "pw" WHERE "rk" <= ${MATRIX_MAX_PERSONS})`;
  ctes.push(Prisma.sql`"pc" AS (${groupCounts(Prisma.sql`"p"`, onlyRanked)})`);
  selects.push(Prisma.sql`SELECT 'p' AS "kind", "p" AS "id", NULL AS "day", NULL AS "weight", NULL AS "n", "verified", "witnesses", "needsReview" FROM "pc"`);
  if (parts.matrix) {
    selects.push(Prisma.sql`SELECT 'm', "p", NULL, "weight", "persons", NULL, NULL, NULL FROM "pw" WHERE "rk" <= ${MATRIX_MAX_PERSONS}`);
  }
  if (t) {
    ctes.push(Prisma.sql`"ew" AS (SELECT "e", ${WEIGHT_SQL} AS "weight" FROM (${groupCounts(Prisma.sql`"e"`, Prisma.sql`WHERE "e" IS NOT NULL`)}) "ec")`);
    ctes.push(Prisma.sql`"de" AS (
      SELECT ev."id", ev."earliest", ev."latest", COALESCE(ew."weight", 0) AS "weight"
      FROM "Event" ev LEFT JOIN "ew" ON ew."e" = ev."id"
      WHERE ev."earliest" IS NOT NULL ${t.inFilter})`);
    ctes.push(Prisma.sql`"ke" AS (
      SELECT "id", "earliest", "weight", RANK() OVER (ORDER BY "weight" DESC, "earliest") AS "rk", COUNT(*) OVER () AS "total"
      FROM "de" WHERE "earliest" <= ${t.to} AND COALESCE("latest", "earliest") >= ${t.from})`);
    selects.push(Prisma.sql`SELECT 'e', "id", "earliest", "weight", "total", NULL, NULL, NULL FROM "ke" WHERE "rk" <= ${TIMELINE_MAX_EVENTS}`);
    selects.push(Prisma.sql`SELECT 'y', NULL, "earliest", NULL, COUNT(*), NULL, NULL, NULL FROM "de" GROUP BY "earliest"`);
  }
  // How many events the links name: the timeline has grouped them already.
  if (parts.matrix) selects.push(t ? Prisma.sql`SELECT 'n', NULL, NULL, NULL, COUNT(*), NULL, NULL, NULL FROM "ew"` : Prisma.sql`SELECT 'n', NULL, NULL, NULL, COUNT(DISTINCT "e"), NULL, NULL, NULL FROM "f"`);
  return graphRead<SummaryRow>(Prisma.sql`${graphFactsSql(actor, where)}, ${Prisma.join(ctes, ",\n")}\n${Prisma.join(selects, "\nUNION ALL\n")}`);
}

async function matrixOf(actor: Actor, q: z.infer<typeof ZMatrixQuery>, where: Prisma.Sql[], summary: SummaryRow[]) {
  // Persons: heaviest first (the sum of their cells' weights), then by name. Each person's totals
  // count their independent witnesses over all their links under the filters, in events shown
  // or not: a row says what it stands for even when its events are not among the columns.
  const ranked = summary.filter((r) => r.kind === "m");
  const totals = new Map(summary.filter((r) => r.kind === "p").map((r) => [r.id!, countsOf(r)]));
  const names = ranked.length ? await rawAll<{ id: string; name: string; nameFa: string }>(Prisma.sql`SELECT "id", "name", "nameFa" FROM "Person" WHERE ${inIds(Prisma.sql`"id"`, ranked.map((r) => r.id!))}`) : [];
  const personRank = new Map(ranked.map((r) => [r.id!, rawInt(r.weight)]));
  const persons = names
    .sort((a, b) => personRank.get(b.id)! - personRank.get(a.id)! || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
    .slice(0, MATRIX_MAX_PERSONS)
    .map((p) => ({ ...p, totals: totals.get(p.id)! }));

  // Events: the heaviest among the persons shown (ties at the bound kept, then by date here),
  // shown by date; and the cells of those persons in those events or in none.
  type CellRow = CountsRow & { p: string; e: string | null; eventWeight: unknown };
  const cellRows = persons.length
    ? await graphRead<CellRow>(
        Prisma.sql`${graphFactsSql(actor, [...where, inIds(Prisma.sql`l."personId"`, persons.map((p) => p.id))])},
          "c" AS (${groupCounts(Prisma.sql`"p", "e"`)}),
          "er" AS (
            SELECT c."e", SUM(${WEIGHT_SQL}) AS "weight",
              RANK() OVER (ORDER BY SUM(${WEIGHT_SQL}) DESC, CASE WHEN MIN(ev."earliest") IS NULL THEN 1 ELSE 0 END, MIN(ev."earliest")) AS "rk"
            FROM "c" JOIN "Event" ev ON ev."id" = c."e"
            GROUP BY c."e")
          SELECT c."p", c."e", c."verified", c."witnesses", c."needsReview", er."weight" AS "eventWeight"
          FROM "c" LEFT JOIN "er" ON er."e" = c."e"
          WHERE c."e" IS NULL OR er."rk" <= ${MATRIX_MAX_EVENTS}`,
      )
    : [];
  const eventWeight = new Map(cellRows.flatMap((r) => (r.e === null ? [] : [[r.e, rawInt(r.eventWeight)] as const])));
  const events = (await loadEvents([...eventWeight.keys()]))
    .sort((a, b) => eventWeight.get(b.id)! - eventWeight.get(a.id)! || byDate(a, b))
    .slice(0, MATRIX_MAX_EVENTS)
    .sort(byDate);
  const shownEvents = new Set(events.map((e) => e.id));

  // In the order they are drawn: by person, then by event (none last).
  const personAt = new Map(persons.map((p, i) => [p.id, i]));
  const eventAt = (id: string | null) => (id === null ? events.length : events.findIndex((e) => e.id === id));
  const cells: MatrixCell[] = cellRows
    .filter((r) => r.e === null || shownEvents.has(r.e))
    .map((r) => ({ personId: r.p, eventId: r.e, ...countsOf(r) }))
    .sort((a, b) => personAt.get(a.personId)! - personAt.get(b.personId)! || eventAt(a.eventId) - eventAt(b.eventId));
  return {
    allegationType: (q.allegationType ?? null) as AllegationType | null,
    person: q.person ?? null,
    event: q.event ?? null,
    persons,
    events,
    hasNoEvent: cells.some((c) => c.eventId === null),
    cells,
    totals: { persons: rawInt(ranked[0]?.n ?? 0), events: rawInt(summary.find((r) => r.kind === "n")?.n ?? 0) },
    limits: { persons: MATRIX_MAX_PERSONS, events: MATRIX_MAX_EVENTS },
    maxVerified: Math.max(0, ...cells.map((c) => c.verifiedWitnesses)),
    maxWitnesses: Math.max(0, ...cells.map((c) => c.verifiedWitnesses + c.unverifiedWitnesses)),
  };
}

// ---------------------------------------------------------------- the timeline

const zFilterId = z.preprocess(blankToUndefined, z.string().trim().max(100, { error: "too_long:100" }).optional());

export const ZTimelineQuery = zQuery({
  /** Only events and positions that may fall on or after the first day this date allows: a day, a month, a season or a year, Gregorian or Solar Hijri (lib/dates). */
  from: zFuzzyDate,
  /** … and on or before the last day this one allows. */
  to: zFuzzyDate,
  /** The calendar whose years `years` counts events by. */
  calendar: z.preprocess(blankToUndefined, z.enum(CALENDARS, { error: "invalid_choice" }).default("gregorian")),
  /** Only the events linked to the persons found by this name (any spelling: lib/names), and their positions. */
  person: zFilterText,
  /** Only the events linked by allegations of this type, and the persons they name. */
  allegationType: z.preprocess(blankToUndefined, z.enum(ALLEGATION_TYPES, { error: "invalid_choice" }).optional()),
  /** Only the events at this place (by id; the registry's events there, and those of links naming it). */
  place: zFilterId,
  /** Only the events of the links citing this proceeding (by id), and the persons they name. */
  proceeding: zFilterId,
});

/**
 * Events on a time axis by the date range they allow, and the positions persons held by
 * theirs, within [from, to] if given. At most TIMELINE_MAX_EVENTS events, the most evidenced
 * (independent witnesses in links the reader may see, verified first), and at most
 * TIMELINE_MAX_PERSONS persons with a dated position, those with the most corroborated
 * allegations first (`linked`: has allegations visible to the reader). `totals` counts all of
 * them in the period; `years` counts every dated event by the calendar year it may begin in,
 * whatever the period, for an overview of the whole archive. With `person`, all of this is
 * about the persons that name finds: the events linked to them in statements the reader may
 * see (ranked by those links alone), their positions, and their events per year.
 * `allegationType` and `proceeding` narrow in the same way to the links of that type or citing
 * that proceeding, and the persons they name; `place` to the events at that place (the
 * registry's, and those of the links naming the place) and the persons the reader's links
 * there name. Every filter that goes through links reads only the links the reader may see,
 * so an event or a person appears under it only as the reader's own links show them.
 */
export async function getTimeline({ actor, query }: { actor: Actor | null; query?: unknown }) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const q = parseInput(ZTimelineQuery, query ?? {});
  const chosen = await timelineChoices(q);
  const found = q.person ? await personsNamed(q.person) : null;
  const scope = timelineScope(q, found);
  return timelineOf(q, chosen, found, await graphSummary(actor, scope.where, { matrix: false, timeline: scope.part }));
}

type TimelineQuery = z.infer<typeof ZTimelineQuery>;
type TimelineChoices = { place: { id: string; name: string; nameFa: string } | null; proceeding: { id: string; title: string; titleFa: string } | null };

/** The place and proceeding chosen by id, and a period that ends before it starts: refused as field errors. */
async function timelineChoices(q: TimelineQuery): Promise<TimelineChoices> {
  const [place, proceeding] = await Promise.all([
    q.place ? rawAll<{ id: string; name: string; nameFa: string }>(Prisma.sql`SELECT "id", "name", "nameFa" FROM "Place" WHERE "id" = ${q.place}`).then((r) => r[0] ?? null) : null,
    q.proceeding ? rawAll<{ id: string; title: string; titleFa: string }>(Prisma.sql`SELECT "id", "title", "titleFa" FROM "Proceeding" WHERE "id" = ${q.proceeding}`).then((r) => r[0] ?? null) : null,
  ]);
  const fields: Record<string, string[]> = {};
  if (q.place && !place) fields.place = ["not_found"];
  if (q.proceeding && !proceeding) fields.proceeding = ["not_found"];
  if (q.from && q.to && q.from.earliest > q.to.latest) fields.to = ["date_range_reversed"];
  if (Object.keys(fields).length) throw new AppError("INVALID_INPUT", "The request has invalid fields.", fields);
  return { place, proceeding };
}

/** The timeline's filters as conditions on the reader's links (alias l), and its period and events for graphSummary. */
function timelineScope(q: TimelineQuery, found: Set<string> | null) {
  // Every filter narrows the reader's links; a place or a proceeding through their indexes.
  const where = [
    ...(q.proceeding ? [Prisma.sql`l."proceedingId" = ${q.proceeding}`] : []),
    ...(q.place ? [Prisma.sql`(l."placeId" = ${q.place} OR l."eventId" IN (SELECT ep."eventId" FROM "EventPlace" ep WHERE ep."placeId" = ${q.place}))`] : []),
    ...(found ? [inIds(Prisma.sql`l."personId"`, found)] : []),
    ...(q.allegationType ? [Prisma.sql`l."allegationType" = ${q.allegationType}`] : []),
  ];
  // Filters that go through links: the events are those of the links left.
  const byLinks = !!(found || q.allegationType || q.proceeding);
  const narrowed = byLinks || !!q.place;
  // The events under the filters: of the links left; at a place also the registry's events there, linked or not.
  const inFilter = !narrowed
    ? Prisma.empty
    : q.place && !byLinks
      ? Prisma.sql`AND (ew."e" IS NOT NULL OR ev."id" IN (SELECT ep."eventId" FROM "EventPlace" ep WHERE ep."placeId" = ${q.place}))`
      : Prisma.sql`AND ew."e" IS NOT NULL`;
  const part: TimelinePart = { from: q.from?.earliest ?? "0000-00-00", to: q.to?.latest ?? "9999-99-99", inFilter };
  return { where, part, narrowed };
}

async function timelineOf(q: TimelineQuery, chosen: TimelineChoices, found: Set<string> | null, summary: SummaryRow[]) {
  const fromDay = q.from?.earliest;
  const toDay = q.to?.latest;
  const { part, narrowed } = timelineScope(q, found);
  const { from, to } = part;
  const positioned = await rawAll<{ personId: string; first: string }>(Prisma.sql`
      SELECT "personId", MIN("fromEarliest") AS "first" FROM "Position"
      WHERE "fromEarliest" IS NOT NULL AND "fromEarliest" <= ${to} AND COALESCE("toLatest", '9999-99-99') >= ${from}
      GROUP BY "personId"`);
  const ranked = summary.filter((r) => r.kind === "e").map((r) => ({ id: r.id!, earliest: r.day!, weight: rawInt(r.weight) }));
  const days = summary.filter((r) => r.kind === "y");
  // Each person's weight over the links left (whether they are linked, and how they rank).
  const personWeight = new Map(summary.filter((r) => r.kind === "p").map((r) => [r.id!, weightOf(countsOf(r))]));
  // The persons under the filters: those a name finds, or those the links left name.
  const personsIn = narrowed ? (found && !q.allegationType && !q.proceeding && !q.place ? found : new Set(personWeight.keys())) : null;
  const inPeriod = personsIn ? positioned.filter((p) => personsIn.has(p.personId)) : positioned;

  const keptEventIds = ranked
    .sort((a, b) => b.weight - a.weight || (a.earliest < b.earliest ? -1 : a.earliest > b.earliest ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, TIMELINE_MAX_EVENTS)
    .map((e) => e.id);
  const events = (await loadEvents(keptEventIds)).sort(byDate);

  const keptPersonIds = inPeriod
    .sort((a, b) => (personWeight.get(b.personId) ?? 0) - (personWeight.get(a.personId) ?? 0) || (a.first < b.first ? -1 : a.first > b.first ? 1 : a.personId < b.personId ? -1 : 1))
    .slice(0, TIMELINE_MAX_PERSONS)
    .map((p) => p.personId);
  const persons = keptPersonIds.length
    ? await read((db) =>
        db.person.findMany({
          where: { id: { in: keptPersonIds } },
          select: {
            id: true,
            name: true,
            nameFa: true,
            positions: {
              where: { fromEarliest: { not: null } },
              select: { id: true, title: true, titleFa: true, institution: true, fromDate: true, toDate: true, fromEarliest: true, toLatest: true, precision: true },
              orderBy: { fromEarliest: "asc" },
            },
          },
        }),
      )
    : [];
  const out = persons
    .map((p) => ({ ...p, linked: personWeight.has(p.id) }))
    .sort((a, b) => Number(b.linked) - Number(a.linked) || (a.positions[0]!.fromEarliest! < b.positions[0]!.fromEarliest! ? -1 : 1) || a.name.localeCompare(b.name));

  // Every dated event by the year of the reader's calendar it may begin in.
  const years = new Map<number, number>();
  for (const d of days) {
    const y = inCalendar(d.day!, q.calendar).year;
    years.set(y, (years.get(y) ?? 0) + rawInt(d.n));
  }

  const dates = [
    ...events.flatMap((e) => [e.earliest, e.latest]),
    ...out.flatMap((p) => p.positions.flatMap((x) => [x.fromEarliest, x.toLatest])),
  ].filter((x): x is string => !!x);
  dates.sort();
  return {
    events,
    persons: out,
    range: dates.length ? { from: dates[0]!, to: dates[dates.length - 1]! } : null,
    period: fromDay || toDay ? { from: fromDay ?? null, to: toDay ?? null } : null,
    totals: { events: rawInt(summary.find((r) => r.kind === "e")?.n ?? 0), persons: inPeriod.length },
    limits: { events: TIMELINE_MAX_EVENTS, persons: TIMELINE_MAX_PERSONS },
    calendar: q.calendar,
    person: q.person ?? null,
    allegationType: (q.allegationType ?? null) as AllegationType | null,
    place: chosen.place,
    proceeding: chosen.proceeding,
    years: [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, events]) => ({ year, events })),
  };
}

/**
 * getCorroborationMatrix and getTimeline together, for the graph page: the same answers. The
 * page gives both the same person and allegation type; without an event filter for the matrix
 * or a place or proceeding for the timeline, they count the same links, read once for both.
 */
export async function getGraph({ actor, matrix, timeline }: { actor: Actor | null; matrix?: unknown; timeline?: unknown }) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  const mq = parseInput(ZMatrixQuery, matrix ?? {});
  const tq = parseInput(ZTimelineQuery, timeline ?? {});
  const chosen = await timelineChoices(tq);
  // The same name given to both is looked up once.
  const named = mq.person && mq.person === tq.person ? personsNamed(mq.person) : undefined;
  const [mWhere, found] = await Promise.all([matrixWhere(actor, mq, named), tq.person ? (named ?? personsNamed(tq.person)) : null]);
  const scope = timelineScope(tq, found);
  if (!mq.event && !tq.place && !tq.proceeding && mq.person === tq.person && mq.allegationType === tq.allegationType) {
    const summary = await graphSummary(actor, mWhere, { matrix: true, timeline: scope.part });
    const [m, t] = await Promise.all([matrixOf(actor, mq, mWhere, summary), timelineOf(tq, chosen, found, summary)]);
    return { matrix: m, timeline: t };
  }
  const [m, t] = await Promise.all([
    graphSummary(actor, mWhere, { matrix: true, timeline: null }).then((summary) => matrixOf(actor, mq, mWhere, summary)),
    graphSummary(actor, scope.where, { matrix: false, timeline: scope.part }).then((summary) => timelineOf(tq, chosen, found, summary)),
  ]);
  return { matrix: m, timeline: t };
}
