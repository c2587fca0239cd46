import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { visibleStatementWhere } from "./links";
import { findMentions, prepareCandidates, type SuggestCandidate, type Suggestion } from "./suggest";

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

/**
 * Names of known persons, organisations and places in the statement's current revision, in
 * either script and any spelling, best first and not overlapping. A passage already linked to
 * the same person (or place) is not suggested again.
 */
export async function suggestLinks({ actor, statementId }: { actor: Actor | null; statementId: string }): Promise<{
  statementId: string;
  revisionNumber: number;
  items: Suggestion[];
}> {
  authorize(actor, "statement.read");
  authorize(actor, "registry.read");
  const statement = await read((db) =>
    db.statement.findFirst({ where: { id: statementId, ...visibleStatementWhere(actor) }, select: { id: true, revisionNumber: true, originalText: true } }),
  );
  if (!statement) throw new AppError("NOT_FOUND", "No such statement.");
  const [candidates, links] = await Promise.all([
    loadSuggestCandidates(),
    read((db) =>
      db.link.findMany({
        where: { statementId, revisionNumber: statement.revisionNumber, anchor: "ANCHORED" },
        select: { startOffset: true, endOffset: true, personId: true, placeId: true },
      }),
    ),
  ]);
  const found = findMentions(statement.originalText, prepareCandidates(candidates));
  const linked = (s: Suggestion) =>
    links.some(
      (l) =>
        s.startOffset < l.endOffset &&
        l.startOffset < s.endOffset &&
        ((s.kind === "person" && l.personId === s.id) || (s.kind === "place" && l.placeId === s.id)),
    );
  return { statementId, revisionNumber: statement.revisionNumber, items: found.filter((s) => !linked(s)) };
}
