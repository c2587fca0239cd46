import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serverArgs } from "@/lib/cli/server-process";
import { demoUser, expect, test } from "./fixtures";
import { requestOnce as once } from "./http-once";

// The server with CASEFILE_SERVER_PROCESSES=2 (lib/cli/http-server.mjs): a supervisor and two
// workers on one port, on a database of its own, beside the suite's server. The sign-in throttle
// must count for the installation, not once per process; a worker that dies is replaced without
// the server going away; SIGTERM stops them all.

const PORT = Number(process.env.CASEFILE_E2E_PORT ?? 3100) + 2;
const BASE = `http://127.0.0.1:${PORT}`;

const started = new Set<ChildProcess>();
process.on("exit", () => {
  for (const s of started) s.kill("SIGKILL");
});

/** The processes whose parent is `pid`, with their titles. */
function childrenOf(pid: number): { pid: number; title: string }[] {
  const r = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" });
  return r.stdout
    .trim()
    .split("\n")
    .filter(Boolean)
    .map(Number)
    .map((p) => {
      let title = "";
      try {
        title = readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0")[0] ?? "";
      } catch {
        /* gone */
      }
      return { pid: p, title };
    });
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${BASE}/api/v1/health`)).ok;
  } catch {
    return false;
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Signs in through next-auth's credentials endpoint; true when a session cookie comes back. Three
 * connections each (a health check, the CSRF token, the attempt), so that with two workers taking
 * connections in turn, one attempt's POST goes to one worker and the next attempt's to the other.
 */
async function signIn(email: string, password: string): Promise<boolean> {
  expect((await once(`${BASE}/api/v1/health`)).status).toBe(200);
  const csrf = await once(`${BASE}/api/auth/csrf`);
  const r = await once(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { cookie: csrf.cookies.map((c) => c.split(";")[0]).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken: JSON.parse(csrf.body).csrfToken, email, password, json: "true" }).toString(),
  });
  expect(r.status).toBeLessThan(500);
  return r.cookies.some((c) => c.includes("session-token="));
}

test("two server processes: one throttle for both, a dead worker replaced, all stopped by SIGTERM", async () => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), "casefile-processes-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, "casefile.db")}`,
    CASEFILE_STORAGE_DIR: join(dir, "exhibits"),
    PORT: String(PORT),
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
    CASEFILE_DATA_KEY: "k1.k_cGBqpItT10fB_tauxihzQMWhVD58c2E7HdsW4x9uc", // e2e only
    CASEFILE_ENV_FILE: "data/no-such-env-file",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  };
  try {
    const setup = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/e2e/durability-setup.ts"], { env, encoding: "utf8", timeout: 180_000 });
    expect(setup.status, setup.stderr).toBe(0);

    const server = spawn(process.execPath, serverArgs(PORT), { env: { ...env, CASEFILE_SERVER_PROCESSES: "2" }, stdio: ["ignore", "pipe", "inherit"] });
    started.add(server);
    let out = "";
    server.stdout!.on("data", (d) => (out += d));
    await until("the server to say it listens", () => (out.includes("(2 processes)") ? true : server.exitCode !== null ? Promise.reject(new Error(`exited ${server.exitCode}`)) : undefined));
    const workers = childrenOf(server.pid!);
    expect(workers.map((w) => w.title)).toEqual(["casefile-server-worker", "casefile-server-worker"]);

    // Five failed sign-ins lock an account. The attempts go to the two workers in turn, so neither
    // sees more than three: counted per process, the sixth (with the right password) would get in.
    const u = demoUser("REVIEWER");
    for (let i = 0; i < 5; i++) expect(await signIn(u.email, `wrong guess ${i}`)).toBe(false);
    expect(await signIn(u.email, u.password)).toBe(false);
    // Another account is not locked, whichever worker answers.
    const r = demoUser("RESEARCHER");
    expect(await signIn(r.email, r.password)).toBe(true);
    expect(await signIn(r.email, r.password)).toBe(true);

    // A worker killed outright is replaced; the server answers all along.
    process.kill(workers[0]!.pid, "SIGKILL");
    const replaced = await until("a new worker", () => {
      const now = childrenOf(server.pid!);
      // A new process shows as node until it has loaded the server and named itself.
      return now.length === 2 && !now.some((w) => w.pid === workers[0]!.pid) && now.every((w) => w.title === "casefile-server-worker") ? now : undefined;
    });
    expect(replaced.map((w) => w.title)).toEqual(["casefile-server-worker", "casefile-server-worker"]);
    for (let i = 0; i < 6; i++) expect((await once(`${BASE}/api/v1/health`)).status).toBe(200);
    // The supervisor kept the counts: the locked account is still locked.
    expect(await signIn(u.email, u.password)).toBe(false);

    // SIGTERM: the supervisor and both workers end, and the port is free.
    const exited = new Promise<number | null>((res) => server.once("exit", (code) => res(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(143);
    for (const w of replaced) expect(() => process.kill(w.pid, 0)).toThrow();
    expect(await healthy()).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a number of server processes that is not one is refused with a sentence, and nothing starts", () => {
  const r = spawnSync(process.execPath, serverArgs(PORT), { env: { ...process.env, CASEFILE_SERVER_PROCESSES: "two" }, encoding: "utf8", timeout: 20_000 });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('CASEFILE_SERVER_PROCESSES must be a whole number from 1 to 32, or "auto" (one process per core), not "two".');
});

/** The server with two processes on PORT, its output gathered; stopped and waited for by the caller. */
function startTwo(env: NodeJS.ProcessEnv, cwd = process.cwd()) {
  const server = spawn(process.execPath, serverArgs(PORT, process.cwd()), { cwd, env: { ...env, CASEFILE_SERVER_PROCESSES: "2" }, stdio: ["ignore", "pipe", "pipe"] });
  started.add(server);
  const out = { stdout: "", stderr: "" };
  server.stdout!.on("data", (d) => (out.stdout += d));
  server.stderr!.on("data", (d) => (out.stderr += d));
  const exited = new Promise<number | null>((res) => server.once("exit", (code) => res(code)));
  return { server, out, exited };
}

const count = (text: string, line: string) => text.split(line).length - 1;

test("a server process that cannot start stops the whole server, with the reason", async () => {
  test.setTimeout(120_000);
  const env = { ...process.env, NEXTAUTH_SECRET: "e2e-only-secret-not-for-production", CASEFILE_ENV_FILE: "data/no-such-env-file", NODE_ENV: "production" as const };

  // The port is taken by another program: each worker loads the app, fails to listen and says why.
  const squatter = createServer();
  await new Promise<void>((res) => squatter.listen(PORT, res));
  try {
    const { server, out, exited } = startTwo(env);
    expect(await exited).toBe(1);
    expect(out.stderr).toContain(`Port ${PORT} is already in use.`);
    expect(out.stderr).toContain("A server process exited before it could serve requests: stopping the server.");
    expect(out.stdout).not.toContain("Casefile is listening");
    expect(childrenOf(server.pid!)).toEqual([]);
  } finally {
    await new Promise((res) => squatter.close(res));
  }

  // No build where the server is started: the workers cannot load the app.
  const empty = mkdtempSync(join(tmpdir(), "casefile-no-build-"));
  try {
    const { out, exited } = startTwo(env, empty);
    expect(await exited).toBe(1);
    expect(out.stderr).toContain("Build the app first: npx next build (npm start does).");
    expect(out.stderr).toContain("A server process exited before it could serve requests: stopping the server.");
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
  expect(await healthy()).toBe(false);
});

test("server processes that keep dying stop the server after the sixth death within a minute", async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), "casefile-deaths-"));
  const env = {
    ...process.env,
    DATABASE_URL: `file:${join(dir, "casefile.db")}`,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
    CASEFILE_ENV_FILE: "data/no-such-env-file",
    NODE_ENV: "production" as const,
  };
  try {
    const { server, out, exited } = startTwo(env);
    await until("the server to say it listens", () => (out.stdout.includes("(2 processes)") ? true : server.exitCode !== null ? Promise.reject(new Error(`exited ${server.exitCode}: ${out.stderr}`)) : undefined));
    // Five deaths, each followed by a replacement that serves: the server stays up.
    for (let death = 1; death <= 5; death++) {
      const [victim] = childrenOf(server.pid!).filter((w) => w.title === "casefile-server-worker");
      process.kill(victim!.pid, "SIGKILL");
      await until(`replacement ${death} to serve`, () =>
        count(out.stdout, "A new server process is serving requests (2 of 2).") === death ? true : server.exitCode !== null ? Promise.reject(new Error(`exited ${server.exitCode}: ${out.stderr}`)) : undefined,
      );
      expect(count(out.stderr, "A server process stopped unexpectedly (SIGKILL); starting another.")).toBe(death);
    }
    expect(server.exitCode).toBeNull();
    // The sixth within the minute: no more replacements, every process ends.
    const remaining = childrenOf(server.pid!);
    process.kill(remaining[0]!.pid, "SIGKILL");
    expect(await exited).toBe(1);
    expect(out.stderr).toContain("Server processes stopped 6 times within a minute: stopping the server.");
    for (const w of remaining) expect(() => process.kill(w.pid, 0)).toThrow();
    expect(await healthy()).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
