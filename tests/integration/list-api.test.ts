import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as witnessesRoute } from "@/app/api/v1/witnesses/route";
import { openApiDocument } from "@/lib/api/openapi";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { createEvent } from "@/lib/events";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { schemaMismatches } from "@/tests/support/json-schema";

// GET /witnesses a page at a time, as GET /statements; GET /events every row as before, or a page when one is asked for.

let db: TestDatabase;
let token: string;
let legalToken: string;
let researcher: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  token = (await createToken({ actor: researcher, input: { name: "lists" } })).secret;
  legalToken = (await createToken({ actor: await makeActor("LEGAL"), input: { name: "lists-legal" } })).secret;
  for (let i = 1; i <= 5; i++) {
    await createWitness({ actor: researcher, input: { consents: [{ scope: i === 2 ? "LEGAL_SHARING" : "INTERNAL_RESEARCH", givenAt: "2024-01-10", method: "WRITTEN" }] } });
    await createEvent({ actor: researcher, input: { title: `Transfer ${i} to Evin`, dateStart: `1988-07-${10 + i}` } });
  }
});
afterAll(async () => db?.drop());

type Doc = Parameters<typeof schemaMismatches>[0] & { paths: Record<string, { get: { responses: { "200": { content: { "application/json": { schema: Record<string, unknown> } } } } } }> };
type Route = typeof witnessesRoute;

async function get(route: Route, path: string, { bearer = token, language = "en" } = {}) {
  const res = await route(new Request(`http://casefile.test/api/v1${path}`, { headers: { authorization: `Bearer ${bearer}`, "accept-language": language } }), { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { items: { code?: string; title?: string }[] } };
}

const ROUTES = [
  { path: "/witnesses", route: witnessesRoute },
  { path: "/events", route: eventsRoute },
] as const;

describe("GET /witnesses and /events", () => {
  for (const { path, route } of ROUTES) {
    test(`${path} answers ${path === "/witnesses" ? "the first page" : "every row as before"} without paging, and a page with page or perPage`, async () => {
      const doc = openApiDocument() as unknown as Doc;
      const schema = doc.paths[path]!.get.responses["200"].content["application/json"].schema;
      const all = await get(route, path);
      expect(all.status).toBe(200);
      if (path === "/witnesses") expect(all.body).toMatchObject({ total: 5, page: 1, pageSize: 50, pages: 1 });
      else expect(Object.keys(all.body)).toEqual(["items"]);
      expect(all.body.items).toHaveLength(5);
      const second = await get(route, `${path}?page=2&perPage=2`);
      expect(second.status).toBe(200);
      expect(second.body).toMatchObject({ total: 5, page: 2, pageSize: 2, pages: 3 });
      expect(second.body.items).toEqual(all.body.items.slice(2, 4).map((x) => expect.objectContaining(x)));
      expect((await get(route, `${path}?pageSize=2&page=9`)).body).toMatchObject({ page: 3, pages: 3 });
      expect((await get(route, `${path}?page=1`)).body).toMatchObject({ total: 5, pageSize: 50, pages: 1 });
      for (const q of ["", "?page=2&perPage=2"]) expect(schemaMismatches(doc, schema, (await get(route, `${path}${q}`)).body), q).toEqual([]);
    });

    test(`${path} refuses a bad page or page size with 400 and a message in the caller's language`, async () => {
      for (const q of ["page=abc", "page=-3", "page=0", "page=99999999999999999999", "perPage=201", "pageSize=0", "perPage=x"]) {
        const r = await get(route, `${path}?${q}`);
        expect(r.status, q).toBe(400);
        expect((r.body.error as { code: string }).code, q).toBe("INVALID_INPUT");
      }
      expect(((await get(route, `${path}?perPage=500`)).body.error as { fields: unknown }).fields).toEqual({ perPage: ["Use a value of at most 200."] });
      const fa = (await get(route, `${path}?page=abc`, { language: "fa" })).body.error as { fields: { page: string[] } };
      expect(fa.fields.page[0]).toMatch(/[\u0600-\u06FF]/);
    });
  }

  test("the witnesses' code filter and the events' title filter come paged", async () => {
    expect((await get(witnessesRoute, "/witnesses?q=w-0003")).body).toMatchObject({ total: 1, items: [expect.objectContaining({ code: "W-0003" })] });
    expect((await get(witnessesRoute, `/witnesses?q=${encodeURIComponent("ص-۰۰۰۳")}`)).body).toMatchObject({ q: "W-0003", total: 1, items: [expect.objectContaining({ code: "W-0003" })] });
    const evin = await get(eventsRoute, "/events?q=Evin&perPage=2");
    expect(evin.body).toMatchObject({ total: 5, pages: 3 });
    expect(evin.body.items).toHaveLength(2);
  });

  test("GET /witnesses without paging answers fifty witnesses with the total and the pages, not every row; the answer is as the OpenAPI document says", async () => {
    for (let i = 0; i < 52; i++) await createWitness({ actor: researcher, input: { fictional: true } });
    const doc = openApiDocument() as unknown as Doc;
    const schema = doc.paths["/witnesses"]!.get.responses["200"].content["application/json"].schema;
    const first = await get(witnessesRoute, "/witnesses");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 57, page: 1, pageSize: 50, pages: 2 });
    expect(first.body.items).toHaveLength(50);
    expect(first.body.items[0]).toMatchObject({ code: "W-0001" });
    expect(schemaMismatches(doc, schema, first.body)).toEqual([]);
    // The page's fields are required in the document: an answer without them does not match it.
    expect(schemaMismatches(doc, schema, { items: first.body.items })).not.toEqual([]);
    const second = await get(witnessesRoute, "/witnesses?page=2");
    expect(second.body).toMatchObject({ total: 57, page: 2, pages: 2 });
    expect(second.body.items.map((x) => x.code)).toEqual(["W-0051", "W-0052", "W-0053", "W-0054", "W-0055", "W-0056", "W-0057"]);
    expect((await get(witnessesRoute, "/witnesses?page=3")).body).toMatchObject({ page: 2, pages: 2 });
  });

  test("a legal team's pages count only the witnesses whose consent covers legal sharing", async () => {
    const r = await get(witnessesRoute, "/witnesses?page=1", { bearer: legalToken });
    expect(r.body).toMatchObject({ total: 1, pages: 1, items: [expect.objectContaining({ code: "W-0002" })] });
  });
});

