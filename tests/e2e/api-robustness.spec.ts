import { readdirSync } from "node:fs";
import { join } from "node:path";
import { request as playwrightRequest } from "@playwright/test";
import { demoUser, expect, signInWith, test } from "./fixtures";

// No request ever answers 500 because of what a client sent. Every operation in the OpenAPI
// document is called with malformed ids, bodies and query strings, signed in as an admin (who
// passes most authorization, so the input checks are what answer) and signed out.

type Doc = { paths: Record<string, Record<string, unknown>> };
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

const BAD_BODIES: { label: string; data: string | Buffer | object; contentType?: string }[] = [
  { label: "empty object", data: {} },
  { label: "malformed JSON", data: "{\"title\": ", contentType: "application/json" },
  { label: "array", data: [1, 2, 3] },
  { label: "wrong types", data: { title: 5, language: ["fa"], originalText: { a: 1 }, witnessId: null, reason: false, baseRevision: "x", decision: 7, scope: {}, startOffset: -1, endOffset: "z", personId: 3, q: [] } },
  { label: "huge numbers and strings", data: { page: 1e308, revisionNumber: 2 ** 62, title: "ی".repeat(5000), name: "x".repeat(100_000) } },
  { label: "plain text", data: "hello", contentType: "text/plain" },
  { label: "binary", data: Buffer.from([0, 255, 1, 254, 0x7f, 0x45, 0x4c, 0x46]), contentType: "application/octet-stream" },
  // JSON.parse keeps these as the body's own keys; the field errors must name them, not trip on
  // Object.prototype's properties of the same names.
  {
    label: "keys named like Object.prototype's",
    data: '{"constructor":"\\u0000","__proto__":"\\ud800","toString":"x","title":{"constructor":"\\u0000"},"translations":{"constructor":1}}',
    contentType: "application/json",
  },
  { label: "malformed multipart", data: "not a multipart body", contentType: "multipart/form-data; boundary=x" },
];
const BAD_IDS = ["does-not-exist", "'; DROP TABLE \"User\"; --", "%00", "٣٤٥", "a".repeat(600)];
const BAD_QUERIES = ["page=-1&pageSize=abc", "q=%FF%FE&type=nothing", "status=NOPE&language=xx&before=NaN", "from=2&to=1&minWaitingDays=1e9"];

test("every API operation answers malformed input without a server error", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const anon = await playwrightRequest.newContext({ baseURL });
  const doc = (await (await anon.get("/api/v1/openapi.json")).json()) as Doc;
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInWith(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);

  const failures: string[] = [];
  let calls = 0;
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      if (!item[method]) continue;
      for (const id of BAD_IDS) {
        const path = "/api/v1" + template.replace(/\{[^}]+\}/g, encodeURIComponent(id));
        const attempts =
          method === "get" || method === "delete"
            ? BAD_QUERIES.map((q) => ({ url: `${path}?${q}`, body: undefined as (typeof BAD_BODIES)[number] | undefined }))
            : BAD_BODIES.map((b) => ({ url: path, body: b }));
        for (const a of attempts) {
          for (const [who, ctx] of [["admin", admin], ["anonymous", anon]] as const) {
            const res = await ctx.fetch(a.url, {
              method: method.toUpperCase(),
              data: a.body?.data as never,
              headers: a.body?.contentType ? { "Content-Type": a.body.contentType } : undefined,
              maxRedirects: 0,
            });
            calls++;
            if (res.status() >= 500) failures.push(`${method.toUpperCase()} ${a.url.slice(0, 120)} [${a.body?.label ?? "query"}] as ${who} → ${res.status()}`);
            else if (res.status() >= 400 && (res.headers()["content-type"] ?? "").includes("json")) {
              const body = await res.json().catch(() => null);
              if (!body?.error?.code) failures.push(`${method.toUpperCase()} ${a.url.slice(0, 120)} → ${res.status()} without the error shape`);
            }
          }
        }
      }
    }
  }
  expect(calls).toBeGreaterThan(200);
  expect(failures, failures.join("\n")).toEqual([]);
});

