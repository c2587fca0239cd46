import { DEFAULT_THRESHOLD, matchNames, readerOrder, withoutPossessives, type PrefixRule } from "@/lib/names";

// Name search over a registry, shared by persons, organisations and places. The whole
// registry is loaded and scored in memory with lib/names: for registries of thousands of
// names this takes milliseconds, and it finds spellings no SQL LIKE could (نيري for Nayyeri).

export type Named = { id: string; name: string; nameFa: string; aliases: string[] };
export type Ranked<T> = T & { score: number; matched: string | null };

/** Every name a record is known by: its name, its Persian name and its aliases. */
export function namesOf(r: Named): string[] {
  return [r.name, r.nameFa, ...r.aliases].filter((n) => n.trim() !== "");
}

/**
 * Records whose best name matches the query at or above the threshold, best first (ties by
 * name). Without a query: every record, score 1, by name. "By name" is as a page in `locale`
 * lists records (lib/names' readerOrder): on a Persian page by the Persian name in the order of
 * the Persian alphabet, those without one after them; otherwise (and by default: the API) by the
 * Latin name. `prefix`: see lib/names' PrefixRule.
 */
export function rankByName<T extends Named>(records: T[], q: string | undefined, opts: { limit?: number; threshold?: number; prefix?: PrefixRule; locale?: string } = {}): Ranked<T>[] {
  const limit = opts.limit ?? Number.POSITIVE_INFINITY;
  const byName = readerOrder(opts.locale ?? "en");
  if (!q) return [...records].sort(byName).slice(0, limit).map((r) => ({ ...r, score: 1, matched: null }));
  const byId = new Map(records.map((r) => [r.id, r]));
  const matches = matchNames(
    q,
    records.map((r) => ({ id: r.id, names: namesOf(r) })),
    { threshold: opts.threshold ?? DEFAULT_THRESHOLD, prefix: opts.prefix },
  );
  return matches
    .map((m) => ({ ...byId.get(m.id)!, score: round(m.score), matched: m.matched }))
    .sort((a, b) => b.score - a.score || byName(a, b))
    .slice(0, limit);
}

/** Three decimals are plenty to rank by and keep the API stable across platforms. */
const round = (x: number) => Math.round(x * 1000) / 1000;

/** An aliases column (JSON array of strings); anything malformed reads as no aliases. */
export function parseAliasColumn(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Records found by title: the titles (a light read of every record) ranked as names, then only
 * the hits read in full by `readHits`, best first. A record deleted between the two reads is left out.
 * A title is a phrase, not a name: its English possessives are left out of the ranking on both
 * sides, so "Khomeini order" finds «Khomeini's secret order» (`matched` is the title as written).
 * A word typed in part finds a title's word in its own script only: "Mehr" is not «محرمانه» (PrefixRule).
 */
export async function rankTitlesThenRead<T extends { id: string }>(titles: Named[], q: string, limit: number | undefined, readHits: (ids: string[]) => Promise<T[]>): Promise<(T & { score: number; matched: string | null })[]> {
  const plain = titles.map((t) => ({ id: t.id, name: withoutPossessives(t.name), nameFa: withoutPossessives(t.nameFa), aliases: t.aliases.map(withoutPossessives) }));
  const ranked = rankByName(plain, withoutPossessives(q), { limit, prefix: "same-script" });
  if (!ranked.length) return [];
  const titleOf = new Map(titles.map((t) => [t.id, t]));
  const asWritten = (r: Ranked<Named>) => (r.matched === null ? null : (namesOf(titleOf.get(r.id)!)[namesOf(r).indexOf(r.matched)] ?? r.matched));
  const byId = new Map((await readHits(ranked.map((r) => r.id))).map((r) => [r.id, r]));
  return ranked.flatMap((r) => {
    const hit = byId.get(r.id);
    return hit ? [{ ...hit, score: r.score, matched: asWritten(r) }] : [];
  });
}