describe("GET /persons, /places, /organisations and /proceedings", () => {
  test("answer a page with the total when one is asked for (page, pageSize or perPage), as /events does, and as the OpenAPI document says", async () => {
    const { GET: persons } = await import("@/app/api/v1/persons/route");
    const { GET: places } = await import("@/app/api/v1/places/route");
    const { GET: organisations } = await import("@/app/api/v1/organisations/route");
    const { GET: proceedings } = await import("@/app/api/v1/proceedings/route");
    const { write } = await import("@/lib/db/write");
    await write(async (tx) => {
      for (let i = 1; i <= 3; i++) {
        await tx.person.create({ data: { name: `Fictional Pagedperson ${i}` } });
        await tx.place.create({ data: { name: `Fictional Pagedplace ${i}` } });
        await tx.organisation.create({ data: { name: `Fictional Pagedorganisation ${i}` } });
        await tx.proceeding.create({ data: { title: `Fictional paged proceeding ${i}`, kind: "criminal trial" } });
      }
    });
    const doc = openApiDocument() as unknown as Doc;
    for (const [path, route] of [["/persons", persons], ["/places", places], ["/organisations", organisations], ["/proceedings", proceedings]] as const) {
      const page = await get(route as Route, `${path}?pageSize=2`);
      expect(page.status, path).toBe(200);
      expect(page.body, path).toMatchObject({ total: 3, page: 1, pageSize: 2, pages: 2 });
      expect(page.body.items, path).toHaveLength(2);
      expect((await get(route as Route, `${path}?perPage=2&page=2`)).body.items, path).toHaveLength(1);
      const schema = doc.paths[path]!.get.responses["200"].content["application/json"].schema;
      expect(schemaMismatches(doc, schema, page.body), `${path} ${JSON.stringify(page.body.items[0])}`).toEqual([]);
      expect((await get(route as Route, `${path}?pageSize=0`)).status, path).toBe(400);
    }
  });
});
