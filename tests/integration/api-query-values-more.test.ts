import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as importJobRoute } from "@/app/api/v1/imports/[id]/route";
import { GET as exhibitFileRoute } from "@/app/api/v1/exhibits/[id]/file/route";
import { GET as sourcesRoute } from "@/app/api/v1/sources/route";
import { GET as witnessesRoute } from "@/app/api/v1/witnesses/route";
import { GET as claimsRoute } from "@/app/api/v1/claims/route";
import { GET as exhibitsRoute } from "@/app/api/v1/exhibits/route";
import { GET as personsRoute } from "@/app/api/v1/persons/route";
import { GET as placesRoute } from "@/app/api/v1/places/route";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as organisationsRoute } from "@/app/api/v1/organisations/route";
import { GET as proceedingsRoute } from "@/app/api/v1/proceedings/route";
import { GET as statementLinksRoute } from "@/app/api/v1/statements/[id]/links/route";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { read, write } from "@/lib/db/write";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { createPerson, listPersonPage, searchPersons } from "@/lib/persons";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The rest of the addresses that dropped a parameter they do not take, or read a yes-or-no
// that is neither as one of them (see api-query-values.test.ts): each is now a 400 naming it.

let db: TestDatabase;
let admin: Actor;
let adminToken: string;
let jobId: string;

beforeAll(async () => {
  db = await freshDatabase();
  admin = await makeActor("ADMIN");
  adminToken = (await createToken({ actor: admin, input: { name: "query-values-more" } })).secret;
  const report = JSON.stringify({ rows: [{ row: 2, outcome: "created" }] });
  jobId = (await write((tx) => tx.importJob.create({ data: { kind: "PERSONS", format: "CSV", fileName: "f.csv", fileSha256: "0".repeat(64), dryRun: true, status: "COMPLETED", report, createdById: admin.id } }))).id;
});
afterAll(async () => {
  await db?.drop();
});

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
type Answer = { status: number; body: { error?: { code: string; fields?: Record<string, string[]> } } & Record<string, unknown> };

async function get<P>(route: Handler<P>, path: string, params = {} as P): Promise<Answer> {
  const res = await route(new Request(`http://x/api/v1${path}`, { headers: { authorization: `Bearer ${adminToken}`, "accept-language": "en" } }), { params: Promise.resolve(params) });
  const text = await res.text();
  return { status: res.status, body: (text.startsWith("{") ? JSON.parse(text) : {}) as Answer["body"] };
}

const en = (key: string) => fieldErrorMessage(key, "en");

describe("a yes-or-no that is neither", () => {
  test("confirmDuplicate: \"yes\" is refused, not read as no", async () => {
    await expect(createPerson({ actor: admin, input: { name: "Fictional Flag Person", confirmDuplicate: "yes" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { confirmDuplicate: ["invalid_boolean"] } });
    expect(await read((d) => d.person.count({ where: { name: "Fictional Flag Person" } }))).toBe(0);
    for (const v of [null, 2, "no"]) await expect(createPerson({ actor: admin, input: { name: "Fictional Flag Person", confirmDuplicate: v } }), String(v)).rejects.toMatchObject({ fields: { confirmDuplicate: ["invalid_boolean"] } });
    // Every spelling of yes and no a form or a JSON body uses is taken.
    await createPerson({ actor: admin, input: { name: "Fictional Flag Person", confirmDuplicate: "0" } });
    for (const v of [true, "true", "on", "1"]) await createPerson({ actor: admin, input: { name: "Fictional Flag Person", confirmDuplicate: v } });
    for (const v of [false, "false", "0", "", undefined]) await expect(createPerson({ actor: admin, input: { name: "Fictional Flag Person", confirmDuplicate: v } }), String(v)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await read((d) => d.person.count({ where: { name: "Fictional Flag Person" } }))).toBe(5);
  });

  test("an import's ?rows= takes yes or no only", async () => {
    const bad = await get(importJobRoute, `/imports/${jobId}?rows=no`, { id: jobId });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields).toEqual({ rows: [en("invalid_boolean")] });
    for (const [path, n] of [["", 1], ["?rows=", 1], ["?rows=1", 1], ["?rows=true", 1], ["?rows=0", 0], ["?rows=false", 0]] as const) {
      const r = await get(importJobRoute, `/imports/${jobId}${path}`, { id: jobId });
      expect(r.status, path).toBe(200);
      expect(r.body.rows, path).toHaveLength(n);
    }
    expect((await get(importJobRoute, `/imports/${jobId}?row=0`, { id: jobId })).body.error?.fields).toEqual({ row: [en("unknown_parameter")] });
  });

  test("an exhibit file's ?inline= takes yes or no only, checked before anything is read", async () => {
    const bad = await get(exhibitFileRoute, "/exhibits/no-such/file?inline=yes", { id: "no-such" });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields).toEqual({ inline: [en("invalid_boolean")] });
    for (const path of ["?inline=1", "?inline=0", "?inline=true", "?inline=", ""]) expect((await get(exhibitFileRoute, `/exhibits/no-such/file${path}`, { id: "no-such" })).status, path).toBe(404);
  });
});

