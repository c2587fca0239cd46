// Counting independent witnesses. Pure functions; lib/corroboration/corroboration.ts feeds them.
//
// Independence: two statements by one witness are one witness; two witness records marked as
// the same person (Witness.sameAsId, possibly in a chain A → B → C) are one witness. A witness
// counts as "verified" for a claim when at least one of their statements carrying it is
// VERIFIED; witnesses with only unverified statements are counted separately, never added in.

/** Follows sameAsId chains to the record they end at (a cycle resolves to its smallest id). */
export function canonicalWitnessIds(sameAs: ReadonlyMap<string, string | null>): Map<string, string> {
  const out = new Map<string, string>();
  for (const start of sameAs.keys()) {
    if (out.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let cur: string = start;
    let root: string | undefined;
    for (;;) {
      const known = out.get(cur);
      if (known) {
        root = known;
        break;
      }
      if (onPath.has(cur)) {
        // A cycle (the data should never have one): the smallest id in it stands for all.
        const cycle = path.slice(path.indexOf(cur));
        root = cycle.reduce((a, b) => (b < a ? b : a));
        break;
      }
      path.push(cur);
      onPath.add(cur);
      const next = sameAs.get(cur);
      if (!next) {
        root = cur;
        break;
      }
      if (!sameAs.has(next)) {
        // The chain leaves the records we were given: its end is that record.
        root = next;
        break;
      }
      cur = next;
    }
    for (const p of path) out.set(p, root);
  }
  return out;
}

export type Testimony = { canonicalWitnessId: string; verified: boolean };
export type WitnessCount = { verifiedWitnesses: number; unverifiedWitnesses: number };

/** Distinct canonical witnesses with a verified statement, and those with unverified ones only. */
export function countWitnesses(items: Iterable<Testimony>): WitnessCount {
  const verified = new Set<string>();
  const any = new Set<string>();
  for (const t of items) {
    any.add(t.canonicalWitnessId);
    if (t.verified) verified.add(t.canonicalWitnessId);
  }
  return { verifiedWitnesses: verified.size, unverifiedWitnesses: any.size - verified.size };
}
