import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Readable } from "node:stream";
import * as auditExport from "@/app/api/v1/audit/export/route";
import * as exhibitFile from "@/app/api/v1/exhibits/[id]/file/route";
import { uploadExhibit } from "@/lib/exhibits";
import { createWitness } from "@/lib/witnesses/witnesses";
import { png } from "@/tests/support/exhibit-files";
import * as fullZip from "@/app/api/v1/exports/full.zip/route";
import * as linksCsv from "@/app/api/v1/exports/links.csv/route";
import * as personsCsv from "@/app/api/v1/exports/persons.csv/route";
import * as statementsCsv from "@/app/api/v1/exports/statements.csv/route";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { read } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// HEAD on an export answers as GET would, headers only, and is not an export: nothing is made,
// sent or recorded in the audit log. Next answers HEAD on a route with the route's HEAD handler,
// or by running GET when it has none (node_modules/next/.../auto-implement-methods.js): the
// handler is taken here the same way, so these tests hold whichever the route exports.

type Handler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
type RouteModule = { GET: Handler; HEAD?: Handler };

let db: TestDatabase;
let dir: string;
const tokens: Record<"admin" | "researcher" | "reviewer" | "legal", string> = { admin: "", researcher: "", reviewer: "", legal: "" };

beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), "casefile-export-head-"));
  process.env.CASEFILE_STORAGE_DIR = join(dir, "store");
  const actors: Record<keyof typeof tokens, Actor> = {
    admin: await makeActor("ADMIN"),
    researcher: await makeActor("RESEARCHER"),
    reviewer: await makeActor("REVIEWER"),
    legal: await makeActor("LEGAL"),
  };
  for (const [who, actor] of Object.entries(actors)) tokens[who as keyof typeof tokens] = (await createToken({ actor, input: { name: "head" } })).secret;
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Outside a server there is no cookie store to read a session from: a token that is no one's
// stands for a request that is not signed in.
const NOBODY = "cf_not-a-token";

const auditCount = () => read((d) => d.auditEvent.count());