describe("a list's address with a parameter it does not take", () => {
  const cases: [string, Handler<{ id: string }>, string, string][] = [
    ["sources", sourcesRoute as unknown as Handler<{ id: string }>, "/sources?graded=yes&sort=date", "sort"],
    ["witnesses", witnessesRoute as unknown as Handler<{ id: string }>, "/witnesses?q=W&order=code", "order"],
    ["claim topics", claimsRoute as unknown as Handler<{ id: string }>, "/claims?topics=all", "topics"],
    ["claims of a topic", claimsRoute as unknown as Handler<{ id: string }>, "/claims?topic=deaths&sort=low", "sort"],
    ["exhibits of a statement", exhibitsRoute as unknown as Handler<{ id: string }>, "/exhibits?statementId=s1&page=2", "page"],
    ["every exhibit", exhibitsRoute as unknown as Handler<{ id: string }>, "/exhibits?page=1&statement=s1", "statement"],
    ["persons", personsRoute as unknown as Handler<{ id: string }>, "/persons?q=Nayeri&lang=fa", "lang"],
    ["places", placesRoute as unknown as Handler<{ id: string }>, "/places?limit=5&city=Tehran", "city"],
    ["organisations", organisationsRoute as unknown as Handler<{ id: string }>, "/organisations?name=x", "name"],
    ["events", eventsRoute as unknown as Handler<{ id: string }>, "/events?year=1988", "year"],
    ["events searched", eventsRoute as unknown as Handler<{ id: string }>, "/events?q=Evin&year=1988", "year"],
    ["events a page at a time", eventsRoute as unknown as Handler<{ id: string }>, "/events?page=1&year=1988", "year"],
    ["proceedings", proceedingsRoute as unknown as Handler<{ id: string }>, "/proceedings?court=x", "court"],
    ["a statement's links", statementLinksRoute, "/statements/s1/links?personId=p1", "personId"],
  ];
  test.each(cases)("%s: refused, naming the parameter", async (_name, route, path, param) => {
    const r = await get(route, path, { id: "s1" });
    expect(r.status, path).toBe(400);
    expect(r.body.error?.fields, path).toEqual({ [param]: [en("unknown_parameter")] });
  });

  test("what the lists do take is answered as before", async () => {
    for (const [route, path] of [
      [sourcesRoute, "/sources?q=&graded=yes&dateToFix=no&page=1&pageSize=10"],
      [witnessesRoute, "/witnesses?q=W&page=1&perPage=5"],
      [claimsRoute, "/claims"],
      [exhibitsRoute, "/exhibits?page=1&pageSize=5"],
      [personsRoute, "/persons?q=Flag&limit=3"],
      [placesRoute, "/places?q="],
      [organisationsRoute, "/organisations"],
      [eventsRoute, "/events"],
      [eventsRoute, "/events?q=&limit="],
      [eventsRoute, "/events?q=Evin&page=1&pageSize=5"],
      [proceedingsRoute, "/proceedings?limit=2"],
    ] as [Handler<object>, string][])
      expect((await get(route, path)).status, path).toBe(200);
    expect((await get(personsRoute, "/persons?q=Flag&limit=3")).body.items).toHaveLength(3);
  });

  test("the lib functions refuse one too, as the list pages call them", async () => {
    await expect(searchPersons({ actor: admin, query: { q: "x", sort: "name" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { sort: ["unknown_parameter"] } });
    await expect(listPersonPage({ actor: admin, query: { q: "x", page: 1, view: "grid" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { view: ["unknown_parameter"] } });
    expect((await listPersonPage({ actor: admin, query: { q: "Flag", page: 1 } })).total).toBe(5);
  });
});
