// The search form is a GET form: the browser puts every field in the address, filled or not
// (type=&status=&…). The page and the form's script both clean it with this, so a link, a
// bookmark and the history show only the filters that were chosen.

/** Each registry filter's typed-name field and the id field beside it (the page's REGISTRY_FILTERS). */
const NAME_FIELDS: Record<string, string> = { personName: "personId", eventName: "eventId", placeName: "placeId", proceedingName: "proceedingId" };

const blank = (v: string) => v.trim() === "";

/**
 * The parameters without the empty ones, in their order; `changed` when any was dropped.
 * A name field sent empty beside an id clears that filter (its text was erased), so the id
 * goes with it, as the page would have read it.
 */
export function cleanSearchParams(entries: Iterable<readonly [string, string]>): { params: URLSearchParams; changed: boolean } {
  const all = [...entries];
  const cleared = new Set(all.filter(([k, v]) => k in NAME_FIELDS && blank(v)).map(([k]) => NAME_FIELDS[k]));
  const kept = all.filter(([k, v]) => !blank(v) && !cleared.has(k));
  return { params: new URLSearchParams(kept.map(([k, v]) => [k, v])), changed: kept.length !== all.length };
}

/** A page's searchParams object as entries (a repeated parameter once per value). */
export function searchParamEntries(sp: Record<string, string | string[] | undefined>): [string, string][] {
  return Object.entries(sp).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])));
}
