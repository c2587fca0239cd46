import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { read } from "@/lib/db/write";
import { searchPersons, type PersonHit } from "./search-persons";
import { sortPositions } from "./shared";

export type PersonRow = PersonHit & { positions: { title: string; titleFa: string; from: string | null; to: string | null }[] };

/** The persons list: search results (or everyone) with their positions in date order. */
export async function listPersons({ actor, query }: { actor: Actor | null; query?: unknown }): Promise<PersonRow[]> {
  const hits = await searchPersons({ actor, query });
  const positions = await read((db) =>
    db.position.findMany({ where: { personId: { in: hits.map((h) => h.id) } }, select: { personId: true, title: true, titleFa: true, fromDate: true, toDate: true, fromEarliest: true, toLatest: true } }),
  );
  const byPerson = new Map<string, typeof positions>();
  for (const p of positions) byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), p]);
  return hits.map((h) => ({ ...h, positions: sortPositions(byPerson.get(h.id) ?? []).map((p) => ({ title: p.title, titleFa: p.titleFa, from: p.fromDate, to: p.toDate })) }));
}
