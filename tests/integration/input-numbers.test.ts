import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/events/route";
import { GET as exhibitsRoute } from "@/app/api/v1/exhibits/route";
import { GET as personsCsvRoute } from "@/app/api/v1/exports/persons.csv/route";
import { POST as runImportRoute } from "@/app/api/v1/imports/[id]/run/route";
import { POST as linksRoute } from "@/app/api/v1/links/route";
import { GET as organisationsRoute } from "@/app/api/v1/organisations/route";
import { GET as allegationsRoute } from "@/app/api/v1/persons/[id]/allegations/route";
import { GET as personsRoute, POST as personsPost } from "@/app/api/v1/persons/route";
import { GET as placesRoute } from "@/app/api/v1/places/route";
import { GET as proceedingsRoute, POST as proceedingsPost } from "@/app/api/v1/proceedings/route";
import { GET as reviewQueueRoute } from "@/app/api/v1/review/queue/route";
import { GET as searchRoute } from "@/app/api/v1/search/route";
import { GET as sourcesRoute } from "@/app/api/v1/sources/route";
import { POST as assignRoute } from "@/app/api/v1/statements/[id]/assign/route";
import { GET as statementsRoute, POST as statementsPost } from "@/app/api/v1/statements/route";
import { POST as usersPost } from "@/app/api/v1/users/route";
import { GET as witnessesRoute, POST as witnessesPost } from "@/app/api/v1/witnesses/route";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { listAuditEvents } from "@/lib/audit/list-events";
import { read, write } from "@/lib/db/write";
import { createEvent } from "@/lib/events";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { submitStatement } from "@/lib/review/workflow";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Numbers in a list's address (?page=, ?pageSize=, ?limit=, …) were read with z.coerce.number,
// which takes whatever Number() does: ?pageSize=0x10 was a page of 16, ?page=1e3 page 1000,
// ?limit=0b11 three rows. And a field sent with a value of the wrong kind (a number, a list, an
// object, true) was told it was "required", as if nothing had been sent. Each is now refused with
// 400 naming the field, through the API's own route handlers. Fictional records throughout.

let db: TestDatabase;
let admin: Actor;
let researcher: Actor;
let adminToken: string;
let witnessId: string;
let statementId: string;
let personId: string;

const TEXT = "This fictional statement names Nayyeri once, at Evin.";
const QUOTE = "Nayyeri";

beforeAll(async () => {
  db = await freshDatabase();
  admin = await makeActor("ADMIN");
  researcher = await makeActor("RESEARCHER");
  adminToken = (await createToken({ actor: admin, input: { name: "input-numbers" } })).secret;
  witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
  statementId = (await createStatement({ actor: researcher, input: { witnessId, title: "Fictional sample at Evin", language: "en", originalText: TEXT } })).id;
  await submitStatement({ actor: researcher, statementId });
  personId = (await write((tx) => tx.person.create({ data: { name: "Hossein-Ali Nayyeri", nameFa: "حسین‌علی نیّری" } }))).id;
  await createEvent({ actor: researcher, input: { title: "Transfer to Evin", dateStart: "1988-07-19" } });
});
afterAll(async () => db?.drop());

const BASE = "http://casefile.test/api/v1";
type Handler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response>;
const asHandler = (route: unknown) => route as Handler;

async function call(route: unknown, path: string, { params = {}, method = "GET", body, language = "en" }: { params?: object; method?: string; body?: unknown; language?: string } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${adminToken}`, "accept-language": language };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await asHandler(route)(new Request(`${BASE}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), {
    params: Promise.resolve(params as never),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // A CSV or other non-JSON answer.
  }
  return { status: res.status, json: json as { error?: { code: string; fields?: Record<string, string[]> } } | null };
}

/** Every list of the API that takes a number in its address, with the numbers it takes. */
const LISTS: { name: string; route: unknown; path: () => string; params?: () => object; fields: string[] }[] = [
  { name: "GET /statements", route: statementsRoute, path: () => "/statements", fields: ["page", "pageSize"] },
  { name: "GET /witnesses", route: witnessesRoute, path: () => "/witnesses", fields: ["page", "pageSize", "perPage"] },
  { name: "GET /events", route: eventsRoute, path: () => "/events", fields: ["page", "pageSize", "perPage", "limit"] },
  { name: "GET /persons", route: personsRoute, path: () => "/persons", fields: ["limit"] },
  { name: "GET /organisations", route: organisationsRoute, path: () => "/organisations", fields: ["limit"] },
  { name: "GET /places", route: placesRoute, path: () => "/places", fields: ["limit"] },
  { name: "GET /proceedings", route: proceedingsRoute, path: () => "/proceedings", fields: ["limit"] },
  { name: "GET /sources", route: sourcesRoute, path: () => "/sources", fields: ["page", "pageSize"] },
  { name: "GET /exhibits", route: exhibitsRoute, path: () => "/exhibits", fields: ["page", "pageSize"] },
  { name: "GET /review/queue", route: reviewQueueRoute, path: () => "/review/queue", fields: ["page", "pageSize", "minWaitingDays"] },
  { name: "GET /search", route: searchRoute, path: () => "/search?q=Evin", fields: ["page", "pageSize"] },
  { name: "GET /persons/{id}/allegations", route: allegationsRoute, path: () => `/persons/${personId}/allegations`, params: () => ({ id: personId }), fields: ["page"] },
  { name: "GET /exports/persons.csv", route: personsCsvRoute, path: () => "/exports/persons.csv", fields: ["limit"] },
];

