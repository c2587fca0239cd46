// The production server (`node lib/cli/http-server.mjs -p PORT`, started by lib/cli/server-process.ts):
// Next's own request handler behind Node's HTTP server, as `next start` runs it, with two additions.
// 1. Every request carries the address of the connection it came on in the header PEER_HEADER,
//    set here and overwriting whatever a client sent under that name. `next start` cannot give the
//    app this: it fills X-Forwarded-For with the connection's address only when a client sent
//    none, so an address read from that header is whatever the client chose, and sign-in
//    throttling per address (lib/auth/client-address.ts) could be escaped by changing it.
// 2. CASEFILE_SERVER_PROCESSES (lib/cli/server-processes.mjs) may ask for several processes. This
//    one then serves nothing itself: it starts them (node:cluster, each a whole server on the
//    same port), keeps the sign-in throttle's counts for all of them, starts another when one
//    dies, and stops them all on SIGINT or SIGTERM.
// Plain JavaScript, so the server needs no TypeScript loader.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { PEER_HEADER } from "../auth/peer-header.mjs";
import { parseServerProcesses, SERVER_PROCESSES_ENV } from "./server-processes.mjs";

/** Graceful stop: connections in progress get this long to finish before the process exits. */
const STOP_GRACE_MS = 10_000;

/** A process stopped by a signal exits as a shell reports one: 128 + the signal's number. */
const exitCodeFor = (signal) => (signal === "SIGINT" ? 130 : 143);

function portFromArgs(argv) {
  const i = argv.indexOf("-p");
  const raw = i >= 0 ? argv[i + 1] : process.env.PORT || "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`The port must be a whole number from 1 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return port;
}

/** Next's handler on the port: the whole server with one process, one worker's share with several. */
async function serve(port) {
  process.title = cluster.isWorker ? "casefile-server-worker" : "casefile-server";
  // As `next start` does, before Next (and React) are loaded: they pick their production builds by it.
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), port });
  try {
    await app.prepare();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    console.error("Build the app first: npx next build (npm start does).");
    process.exit(1);
  }
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    handle(req, res).catch((e) => {
      console.error(`Failed to handle a request: ${e instanceof Error ? e.message : e}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  // An idle keep-alive connection is closed after this long. Node's default, 5 s, races a client
  // that reuses a connection left idle about that long: its request meets the close and fails
  // (ECONNRESET), as the browser suite's API client once did after a five-second wait. A minute,
  // as proxies keep them; the headers of a request must still come within 66 s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on("error", (e) => {
    console.error(e.code === "EADDRINUSE" ? `Port ${port} is already in use.` : e.message);
    process.exit(1);
  });
  // With several processes the supervisor says so once, when all of them listen.
  server.listen(port, () => cluster.isWorker || console.log(`Casefile is listening on http://localhost:${port}`));

  let stopping = false;
  const stop = (signal) => {
    // A worker hears a terminal's Ctrl+C twice (from the terminal and from the supervisor): once is enough.
    if (stopping) return;
    stopping = true;
    // No new connections; requests in progress finish (a write that was acknowledged is committed
    // before its answer is sent, so stopping never loses one).
    server.close(() => process.exit(exitCodeFor(signal)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(exitCodeFor(signal)), STOP_GRACE_MS).unref();
  };
  // A lone server stops at once on a second signal; a worker leaves that to its supervisor.
  const listen = cluster.isWorker ? process.on.bind(process) : process.once.bind(process);
  listen("SIGINT", stop);
  listen("SIGTERM", stop);
}

/** Restarts within this window, beyond RESTART_LIMIT, mean a process dies as soon as it starts. */
const RESTART_WINDOW_MS = 60_000;
const RESTART_LIMIT = 5;

/** With several processes: starts `count` workers on the port and looks after them. */
async function supervise(port, count) {
  process.title = "casefile-server";
  // The sign-in throttle's counts are kept here, for every worker alike (lib/auth/throttle.ts):
  // otherwise each process would allow its own five failures per account.
  const { RateLimiterClusterMaster } = await import("rate-limiter-flexible");
  new RateLimiterClusterMaster();

  const live = new Map(); // worker id -> whether it has listened
  const restarts = [];
  let listening = 0;
  let announced = false;
  let ending = null; // { code } once every worker is being stopped

  const fork = () => live.set(cluster.fork().id, false);
  const endAll = (signal, code) => {
    if (ending) return;
    ending = { code };
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    if (live.size === 0) process.exit(code);
    // Each worker gives its requests STOP_GRACE_MS; a worker that does not end by then is not waited for.
    setTimeout(() => process.exit(code), STOP_GRACE_MS + 2_000).unref();
  };

  cluster.on("listening", (w) => {
    if (live.get(w.id) !== false) return;
    live.set(w.id, true);
    listening++;
    if (announced) {
      // A replacement: the operator who read "starting another" learns that it serves.
      console.log(`A new server process is serving requests (${listening} of ${count}).`);
    } else if (listening === count) {
      announced = true;
      console.log(`Casefile is listening on http://localhost:${port} (${count} processes)`);
    }
  });
  cluster.on("exit", (w, code, signal) => {
    const listened = live.get(w.id);
    live.delete(w.id);
    if (ending) {
      if (live.size === 0) process.exit(ending.code);
      return;
    }
    if (!listened) {
      // A process that could not start (no build, the port taken) says why itself; the others would fail alike.
      console.error("A server process exited before it could serve requests: stopping the server.");
      endAll("SIGTERM", code || 1);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > RESTART_LIMIT) {
      console.error(`Server processes stopped ${restarts.length} times within a minute: stopping the server.`);
      endAll("SIGTERM", 1);
      return;
    }
    console.error(`A server process stopped unexpectedly (${signal ?? `exit code ${code}`}); starting another.`);
    listening--;
    fork();
  });

  for (let i = 0; i < count; i++) fork();
  process.once("SIGINT", () => endAll("SIGINT", exitCodeFor("SIGINT")));
  process.once("SIGTERM", () => endAll("SIGTERM", exitCodeFor("SIGTERM")));
}

async function main() {
  const port = portFromArgs(process.argv.slice(2));
  if (cluster.isWorker) return serve(port);
  const processes = parseServerProcesses(process.env[SERVER_PROCESSES_ENV], availableParallelism());
  if (!processes.ok) {
    console.error(processes.error);
    process.exit(2);
  }
  return processes.count > 1 ? supervise(port, processes.count) : serve(port);
}

main();
