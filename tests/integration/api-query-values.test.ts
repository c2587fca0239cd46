import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as statementsRoute } from "@/app/api/v1/statements/route";
import { GET as queueRoute } from "@/app/api/v1/review/queue/route";
import { GET as matrixRoute } from "@/app/api/v1/graph/matrix/route";
import { GET as timelineRoute } from "@/app/api/v1/graph/timeline/route";
import { GET as quotesRoute } from "@/app/api/v1/persons/[id]/allegations/quotes/route";
import { GET as templatesRoute } from "@/app/api/v1/imports/templates/route";
import { GET as usersRoute } from "@/app/api/v1/users/route";
import { GET as notificationsRoute } from "@/app/api/v1/notifications/route";
import { POST as startExportRoute } from "@/app/api/v1/dossiers/[id]/exports/route";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { read, write } from "@/lib/db/write";
import { createDossier } from "@/lib/dossiers";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { saveTemplate } from "@/lib/import";
import { listNotifications } from "@/lib/review/workflow";
import { listUsers } from "@/lib/users/users";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A query value the API does not take (an unknown choice, a yes-or-no that is neither, a
// parameter it has no use for) is a 400 with a field error naming it, as GET /search answers an
// unknown filter. These were dropped or read as "no" instead, and the answer (every user, the
// whole queue, an export without names) looked like one to the question asked.

let db: TestDatabase;
let admin: Actor;
let legal: Actor;
let adminToken: string;
let legalToken: string;
let personId: string;
let emptyDossierId: string;

beforeAll(async () => {
  db = await freshDatabase();
  [admin, legal] = await Promise.all([makeActor("ADMIN"), makeActor("LEGAL")]);
  await makeActor("REVIEWER");
  adminToken = (await createToken({ actor: admin, input: { name: "query-values" } })).secret;
  legalToken = (await createToken({ actor: legal, input: { name: "query-values" } })).secret;
  personId = (await write((tx) => tx.person.create({ data: { name: "Fictional Official Q", nameFa: "مقام خیالی ق" } }))).id;
  emptyDossierId = (await createDossier({ actor: legal, input: { title: "Empty (fictional)", subjectType: "PERSON", subjectId: personId, preselect: false } })).id;
  await saveTemplate({ actor: admin, input: { kind: "PERSONS", name: "Sheet A", mapping: {} } });
  await saveTemplate({ actor: admin, input: { kind: "EVENTS", name: "Sheet B", mapping: {} } });
});
afterAll(async () => {
  await db?.drop();
});

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
type Answer = { status: number; body: { error?: { code: string; fields?: Record<string, string[]> } } & Record<string, unknown> };

async function get<P>(route: Handler<P>, path: string, params = {} as P, { token = adminToken, language = "en" } = {}): Promise<Answer> {
  const res = await route(new Request(`http://x/api/v1${path}`, { headers: { authorization: `Bearer ${token}`, "accept-language": language } }), { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Answer["body"] };
}

const en = (key: string) => fieldErrorMessage(key, "en");

describe("a list's address with a parameter it does not take", () => {
  test("an unknown review-queue sort is refused, naming the parameter", async () => {
    const r = await get(queueRoute, "/review/queue?sort=zzz");
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: "INVALID_INPUT", fields: { sort: [en("unknown_parameter")] } });
    // What the queue does take is answered as before.
    const ok = await get(queueRoute, "/review/queue?state=SUBMITTED&language=fa&page=1");
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ items: [], total: 0, page: 1, pageSize: 50 });
  });

  test("page[]=1 on the statements list is refused, not read as the first page", async () => {
    const r = await get(statementsRoute, "/statements?page[]=1");
    expect(r.status).toBe(400);
    expect(r.body.error?.fields).toEqual({ "page[]": [en("unknown_parameter")] });
    const ok = await get(statementsRoute, "/statements?status=DRAFT&language=en&page=1&pageSize=10");
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ items: [], total: 0, page: 1, pageSize: 10, pages: 1 });
  });

  test("a parameter given twice is refused naming it, on any address, not one of its values picked", async () => {
    const fa = (key: string) => fieldErrorMessage(key, "fa");
    expect(await get(statementsRoute, "/statements?page=1&page=2")).toMatchObject({ status: 400, body: { error: { fields: { page: [en("parameter_repeated")] } } } });
    expect(await get(usersRoute, "/users?role=LEGAL&role=ADMIN", {}, { language: "fa" })).toMatchObject({ status: 400, body: { error: { fields: { role: [fa("parameter_repeated")] } } } });
    const { GET: searchRoute } = await import("@/app/api/v1/search/route");
    expect(await get(searchRoute, "/search?q=a&q=b")).toMatchObject({ status: 400, body: { error: { fields: { q: [en("parameter_repeated")] } } } });
    expect((await get(statementsRoute, "/statements?page=1")).status).toBe(200);
  });

  test("the matrix has no eventId filter: one given is refused, not ignored", async () => {
    const r = await get(matrixRoute, "/graph/matrix?eventId=nope");
    expect(r.status).toBe(400);
    expect(r.body.error?.fields).toEqual({ eventId: [en("unknown_parameter")] });
    const ok = await get(matrixRoute, "/graph/matrix?allegationType=KILLING&event=Evin");
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ allegationType: "KILLING", event: "Evin", persons: [], events: [] });
  });

  test("the timeline and a person's allegation quotes refuse one too", async () => {
    const t = await get(timelineRoute, "/graph/timeline?calendar=persian&eventId=nope");
    expect(t.status).toBe(400);
    expect(t.body.error?.fields).toEqual({ eventId: [en("unknown_parameter")] });
    expect((await get(timelineRoute, "/graph/timeline?calendar=persian")).status).toBe(200);
    const q = await get(quotesRoute, `/persons/${personId}/allegations/quotes?type=KILLING&event=none&sort=desc`, { id: personId });
    expect(q.status).toBe(400);
    expect(q.body.error?.fields).toEqual({ sort: [en("unknown_parameter")] });
    expect((await get(quotesRoute, `/persons/${personId}/allegations/quotes?type=KILLING&event=none`, { id: personId })).status).toBe(200);
  });

  test("the refusal is said in the reader's language", async () => {
    const r = await get(queueRoute, "/review/queue?sort=zzz", {}, { language: "fa" });
    expect(r.status).toBe(400);
    expect(r.body.error?.fields?.sort).toEqual([fieldErrorMessage("unknown_parameter", "fa")]);
    expect(fieldErrorMessage("unknown_parameter", "fa")).not.toBe(en("unknown_parameter"));
    expect(fieldErrorMessage("unknown_parameter", "fa")).toMatch(/[\u0600-\u06FF]/);
  });
});