async function call(route: RouteModule, method: "HEAD" | "GET", url: string, token: string): Promise<Response> {
  const handler = method === "HEAD" ? (route.HEAD ?? route.GET) : route.GET;
  return handler(new Request(`http://casefile.test${url}`, { method, headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
}

/** A HEAD request, with the audit log counted before and after; any body is drained. */
async function head(route: RouteModule, url: string, token: string) {
  const before = await auditCount();
  const res = await call(route, "HEAD", url, token);
  await res.arrayBuffer();
  return { res, added: (await auditCount()) - before };
}

const csvRoutes: [string, RouteModule][] = [
  ["/api/v1/exports/persons.csv", personsCsv],
  ["/api/v1/exports/statements.csv", statementsCsv],
  ["/api/v1/exports/links.csv", linksCsv],
];

describe("HEAD on the list CSVs", () => {
  test.each(csvRoutes)("HEAD %s answers GET's headers and records no download", async (url, route) => {
    const { res, added } = await head(route, url, tokens.researcher);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="casefile-\w+-\d{4}-\d\d-\d\d\.csv"$/);
    expect(added).toBe(0);

    // A real download is still recorded, once.
    const before = await auditCount();
    const got = await call(route, "GET", url, tokens.researcher);
    expect(got.status).toBe(200);
    expect([...new Uint8Array(await got.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await auditCount()).toBe(before + 1);
    expect((await read((d) => d.auditEvent.findFirstOrThrow({ orderBy: { seq: "desc" } }))).action).toBe("list.export");
  });

  test("HEAD is refused as GET is, before anything is recorded: no sign-in, or a filter that is no such value", async () => {
    for (const [url, route] of csvRoutes) {
      const { res, added } = await head(route, url, NOBODY);
      expect(res.status, url).toBe(401);
      expect(added).toBe(0);
    }
    const bad = await head(statementsCsv, "/api/v1/exports/statements.csv?status=NOPE", tokens.researcher);
    expect(bad.res.status).toBe(400);
    expect(bad.added).toBe(0);
    expect((await call(statementsCsv, "GET", "/api/v1/exports/statements.csv?status=NOPE", tokens.researcher)).status).toBe(400);
  });
});

describe("HEAD on the full export", () => {
  test("an administrator's HEAD makes no export and records none", async () => {
    const { res, added } = await head(fullZip, "/api/v1/exports/full.zip", tokens.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="casefile-export-\d{4}-\d\d-\d\d\.zip"$/);
    expect(added).toBe(0);
    // No export document was begun in the store's tmp folder either.
    const tmp = join(dir, "store", "tmp");
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  }, 60_000);

  test("anyone else gets GET's refusal", async () => {
    for (const who of ["researcher", "reviewer", "legal"] as const) {
      const { res, added } = await head(fullZip, "/api/v1/exports/full.zip", tokens[who]);
      expect(res.status, who).toBe(403);
      expect(added).toBe(0);
      expect((await call(fullZip, "GET", "/api/v1/exports/full.zip", tokens[who])).status, who).toBe(403);
    }
    expect((await head(fullZip, "/api/v1/exports/full.zip", NOBODY)).res.status).toBe(401);
  });
});

describe("HEAD on the audit log export", () => {
  test("for those who may export the log: GET's headers, and no export recorded", async () => {
    for (const who of ["admin", "reviewer"] as const) {
      const { res, added } = await head(auditExport, "/api/v1/audit/export", tokens[who]);
      expect(res.status, who).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="casefile-audit-.+\.jsonl"$/);
      expect(added, who).toBe(0);
    }
    expect(await read((d) => d.auditEvent.count({ where: { action: "audit.export" } }))).toBe(0);
  });

  test("for anyone else: GET's refusal, and nothing recorded", async () => {
    for (const who of ["researcher", "legal"] as const) {
      const { res, added } = await head(auditExport, "/api/v1/audit/export", tokens[who]);
      expect(res.status, who).toBe(403);
      expect(added).toBe(0);
      expect((await call(auditExport, "GET", "/api/v1/audit/export", tokens[who])).status, who).toBe(403);
    }
    expect((await head(auditExport, "/api/v1/audit/export", NOBODY)).res.status).toBe(401);
  });
});

describe("HEAD on an exhibit's file", () => {
  test("answers GET's headers, a range's too, and records no viewing; GET records one", async () => {
    const researcher = await makeActor("RESEARCHER");
    const token = (await createToken({ actor: researcher, input: { name: "head-exhibit" } })).secret;
    const witness = await createWitness({ actor: researcher, input: { fictional: true } });
    const bytes = png(120, 20, 200);
    const { exhibit } = await uploadExhibit({ actor: researcher, file: { stream: Readable.from([bytes]), name: "head.png" }, input: { witnessId: witness.id, description: "fictional" } });
    const ask = (method: "HEAD" | "GET", headers: Record<string, string> = {}) =>
      (method === "HEAD" ? exhibitFile.HEAD : exhibitFile.GET)(new Request(`http://casefile.test/api/v1/exhibits/${exhibit.id}/file`, { method, headers: { authorization: `Bearer ${token}`, ...headers } }), { params: Promise.resolve({ id: exhibit.id }) });
    const viewings = () => read((d) => d.auditEvent.count({ where: { action: "exhibit.download", recordId: exhibit.id } }));
    const whole = await ask("HEAD");
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(bytes.length));
    expect(whole.headers.get("content-type")).toBe("image/png");
    const part = await ask("HEAD", { range: "bytes=0-9" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-9/${bytes.length}`);
    expect(await viewings()).toBe(0);
    await (await ask("GET")).arrayBuffer();
    expect(await viewings()).toBe(1);
    // Another user's HEAD is refused as their GET would be: nobody signed in.
    const nobody = await exhibitFile.HEAD(new Request(`http://casefile.test/api/v1/exhibits/${exhibit.id}/file`, { method: "HEAD", headers: { authorization: `Bearer ${NOBODY}` } }), { params: Promise.resolve({ id: exhibit.id }) });
    expect(nobody.status).toBe(401);
  });
});
