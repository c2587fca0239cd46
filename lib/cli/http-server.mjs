// The production server (`node lib/cli/http-server.mjs -p PORT`, started by lib/cli/server-process.ts):
// Next's own request handler behind Node's HTTP server, as `next start` runs it, with one addition.
// Every request carries the address of the connection it came on in the header PEER_HEADER,
// set here and overwriting whatever a client sent under that name. `next start` cannot give the
// app this: it fills X-Forwarded-For with the connection's address only when a client sent
// none, so an address read from that header is whatever the client chose, and sign-in
// throttling per address (lib/auth/client-address.ts) could be escaped by changing it.
// Plain JavaScript, so the server needs no TypeScript loader.
import { createServer } from "node:http";
import { PEER_HEADER } from "../auth/peer-header.mjs";

/** Graceful stop: connections in progress get this long to finish before the process exits. */
const STOP_GRACE_MS = 10_000;

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

async function main() {
  const port = portFromArgs(process.argv.slice(2));
  process.title = "casefile-server";
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
  server.on("error", (e) => {
    console.error(e.code === "EADDRINUSE" ? `Port ${port} is already in use.` : e.message);
    process.exit(1);
  });
  server.listen(port, () => console.log(`Casefile is listening on http://localhost:${port}`));

  const stop = (signal) => {
    // No new connections; requests in progress finish (a write that was acknowledged is committed
    // before its answer is sent, so stopping never loses one).
    server.close(() => process.exit(signal === "SIGINT" ? 130 : 143));
    server.closeIdleConnections();
    setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), STOP_GRACE_MS).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main();