describe("a choice a list does not offer", () => {
  test("an unknown import template kind is refused; a known one, or none, lists as before", async () => {
    const r = await get(templatesRoute, "/imports/templates?kind=zzz");
    expect(r.status).toBe(400);
    expect(r.body.error?.fields).toEqual({ kind: [en("invalid_choice")] });
    const persons = await get(templatesRoute, "/imports/templates?kind=PERSONS");
    expect(persons.status).toBe(200);
    expect((persons.body.items as { name: string }[]).map((t) => t.name)).toEqual(["Sheet A"]);
    for (const path of ["/imports/templates", "/imports/templates?kind="]) {
      const all = await get(templatesRoute, path);
      expect(all.status, path).toBe(200);
      expect((all.body.items as { name: string }[]).map((t) => t.name).sort(), path).toEqual(["Sheet A", "Sheet B"]);
    }
  });

  test("the user list filters by a role it knows and refuses one it does not", async () => {
    await expect(listUsers({ actor: admin, query: { role: "GOD" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { role: ["invalid_choice"] } });
    await expect(listUsers({ actor: admin, query: { colour: "red" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { colour: ["unknown_parameter"] } });
    expect((await listUsers({ actor: admin, query: { role: "LEGAL" } })).map((u) => u.id)).toEqual([legal.id]);
    expect(await listUsers({ actor: admin, query: { role: "" } })).toHaveLength(3);
    expect(await listUsers({ actor: admin })).toHaveLength(3);
    // And over HTTP, as the address is called.
    expect(await get(usersRoute, "/users?role=GOD")).toMatchObject({ status: 400, body: { error: { fields: { role: [en("invalid_choice")] } } } });
    const legalOnly = await get(usersRoute, "/users?role=LEGAL");
    expect(legalOnly.status).toBe(200);
    expect((legalOnly.body.items as { id: string }[]).map((u) => u.id)).toEqual([legal.id]);
  });

  test("the notices' unread filter takes yes or no only", async () => {
    await expect(listNotifications({ actor: admin, query: { unread: "maybe" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { unread: ["invalid_boolean"] } });
    await expect(listNotifications({ actor: admin, query: { seen: "true" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { seen: ["unknown_parameter"] } });
    const notice = (readAt: Date | null) => ({ userId: admin.id, kind: "ASSIGNED", statementId: "s-fictional", data: "{}", readAt });
    await write((tx) => tx.notification.createMany({ data: [notice(null), notice(new Date())] }));
    for (const unread of [true, "true", "on"]) expect(await listNotifications({ actor: admin, query: { unread } }), String(unread)).toHaveLength(1);
    for (const unread of [false, "false", "", undefined]) expect(await listNotifications({ actor: admin, query: { unread } }), String(unread)).toHaveLength(2);
    expect(await listNotifications({ actor: admin })).toHaveLength(2);
    expect(await get(notificationsRoute, "/notifications?unread=maybe")).toMatchObject({ status: 400, body: { error: { fields: { unread: [en("invalid_boolean")] } } } });
    const unread = await get(notificationsRoute, "/notifications?unread=true");
    expect(unread.status).toBe(200);
    expect(unread.body.items).toHaveLength(1);
  });
});

describe("a dossier export's revealIdentities", () => {
  // The route reads a body only when the request says it has one (Content-Length).
  const start = (body: unknown, language = "en") => {
    const json = JSON.stringify(body);
    return startExportRoute(
      new Request(`http://x/api/v1/dossiers/${emptyDossierId}/exports`, {
        method: "POST",
        headers: { authorization: `Bearer ${legalToken}`, "content-type": "application/json", "content-length": String(Buffer.byteLength(json)), "accept-language": language },
        body: json,
      }),
      { params: Promise.resolve({ id: emptyDossierId }) },
    );
  };
  const written = () => read(async (d) => ({ exports: await d.dossierExport.count(), audit: await d.auditEvent.count() }));

  test("a value that is neither yes nor no is refused, not read as no, and nothing starts", async () => {
    const before = await written();
    for (const revealIdentities of ["yes", "1", "TRUE", 1, null, ["true"]]) {
      const res = await start({ revealIdentities, reason: "Disclosure to the prosecutor (test)" });
      expect(res.status, JSON.stringify(revealIdentities)).toBe(400);
      const body = (await res.json()) as Answer["body"];
      expect(body.error?.fields, JSON.stringify(revealIdentities)).toEqual({ revealIdentities: [en("invalid_boolean")] });
    }
    const fa = (await (await start({ revealIdentities: "yes" }, "fa")).json()) as Answer["body"];
    expect(fa.error?.fields?.revealIdentities).toEqual([fieldErrorMessage("invalid_boolean", "fa")]);
    expect(await written()).toEqual(before);
  });

  test("true, false, the form's 'on' and 'true'/'false', or nothing, are taken (this dossier is empty: 422)", async () => {
    for (const body of [{}, { revealIdentities: false }, { revealIdentities: "false" }, { revealIdentities: true, reason: "r" }, { revealIdentities: "true", reason: "r" }, { revealIdentities: "on", reason: "r" }]) {
      const res = await start(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    // Yes still needs a reason.
    const res = await start({ revealIdentities: "on" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Answer["body"]).error?.fields).toEqual({ reason: [en("required")] });
  });
});
