// Long lists a page at a time: the witnesses, events and registry lists and their API answers.

/** How many rows a list page shows at a time. */
export const LIST_PER_PAGE = 50;

/** One page of a long list: the rows, how many there are in all, which page this is of how many. */
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number; pages: number };

/** The page to read of `total` rows: the one asked for, or the last when it is past the last. */
export function clampPage(asked: number, total: number, pageSize: number): { page: number; pages: number; skip: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, asked), pages);
  return { page, pages, skip: (page - 1) * pageSize };
}

/** One page of rows already read and ordered (a ranking needs every name): the page asked for, or the last. */
export function pageOfRows<T>(rows: T[], asked: number, pageSize: number): Paged<T> {
  const { page, pages, skip } = clampPage(asked, rows.length, pageSize);
  return { items: rows.slice(skip, skip + pageSize), total: rows.length, page, pageSize, pages };
}

/** The page size a list query asked for (?pageSize=, or ?perPage= as the same), or LIST_PER_PAGE. */
export function pageSizeOf(input: { pageSize?: number; perPage?: number }): number {
  return input.pageSize ?? input.perPage ?? LIST_PER_PAGE;
}

/**
 * Whether an API query asks for pages: GET /events answers every row unless ?page=, ?pageSize=
 * or ?perPage= is given (its first callers read `items` whole).
 */
export function pagingAsked(query: Record<string, string | undefined>): boolean {
  return query.page !== undefined || query.pageSize !== undefined || query.perPage !== undefined;
}
