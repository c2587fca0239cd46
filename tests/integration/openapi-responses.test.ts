import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as organisationsRoute } from "@/app/api/v1/organisations/route";
import { GET as personsRoute } from "@/app/api/v1/persons/route";
import { GET as placesRoute } from "@/app/api/v1/places/route";
import { GET as proceedingsRoute } from "@/app/api/v1/proceedings/route";
import { openApiDocument } from "@/lib/api/openapi";
import { createToken } from "@/lib/auth/tokens";
import { write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { schemaMismatches } from "@/tests/support/json-schema";

// What the registry routes answer, checked against what the OpenAPI document says they answer:
// every field of every item must be described there (the document's item schemas refuse
// fields they do not list), with the type it has.

let db: TestDatabase;
let token: string;
beforeAll(async () => {
  db = await freshDatabase();
  const reviewer = await makeActor("REVIEWER");
  token = (await createToken({ actor: reviewer, input: { name: "openapi" } })).secret;
  await write(async (tx) => {
    const nayyeri = await tx.person.create({ data: { name: "Hossein-Ali Nayyeri", nameFa: "حسین‌علی نیّری", aliases: { create: [{ name: "Hossein Ali Nayeri" }] } } });
    const evin = await tx.place.create({ data: { name: "Evin Prison", nameFa: "زندان اوین", city: "Tehran" } });
    await tx.organisation.create({ data: { name: "Death Commission (Tehran)", nameFa: "هیئت مرگ" } });
    await tx.event.create({ data: { title: "Prisons locked down", titleFa: "بسته شدن زندان‌ها", dateStart: "1988-07-19", precision: "day", earliest: "1988-07-19", latest: "1988-07-19", places: { create: [{ placeId: evin.id }] } } });
    await tx.proceeding.create({ data: { title: "Prosecution of Hamid Nouri (test)", kind: "criminal trial", defendants: { create: [{ personId: nayyeri.id }] } } });
  });
});
afterAll(async () => db?.drop());

type Doc = Parameters<typeof schemaMismatches>[0] & { paths: Record<string, { get: { responses: { "200": { content: { "application/json": { schema: Record<string, unknown> } } } } } }> };

const ROUTES = [
  { path: "/persons", route: personsRoute, q: "Nayeri" },
  { path: "/organisations", route: organisationsRoute, q: "Death Commission" },
  { path: "/places", route: placesRoute, q: "اوین" },
  { path: "/events", route: eventsRoute, q: "locked down" },
  { path: "/proceedings", route: proceedingsRoute, q: "Nouri" },
] as const;

describe("the OpenAPI document describes what the registry routes answer", () => {
  for (const { path, route, q } of ROUTES) {
    test(`GET ${path}, with and without a query`, async () => {
      const doc = openApiDocument() as unknown as Doc;
      const schema = doc.paths[path]!.get.responses["200"].content["application/json"].schema;
      for (const query of ["", `?q=${encodeURIComponent(q)}`, "?limit=5"]) {
        const res = await route(new Request(`http://casefile.test/api/v1${path}${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
        expect(res.status, query).toBe(200);
        const body = (await res.json()) as { items: unknown[] };
        expect(body.items.length, `${path}${query}`).toBeGreaterThan(0);
        expect(schemaMismatches(doc, schema, body), `${path}${query}`).toEqual([]);
      }
    });
  }

  test("the check itself notices a field the document does not list, and a wrong type", () => {
    const doc = openApiDocument() as unknown as Doc;
    const schema = doc.paths["/persons"]!.get.responses["200"].content["application/json"].schema;
    const item = { id: "x", name: "A", nameFa: "", aliases: [], score: 1 };
    expect(schemaMismatches(doc, schema, { items: [item] })).toEqual([]);
    expect(schemaMismatches(doc, schema, { items: [{ ...item, extra: 1 }] })).toEqual(["$.items[0].extra: not in the document"]);
    expect(schemaMismatches(doc, schema, { items: [{ ...item, score: "1" }] })).toHaveLength(1);
    expect(schemaMismatches(doc, schema, { items: [{ ...item, id: undefined }] }).length).toBeGreaterThan(0);
  });
});