// What Number() reads as a number and a person did not write as one: hexadecimal, binary, octal,
// an exponent, a fraction of a whole-number field, a sign, words.
const NOT_DECIMAL = ["0x10", "0X1F", "1e3", "1E1", "0b11", "0o7", "1.5", "2.0", ".5", "+2", "2abc", "Infinity", "NaN", "--1"];

const withParam = (path: string, name: string, value: string) => `${path}${path.includes("?") ? "&" : "?"}${name}=${encodeURIComponent(value)}`;

describe("numbers in a list's address", () => {
  for (const list of LISTS)
    describe(list.name, () => {
      test.each(list.fields)("?%s= refuses what is not written in decimal digits, naming the field", async (field) => {
        for (const value of NOT_DECIMAL) {
          const r = await call(list.route, withParam(list.path(), field, value), { params: list.params?.() });
          expect(r.status, `${field}=${value}`).toBe(400);
          expect(r.json?.error?.code, `${field}=${value}`).toBe("INVALID_INPUT");
          expect(r.json?.error?.fields, `${field}=${value}`).toEqual({ [field]: [fieldErrorMessage("invalid_number", "en")] });
        }
      });

      test.each(list.fields)("?%s= in decimal digits, or left blank, is still read", async (field) => {
        for (const value of ["1", "2", " 3 ", ""]) {
          const r = await call(list.route, withParam(list.path(), field, value), { params: list.params?.() });
          expect(r.status, `${field}=${value}`).toBe(200);
        }
      });
    });

  test("the pages answered are those asked for in digits", async () => {
    const r = await call(statementsRoute, "/statements?page=1&pageSize=1");
    expect(r.json).toMatchObject({ page: 1, pageSize: 1, total: 1 });
    // ?pageSize=0x10 used to answer a page of 16.
    expect((await call(statementsRoute, "/statements?pageSize=0x10")).status).toBe(400);
    expect((await call(searchRoute, "/search?q=Evin&pageSize=1")).json).toMatchObject({ page: 1, pageSize: 1 });
  });

  test("the refusal is in the reader's language", async () => {
    const r = await call(statementsRoute, "/statements?pageSize=1e3", { language: "fa" });
    expect(r.status).toBe(400);
    expect(r.json?.error?.fields).toEqual({ pageSize: [fieldErrorMessage("invalid_number", "fa")] });
  });

  test("the same filter given twice to the search is refused, not read as one of its values", async () => {
    const r = await call(searchRoute, "/search?q=Evin&page=1&page=2");
    expect(r.status).toBe(400);
    // Said as what it is (every address refuses a repeated parameter: lib/api/handler searchParams).
    expect(r.json?.error?.fields).toEqual({ page: [fieldErrorMessage("parameter_repeated", "en")] });
  });

  test("the audit log's page size and ?before= (read by the audit page) refuse them too; its own numbers are still read", async () => {
    for (const value of NOT_DECIMAL)
      for (const field of ["page", "pageSize", "before"])
        await expect(listAuditEvents({ actor: admin, query: { [field]: value } }), `${field}=${value}`).rejects.toMatchObject({
          code: "INVALID_INPUT",
          fields: { [field]: ["invalid_number"] },
        });
    const events = await read((d) => d.auditEvent.count());
    expect(await listAuditEvents({ actor: admin, query: { page: 1, pageSize: 2, before: events } })).toMatchObject({ page: 1, pageSize: 2 });
    expect(await listAuditEvents({ actor: admin, query: { page: "1", pageSize: "2" } })).toMatchObject({ page: 1, pageSize: 2 });
  });

  test("an import run's batch size in its JSON body is a whole number, not what Number() reads", async () => {
    for (const batchSize of ["0x10", "1e3", "0b11", "1.5", true, [5], "", null]) {
      const r = await call(runImportRoute, "/imports/no-such-import/run", { method: "POST", params: { id: "no-such-import" }, body: { dryRun: true, batchSize } });
      expect(r.status, JSON.stringify(batchSize)).toBe(400);
      expect(r.json?.error?.fields, JSON.stringify(batchSize)).toEqual({ batchSize: [fieldErrorMessage("invalid_number", "en")] });
    }
    // A number, or its digits, gets as far as looking for the import.
    for (const batchSize of [5, "5"])
      expect((await call(runImportRoute, "/imports/no-such-import/run", { method: "POST", params: { id: "no-such-import" }, body: { dryRun: true, batchSize } })).status).toBe(404);
  });
});

