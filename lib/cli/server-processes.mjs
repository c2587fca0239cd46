// How many processes the production server (lib/cli/http-server.mjs) runs: CASEFILE_SERVER_PROCESSES.
// Plain JavaScript, as the server is. One process by default: it answers one request's JavaScript
// at a time, which is what a small team needs and the least memory. With more, the operating
// system hands each new connection to one of them (node:cluster), so pages and searches use every
// core under load, at the cost of each process's own memory (see the README).

export const SERVER_PROCESSES_ENV = "CASEFILE_SERVER_PROCESSES";

/** The most processes one server may be asked for. */
export const MAX_SERVER_PROCESSES = 32;

/**
 * The number of server processes from the variable's text: empty or unset, 1; "auto", one per
 * core the system gives this process (`cores`); otherwise a whole number from 1 to
 * MAX_SERVER_PROCESSES. Anything else is refused with a sentence saying what to write.
 * @param {string | undefined} raw
 * @param {number} cores
 * @returns {{ ok: true, count: number } | { ok: false, error: string }}
 */
export function parseServerProcesses(raw, cores) {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: true, count: 1 };
  if (text.toLowerCase() === "auto") return { ok: true, count: Math.max(1, Math.min(MAX_SERVER_PROCESSES, Math.floor(cores) || 1)) };
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= 1 && n <= MAX_SERVER_PROCESSES) return { ok: true, count: n };
  }
  return {
    ok: false,
    error: `${SERVER_PROCESSES_ENV} must be a whole number from 1 to ${MAX_SERVER_PROCESSES}, or "auto" (one process per core), not "${text}".`,
  };
}
