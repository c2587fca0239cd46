import "server-only";
import type { Tx } from "@/lib/db/client";
import { messagesFor } from "@/lib/i18n/messages";
import { parseAliasColumn } from "@/lib/registries/rank";
import { EXTRAS_BREAK, FIELD_SEPARATOR, hyphenWindows, normalizeForSearch, normBodyOf } from "./normalize";
import { joinedWords } from "./persian-variants";
import type { SearchType } from "./types";

export { SEARCH_TYPES, type SearchType } from "./types";

// Keeping the search index (the "SearchDoc" table, and through its triggers or generated
// column the full-text index) in step with the records. writeAudit calls indexAfterChange at
// the end of every audited change, inside the change's own transaction: a change is searchable
// the moment it commits, a deleted record is gone from the index with it, and a rolled-back
// change leaves the index as it was. There is no second path that could drift.


/** Audit record types whose records are indexed, and the search type each becomes. */
const TYPE_OF_RECORD: Record<string, SearchType> = {
  Statement: "statement",
  Person: "person",
  Organisation: "organisation",
  Place: "place",
  Event: "event",
  Proceeding: "proceeding",
  Source: "source",
};

export type DocContent = {
  title: string;
  body: string;
  language?: string | null;
  status?: string | null;
  authorId?: string | null;
  witnessId?: string | null;
  dateFrom?: string | null;
  dateTo?: string | null;
};

// A record's fields, each on its own line, with FIELD_SEPARATOR between them (normBodyOf).
const lines = (...xs: (string | null | undefined)[]) => xs.filter((x): x is string => !!x && x.trim() !== "").join(`\n${FIELD_SEPARATOR}`);

/**
 * A proceeding's kind as readers name it, in both languages ("Criminal trial", «دادرسی کیفری»),
 * instead of its stored code (CRIMINAL_TRIAL), which no one would type and which a result's
 * snippet would otherwise show. An unknown code is indexed as it is.
 */
export function proceedingKindText(kind: string): string {
  const label = (locale: "en" | "fa") => {
    const kinds = (messagesFor(locale).proceedings as { kinds?: Record<string, string> } | undefined)?.kinds;
    return kinds?.[kind];
  };
  return lines(label("en") ?? kind, label("fa"));
}

type Translation = { text?: string };

/** What a record contributes to the index, or null when it does not exist (any more). */
export async function loadDocContent(tx: Tx, type: SearchType, id: string): Promise<DocContent | null> {
  switch (type) {
    case "statement": {
      const s = await tx.statement.findUnique({ where: { id } });
      if (!s) return null;
      const rev = await tx.statementRevision.findUnique({ where: { statementId_number: { statementId: id, number: s.revisionNumber } }, select: { details: true } });
      return statementContent(s, rev?.details ?? "{}");
    }
    case "person": {
      const p = await tx.person.findUnique({ where: { id }, include: { aliases: { orderBy: { id: "asc" } }, positions: true } });
      if (!p) return null;
      return {
        title: p.name,
        // Each English text with its Persian beside it, as a proceeding's.
        body: lines(p.nameFa, ...p.aliases.map((a) => a.name), p.summary, p.summaryFa, ...p.positions.map((x) => lines(x.title, x.titleFa, x.institution, x.place)), p.statusNotes, p.statusNotesFa),
      };
    }
    case "organisation": {
      const o = await tx.organisation.findUnique({ where: { id } });
      return o && { title: o.name, body: lines(o.nameFa, ...parseAliasColumn(o.aliases), o.note) };
    }
    case "place": {
      const p = await tx.place.findUnique({ where: { id } });
      return p && { title: p.name, body: lines(p.nameFa, ...parseAliasColumn(p.aliases), p.city, p.note) };
    }
    case "event": {
      const e = await tx.event.findUnique({ where: { id } });
      return e && { title: e.title, body: lines(e.titleFa, e.description, e.source), dateFrom: e.earliest ?? e.dateStart, dateTo: e.latest ?? e.dateEnd ?? e.dateStart };
    }
    case "proceeding": {
      const p = await tx.proceeding.findUnique({ where: { id }, include: { timeline: { select: { whatFa: true }, orderBy: { id: "asc" } } } });
      if (!p) return null;
      // Each English field with its Persian beside it; the timeline's Persian entries too, as
      // a Persian reader may remember a proceeding by a step in it («حکم حبس ابد»).
      return {
        title: p.title,
        body: lines(
          p.titleFa,
          proceedingKindText(p.kind),
          p.jurisdiction,
          p.jurisdictionFa,
          p.court,
          p.courtFa,
          p.docket,
          p.charges,
          p.chargesFa,
          p.status,
          p.statusFa,
          ...p.timeline.map((t) => t.whatFa),
        ),
      };
    }
    case "source": {
      const s = await tx.source.findUnique({ where: { id } });
      if (!s) return null;
      const year = s.year ? String(s.year) : null;
      return { title: s.title, body: lines(s.author, s.kind, s.citation, s.note), dateFrom: year && `${year}-01-01`, dateTo: year && `${year}-12-31` };
    }
  }
}