// Values of the wrong JSON type: each is refused as not being text (or not being what the field
// takes), and "required" is kept for a field left out.
const NOT_TEXT: unknown[] = [123, true, ["a"], { a: 1 }];

describe("a field sent with a value of the wrong type is not reported as missing", () => {
  const counts = () =>
    read(async (d) => ({
      witnesses: await d.witness.count(),
      links: await d.link.count(),
      persons: await d.person.count(),
      proceedings: await d.proceeding.count(),
      statements: await d.statement.count(),
      users: await d.user.count(),
      audit: await d.auditEvent.count(),
    }));
  const text = fieldErrorMessage("text_expected", "en");
  const required = fieldErrorMessage("required", "en");

  test.each(NOT_TEXT)("a new witness's notes given %j", async (notes) => {
    const before = await counts();
    const r = await call(witnessesPost, "/witnesses", { method: "POST", body: { fictional: true, notes } });
    expect(r.status).toBe(400);
    expect(r.json?.error?.fields).toEqual({ notes: [text] });
    expect(await counts()).toEqual(before);
  });

  test.each(NOT_TEXT)("the reviewer to assign given %j", async (reviewerId) => {
    const r = await call(assignRoute, `/statements/${statementId}/assign`, { method: "POST", params: { id: statementId }, body: { reviewerId } });
    expect(r.status).toBe(400);
    expect(r.json?.error?.fields).toEqual({ reviewerId: [text] });
  });

  test("the reviewer to assign left out is required", async () => {
    const r = await call(assignRoute, `/statements/${statementId}/assign`, { method: "POST", params: { id: statementId }, body: {} });
    expect(r.json?.error?.fields).toEqual({ reviewerId: [required] });
  });

  test.each(NOT_TEXT)("a link's ids and quote given %j", async (v) => {
    const before = await counts();
    const start = TEXT.indexOf(QUOTE);
    const link = { statementId, revisionNumber: 1, startOffset: start, endOffset: start + QUOTE.length, quote: QUOTE, personId, role: "OTHER", allegationType: "OTHER" };
    for (const field of ["statementId", "personId", "eventId", "placeId", "proceedingId", "quote"]) {
      const r = await call(linksRoute, "/links", { method: "POST", body: { ...link, [field]: v } });
      expect(r.status, field).toBe(400);
      expect(r.json?.error?.fields, field).toEqual({ [field]: [text] });
    }
    expect(await counts()).toEqual(before);
  });

  test("a link's ids left out are required", async () => {
    const r = await call(linksRoute, "/links", { method: "POST", body: { revisionNumber: 1, startOffset: 0, endOffset: 4, quote: "This", role: "OTHER", allegationType: "OTHER" } });
    expect(r.status).toBe(400);
    expect(r.json?.error?.fields).toEqual({ statementId: [required], personId: [required] });
  });

  test.each(NOT_TEXT)("a registry record's optional text, a statement's witness and a user's email given %j", async (v) => {
    const before = await counts();
    const person = await call(personsPost, "/persons", { method: "POST", body: { name: "A fictional official", nameFa: v, source: v } });
    expect(person.status).toBe(400);
    expect(person.json?.error?.fields).toEqual({ nameFa: [text], source: [text] });
    const proceeding = await call(proceedingsPost, "/proceedings", { method: "POST", body: { title: "A fictional trial", kind: "OTHER", docket: v, timeline: [{ date: v, what: "Opened" }] } });
    expect(proceeding.status).toBe(400);
    expect(proceeding.json?.error?.fields).toEqual({ docket: [text], "timeline.0.date": [text] });
    const statement = await call(statementsPost, "/statements", { method: "POST", body: { witnessId: v, title: "Fictional", language: "en", originalText: TEXT } });
    expect(statement.status).toBe(400);
    expect(statement.json?.error?.fields).toEqual({ witnessId: [text] });
    const user = await call(usersPost, "/users", { method: "POST", body: { email: v, name: "Fictional user", role: "RESEARCHER", password: v } });
    expect(user.status).toBe(400);
    expect(user.json?.error?.fields).toEqual({ email: [text], password: [text] });
    expect(await counts()).toEqual(before);
  });

  test.each([5, true, null, ["x"]])("an alias, a position or a status entry that is no object (%j) is of the wrong kind, not missing", async (v) => {
    const before = await counts();
    const person = await call(personsPost, "/persons", { method: "POST", body: { name: "A fictional official", aliases: [v], positions: [v] } });
    expect(person.status).toBe(400);
    const invalid = fieldErrorMessage("invalid_value", "en");
    expect(person.json?.error?.fields).toEqual({ "aliases.0": [invalid], "positions.0": [invalid] });
    const proceeding = await call(proceedingsPost, "/proceedings", { method: "POST", body: { title: "A fictional trial", kind: "OTHER", timeline: [v] } });
    expect(proceeding.json?.error?.fields).toEqual({ "timeline.0": [invalid] });
    expect(await counts()).toEqual(before);
  });
});
