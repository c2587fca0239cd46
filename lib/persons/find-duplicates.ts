import "server-only";
import { normalizeLatin, normalizePersian } from "@/lib/names";
import { AppError } from "@/lib/errors";
import { rankByName } from "@/lib/registries/rank";
import type { DuplicateCandidate } from "./schemas";
import { loadPersonNames } from "./shared";

const MAX_CANDIDATES = 10;

/** The form of a name that two spellings share when they are the same text (case, ZWNJ, Arabic ي…). */
export const sameName = (s: string) => normalizeLatin(normalizePersian(s));

/**
 * Persons already in the registry whose name, Persian name or an alias matches one of the
 * given names at or above the matcher's default threshold, best first. Registering the same
 * official twice splits the allegations against them in two, so a create is stopped until
 * the user has seen these and said it is someone else.
 */
export async function findPersonDuplicates({ names, excludeId }: { names: string[]; excludeId?: string }): Promise<DuplicateCandidate[]> {
  const queries = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (!queries.length) return [];
  const records = (await loadPersonNames()).filter((r) => r.id !== excludeId);
  const best = new Map<string, DuplicateCandidate>();
  for (const query of queries) {
    for (const hit of rankByName(records, query)) {
      const seen = best.get(hit.id);
      if (seen && seen.score >= hit.score) continue;
      best.set(hit.id, { id: hit.id, name: hit.name, nameFa: hit.nameFa, aliases: hit.aliases, score: hit.score, matched: hit.matched ?? hit.name, query });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, MAX_CANDIDATES);
}

/** CONFLICT with the field error forms show and the candidates clients list (error.details.candidates). */
export function duplicateError(candidates: DuplicateCandidate[]): AppError {
  return new AppError(
    "CONFLICT",
    `This name matches ${candidates.length === 1 ? "a person" : `${candidates.length} persons`} already in the registry. Check them, or confirm that this is a different person (confirmDuplicate: true).`,
    { name: ["possible_duplicate"] },
    { candidates },
  );
}
