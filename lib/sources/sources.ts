import "server-only";
import { pageOfRows } from "@/lib/paging";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { isDateParseError, parseFuzzyDate, type ParsedDate } from "@/lib/dates";
import { dateOutsideYear, dateUnreadable, yearAgreesWithDate, yearOfDate, ZCreateSource, ZGradeSource, ZListSources, ZUpdateSource, type SourceOut } from "./schemas";

type Row = {
  id: string;
  title: string;
  author: string;
  year: number | null;
  date: string | null;
  kind: string;
  citation: string;
  url: string;
  note: string;
  reliability: string | null;
  credibility: number | null;
  gradingReason: string;
  gradedById: string | null;
  gradedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  _count?: { claims: number };
};

const WITH_COUNT = { _count: { select: { claims: true } } } as const;

/** Source.gradedById has no relation in the schema; the graders' names are looked up here. */
async function graderNames(db: Tx, rows: Row[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.gradedById).filter((x): x is string => !!x))];
  if (ids.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

function toOut(r: Row, names: Map<string, string>): SourceOut {
  const graded = r.reliability !== null && r.credibility !== null;
  return {
    id: r.id,
    title: r.title,
    author: r.author,
    year: r.year,
    date: r.date,
    dateUnreadable: dateUnreadable(r.date),
    kind: r.kind,
    citation: r.citation,
    url: r.url,
    note: r.note,
    reliability: r.reliability as SourceOut["reliability"],
    credibility: r.credibility,
    grade: graded ? `${r.reliability}${r.credibility}` : null,
    gradingReason: r.gradingReason,
    gradedBy: r.gradedById ? { id: r.gradedById, name: names.get(r.gradedById) ?? r.gradedById } : null,
    gradedAt: r.gradedAt?.toISOString() ?? null,
    claimCount: r._count?.claims ?? 0,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const auditView = (s: SourceOut) => ({ title: s.title, author: s.author, year: s.year, date: s.date, kind: s.kind, citation: s.citation, url: s.url, note: s.note });
const gradeView = (s: { reliability: string | null; credibility: number | null; gradingReason: string }) => ({
  reliability: s.reliability,
  credibility: s.credibility,
  grade: s.reliability && s.credibility ? `${s.reliability}${s.credibility}` : null,
  reason: s.gradingReason,
});

export async function createSource({ actor, input }: { actor: Actor | null; input: unknown }): Promise<SourceOut> {
  authorize(actor, "source.edit");
  const data = parseInput(ZCreateSource, input);
  return write(async (tx) => {
    const row = await tx.source.create({ data: { ...data, year: data.year ?? null, date: data.date ?? null }, include: WITH_COUNT });
    const out = toOut(row, new Map());
    await writeAudit(tx, { actor, action: "source.create", recordType: "Source", recordId: out.id, after: auditView(out) });
    return out;
  });
}

/**
 * The year a source has after an edit, or undefined to leave it as stored. The year and the date
 * must agree after the edit (yearAgreesWithDate); a date changed while no year is stored or given
 * fills the year when it lies in one. A stored date that cannot be read as a date (recorded before
 * dates were read) is not checked against a new year: the next edit of the date must fix it.
 */
function yearAfterUpdate(row: { year: number | null; date: string | null }, year: number | null | undefined, date: ParsedDate | null | undefined): number | null | undefined {
  const nextYear = year !== undefined ? year : row.year;
  const nextDate = date !== undefined ? date : parsedOrNull(row.date);
  if (nextYear !== null && nextDate && !yearAgreesWithDate(nextYear, nextDate))
    throw new AppError("INVALID_INPUT", `The date falls outside ${nextYear}, the source's year. Correct the year or the date.`, {
      [date !== undefined ? "date" : "year"]: [dateOutsideYear(nextYear)],
    });
  if (nextYear === null && year === undefined && date) return yearOfDate(date) ?? undefined;
  return year;
}

function parsedOrNull(input: string | null): ParsedDate | null {
  if (!input) return null;
  const r = parseFuzzyDate(input);
  return isDateParseError(r) ? null : r;
}

/**
 * The input without its date when the date sent is the stored one, unchanged, and cannot be read
 * as a date: the edit form sends every field back, and a source whose date was recorded as free
 * text must still take a change to its other fields. Any other date is read, and refused when it
 * cannot be; a date sent alone this way leaves nothing to change.
 */
function withoutUnchangedUnreadableDate(input: unknown, stored: string | null): unknown {
  if (!stored || !dateUnreadable(stored) || typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const { date, ...rest } = input as Record<string, unknown>;
  return typeof date === "string" && date.trim() === stored.trim() ? rest : input;
}

/** PATCH: a field left out keeps its value. The grading is changed only by gradeSource. */
export async function updateSource({ actor, sourceId, input }: { actor: Actor | null; sourceId: string; input: unknown }): Promise<SourceOut> {
  authorize(actor, "source.edit");
  return write(async (tx) => {
    const row = await tx.source.findUnique({ where: { id: sourceId }, include: WITH_COUNT });
    if (!row) throw new AppError("NOT_FOUND", "No such source.");
    const data = parseInput(ZUpdateSource, withoutUnchangedUnreadableDate(input, row.date));
    if (data.baseUpdatedAt && data.baseUpdatedAt !== row.updatedAt.toISOString())
      throw new AppError("CONFLICT", "This source was changed since you opened it. Reload and edit again.", { baseUpdatedAt: ["stale_revision"] });
    const { baseUpdatedAt: _base, date, ...fields } = data;
    const year = yearAfterUpdate(row, fields.year, date);
    const updated = await tx.source.update({
      where: { id: sourceId },
      data: { ...fields, ...(year !== undefined && { year }), ...(date !== undefined && { date: date?.input ?? null }), updatedAt: new Date() },
      include: WITH_COUNT,
    });
    const names = await graderNames(tx, [updated]);
    const after = toOut(updated, names);
    await writeAudit(tx, { actor, action: "source.update", recordType: "Source", recordId: sourceId, before: auditView(toOut(row, names)), after: auditView(after) });
    return after;
  });
}

/** Grades (or re-grades) a source on both axes, with the reasons. The previous grading stays in the audit history. */
export async function gradeSource({ actor, sourceId, input }: { actor: Actor | null; sourceId: string; input: unknown }): Promise<SourceOut> {
  authorize(actor, "source.grade");
  const data = parseInput(ZGradeSource, input);
  return write(async (tx) => {
    const row = await tx.source.findUnique({ where: { id: sourceId }, include: WITH_COUNT });
    if (!row) throw new AppError("NOT_FOUND", "No such source.");
    const updated = await tx.source.update({
      where: { id: sourceId },
      data: { reliability: data.reliability, credibility: data.credibility, gradingReason: data.reason, gradedById: actor.id, gradedAt: new Date() },
      include: WITH_COUNT,
    });
    await writeAudit(tx, {
      actor,
      action: "source.grade",
      recordType: "Source",
      recordId: sourceId,
      before: { ...gradeView(row), gradedById: row.gradedById },
      after: { ...gradeView(updated), gradedById: actor.id },
    });
    return toOut(updated, await graderNames(tx, [updated]));
  });
}

export async function getSource({ actor, sourceId }: { actor: Actor | null; sourceId: string }): Promise<SourceOut> {
  authorize(actor, "registry.read");
  return read(async (db) => {
    const row = await db.source.findUnique({ where: { id: sourceId }, include: WITH_COUNT });
    if (!row) throw new AppError("NOT_FOUND", "No such source.");
    return toOut(row, await graderNames(db, [row]));
  });
}

const fold = (s: string) => s.normalize("NFKC").toLocaleLowerCase();

/**
 * Newest first; `q` matches title, author, kind and citation in any script; `graded` filters by
 * grading; `dateToFix` by whether the date was recorded as text that cannot be read as a date.
 */
export async function listSources({ actor, query }: { actor: Actor | null; query?: unknown }) {
  authorize(actor, "registry.read");
  const q = parseInput(ZListSources, query ?? {});
  return read(async (db) => {
    const where = {
      ...(q.graded === "yes" ? { reliability: { not: null } } : q.graded === "no" ? { reliability: null } : {}),
      ...(q.dateToFix === "yes" && { date: { not: null } }),
    };
    // The register is small (hundreds of sources): filtering text here works the same on
    // SQLite and PostgreSQL, whose case-insensitive matching Prisma does not share. Whether a
    // date can be read is lib/dates' to say, which no query can ask either.
    let rows = await db.source.findMany({ where, include: WITH_COUNT, orderBy: [{ year: "desc" }, { title: "asc" }] });
    if (q.q) {
      const needle = fold(q.q);
      rows = rows.filter((r) => [r.title, r.author, r.kind, r.citation].some((f) => fold(f).includes(needle)));
    }
    if (q.dateToFix) {
      const toFix = q.dateToFix === "yes";
      rows = rows.filter((r) => dateUnreadable(r.date) === toFix);
    }
    // A page past the last gives the last (the answer's `page` says which).
    const { items: page, ...at } = pageOfRows(rows, q.page, q.pageSize);
    const names = await graderNames(db, page);
    return { items: page.map((r) => toOut(r, names)), ...at };
  });
}
