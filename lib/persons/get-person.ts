import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import type { PersonOut } from "./schemas";
import { loadPerson, toPersonOut } from "./shared";

/** One person with aliases, positions in date order and the proceedings they are a defendant in. */
export async function getPerson({ actor, personId }: { actor: Actor | null; personId: string }): Promise<PersonOut> {
  authorize(actor, "registry.read");
  const p = await read((db) => loadPerson(db, personId));
  if (!p) throw new AppError("NOT_FOUND", "No such person.");
  return toPersonOut(p);
}
