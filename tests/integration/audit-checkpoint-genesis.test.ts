import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as verifyRoute } from "@/app/api/v1/audit/verify/route";
import { GENESIS_HASH } from "@/lib/audit/canonical";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { writeAudit } from "@/lib/audit/write-audit";
import { createToken } from "@/lib/auth/tokens";
import { write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A checkpoint at sequence number 0 names no event: it is where every chain starts, so the only
// one there is "0:" + the genesis hash. Any other hash at 0 was never a point of this log and
// must be reported as not matching, as a wrong hash at any other sequence number is: by the
// library, the API and the command line alike.

let db: TestDatabase;
let token: string;
const WRONG = { seq: 0, hash: "ab".repeat(32) };

beforeAll(async () => {
  db = await freshDatabase();
  token = (await createToken({ actor: await makeActor("REVIEWER"), input: { name: "verify" } })).secret;
  for (let i = 0; i < 3; i++) await write((tx) => writeAudit(tx, { actor: "system", action: "test.event", recordType: "Test", recordId: `g${i}`, after: { i } }));
});
afterAll(async () => db?.drop());

async function verifyOverApi(checkpoint: string) {
  const res = await verifyRoute(new Request(`http://casefile.test/api/v1/audit/verify?checkpoint=${checkpoint}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/casefile.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: db.url },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("a checkpoint at sequence number 0", () => {
  test("the genesis hash at 0 holds for any log; any other hash at 0 is not proven", async () => {
    const events = (await verifyAuditChain()).events;
    expect(events).toBeGreaterThanOrEqual(3);
    expect(await verifyAuditChain({ checkpoint: { seq: 0, hash: GENESIS_HASH } })).toMatchObject({ ok: true, events });
    expect(await verifyAuditChain({ checkpoint: WRONG })).toMatchObject({ ok: false, events, firstBad: 0 });
    expect(await verifyAuditChain({ checkpoint: { seq: 0, hash: "f".repeat(64) } })).toMatchObject({ ok: false, firstBad: 0 });
    // The same answer as a wrong hash at an event that is there.
    expect(await verifyAuditChain({ checkpoint: { seq: 2, hash: WRONG.hash } })).toMatchObject({ ok: false, events, firstBad: 2 });
  });

  test("an empty log: its own checkpoint (0 and the genesis hash) holds, any other at 0 does not", async () => {
    const empty = await freshDatabase();
    try {
      expect(await verifyAuditChain({ checkpoint: { seq: 0, hash: GENESIS_HASH } })).toMatchObject({ ok: true, events: 0 });
      expect(await verifyAuditChain({ checkpoint: WRONG })).toMatchObject({ ok: false, events: 0, firstBad: 0 });
    } finally {
      await empty.drop();
      process.env.DATABASE_URL = db.url;
    }
  });

  test("GET /api/v1/audit/verify answers ok only for the genesis hash at 0", async () => {
    const good = await verifyOverApi(`0:${GENESIS_HASH}`);
    expect(good).toMatchObject({ status: 200, body: { ok: true } });
    const bad = await verifyOverApi(`0:${WRONG.hash}`);
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ ok: false, firstBad: 0 });
    expect(bad.body.reason).toEqual(expect.any(String));
    expect(bad.body.head).toBeUndefined();
  });

  test("audit:verify --checkpoint exits 1 for a wrong hash at 0 and 0 for the genesis hash", () => {
    const bad = cli(["audit:verify", "--checkpoint", `0:${WRONG.hash}`]);
    expect(bad.code, bad.out + bad.err).toBe(1);
    expect(bad.err).toMatch(/BROKEN at sequence number 0/);
    const good = cli(["audit:verify", "--checkpoint", `0:${GENESIS_HASH}`]);
    expect(good.code, good.err).toBe(0);
  }, 120_000);
});
