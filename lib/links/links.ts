import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { sha256Hex } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { Prisma } from "@/generated/sqlite/client";
import { dbProvider, rawAll, type Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError, type FieldErrors } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { andTestimonySql, testimonyWitnessWhere } from "@/lib/witnesses/witnesses";
import { dateText, rawDate, rawInt } from "@/lib/db/raw-values";
import { sortForReader } from "@/lib/names";
import { offsetProblems } from "./anchor";
import { ZCreateLink, ZStatementLinksQuery, ZUpdateLink, type LinkOut, type LinkPassageRow } from "./schemas";

// Links: a passage of a statement revision, by UTF-16 offsets, citing what the witness says
// about a person, with the allegation, the role and optionally the event, place and
// proceeding. Made on the current revision only; moved to each new revision by reanchor.ts.

export const LINK_INCLUDE = {
  person: { select: { id: true, name: true, nameFa: true } },
  event: { select: { id: true, title: true, titleFa: true } },
  place: { select: { id: true, name: true, nameFa: true } },
  proceeding: { select: { id: true, title: true, titleFa: true } },
} as const;

type LinkRow = LinkPassageRow & {
  note: string;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  person: { id: string; name: string; nameFa: string };
  event: { id: string; title: string; titleFa: string } | null;
  place: { id: string; name: string; nameFa: string } | null;
  proceeding: { id: string; title: string; titleFa: string } | null;
};