test("every API address answers a method it does not serve with 405, the JSON error and an Allow header naming what it serves", async ({ baseURL }) => {
  const anon = await playwrightRequest.newContext({ baseURL });
  const doc = (await (await anon.get("/api/v1/openapi.json")).json()) as Doc;
  const failures: string[] = [];
  let checked = 0;
  for (const [template, item] of Object.entries(doc.paths)) {
    const path = "/api/v1" + template.replace(/\{[^}]+\}/g, "x");
    const served = METHODS.filter((m) => item[m]).map((m) => m.toUpperCase());
    for (const method of METHODS.map((m) => m.toUpperCase()).filter((m) => !served.includes(m))) {
      const res = await anon.fetch(path, { method, data: method === "GET" ? undefined : "{}", maxRedirects: 0 });
      checked++;
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      const allow = (res.headers()["allow"] ?? "").split(", ");
      if (res.status() !== 405 || body?.error?.code !== "METHOD_NOT_ALLOWED" || !served.every((m) => allow.includes(m)) || allow.includes(method))
        failures.push(`${method} ${path} → ${res.status()} ${JSON.stringify(body)} Allow: ${allow.join(", ")}`);
    }
  }
  expect(checked).toBeGreaterThan(100);
  expect(failures, failures.join("\n")).toEqual([]);
});

// An address under /api that no endpoint has: the API's JSON 404 for every method, and a multipart
// body that does not parse is not taken for a form's server action (which answered 500).
test("an API address with no endpoint answers the API's 404, whatever the method and body", async ({ baseURL }) => {
  const anon = await playwrightRequest.newContext({ baseURL });
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInWith(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
  const bodies = [
    { data: "not a multipart body", contentType: "multipart/form-data; boundary=x" },
    { data: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n", contentType: "multipart/form-data; boundary=x" },
    { data: "{}", contentType: "application/json" },
    { data: undefined, contentType: undefined },
  ];
  for (const path of ["/api/v1/nothing-here", "/api/v1/exports", "/api/v2/statements", "/api/nope/deeper/still"]) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      for (const b of method === "GET" ? bodies.slice(3) : bodies) {
        for (const ctx of [anon, admin]) {
          const res = await ctx.fetch(path, { method, data: b.data, headers: b.contentType ? { "Content-Type": b.contentType } : undefined, maxRedirects: 0 });
          const label = `${method} ${path} ${b.contentType ?? "no body"}`;
          expect(res.status(), label).toBe(404);
          expect((await res.json()).error.code, label).toBe("NOT_FOUND");
        }
      }
    }
  }
  // The endpoints themselves are untouched by the catch-all.
  expect((await anon.get("/api/v1/health")).status()).toBe(200);
  expect((await anon.get("/api/v1/statements")).status()).toBe(401);
  expect((await anon.get("/api/auth/csrf")).status()).toBe(200);
});

// Next cannot decode such a path and, left alone, answers 500 (proxy.ts answers 400 first).
test("an address whose percent-encoding is not UTF-8 is answered 400, on pages and in the API", async ({ baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInWith(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
  const pages = ["/persons/%FF", "/statements/%D8%00", "/statements/%C3/edit", "/proceedings/%"];
  const api = ["/api/v1/persons/%FF", "/api/v1/statements/%D8%00/links", "/api/v1/dossiers/%E0%A4"];
  for (const path of pages) {
    const res = await admin.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(await res.text(), path).toContain("not valid URL encoding");
  }
  for (const path of api) {
    const res = await admin.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.code, path).toBe("INVALID_INPUT");
  }
  // Well-formed encodings are untouched: a Persian word and a zero-width non-joiner name no record (404).
  for (const path of ["/persons/%D9%86%DB%8C%D8%B1%DB%8C", "/persons/a%E2%80%8Cb", "/api/v1/persons/%D9%86%DB%8C%D8%B1%DB%8C"]) {
    expect((await admin.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
});

// Every page, with ids and filters no record can match (a NUL character, a Persian word, a very
// long id) answers a page or a 404, never a server error.
test("every page answers impossible ids and filters without a server error", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInWith(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
  const routes: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) {
        if (e.name === "page.tsx") routes.push(route || "/");
        continue;
      }
      const seg = e.name.startsWith("(") ? "" : `/${e.name}`;
      walk(join(dir, e.name), route + seg);
    }
  };
  walk(join(process.cwd(), "app"), "");
  expect(routes.length).toBeGreaterThan(40);
  const ids = ["%00", "%D9%86%DB%8C%D8%B1%DB%8C", "x".repeat(600)];
  const queries = ["", "q=%00", "page=%00", "statementId=%00", "witnessId=%00", "personId=%00", "from=%00&to=1367-13-40", "allegationType=%00&span=%00"];
  const failures: string[] = [];
  for (const route of routes)
    for (const path of route.includes("[") ? ids.map((id) => route.replace(/\[[^\]]+\]/g, id)) : [route])
      for (const q of queries) {
        const url = q ? `${path}?${q}` : path;
        const res = await admin.get(url, { maxRedirects: 0 });
        if (res.status() >= 500) failures.push(`${url.slice(0, 120)} → ${res.status()}`);
      }
  expect(failures, failures.join("\n")).toEqual([]);
});
