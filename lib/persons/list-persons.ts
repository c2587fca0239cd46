import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import type { Paged } from "@/lib/paging";
import { pageOfSearch } from "@/lib/registries/list-page";
import { searchPersons, type PersonHit } from "./search-persons";
import { sortPositions } from "./shared";

export type PersonRow = PersonHit & { summary?: string; summaryFa?: string; statusNotes?: string; statusNotesFa?: string; positions: { title: string; titleFa: string; from: string | null; to: string | null }[] };

/**
 * The persons list: search results (or everyone) with their positions in date order, read for
 * those results only; with `summaries`, each person's summary and status notes, in English and in
 * Persian, too (the CSV export has them, the list page shows none: each can run to 10,000
 * characters). They are the texts the person page shows to anyone who may read the registry.
 */
export async function listPersons({ actor, query, summaries = false }: { actor: Actor | null; query?: unknown; summaries?: boolean }): Promise<PersonRow[]> {
  return withPositions(await searchPersons({ actor, query }), summaries);
}

/**
 * The persons list page: the search's results (or everyone, by name as a page in `locale` lists
 * them: searchPersons) `pageSize` (LIST_PER_PAGE) at a time, positions read for that page only;
 * a page past the last gives the last. Every person is ordered before the page is cut, so the
 * order runs on from one page to the next.
 */
export async function listPersonPage({ actor, query, locale }: { actor: Actor | null; query?: unknown; locale?: string }): Promise<Paged<PersonRow>> {
  authorize(actor, "registry.read");
  const page = await pageOfSearch(query, (q) => searchPersons({ actor, query: q, locale }));
  return { ...page, items: await withPositions(page.items, false) };
}

async function withPositions(hits: PersonHit[], summaries: boolean): Promise<PersonRow[]> {
  const details = await read((db) =>
    db.person.findMany({
      where: { id: { in: hits.map((h) => h.id) } },
      select: { id: true, summary: summaries, summaryFa: summaries, statusNotes: summaries, statusNotesFa: summaries, positions: { select: { title: true, titleFa: true, fromDate: true, toDate: true, fromEarliest: true, toLatest: true } } },
    }),
  );
  const byPerson = new Map(details.map((d) => [d.id, d]));
  return hits.map((h) => ({
    ...h,
    ...(summaries ? texts(byPerson.get(h.id)) : {}),
    positions: sortPositions(byPerson.get(h.id)?.positions ?? []).map((p) => ({ title: p.title, titleFa: p.titleFa, from: p.fromDate, to: p.toDate })),
  }));
}

function texts(d: { summary: string; summaryFa: string; statusNotes: string; statusNotesFa: string } | undefined) {
  return { summary: d?.summary ?? "", summaryFa: d?.summaryFa ?? "", statusNotes: d?.statusNotes ?? "", statusNotesFa: d?.statusNotesFa ?? "" };
}