export function linkOut(l: LinkRow): LinkOut {
  return {
    id: l.id,
    statementId: l.statementId,
    revisionNumber: l.revisionNumber,
    startOffset: l.startOffset,
    endOffset: l.endOffset,
    quote: l.quote,
    anchor: l.anchor as LinkOut["anchor"],
    role: l.role as LinkOut["role"],
    allegationType: l.allegationType as LinkOut["allegationType"],
    person: l.person,
    event: l.event,
    place: l.place,
    proceeding: l.proceeding,
    note: l.note,
    createdById: l.createdById,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/**
 * What the audit log keeps of a link: where it points and what it says, and the quote's hash
 * and length rather than the testimony's words (as for statements).
 */
export function linkAuditView(l: Omit<LinkPassageRow, "id"> & {
  personId: string;
  eventId: string | null;
  placeId: string | null;
  proceedingId: string | null;
  note: string;
}) {
  return {
    statementId: l.statementId,
    revision: l.revisionNumber,
    startOffset: l.startOffset,
    endOffset: l.endOffset,
    quoteHash: sha256Hex(l.quote),
    quoteLength: l.quote.length,
    anchor: l.anchor,
    personId: l.personId,
    role: l.role,
    allegationType: l.allegationType,
    eventId: l.eventId,
    placeId: l.placeId,
    proceedingId: l.proceedingId,
    noteLength: l.note.length,
  };
}

/** Unknown person, event, place or proceeding ids, as field errors. */
async function missingReferences(
  tx: Tx,
  refs: { personId?: string | null; eventId?: string | null; placeId?: string | null; proceedingId?: string | null },
): Promise<FieldErrors> {
  const out: FieldErrors = {};
  // One after another: a transaction has one connection.
  const person = refs.personId ? await tx.person.count({ where: { id: refs.personId } }) : 1;
  const event = refs.eventId ? await tx.event.count({ where: { id: refs.eventId } }) : 1;
  const place = refs.placeId ? await tx.place.count({ where: { id: refs.placeId } }) : 1;
  const proceeding = refs.proceedingId ? await tx.proceeding.count({ where: { id: refs.proceedingId } }) : 1;
  if (!person) out.personId = ["not_found"];
  if (!event) out.eventId = ["not_found"];
  if (!place) out.placeId = ["not_found"];
  if (!proceeding) out.proceedingId = ["not_found"];
  return out;
}

/**
 * Checks a passage against the statement's current revision: the revision exists (400) and
 * is the current one (409), the offsets lie inside its text (400), and the quote is exactly the
 * text at those offsets (409). `extra` field errors are reported together with the offsets'.
 */
async function checkPassage(
  tx: Tx,
  statement: { id: string; revisionNumber: number },
  p: { revisionNumber: number; startOffset: number; endOffset: number; quote: string },
  extra: FieldErrors = {},
) {
  const revision = await tx.statementRevision.findUnique({
    where: { statementId_number: { statementId: statement.id, number: p.revisionNumber } },
    select: { originalText: true },
  });
  if (!revision) throw new AppError("INVALID_INPUT", "The statement has no such revision.", { ...extra, revisionNumber: ["not_found"] });
  if (p.revisionNumber !== statement.revisionNumber) {
    throw new AppError("CONFLICT", `Links are made on the statement's current revision (now ${statement.revisionNumber}). Reload and select the passage again.`, {
      revisionNumber: ["link_old_revision"],
    });
  }
  const fields: FieldErrors = { ...extra };
  for (const [k, v] of Object.entries(offsetProblems(revision.originalText, p.startOffset, p.endOffset))) fields[k] = [v];
  if (Object.keys(fields).length) throw new AppError("INVALID_INPUT", "The request has invalid fields.", fields);
  if (revision.originalText.slice(p.startOffset, p.endOffset) !== p.quote) {
    throw new AppError("CONFLICT", "The quote does not match the text at these offsets.", { quote: ["quote_mismatch"] });
  }
}

/**
 * Holds the statement's row until this transaction ends, so that a new revision saved at the
 * same moment either sees this link (and re-anchors it) or is seen by it (and the passage is
 * refused as not on the current revision). PostgreSQL needs the row lock; on SQLite the
 * writes of a process are serialised (lib/db/write.ts) and SQLite has one writer at a time.
 */
async function lockStatement(tx: Tx, statementId: string) {
  if (dbProvider() === "postgresql") await tx.$queryRaw`SELECT id FROM "Statement" WHERE id = ${statementId} FOR UPDATE`;
}

/** What makes two links the same citation: the passage of one revision and every fact but the note. */
export type LinkIdentity = {
  statementId: string;
  revisionNumber: number;
  startOffset: number;
  endOffset: number;
  personId: string;
  role: string;
  allegationType: string;
  eventId: string | null;
  placeId: string | null;
  proceedingId: string | null;
};

const identityOf = (l: LinkIdentity): LinkIdentity => ({
  statementId: l.statementId,
  revisionNumber: l.revisionNumber,
  startOffset: l.startOffset,
  endOffset: l.endOffset,
  personId: l.personId,
  role: l.role,
  allegationType: l.allegationType,
  eventId: l.eventId,
  placeId: l.placeId,
  proceedingId: l.proceedingId,
});

export const sameIdentity = (a: LinkIdentity, b: LinkIdentity) => JSON.stringify(identityOf(a)) === JSON.stringify(identityOf(b));

/**
 * Refuses a link that says what another link of the statement already says: the statement's
 * list would show it twice and the person's page would count one witness's quote twice. Called
 * under lockStatement, so two identical requests at once are answered one after the other and
 * the second sees the first's link (on SQLite the writes run one at a time anyway).
 */
async function refuseDuplicate(tx: Tx, link: LinkIdentity, exceptId?: string) {
  const same = await tx.link.findFirst({ where: { ...identityOf(link), ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (same) {
    throw new AppError("CONFLICT", "This passage is already linked to this person with the same role, allegation, event, place and proceeding.", {
      quote: ["link_duplicate"],
    });
  }
}

export async function createLink({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "link.create");
  const data = parseInput(ZCreateLink, input);
  return write(async (tx) => {
    await lockStatement(tx, data.statementId);
    const statement = await tx.statement.findFirst({ where: { id: data.statementId, ...visibleStatementWhere(actor) }, select: { id: true, revisionNumber: true } });
    if (!statement) throw new AppError("NOT_FOUND", "No such statement.");
    await checkPassage(tx, statement, data, await missingReferences(tx, data));
    await refuseDuplicate(tx, {
      ...data,
      statementId: statement.id,
      eventId: data.eventId ?? null,
      placeId: data.placeId ?? null,
      proceedingId: data.proceedingId ?? null,
    });
    const link = await tx.link.create({
      data: {
        statementId: statement.id,
        revisionNumber: data.revisionNumber,
        startOffset: data.startOffset,
        endOffset: data.endOffset,
        quote: data.quote,
        personId: data.personId,
        role: data.role,
        allegationType: data.allegationType,
        eventId: data.eventId ?? null,
        placeId: data.placeId ?? null,
        proceedingId: data.proceedingId ?? null,
        note: data.note,
        anchor: "ANCHORED",
        createdById: actor.id,
      },
      include: LINK_INCLUDE,
    });
    await writeAudit(tx, { actor, action: "link.create", recordType: "Link", recordId: link.id, after: linkAuditView(link) });
    return linkOut(link);
  });
}

/**
 * Changes a link's facts, or points it at a passage of the current revision (how a
 * NEEDS_REVIEW link is fixed: it becomes ANCHORED on that revision).
 */
export async function updateLink({ actor, linkId, input }: { actor: Actor | null; linkId: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const data = parseInput(ZUpdateLink, input);
  return write(async (tx) => {
    // A link on testimony the editor may not read (a withdrawn consent) does not exist for them.
    const found = await tx.link.findFirst({ where: { id: linkId, statement: visibleStatementWhere(actor) }, select: { statementId: true } });
    if (!found) throw new AppError("NOT_FOUND", "No such link.");
    await lockStatement(tx, found.statementId);
    // Read again under the lock: a revision saved meanwhile may have re-anchored the link.
    const before = await tx.link.findUniqueOrThrow({ where: { id: linkId }, include: { statement: { select: { id: true, authorId: true, revisionNumber: true } } } });
    authorize(actor, "link.edit", { creatorId: before.createdById, authorId: before.statement.authorId });
    const missing = await missingReferences(tx, data);
    const passage =
      data.revisionNumber !== undefined && data.startOffset !== undefined && data.endOffset !== undefined && data.quote !== undefined
        ? { revisionNumber: data.revisionNumber, startOffset: data.startOffset, endOffset: data.endOffset, quote: data.quote }
        : null;
    if (passage) await checkPassage(tx, before.statement, passage, missing);
    else if (Object.keys(missing).length) throw new AppError("INVALID_INPUT", "The request has invalid fields.", missing);
    // Changed into a copy of another link. A note alone changes nothing here, so a copy made
    // before this rule can still be edited (and deleted).
    const next: LinkIdentity = {
      ...before,
      ...(passage ?? {}),
      personId: data.personId ?? before.personId,
      role: data.role ?? before.role,
      allegationType: data.allegationType ?? before.allegationType,
      eventId: data.eventId === undefined ? before.eventId : data.eventId,
      placeId: data.placeId === undefined ? before.placeId : data.placeId,
      proceedingId: data.proceedingId === undefined ? before.proceedingId : data.proceedingId,
    };
    if (!sameIdentity(next, before)) await refuseDuplicate(tx, next, linkId);
    const after = await tx.link.update({
      where: { id: linkId },
      data: {
        role: data.role,
        allegationType: data.allegationType,
        personId: data.personId,
        eventId: data.eventId,
        placeId: data.placeId,
        proceedingId: data.proceedingId,
        note: data.note,
        ...(passage ? { ...passage, anchor: "ANCHORED" } : {}),
      },
      include: LINK_INCLUDE,
    });
    await writeAudit(tx, {
      actor,
      action: passage ? "link.repoint" : "link.update",
      recordType: "Link",
      recordId: linkId,
      before: linkAuditView(before),
      after: linkAuditView(after),
    });
    return linkOut(after);
  });
}

export async function deleteLink({ actor, linkId }: { actor: Actor | null; linkId: string }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return write(async (tx) => {
    const before = await tx.link.findFirst({ where: { id: linkId, statement: visibleStatementWhere(actor) }, include: { statement: { select: { authorId: true } } } });
    if (!before) throw new AppError("NOT_FOUND", "No such link.");
    authorize(actor, "link.edit", { creatorId: before.createdById, authorId: before.statement.authorId });
    await tx.link.delete({ where: { id: linkId } });
    await writeAudit(tx, { actor, action: "link.delete", recordType: "Link", recordId: linkId, before: linkAuditView(before) });
    return { id: linkId, deleted: true as const };
  });
}

// ---------------------------------------------------------------- reading

/** Statements whose testimony `actor` may read (lib/witnesses testimonyWitnessWhere), as a condition on Statement. */
export function visibleStatementWhere(actor: Actor): Prisma.StatementWhereInput {
  const witness = testimonyWitnessWhere(actor);
  return witness ? { witness } : {};
}

type LinkJoinRow = {
  statementRevision: unknown;
  id: string | null;
  revisionNumber: unknown;
  startOffset: unknown;
  endOffset: unknown;
  quote: string;
  role: string;
  allegationType: string;
  anchor: string;
  note: string;
  createdById: string;
  createdAt: unknown;
  updatedAt: unknown;
  personId: string;
  personName: string;
  personNameFa: string;
  eventId: string | null;
  eventTitle: string | null;
  eventTitleFa: string | null;
  placeId: string | null;
  placeName: string | null;
  placeNameFa: string | null;
  proceedingId: string | null;
  proceedingTitle: string | null;
  proceedingTitleFa: string | null;
};

/**
 * The links of one statement, in text order (NEEDS_REVIEW ones included, flagged). One SQL
 * query (rawAll) reads the statement's revision number and its links with their person,
 * event, place and proceeding, where Prisma's client made six, four of them usually for no
 * ids at all; the reader's visibility is the same rule (testimonySql) in the same query.
 */
export async function listLinksForStatement({ actor, statementId, query }: { actor: Actor | null; statementId: string; query?: unknown }) {
  authorize(actor, "statement.read");
  if (query !== undefined) parseInput(ZStatementLinksQuery, query);
  const rows = await rawAll<LinkJoinRow>(Prisma.sql`
    SELECT s."revisionNumber" AS "statementRevision", l."id", l."revisionNumber", l."startOffset", l."endOffset", l."quote", l."role", l."allegationType",
      l."anchor", l."note", l."createdById", ${dateText(Prisma.sql`l."createdAt"`)} AS "createdAt", ${dateText(Prisma.sql`l."updatedAt"`)} AS "updatedAt",
      p."id" AS "personId", p."name" AS "personName", p."nameFa" AS "personNameFa",
      e."id" AS "eventId", e."title" AS "eventTitle", e."titleFa" AS "eventTitleFa",
      pl."id" AS "placeId", pl."name" AS "placeName", pl."nameFa" AS "placeNameFa",
      pr."id" AS "proceedingId", pr."title" AS "proceedingTitle", pr."titleFa" AS "proceedingTitleFa"
    FROM "Statement" s
    LEFT JOIN "Link" l ON l."statementId" = s."id"
    LEFT JOIN "Person" p ON p."id" = l."personId"
    LEFT JOIN "Event" e ON e."id" = l."eventId"
    LEFT JOIN "Place" pl ON pl."id" = l."placeId"
    LEFT JOIN "Proceeding" pr ON pr."id" = l."proceedingId"
    WHERE s."id" = ${statementId} ${andTestimonySql(actor, Prisma.sql`s."witnessId"`)}
    ORDER BY l."startOffset" ASC, l."createdAt" ASC`);
  if (!rows.length) throw new AppError("NOT_FOUND", "No such statement.");
  const items = rows
    .filter((r): r is LinkJoinRow & { id: string } => r.id !== null)
    .map((r) =>
      linkOut({
        id: r.id,
        statementId,
        revisionNumber: rawInt(r.revisionNumber),
        startOffset: rawInt(r.startOffset),
        endOffset: rawInt(r.endOffset),
        quote: r.quote,
        anchor: r.anchor,
        role: r.role,
        allegationType: r.allegationType,
        note: r.note,
        createdById: r.createdById,
        createdAt: rawDate(r.createdAt),
        updatedAt: rawDate(r.updatedAt),
        person: { id: r.personId, name: r.personName, nameFa: r.personNameFa },
        event: r.eventId === null ? null : { id: r.eventId, title: r.eventTitle!, titleFa: r.eventTitleFa! },
        place: r.placeId === null ? null : { id: r.placeId, name: r.placeName!, nameFa: r.placeNameFa! },
        proceeding: r.proceedingId === null ? null : { id: r.proceedingId, title: r.proceedingTitle!, titleFa: r.proceedingTitleFa! },
      }),
    );
  return { statementId, revisionNumber: rawInt(rows[0]!.statementRevision), items };
}

/**
 * The proceedings a link may cite, for the linking form: ids and titles (English and Persian) only,
 * in the order a page in `locale` lists them, by the title its reader sees first (lib/names'
 * readerOrder): on a Persian page by the Persian title in the order of the Persian alphabet, those
 * without one after them; otherwise (and by default) by the English title.
 */
export async function listProceedingChoices({ actor, locale = "en" }: { actor: Actor | null; locale?: string }) {
  authorize(actor, "registry.read");
  const rows = await rawAll<{ id: string; title: string; titleFa: string }>(Prisma.sql`SELECT "id", "title", "titleFa" FROM "Proceeding" ORDER BY "title" ASC`);
  if (locale !== "fa") return rows;
  return sortForReader(
    rows.map((p) => ({ ...p, name: p.title, nameFa: p.titleFa })),
    locale,
  ).map(({ id, title, titleFa }) => ({ id, title, titleFa }));
}

const STATEMENT_SUMMARY = {
  select: { id: true, title: true, language: true, status: true, revisionNumber: true, fictional: true, witness: { select: { code: true } } },
} as const;

async function linksWhere(actor: Actor, where: { personId?: string; eventId?: string; proceedingId?: string }) {
  return read((db) =>
    db.link.findMany({
      where: { ...where, statement: visibleStatementWhere(actor) },
      include: { ...LINK_INCLUDE, statement: STATEMENT_SUMMARY },
      orderBy: [{ createdAt: "asc" }],
    }),
  );
}

type WithStatement = LinkRow & {
  statement: { id: string; title: string; language: string; status: string; revisionNumber: number; fictional: boolean; witness: { code: string } };
};

/** A link as listed under a person, event or proceeding: with its statement and the witness code only. */
function linkWithStatement(l: WithStatement) {
  const { witness, ...statement } = l.statement;
  return { ...linkOut(l), statement: { ...statement, witnessCode: witness.code } };
}

async function requireRecord(kind: "person" | "event" | "proceeding", id: string) {
  const n = await read((db) =>
    kind === "person" ? db.person.count({ where: { id } }) : kind === "event" ? db.event.count({ where: { id } }) : db.proceeding.count({ where: { id } }),
  );
  if (!n) throw new AppError("NOT_FOUND", `No such ${kind}.`);
}

export async function listLinksForPerson({ actor, personId }: { actor: Actor | null; personId: string }) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  await requireRecord("person", personId);
  return { items: (await linksWhere(actor, { personId })).map(linkWithStatement) };
}

export async function listLinksForEvent({ actor, eventId }: { actor: Actor | null; eventId: string }) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  await requireRecord("event", eventId);
  return { items: (await linksWhere(actor, { eventId })).map(linkWithStatement) };
}

export async function listLinksForProceeding({ actor, proceedingId }: { actor: Actor | null; proceedingId: string }) {
  authorize(actor, "registry.read");
  authorize(actor, "statement.read");
  await requireRecord("proceeding", proceedingId);
  return { items: (await linksWhere(actor, { proceedingId })).map(linkWithStatement) };
}
