import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { rankByName } from "@/lib/registries/rank";
import { ZRegistrySearchQuery } from "@/lib/registries/schemas";
import { parseInput } from "@/lib/validation";
import { loadPersonNames } from "./shared";

export type PersonHit = { id: string; name: string; nameFa: string; aliases: string[]; score: number; matched: string | null };

/**
 * Persons by any spelling of any of their names, Latin or Persian (lib/names): `Nayeri`,
 * `حسینعلی نیری` and `نيري` all find Hossein-Ali Nayyeri. Best first; `matched` is the name
 * that scored. Without `q`: everyone, score 1, by name as a page in `locale` lists them
 * (rankByName: on a Persian page in Persian alphabetical order; by default the Latin name's).
 */
export async function searchPersons({ actor, query, locale }: { actor: Actor | null; query?: unknown; locale?: string }): Promise<PersonHit[]> {
  authorize(actor, "registry.read");
  const q = parseInput(ZRegistrySearchQuery, query ?? {});
  return rankByName(await loadPersonNames(), q.q, { limit: q.limit, locale });
}
