import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { readsUnderResearchConsent } from "@/lib/witnesses/witnesses";
import { inSlices } from "@/lib/db/in-slices";
import type { ExclusionReason } from "./schemas";

export const RECORD_TYPE = "Dossier";

export function cfNumber(n: number): string {
  return `CF-${String(n).padStart(4, "0")}`;
}

export type ConsentFacts = { scopes: string[]; legal: boolean; legalWithdrawn: boolean; researchWithdrawn: boolean };

/**
 * Consent in force per witness, and whether a LEGAL_SHARING grant existed and was withdrawn.
 * The rule is the one lib/witnesses (LEGAL_SHARING_WHERE), lib/statements and lib/search apply
 * to a legal team: a statement may be shared with legal teams only while its witness has a
 * LEGAL_SHARING grant that is not withdrawn. A dossier is a legal bundle, so the rule applies to
 * its content whoever reads it.
 */
export async function consentFacts(db: Tx, witnessIds: string[]): Promise<Map<string, ConsentFacts>> {
  const ids = [...new Set(witnessIds)];
  const out = new Map<string, ConsentFacts>(ids.map((id) => [id, { scopes: [], legal: false, legalWithdrawn: false, researchWithdrawn: false }]));
  if (!ids.length) return out;
  const rows = await inSlices(ids, (slice) => db.consent.findMany({ where: { witnessId: { in: slice } }, select: { witnessId: true, scope: true, withdrawnAt: true } }));
  for (const r of rows) {
    const f = out.get(r.witnessId)!;
    if (r.withdrawnAt === null) {
      if (!f.scopes.includes(r.scope)) f.scopes.push(r.scope);
      if (r.scope === "LEGAL_SHARING") f.legal = true;
    } else if (r.scope === "LEGAL_SHARING") f.legalWithdrawn = true;
    else if (r.scope === "INTERNAL_RESEARCH") f.researchWithdrawn = true;
  }
  for (const f of out.values()) f.scopes.sort();
  return out;
}

/**
 * Of these witnesses, those whose testimony `actor` may not read because they withdrew consent to
 * internal research and have not given it again (for researchers and reviewers: lib/witnesses
 * testimonyWitnessWhere, here on facts already read).
 */
export function researchWithdrawnIn(actor: Actor, facts: ReadonlyMap<string, ConsentFacts>): Set<string> {
  if (!readsUnderResearchConsent(actor)) return new Set();
  return new Set([...facts].filter(([, f]) => f.researchWithdrawn && !f.scopes.includes("INTERNAL_RESEARCH")).map(([id]) => id));
}

/** null when the witness's consent covers legal sharing; otherwise why not. */
export function consentExclusion(f: ConsentFacts | undefined): ExclusionReason | null {
  if (f?.legal) return null;
  return f?.legalWithdrawn ? "CONSENT_WITHDRAWN" : "NO_LEGAL_SHARING_CONSENT";
}

/**
 * An exhibit is tied to witnesses through its links (to a witness, or to a statement of one).
 * It may go into a legal bundle when it has no such tie (a court document, a public report) or
 * when at least one tied witness's consent covers legal sharing — the same rule by which a
 * legal team sees exhibits at all (lib/exhibits/shared.ts).
 */
export function exhibitExclusion(witnessIds: string[], facts: Map<string, ConsentFacts>): ExclusionReason | null {
  if (!witnessIds.length) return null;
  const reasons = witnessIds.map((w) => consentExclusion(facts.get(w)));
  if (reasons.includes(null)) return null;
  return reasons.includes("CONSENT_WITHDRAWN") ? "CONSENT_WITHDRAWN" : "NO_LEGAL_SHARING_CONSENT";
}

