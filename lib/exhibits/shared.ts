import "server-only";
import { canonicalJson, sha256Hex } from "@/lib/audit/canonical";
import type { Actor } from "@/lib/auth/actor";
import { dbProvider, type Tx } from "@/lib/db/client";
import { LEGAL_SHARING_WHERE, RESEARCH_WITHDRAWN_WHERE } from "@/lib/witnesses/witnesses";

// A legal team sees a statement only while its witness's consent covers legal sharing
// (lib/statements). Exhibits follow the same rule: a link counts for a legal-team member
// only when its witness, or its statement's witness, has that consent in force; an exhibit
// with no such link does not exist for them.
const LEGAL_VISIBLE_LINK = { OR: [{ witness: LEGAL_SHARING_WHERE }, { statement: { witness: LEGAL_SHARING_WHERE } }] };
// Researchers and reviewers lose the testimony of a witness who withdrew consent to internal
// research (lib/witnesses testimonyWitnessWhere), and with it the links that tie a file to that
// witness or their statements; a file still tied to other records, or to none, stays.
const RESEARCH_VISIBLE_LINK = { NOT: { OR: [{ witness: RESEARCH_WITHDRAWN_WHERE }, { statement: { witness: RESEARCH_WITHDRAWN_WHERE } }] } };

/** Extra conditions on an ExhibitLink for what this actor may see. */
export function visibleLinkWhere(actor: Actor) {
  if (actor.role === "LEGAL") return LEGAL_VISIBLE_LINK;
  if (actor.role === "ADMIN") return {};
  return RESEARCH_VISIBLE_LINK;
}

/** Extra conditions on an Exhibit for what this actor may see. */
export function visibleExhibitWhere(actor: Actor) {
  if (actor.role === "LEGAL") return { links: { some: LEGAL_VISIBLE_LINK } };
  if (actor.role === "ADMIN") return {};
  return { OR: [{ links: { none: {} } }, { links: { some: RESEARCH_VISIBLE_LINK } }] };
}

/** EXHIBIT_INCLUDE, with only the links this actor may see. */
export function exhibitInclude(actor: Actor) {
  return { ...EXHIBIT_INCLUDE, links: { ...EXHIBIT_INCLUDE.links, where: visibleLinkWhere(actor) } };
}

export function exhibitNumber(n: number): string {
  return `EX-${String(n).padStart(4, "0")}`;
}

/**
 * The next exhibit number, inside the write transaction. Exhibits are never deleted, so the
 * count is the highest number in use (string order would put EX-10000 before EX-9999).
 */
export async function nextExhibitNumber(tx: Tx): Promise<string> {
  // On PostgreSQL two uploads could otherwise count the same rows and pick the same number.
  if (dbProvider() === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(734503)`;
  let n = (await tx.exhibit.count()) + 1;
  while (await tx.exhibit.findUnique({ where: { number: exhibitNumber(n) }, select: { id: true } })) n++;
  return exhibitNumber(n);
}

// Uploads of the same content must not interleave between "file moved into place" and "row
// committed": one of them could otherwise remove, as its own orphan, a file the other has
// just recorded. One web process serves uploads; this lock orders them within it.
const hashLocks = new Map<string, Promise<unknown>>();

export async function withHashLock<T>(sha256: string, fn: () => Promise<T>): Promise<T> {
  const prev = hashLocks.get(sha256) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  const tail = run.catch(() => undefined);
  hashLocks.set(sha256, tail);
  try {
    return await run;
  } finally {
    if (hashLocks.get(sha256) === tail) hashLocks.delete(sha256);
  }
}

type ExhibitRow = {
  id: string;
  number: string;
  sha256: string;
  originalName: string;
  description: string;
  createdById: string;
  createdAt: Date;
  blob: { size: bigint; mime: string };
  links: { statementId: string | null; witnessId: string | null }[];
};

type CustodyRow = {
  id: string;
  kind: string;
  who: string;
  place: string;
  at: Date;
  note: string;
  result: string | null;
  actorId: string;
  createdAt: Date;
};

export const EXHIBIT_INCLUDE = {
  blob: { select: { size: true, mime: true } },
  links: { select: { statementId: true, witnessId: true }, orderBy: { createdAt: "asc" } },
} as const;

export function exhibitOut(e: ExhibitRow) {
  return {
    id: e.id,
    number: e.number,
    sha256: e.sha256,
    size: Number(e.blob.size),
    mime: e.blob.mime,
    originalName: e.originalName,
    description: e.description,
    createdById: e.createdById,
    createdAt: e.createdAt.toISOString(),
    links: e.links.map((l) => ({ statementId: l.statementId, witnessId: l.witnessId })),
    fileUrl: `/api/v1/exhibits/${e.id}/file`,
  };
}
export type ExhibitOut = ReturnType<typeof exhibitOut>;

export function custodyOut(c: CustodyRow) {
  return {
    id: c.id,
    kind: c.kind as "COLLECTED" | "RECEIVED" | "COPIED" | "TRANSFERRED" | "VERIFIED",
    who: c.who,
    place: c.place,
    at: c.at.toISOString(),
    note: c.note,
    result: c.result as "MATCH" | "MISMATCH" | "MISSING" | null,
    actorId: c.actorId,
    createdAt: c.createdAt.toISOString(),
  };
}
export type CustodyOut = ReturnType<typeof custodyOut>;

/**
 * What the audit log keeps of a custody entry: its kind, time and result, and a hash of the
 * rest. Names and places in custody notes can identify witnesses, and the audit log can
 * never be redacted; the hash still ties the entry's words to the chain.
 */
export function custodyAuditView(c: { id: string; exhibitId: string; kind: string; who: string; place: string; at: Date; note: string; result: string | null }) {
  return {
    entryId: c.id,
    exhibitId: c.exhibitId,
    kind: c.kind,
    at: c.at.toISOString(),
    result: c.result,
    contentHash: sha256Hex(canonicalJson({ who: c.who, place: c.place, note: c.note })),
  };
}

/** Never the file's bytes, nor its name or description in clear (both may name a witness). */
export function exhibitAuditView(e: { number: string; sha256: string; originalName: string; description: string }, blob: { size: bigint | number; mime: string }) {
  return {
    number: e.number,
    sha256: e.sha256,
    size: Number(blob.size),
    mime: blob.mime,
    metaHash: sha256Hex(canonicalJson({ originalName: e.originalName, description: e.description })),
  };
}

/** A file name as a label only: no directories, no control characters, a sane length. */
export function cleanFileName(name: string | null | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim().slice(0, 255);
  return clean || "upload";
}
