import { hostname } from "node:os";

// Which process runs a background job (an import, a dossier export), so that a job whose process
// died can be told from one another process is still running (the CLI beside the web server).

/**
 * This process as a job's runner: host:pid:start time. The start time tells this process from an
 * earlier one that had the same pid (a restarted container's server is often pid 1 every time).
 */
export const THIS_RUNNER = `${hostname()}:${process.pid}:${Math.round(Date.now() - process.uptime() * 1000)}`;

/**
 * Whether the process named as a job's runner has gone. Only a process on this machine can be
 * checked (signal 0 asks the system without sending anything); a runner elsewhere, or alive, or
 * not recorded, is not reported gone.
 */
export function runnerGone(runner: string | null): boolean {
  if (!runner || runner === THIS_RUNNER) return false;
  const parts = runner.split(":");
  if (parts.length < 3) return false;
  const pid = Number(parts[parts.length - 2]);
  const host = parts.slice(0, -2).join(":");
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true; // an earlier process that had this process's pid
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}
