import "server-only";
import { databaseUrl } from "@/lib/db/provider";
import { verifyAuditChain, type VerifyResult } from "./verify-chain";

// Verifying reads and hashes the whole log: most of a second at 150,000 events, seconds at a
// million, on a server whose two cores also serve the researchers. Every view of the audit page
// asks for it; two admins opening the page at once would pay for it twice. A call made while a
// verification is running waits for that run's result instead of starting another; once the run
// has ended, the next call starts a new one. No result is kept: a caller never gets a run that
// had already finished when it asked, so one asking after a change sees that change (and a
// tampered log is reported to every caller of the run that found it).
//
// Keyed by database, as the verifier reads whichever DATABASE_URL names now (the tests switch it).
// Callers that pass a checkpoint (CLI, API, restore) keep verifyAuditChain: a run started before
// their checkpoint was taken could not hold it, and would report the log as cut short.
const inFlight = new Map<string, Promise<Readonly<VerifyResult>>>();

/**
 * verifyAuditChain() without a checkpoint, shared with the calls made while it runs: they all
 * get the same (frozen) result. The caller decides who may verify, before calling.
 */
export function verifyAuditChainShared(): Promise<Readonly<VerifyResult>> {
  const key = databaseUrl();
  const running = inFlight.get(key);
  if (running) return running;
  const run = verifyAuditChain()
    .then((r) => Object.freeze(r.head ? { ...r, head: Object.freeze({ ...r.head }) } : { ...r }))
    .finally(() => {
      if (inFlight.get(key) === run) inFlight.delete(key);
    });
  inFlight.set(key, run);
  return run;
}
