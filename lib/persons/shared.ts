import "server-only";
import type { Tx } from "@/lib/db/client";
import { read } from "@/lib/db/write";
import type { Named } from "@/lib/registries/rank";
import type { PersonOut, PositionInput } from "./schemas";

// What the person operations share: the shape loaded from the database, its API/page view,
// what the audit log keeps, and the rows a position becomes.

export const PERSON_INCLUDE = {
  aliases: { orderBy: { id: "asc" } },
  positions: true,
  defendantIn: { include: { proceeding: { select: { id: true, title: true, titleFa: true, kind: true, status: true, statusFa: true } } } },
} as const;

/**
 * What a new person is read back with: a person is made a defendant by a proceeding, never when
 * created, so there are no proceedings to read (and creating a person reads no proceeding column).
 */
export const NEW_PERSON_INCLUDE = { aliases: PERSON_INCLUDE.aliases, positions: true } as const;

type Loaded = NonNullable<Awaited<ReturnType<typeof loadPerson>>>;

export function loadPerson(db: Tx, id: string) {
  return db.person.findUnique({ where: { id }, include: PERSON_INCLUDE });
}

/** Positions in date order: by when they can have begun, undated last, then by end. */
export function sortPositions<T extends { fromEarliest: string | null; toLatest: string | null; title: string }>(xs: T[]): T[] {
  const key = (s: string | null) => s ?? "9999-99-99";
  return [...xs].sort((a, b) => key(a.fromEarliest).localeCompare(key(b.fromEarliest)) || key(a.toLatest).localeCompare(key(b.toLatest)) || a.title.localeCompare(b.title));
}

export function toPersonOut(p: Omit<Loaded, "defendantIn"> & { defendantIn?: Loaded["defendantIn"] }): PersonOut {
  return {
    id: p.id,
    key: p.key,
    name: p.name,
    nameFa: p.nameFa,
    aliases: p.aliases.map((a) => ({ name: a.name, note: a.note })),
    positions: sortPositions(p.positions).map((x) => ({
      id: x.id,
      title: x.title,
      titleFa: x.titleFa,
      institution: x.institution,
      place: x.place,
      from: x.fromDate,
      to: x.toDate,
      fromEarliest: x.fromEarliest,
      toLatest: x.toLatest,
      precision: x.precision,
    })),
    summary: p.summary,
    summaryFa: p.summaryFa,
    statusNotes: p.statusNotes,
    statusNotesFa: p.statusNotesFa,
    source: p.source,
    defendantIn: (p.defendantIn ?? []).map((d) => d.proceeding).sort((a, b) => a.title.localeCompare(b.title)),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The audit log keeps the whole record as it reads: names, spellings and posts are public facts. */
export function personAuditView(p: PersonOut) {
  return {
    name: p.name,
    nameFa: p.nameFa,
    aliases: p.aliases,
    positions: p.positions.map(({ title, titleFa, institution, place, from, to }) => ({ title, titleFa, institution, place, from, to })),
    summary: p.summary,
    summaryFa: p.summaryFa,
    statusNotes: p.statusNotes,
    statusNotesFa: p.statusNotesFa,
    source: p.source,
  };
}

/** A validated position as a row: the dates as typed, and the span they allow (lib/dates). */
export function positionRow(p: PositionInput) {
  return {
    title: p.title,
    titleFa: p.titleFa,
    institution: p.institution,
    place: p.place,
    fromDate: p.from?.input ?? null,
    toDate: p.to?.input ?? null,
    fromEarliest: p.from?.earliest ?? null,
    toLatest: p.to?.latest ?? null,
    precision: p.from?.precision ?? p.to?.precision ?? null,
  };
}

/**
 * Every person with every name they are known by, for name search and duplicate checks: names
 * only (a summary can run to 10,000 characters, and only the persons list's CSV wants it, for
 * its own rows: listPersons).
 */
export async function loadPersonNames(): Promise<Named[]> {
  const rows = await read((db) => db.person.findMany({ select: { id: true, name: true, nameFa: true, aliases: { select: { name: true }, orderBy: { id: "asc" } } } }));
  return rows.map((r) => ({ id: r.id, name: r.name, nameFa: r.nameFa, aliases: r.aliases.map((a) => a.name) }));
}
