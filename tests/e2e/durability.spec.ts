import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { serverArgs } from "@/lib/cli/server-process";
import { expect, test } from "./fixtures";

// No acknowledged write is ever lost: the production server is killed with SIGKILL while clients
// create and revise statements through the API, then started again on the same database. Every
// write it answered with success must be there (the statement, its revision, its search entry),
// every statement that was committed without an answer must be whole too, and the audit chain
// must verify. Several kills at random moments, on SQLite and on PostgreSQL. The server runs on
// its own database and port, beside the suite's server.

const PORT = Number(process.env.CASEFILE_E2E_PORT ?? 3100) + 1;
const BASE = `http://127.0.0.1:${PORT}`;
const PG_ADMIN_URL = process.env.CASEFILE_TEST_PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ROUNDS = 3;
const WRITERS = 6;

type Acked = { id: string; word: string; revision: number };

/** A word no text holds (letters only, so the search normalisation leaves it whole). */
function uniqueWord(): string {
  return `dur${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("")}`;
}

/** Migrates and seeds the database, and makes the two tokens (durability-setup.ts). */
function setUp(env: NodeJS.ProcessEnv): { researcher: string; admin: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "tests/e2e/durability-setup.ts"], { env, encoding: "utf8", timeout: 180_000 });
  if (r.status !== 0) throw new Error(`durability-setup exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!) as { researcher: string; admin: string };
}

// A server this file started never outlives it, whatever way a test ends.
const started = new Set<ChildProcess>();
process.on("exit", () => {
  for (const s of started) s.kill("SIGKILL");
});

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  const server = spawn(process.execPath, serverArgs(PORT), { env, stdio: ["ignore", "ignore", "inherit"] });
  started.add(server);
  server.once("exit", () => started.delete(server));
  return server;
}

async function waitForHealth(server: ChildProcess): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode} while starting`);
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not answer within 90 s");
}

async function killHard(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGKILL");
  await exited;
}

function api(token: string) {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  return {
    get: (path: string) => fetch(`${BASE}${path}`, { headers }),
    send: (method: "POST" | "PUT", path: string, body: unknown) => fetch(`${BASE}${path}`, { method, headers, body: JSON.stringify(body) }),
  };
}

/**
 * Creates and revises statements until the server goes away. A write counts as acknowledged only
 * when its whole answer arrived; an answer other than success while the server lives fails the test.
 */
async function writer(client: ReturnType<typeof api>, witnessId: string, acked: Acked[], killed: { now: boolean }): Promise<void> {
  while (!killed.now) {
    const word = uniqueWord();
    const text = `Durability check: the witness said ${word} twice.`;
    let entry: Acked;
    try {
      const res = await client.send("POST", "/api/v1/statements", { witnessId, title: `Durability ${word}`, language: "en", originalText: text });
      if (res.status !== 201) {
        if (killed.now) return;
        throw new Error(`create answered ${res.status}: ${await res.text()}`);
      }
      entry = { id: ((await res.json()) as { id: string }).id, word, revision: 1 };
    } catch (e) {
      if (killed.now) return;
      throw e;
    }
    acked.push(entry);
    try {
      const res = await client.send("PUT", `/api/v1/statements/${entry.id}`, { title: `Durability ${word}`, language: "en", originalText: `${text} Revised.`, reason: "durability check", baseRevision: 1 });
      if (res.status !== 200) {
        if (killed.now) return;
        throw new Error(`revise answered ${res.status}: ${await res.text()}`);
      }
      await res.json();
      entry.revision = 2;
    } catch (e) {
      if (killed.now) return;
      throw e;
    }
  }
}

type Listed = { id: string; title: string };

