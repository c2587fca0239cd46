/**
 * Runs a query over ids in slices: SQLite refuses statements with too many parameters (Prisma
 * P2029, found by bench/dossier-build.ts at 500 statements), and a dossier may hold thousands of
 * records, an import name thousands of witnesses.
 */
export async function inSlices<T>(ids: readonly string[], fn: (slice: string[]) => Promise<T[]>, size = 400): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await fn(ids.slice(i, i + size))));
  return out;
}
