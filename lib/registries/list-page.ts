import { clampPage, pageOfRows, pageSizeOf, type Paged } from "@/lib/paging";
import { rankTitlesThenRead, type Named } from "./rank";
import { parseInput } from "@/lib/validation";
import { ZRegistryListQuery } from "./schemas";

/**
 * One page of a registry's search (`search` ranks every record's names, so it reads them all
 * anyway): the list page shows `pageSize` (LIST_PER_PAGE) of its results; a page past the last gives the last.
 */
export async function pageOfSearch<T>(query: unknown, search: (query: { q?: string }) => Promise<T[]>): Promise<Paged<T>> {
  const input = parseInput(ZRegistryListQuery, query ?? {});
  return pageOfRows(await search({ q: input.q }), input.page, pageSizeOf(input));
}

/** How a title-searched list (events, proceedings) is read a page at a time. */
export type TitleListReads<T> = {
  /** Every record's titles, for the ranking (a light read). */
  titles: () => Promise<Named[]>;
  /** How many records there are. */
  count: () => Promise<number>;
  /** `take` records from `skip` in the list's own order. */
  inOrder: (skip: number, take: number) => Promise<T[]>;
  /** The records with these ids, in full (any order). */
  byIds: (ids: string[]) => Promise<T[]>;
};

/**
 * One page of a title-searched list: in its own order without `q`; with `q`, the records whose
 * title matches as GET /events?q= and /proceedings?q= match (rankTitlesThenRead: any spelling,
 * either script), best first, only the page's hits read in full. A page past the last gives the last.
 */
export async function pageOfTitles<T extends { id: string }>(query: unknown, reads: TitleListReads<T>): Promise<Paged<T & { score: number; matched: string | null }>> {
  const input = parseInput(ZRegistryListQuery, query ?? {});
  const pageSize = pageSizeOf(input);
  if (!input.q) {
    const total = await reads.count();
    const { page, pages, skip } = clampPage(input.page, total, pageSize);
    const items = (await reads.inOrder(skip, pageSize)).map((r) => ({ ...r, score: 1, matched: null }));
    return { items, total, page, pageSize, pages };
  }
  let at = { total: 0, ...clampPage(1, 0, pageSize) };
  // The hits come ranked; only this page of them is read in full (rankTitlesThenRead leaves out the rest).
  const items = await rankTitlesThenRead(await reads.titles(), input.q, undefined, (ids) => {
    at = { total: ids.length, ...clampPage(input.page, ids.length, pageSize) };
    return reads.byIds(ids.slice(at.skip, at.skip + pageSize));
  });
  return { items, total: at.total, page: at.page, pageSize, pages: at.pages };
}