/** Every statement this test made, acknowledged or not, as the list reads them. */
async function durabilityStatements(client: ReturnType<typeof api>): Promise<Listed[]> {
  const found: Listed[] = [];
  for (let page = 1; ; page++) {
    const res = await client.get(`/api/v1/statements?pageSize=100&page=${page}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Listed[]; pages: number };
    found.push(...body.items.filter((s) => s.title.startsWith("Durability ")));
    if (page >= body.pages) return found;
  }
}

async function killAndCheck(env: NodeJS.ProcessEnv, researcherToken: string, adminToken: string): Promise<void> {
  const researcher = api(researcherToken);
  const admin = api(adminToken);
  const acked: Acked[] = [];
  let server = startServer(env);
  try {
    await waitForHealth(server);
    const witnesses = (await (await researcher.get("/api/v1/witnesses")).json()) as { items: { id: string }[] };
    const witnessId = witnesses.items[0]!.id;
    for (let round = 1; round <= ROUNDS; round++) {
      const killed = { now: false };
      const ackedBefore = acked.length;
      const failures: unknown[] = [];
      const writers = Array.from({ length: WRITERS }, () => writer(researcher, witnessId, acked, killed).catch((e) => void failures.push(e)));
      // Some writes first, so that the kill lands in the middle of a stream of them.
      while (acked.length < ackedBefore + WRITERS && failures.length === 0) await new Promise((r) => setTimeout(r, 20));
      if (failures.length === 0) await new Promise((r) => setTimeout(r, randomInt(200, 1500)));
      killed.now = true;
      await killHard(server);
      await Promise.all(writers);
      if (failures.length) throw failures[0];
      expect(acked.length, `round ${round}: writes were acknowledged before the kill`).toBeGreaterThan(ackedBefore);

      server = startServer(env);
      await waitForHealth(server);
      for (const a of acked) {
        const res = await researcher.get(`/api/v1/statements/${a.id}`);
        expect(res.status, `round ${round}: acknowledged statement ${a.id} is there`).toBe(200);
        const s = (await res.json()) as { originalText: string; revisionNumber: number };
        expect(s.originalText).toContain(a.word);
        expect(s.revisionNumber, `round ${round}: statement ${a.id} keeps its acknowledged revision`).toBeGreaterThanOrEqual(a.revision);
      }
      // Everything committed is whole, answered or not: it reads, and search finds it by its word.
      const listed = await durabilityStatements(researcher);
      expect(listed.length).toBeGreaterThanOrEqual(acked.length);
      for (const s of listed) {
        const word = s.title.slice("Durability ".length);
        const res = await researcher.get(`/api/v1/search?type=statement&q=${word}`);
        expect(res.status).toBe(200);
        const hits = (await res.json()) as { items: { id: string }[] };
        expect(hits.items.map((i) => i.id), `search finds committed statement ${s.id}`).toContain(s.id);
      }
      const verify = await admin.get("/api/v1/audit/verify");
      expect(verify.status).toBe(200);
      expect(await verify.json(), `round ${round}: the audit chain verifies`).toMatchObject({ ok: true });
    }
  } finally {
    await killHard(server);
  }
}

function serverEnv(databaseUrl: string, storage: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(PORT),
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
    CASEFILE_DATA_KEY: "k1.k_cGBqpItT10fB_tauxihzQMWhVD58c2E7HdsW4x9uc", // e2e only
    CASEFILE_ENV_FILE: "data/no-such-env-file",
    CASEFILE_STORAGE_DIR: storage,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

async function withDatabase(provider: "sqlite" | "postgresql", fn: (env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "casefile-e2e-durability-"));
  const name = `casefile_e2e_durability_${process.pid}_${randomBytes(4).toString("hex")}`;
  const adminDb = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_ADMIN_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  try {
    if (provider === "postgresql") await adminDb(`CREATE DATABASE "${name}"`);
    const url = provider === "sqlite" ? `file:${join(dir, "casefile.db")}` : PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const env = serverEnv(url, join(dir, "store"));
    await fn(env);
  } finally {
    if (provider === "postgresql") await adminDb(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const provider of ["sqlite", "postgresql"] as const) {
  test(`no acknowledged write is lost when the server is killed mid-stream (${provider})`, async () => {
    test.setTimeout(300_000);
    await withDatabase(provider, async (env) => {
      const tokens = setUp(env);
      await killAndCheck(env, tokens.researcher, tokens.admin);
    });
  });
}
