// The load generator, run as its own process by bench/run.ts so that it never shares a CPU
// queue with the measuring code: autocannon against the running server, cycling through the
// given paths. Prints one JSON line: requests, throughput, and latency percentiles computed
// from every response time (autocannon's own summary has no p95).
import autocannon from "autocannon";

const { url, paths, headers, connections, duration, amount } = JSON.parse(process.argv[2]);
const times = [];
const statuses = {};
let i = 0;
const instance = autocannon({
  url,
  connections,
  ...(amount ? { amount } : { duration }),
  headers,
  // Slow pages are measured, not dropped: a request gets a minute before it counts as an error.
  timeout: 60,
  requests: [
    {
      setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }),
    },
  ],
});
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  times.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
instance.on("done", (r) => {
  times.sort((a, b) => a - b);
  const q = (p) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : null);
  const seconds = r.duration;
  process.stdout.write(
    JSON.stringify({ requests: times.length, seconds, perSecond: times.length / seconds, p50: q(50), p95: q(95), p99: q(99), max: times[times.length - 1] ?? null, statuses, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx }) + "\n",
  );
});