/**
 * A statement's searchable text: title, original text, translations and summary. Only
 * testimony: the witness's protected identity is never read here, so it can never be indexed.
 */
export function statementContent(
  s: { title: string; originalText: string; summary: string; language: string; status: string; authorId: string; witnessId: string; interviewFrom: string | null; interviewTo: string | null; periodFrom: string | null; periodTo: string | null },
  detailsJson: string,
): DocContent {
  let translations: Translation[] = [];
  try {
    const d = JSON.parse(detailsJson) as { translations?: Translation[] };
    translations = Array.isArray(d.translations) ? d.translations : [];
  } catch {
    translations = [];
  }
  return {
    title: s.title,
    body: lines(s.originalText, ...translations.map((t) => t.text), s.summary),
    language: s.language,
    status: s.status,
    authorId: s.authorId,
    witnessId: s.witnessId,
    // The period the testimony covers, or failing that when it was given.
    dateFrom: s.periodFrom ?? s.interviewFrom,
    dateTo: s.periodTo ?? s.interviewTo,
  };
}

/**
 * The index's extras for a record's title and text: the words they write with a ZWNJ, joined
 * (persian-variants.ts joinedWords), and around each word they write with a hyphen, its window
 * (normalize.ts hyphenWindows: the word's parts apart, between up to four of the text's words on
 * either side). Indexed apart from the text, after it, so the text's words keep their positions.
 * Phrases read the extras too (search.ts fts5Query, pg-query.ts tsqueryText): "dasht prison"
 * finds "Gohar-dasht prison" in its window. Every entry stands apart from the next with
 * EXTRAS_BREAK between them, a token no query has, so a phrase is found inside one window or
 * one joined word, never across two entries (two joined words written far apart in the text
 * would otherwise stand side by side here); on PostgreSQL the extras also follow a break after
 * the text (the migration *_search_hyphen_windows), so no phrase runs from the text into them.
 */
export function normJoinedOf(title: string, body: string): string {
  return [...joinedWords(title), ...joinedWords(body), ...hyphenWindows(title), ...body.split(FIELD_SEPARATOR).flatMap((field) => hyphenWindows(field))].join(EXTRAS_SEPARATOR);
}

const EXTRAS_SEPARATOR = ` ${EXTRAS_BREAK} `;

/** The row written for a record's content. */
export function docRow(type: SearchType, recordId: string, c: DocContent) {
  return {
    type,
    recordId,
    title: c.title,
    body: c.body,
    normTitle: normalizeForSearch(c.title),
    normBody: normBodyOf(c.body),
    normJoined: normJoinedOf(c.title, c.body),
    language: c.language ?? null,
    status: c.status ?? null,
    authorId: c.authorId ?? null,
    witnessId: c.witnessId ?? null,
    dateFrom: c.dateFrom ?? null,
    dateTo: c.dateTo ?? null,
  };
}

/** Writes (or removes) one record's index entry from what the transaction sees now. */
export async function indexRecord(tx: Tx, type: SearchType, recordId: string): Promise<void> {
  const content = await loadDocContent(tx, type, recordId);
  if (!content) {
    await tx.searchDoc.deleteMany({ where: { type, recordId } });
    return;
  }
  const row = docRow(type, recordId, content);
  await tx.searchDoc.upsert({ where: { type_recordId: { type, recordId } }, create: row, update: row });
}

/**
 * Writes the index entries of many statements at once, in the order of `ids`, from what the
 * transaction sees now: two reads and one insert for the batch, where indexRecord makes three
 * round trips for each statement (loading a full export indexes every statement of an archive).
 */
export async function indexStatements(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const byId = new Map((await tx.statement.findMany({ where: { id: { in: ids } } })).map((s) => [s.id, s]));
  const revisions = await tx.statementRevision.findMany({ where: { statementId: { in: ids } }, select: { statementId: true, number: true, details: true } });
  const details = new Map(revisions.map((r) => [`${r.statementId}:${r.number}`, r.details]));
  const docs = ids.flatMap((id) => {
    const s = byId.get(id);
    return s ? [docRow("statement", id, statementContent(s, details.get(`${id}:${s.revisionNumber}`) ?? "{}"))] : [];
  });
  await tx.searchDoc.deleteMany({ where: { type: "statement", recordId: { in: ids } } });
  await tx.searchDoc.createMany({ data: docs });
}

/**
 * The one hook (called by writeAudit): re-index the record an audited change touched. Links
 * need nothing (a statement's links are joined at query time), nor do witnesses and consent
 * (consent is checked against the witness at query time, so a withdrawal counts at once).
 */
export async function indexAfterChange(tx: Tx, recordType: string, recordId: string): Promise<void> {
  const type = TYPE_OF_RECORD[recordType];
  if (type) await indexRecord(tx, type, recordId);
}
