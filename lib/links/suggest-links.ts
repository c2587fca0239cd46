import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { visibleStatementWhere } from "./links";
import { findMentionsInSlices, prepareCandidatesInSlices, type PreparedCandidates, type SuggestCandidate, type Suggestion } from "./suggest";

function jsonList(s: string): string[] {
  try {
    const v: unknown = JSON.parse(s);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/** Every person, organisation and place with all its names: the candidates of one request. */
export async function loadSuggestCandidates(): Promise<SuggestCandidate[]> {
  return read(async (db) => {
    const persons = await db.person.findMany({ select: { id: true, name: true, nameFa: true, aliases: { select: { name: true } } } });
    const organisations = await db.organisation.findMany({ select: { id: true, name: true, nameFa: true, aliases: true } });
    const places = await db.place.findMany({ select: { id: true, name: true, nameFa: true, aliases: true } });
    return [
      ...persons.map((p) => ({ kind: "person" as const, id: p.id, name: p.name, nameFa: p.nameFa, aliases: p.aliases.map((a) => a.name) })),
      ...organisations.map((o) => ({ kind: "organisation" as const, id: o.id, name: o.name, nameFa: o.nameFa, aliases: jsonList(o.aliases) })),
      ...places.map((p) => ({ kind: "place" as const, id: p.id, name: p.name, nameFa: p.nameFa, aliases: jsonList(p.aliases) })),
    ];
  });
}

// Keying every name of every registry entry costs tens of milliseconds at a few thousand entries,
// and finding them in a long text about as much again. Both are remembered: the prepared names
// while the registries are unchanged (their row counts and newest change identify them: every
// edit, aliases included, touches a row's updatedAt), and each statement revision's finds for
// that registry version. Links are checked fresh on every call (one small query). Both run a
// slice of time at a time (lib/links/suggest.ts), so that other requests are not held up; two
// requests that arrive while the names are being keyed wait for the same keying.
type Registries = { version: string; prepared: Promise<PreparedCandidates>; found: Map<string, Suggestion[]> };
let registries: Registries | null = null;
const FOUND_CACHE_LIMIT = 1_000;

async function registryVersion(): Promise<string> {
  const [p, o, l] = await read((db) =>
    Promise.all([
      db.person.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      db.organisation.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      db.place.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    ]),
  );
  return [p, o, l].map((a) => `${a._count._all}:${a._max.updatedAt?.toISOString() ?? ""}`).join("/");
}

async function mentionsIn(statementId: string, revisionNumber: number, text: string): Promise<Suggestion[]> {
  const version = await registryVersion();
  if (registries?.version !== version) {
    const prepared = loadSuggestCandidates().then((candidates) => prepareCandidatesInSlices(candidates));
    registries = { version, prepared, found: new Map() };
    // A failed keying is not remembered: the next request tries again.
    const mine = registries;
    prepared.catch(() => {
      if (registries === mine) registries = null;
    });
  }
  const current = registries;
  const key = `${statementId}:${revisionNumber}`;
  const hit = current.found.get(key);
  if (hit) return hit;
  const found = await findMentionsInSlices(text, await current.prepared);
  if (current.found.size >= FOUND_CACHE_LIMIT) current.found.delete(current.found.keys().next().value!);
  current.found.set(key, found);
  return found;
}

/**
 * Names of known persons, organisations and places in the statement's current revision, in
 * either script and any spelling, best first and not overlapping. A passage already linked to
 * the same person (or place) is not suggested again; `alreadyLinked` says how many were left out so,
 * so that a text whose every name is linked does not read as one where none was found.
 */
export async function suggestLinks({ actor, statementId }: { actor: Actor | null; statementId: string }): Promise<{
  statementId: string;
  revisionNumber: number;
  items: Suggestion[];
  alreadyLinked: number;
}> {
  authorize(actor, "statement.read");
  authorize(actor, "registry.read");
  const statement = await read((db) =>
    db.statement.findFirst({ where: { id: statementId, ...visibleStatementWhere(actor) }, select: { id: true, revisionNumber: true, originalText: true } }),
  );
  if (!statement) throw new AppError("NOT_FOUND", "No such statement.");
  const [found, links] = await Promise.all([
    mentionsIn(statement.id, statement.revisionNumber, statement.originalText),
    read((db) =>
      db.link.findMany({
        where: { statementId, revisionNumber: statement.revisionNumber, anchor: "ANCHORED" },
        select: { startOffset: true, endOffset: true, personId: true, placeId: true },
      }),
    ),
  ]);
  const linked = (s: Suggestion) =>
    links.some(
      (l) =>
        s.startOffset < l.endOffset &&
        l.startOffset < s.endOffset &&
        ((s.kind === "person" && l.personId === s.id) || (s.kind === "place" && l.placeId === s.id)),
    );
  const items = found.filter((s) => !linked(s));
  return { statementId, revisionNumber: statement.revisionNumber, items, alreadyLinked: found.length - items.length };
}
