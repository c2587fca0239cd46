/** What a poll of a running import says of its progress. */
export type ProgressFields = { id: string; rowsDone: number; rowsTotal: number };

/**
 * The job as the wizard shows it after a poll. A server running several processes
 * (CASEFILE_SERVER_PROCESSES) may answer one poll from the process doing the import, which counts
 * rows as they go, and the next from another, which sees only the count last committed: for the
 * same job the bar keeps the furthest count and total seen, and never goes back.
 */
export function mergeProgress<J extends ProgressFields>(prev: J | null, next: J): J {
  if (!prev || prev.id !== next.id) return next;
  return { ...next, rowsDone: Math.max(prev.rowsDone, next.rowsDone), rowsTotal: Math.max(prev.rowsTotal, next.rowsTotal) };
}
