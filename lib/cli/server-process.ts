// How the production server's Node process is started. `npm start` (lib/cli/start.ts), the
// browser tests and the benchmark (bench/run.ts) all start it with these, so the benchmark measures the
// server as it runs.
import { join } from "node:path";

/**
 * V8 settings for the server, for its resident memory (target: ≤ 400 MB under the benchmark's
 * load; measured at 100,000 statements on SQLite: peak 475 MB without them, 267 MB with them,
 * same CPU per request within the noise of the shared machine).
 * - The old generation may grow to 1.5× what survived the last full collection before the next
 *   one, instead of up to 4× on a machine with this much memory: under page load the heap
 *   filled with garbage up to ~300 MB before V8 collected it. (2× measured 300 MB, 1.3× 271 MB.)
 * - A smaller young generation (8 MB semi-spaces instead of 16): ~20 MB less resident.
 * No limit is set on the heap's size (V8's default, ~4 GB here, stays), so nothing that fitted
 * before (an import of 10,000 rows, a dossier export) can run out of memory now; the heap is
 * collected more often instead.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ["--max-semi-space-size=8", "--heap-growing-percent=50"];

/**
 * The arguments for `node` that start the production server on a port: lib/cli/http-server.mjs,
 * Next's request handler as `next start` runs it, which also tells the app each connection's
 * address (for sign-in throttling, lib/auth/client-address.ts).
 */
export function serverArgs(port: string | number, root = process.cwd()): string[] {
  return [...SERVER_NODE_OPTIONS, join(root, "lib", "cli", "http-server.mjs"), "-p", String(port)];
}
