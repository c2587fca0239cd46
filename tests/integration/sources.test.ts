import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as sourcesRoute } from "@/app/api/v1/sources/route";
import { openApiDocument } from "@/lib/api/openapi";
import { createToken } from "@/lib/auth/tokens";
import { addDossierItem, createDossier, loadDossierContent } from "@/lib/dossiers";
import { loadExportContent } from "@/lib/dossiers/export";
import { renderDossierHtml } from "@/lib/dossiers/export/pdf-html";
import { createPerson } from "@/lib/persons";
import type { Actor } from "@/lib/auth/actor";
import { getRecordHistory } from "@/lib/audit/record-history";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createClaim, listClaims, listClaimTopics, updateClaim } from "@/lib/claims";
import { read, write } from "@/lib/db/write";
import { createSource, getSource, gradeSource, listSources, updateSource } from "@/lib/sources";
import { createStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";
import { schemaMismatches } from "@/tests/support/json-schema";

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;
let legal: Actor;
let admin: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [researcher, reviewer, legal, admin] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER"), makeActor("LEGAL"), makeActor("ADMIN")]);
});
afterAll(async () => db?.drop());

const counts = () => read(async (d) => ({ sources: await d.source.count(), claims: await d.claim.count(), events: await d.auditEvent.count() }));
const eventsOf = (recordId: string) => read((d) => d.auditEvent.findMany({ where: { recordId }, orderBy: { seq: "asc" } }));

describe("the sources register", () => {
  test("a researcher records a source and a reviewer grades it with reasons, both audited", async () => {
    const s = await createSource({ actor: researcher, input: { title: "Blood-soaked secrets", author: "Amnesty International", year: "2018", kind: "NGO report", url: "https://example.org/report" } });
    expect(s).toMatchObject({ title: "Blood-soaked secrets", year: 2018, grade: null, gradedBy: null });
    const graded = await gradeSource({ actor: reviewer, sourceId: s.id, input: { reliability: "B", credibility: "2", reason: "Established NGO; figures corroborated by survivors' lists." } });
    expect(graded).toMatchObject({ reliability: "B", credibility: 2, grade: "B2", gradedBy: { id: reviewer.id, name: reviewer.name } });
    expect(graded.gradedAt).not.toBeNull();

    const regraded = await gradeSource({ actor: admin, sourceId: s.id, input: { reliability: "A", credibility: 2, reason: "Methodology published in the annex." } });
    expect(regraded.grade).toBe("A2");

    const events = await eventsOf(s.id);
    expect(events.map((e) => e.action)).toEqual(["source.create", "source.grade", "source.grade"]);
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ grade: "B2", reason: expect.stringContaining("Established NGO"), gradedById: reviewer.id });
    expect(JSON.parse(events[2]!.before!)).toMatchObject({ grade: "B2" });
    expect(JSON.parse(events[2]!.after!)).toMatchObject({ grade: "A2" });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });

    // The history shows the regrading field by field.
    const history = await getRecordHistory({ actor: legal, recordType: "Source", recordId: s.id });
    expect(history.map((h) => h.action)).toEqual(["source.create", "source.grade", "source.grade"]);
    expect(history[2]!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "reliability", before: "B", after: "A", kind: "changed" })]));
  });

  test("only reviewers and admins grade; reviewers do not edit sources", async () => {
    const s = await createSource({ actor: legal, input: { title: "Court judgment, Stockholm District Court" } });
    await expect(gradeSource({ actor: researcher, sourceId: s.id, input: { reliability: "A", credibility: 1, reason: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(gradeSource({ actor: legal, sourceId: s.id, input: { reliability: "A", credibility: 1, reason: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSource({ actor: reviewer, input: { title: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateSource({ actor: reviewer, sourceId: s.id, input: { title: "y" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("bad input is refused field by field and nothing is stored", async () => {
    const s = await createSource({ actor: researcher, input: { title: "Tortured Confessions", author: "Ervand Abrahamian", year: 1999 } });
    const before = await counts();
    await expect(createSource({ actor: researcher, input: { title: "  ", year: "nineteen", url: "javascript:alert(1)" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { title: ["required"], year: ["invalid_number"], url: ["invalid_url"] },
    });
    await expect(gradeSource({ actor: reviewer, sourceId: s.id, input: { reliability: "G", credibility: 7, reason: "" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { reliability: ["invalid_choice"], credibility: ["invalid_choice"], reason: ["required"] },
    });
    await expect(gradeSource({ actor: reviewer, sourceId: s.id, input: { reliability: "B", credibility: 3 } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { reason: ["required"] } });
    await expect(updateSource({ actor: researcher, sourceId: s.id, input: {} })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(gradeSource({ actor: reviewer, sourceId: "no-such-id", input: { reliability: "B", credibility: 3, reason: "r" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await counts()).toEqual(before);
    expect((await getSource({ actor: legal, sourceId: s.id })).grade).toBeNull();
  });

  test("an edit keeps the grading, records before and after, and refuses a stale base", async () => {
    const s = await createSource({ actor: researcher, input: { title: "Memoirs", author: "Hossein-Ali Montazeri", year: 2000 } });
    await gradeSource({ actor: reviewer, sourceId: s.id, input: { reliability: "B", credibility: 3, reason: "First-hand, but partisan in the dispute." } });
    const fresh = await getSource({ actor: researcher, sourceId: s.id });
    const edited = await updateSource({ actor: researcher, sourceId: s.id, input: { title: "The Memoirs of Grand Ayatollah Hossein-Ali Montazeri", year: "", baseUpdatedAt: fresh.updatedAt } });
    expect(edited).toMatchObject({ year: null, grade: "B3" });
    const ev = (await eventsOf(s.id)).at(-1)!;
    expect(ev.action).toBe("source.update");
    expect(JSON.parse(ev.before!)).toMatchObject({ title: "Memoirs", year: 2000 });
    expect(JSON.parse(ev.after!)).toMatchObject({ title: "The Memoirs of Grand Ayatollah Hossein-Ali Montazeri", year: null });
    await expect(updateSource({ actor: researcher, sourceId: s.id, input: { note: "x", baseUpdatedAt: fresh.updatedAt } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  test("a source's date is read in either calendar and kept as typed; the year is taken from it, and a year it does not fall in is refused", async () => {
    // The recording's release: 9 August 2016, typed in the Solar Hijri calendar. No year given: it comes from the date.
    const audio = await createSource({ actor: researcher, input: { title: "Audio recording of the meeting of 15 August 1988", date: "19 Mordad 1395" } });
    expect(audio).toMatchObject({ date: "19 Mordad 1395", year: 2016 });
    // A Solar Hijri year spans two Gregorian ones: either agrees with it, and neither is filled in for it.
    expect(await createSource({ actor: researcher, input: { title: "Report of 1367", date: "۱۳۶۷", year: "1989" } })).toMatchObject({ date: "۱۳۶۷", year: 1989 });
    expect(await createSource({ actor: researcher, input: { title: "Undated year", date: "1367" } })).toMatchObject({ date: "1367", year: null });

    const before = await counts();
    await expect(createSource({ actor: researcher, input: { title: "Wrong year", date: "Mordad 1367", year: 1990 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { date: ["date_outside_year:1990"] },
    });
    await expect(createSource({ actor: researcher, input: { title: "Unreadable", date: "the spring after the trial" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { date: ["date_unparseable"] },
    });
    // An edit is checked against what is stored: a new year against the stored date, a new date against the stored year.
    await expect(updateSource({ actor: researcher, sourceId: audio.id, input: { year: 2010 } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { year: ["date_outside_year:2010"] } });
    await expect(updateSource({ actor: researcher, sourceId: audio.id, input: { date: "summer 1988" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { date: ["date_outside_year:2016"] } });
    await expect(updateSource({ actor: researcher, sourceId: audio.id, input: { date: "31 Mehr 1395" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { date: ["date_impossible"] } });
    expect(await counts()).toEqual(before);
    expect(await getSource({ actor: legal, sourceId: audio.id })).toMatchObject({ date: "19 Mordad 1395", year: 2016 });

    // Both changed together, in agreement; then the date cleared: the year stays.
    expect(await updateSource({ actor: researcher, sourceId: audio.id, input: { date: "2016-08-09", year: "2016" } })).toMatchObject({ date: "2016-08-09", year: 2016 });
    expect(await updateSource({ actor: researcher, sourceId: audio.id, input: { date: "" } })).toMatchObject({ date: null, year: 2016 });
    // A year cleared and a date given in the same edit: the year is left empty, as asked. A date given later fills it.
    expect(await updateSource({ actor: researcher, sourceId: audio.id, input: { year: "", date: "August 2016" } })).toMatchObject({ date: "August 2016", year: null });
    const noDate = await createSource({ actor: researcher, input: { title: "Dated later" } });
    expect(await updateSource({ actor: researcher, sourceId: noDate.id, input: { date: "4 December 2018" } })).toMatchObject({ year: 2018 });

    // A date recorded as free text before dates were read stays as it was and does not stop another edit.
    const legacy = await write((tx) => tx.source.create({ data: { title: "Archive copy", date: "as stamped on the archive copy", year: 1990 } }));
    expect(await updateSource({ actor: researcher, sourceId: legacy.id, input: { year: 1991 } })).toMatchObject({ date: "as stamped on the archive copy", year: 1991 });
  });

  test("the list searches any script and filters by grading", async () => {
    await createSource({ actor: researcher, input: { title: "جنایت علیه بشریت", author: "مریم رجوی", year: 2019 } });
    const hits = await listSources({ actor: legal, query: { q: "رجوی" } });
    expect(hits.items.map((x) => x.author)).toEqual(["مریم رجوی"]);
    const graded = await listSources({ actor: legal, query: { graded: "yes" } });
    expect(graded.items.every((x) => x.grade !== null)).toBe(true);
    const ungraded = await listSources({ actor: legal, query: { graded: "no" } });
    expect(ungraded.items.every((x) => x.grade === null)).toBe(true);
    expect(graded.total + ungraded.total).toBe((await listSources({ actor: legal })).total);
  });
});

/** A source whose date was recorded as free text before dates were read: the column written as such data came in, by SQL. */
async function legacySource(title: string, date: string, extra: Record<string, unknown> = {}) {
  const s = await createSource({ actor: researcher, input: { title, ...extra } });
  await write((tx) => tx.$executeRaw`UPDATE "Source" SET "date" = ${date} WHERE "id" = ${s.id}`);
  return s.id;
}

describe("dates recorded as free text", () => {
  test("the list is filtered to the dates to fix, for every reader, a page at a time, and the filter can be combined", async () => {
    const tag = "Ledger-7c1";
    const readable = await createSource({ actor: researcher, input: { title: `${tag} readable`, date: "Mordad 1367" } });
    const undated = await createSource({ actor: researcher, input: { title: `${tag} undated` } });
    const legacy = [
      await legacySource(`${tag} a`, "as stamped on the archive copy"),
      await legacySource(`${tag} b`, "بهار پس از محاکمه"),
      await legacySource(`${tag} c`, "the week the visits stopped"),
    ];
    await gradeSource({ actor: reviewer, sourceId: legacy[1]!, input: { reliability: "C", credibility: 3, reason: "Second-hand." } });

    for (const actor of [researcher, reviewer, legal, admin]) {
      const toFix = await listSources({ actor, query: { q: tag, dateToFix: "yes" } });
      expect(toFix.items.map((x) => x.id).sort()).toEqual([...legacy].sort());
      expect(toFix.items.every((x) => x.dateUnreadable)).toBe(true);
      const others = await listSources({ actor, query: { q: tag, dateToFix: "no" } });
      expect(others.items.map((x) => x.id).sort()).toEqual([readable.id, undated.id].sort());
      expect(others.items.some((x) => x.dateUnreadable)).toBe(false);
    }
    // The date is answered as typed, and said to be unreadable.
    expect(await getSource({ actor: legal, sourceId: legacy[1]! })).toMatchObject({ date: "بهار پس از محاکمه", dateUnreadable: true });
    expect(await getSource({ actor: legal, sourceId: readable.id })).toMatchObject({ date: "Mordad 1367", dateUnreadable: false });

    // A page at a time, over the filtered rows; a page past the last gives the last.
    const p1 = await listSources({ actor: legal, query: { q: tag, dateToFix: "yes", pageSize: 2 } });
    expect(p1).toMatchObject({ total: 3, page: 1, pages: 2 });
    const p2 = await listSources({ actor: legal, query: { q: tag, dateToFix: "yes", pageSize: 2, page: 9 } });
    expect(p2).toMatchObject({ total: 3, page: 2, pages: 2 });
    expect([...p1.items, ...p2.items].map((x) => x.id).sort()).toEqual([...legacy].sort());
    // With the grading filter; and across the whole register, every unreadable date and only those.
    expect((await listSources({ actor: legal, query: { q: tag, dateToFix: "yes", graded: "yes" } })).items.map((x) => x.id)).toEqual([legacy[1]]);
    const all = await listSources({ actor: legal, query: { pageSize: 500 } });
    const everyToFix = await listSources({ actor: legal, query: { dateToFix: "yes", pageSize: 500 } });
    expect(everyToFix.items.map((x) => x.id).sort()).toEqual(all.items.filter((x) => x.dateUnreadable).map((x) => x.id).sort());

    // Authorization and bad input are as before.
    await expect(listSources({ actor: null, query: { dateToFix: "yes" } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listSources({ actor: legal, query: { dateToFix: "maybe" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { dateToFix: ["invalid_choice"] } });
  });

  test("the API filters by ?dateToFix=, and answers what its OpenAPI document says", async () => {
    const id = await legacySource("Ledger-api undated copy", "no date on the copy");
    const token = (await createToken({ actor: legal, input: { name: "sources-dates" } })).secret;
    const get = (query: string) => sourcesRoute(new Request(`http://casefile.test/api/v1/sources${query}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const doc = openApiDocument() as unknown as Parameters<typeof schemaMismatches>[0] & { paths: Record<string, { get: { parameters: { name: string }[]; responses: { "200": { content: { "application/json": { schema: Record<string, unknown> } } } } } }> };
    expect(doc.paths["/sources"]!.get.parameters.map((p) => p.name)).toContain("dateToFix");
    const res = await get("?dateToFix=yes&q=Ledger-api");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { id: string; date: string; dateUnreadable: boolean }[]; total: number };
    expect(body.items).toEqual([expect.objectContaining({ id, date: "no date on the copy", dateUnreadable: true })]);
    expect(schemaMismatches(doc, doc.paths["/sources"]!.get.responses["200"].content["application/json"].schema, body)).toEqual([]);
    expect((await get("?dateToFix=sometimes")).status).toBe(400);
  });

  test("an edit of another field saves and keeps the date as typed, even from a form that sends every field back; a new unreadable date is still refused", async () => {
    const id = await legacySource("Ledger edit", "as stamped on the archive copy", { year: 1990 });
    const before = await getSource({ actor: researcher, sourceId: id });
    // The edit form sends every field, the date as it found it.
    const form = { title: "Ledger edit (second copy)", author: "", year: "1990", date: "as stamped on the archive copy", kind: "", citation: "", url: "", note: "Seen in 2024.", baseUpdatedAt: before.updatedAt };
    const edited = await updateSource({ actor: researcher, sourceId: id, input: form });
    expect(edited).toMatchObject({ title: "Ledger edit (second copy)", note: "Seen in 2024.", date: "as stamped on the archive copy", dateUnreadable: true, year: 1990 });
    const ev = (await eventsOf(id)).at(-1)!;
    expect(ev.action).toBe("source.update");
    expect(JSON.parse(ev.after!)).toMatchObject({ title: "Ledger edit (second copy)", date: "as stamped on the archive copy" });

    // Another unreadable date, or the same date alone (nothing else to change), changes nothing.
    const mid = await counts();
    await expect(updateSource({ actor: researcher, sourceId: id, input: { ...form, baseUpdatedAt: undefined, date: "as stamped on the second copy" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { date: ["date_unparseable"] },
    });
    await expect(updateSource({ actor: researcher, sourceId: id, input: { date: "as stamped on the archive copy" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(updateSource({ actor: reviewer, sourceId: id, input: form })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await counts()).toEqual(mid);

    // Fixed: the source leaves the dates to fix.
    expect(await updateSource({ actor: researcher, sourceId: id, input: { ...form, baseUpdatedAt: undefined, date: "1990" } })).toMatchObject({ date: "1990", dateUnreadable: false });
    expect((await listSources({ actor: legal, query: { q: "Ledger edit", dateToFix: "yes" } })).total).toBe(0);
  });
});

describe("a date recorded as free text in a dossier", () => {
  test("the dossier's content keeps it as typed, and its export and printed pages are made without it failing", async () => {
    const person = await createPerson({ actor: legal, input: { name: "Ledger Subject (fictional)" } });
    const d = await createDossier({ actor: legal, input: { title: "Ledger dossier", subjectType: "PERSON", subjectId: person.id, preselect: false } });
    const id = await legacySource("Ledger dossier copy", "as stamped on the archive copy");
    await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "SOURCE", refId: id } });
    const content = await loadDossierContent({ actor: legal, dossierId: d.id });
    expect(content.items).toEqual([expect.objectContaining({ kind: "SOURCE", source: expect.objectContaining({ id, date: "as stamped on the archive copy" }) })]);
    const exported = await loadExportContent({ actor: legal, dossierId: d.id, reveal: false });
    const html = renderDossierHtml(exported, { exportId: "x", exportedAt: new Date().toISOString(), exporter: legal.name, packageFiles: [] });
    expect(html).toContain("Ledger dossier copy");
  });
});

describe("claims", () => {
  test("claims on a topic come with their sources and grades, lowest first; every change is audited", async () => {
    const src = await createSource({ actor: researcher, input: { title: "Study of executions outside Tehran", author: "N. Mohajer", year: 1996 } });
    await gradeSource({ actor: reviewer, sourceId: src.id, input: { reliability: "C", credibility: 3, reason: "Compiled from families' reports; method not published." } });
    const a = await createClaim({ actor: researcher, input: { topic: "toll-test", claimedBy: "N. Mohajer", low: "12000", high: "12000", year: 1996, sourceId: src.id } });
    const b = await createClaim({ actor: legal, input: { topic: "toll-test", claimedBy: "Amnesty International", low: 2100, assertion: "at least 2,100 named" } });
    const c = await createClaim({ actor: researcher, input: { topic: "toll-test", claimedBy: "Human Rights Watch", low: 2800, high: 5000 } });
    const list = await listClaims({ actor: legal, query: { topic: "toll-test" } });
    expect(list.map((x) => x.id)).toEqual([b.id, c.id, a.id]);
    expect(list[2]!.source).toMatchObject({ id: src.id, grade: "C3" });
    expect(list[0]).toMatchObject({ low: 2100, high: null, source: null });
    expect(await listClaimTopics({ actor: legal })).toContainEqual({ topic: "toll-test", count: 3 });

    const changed = await updateClaim({ actor: researcher, claimId: c.id, input: { high: 4500, note: "revised" } });
    expect(changed).toMatchObject({ low: 2800, high: 4500, note: "revised" });
    const events = await eventsOf(c.id);
    expect(events.map((e) => e.action)).toEqual(["claim.create", "claim.update"]);
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ high: 5000 });
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ high: 4500 });
    expect((await eventsOf(a.id))[0]).toMatchObject({ action: "claim.create" });
    expect(JSON.parse((await eventsOf(a.id))[0]!.after!)).toMatchObject({ sourceId: src.id, low: 12000 });
  });

  test("low above high, negative figures, no figure and unknown sources are refused and nothing is stored", async () => {
    const before = await counts();
    await expect(createClaim({ actor: researcher, input: { topic: "toll-test", claimedBy: "x", low: 5000, high: 2800 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { high: ["range_reversed"] },
    });
    await expect(createClaim({ actor: researcher, input: { topic: "toll-test", claimedBy: "x", low: -1, high: 10 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { low: ["not_negative"] },
    });
    await expect(createClaim({ actor: researcher, input: { topic: "toll-test", claimedBy: "x" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { low: ["value_required"] } });
    await expect(createClaim({ actor: researcher, input: { topic: "Toll Test!", claimedBy: "", low: 1 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { topic: ["invalid_topic"], claimedBy: ["required"] },
    });
    await expect(createClaim({ actor: researcher, input: { topic: "toll-test", claimedBy: "x", low: 1, sourceId: "no-such-source" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { sourceId: ["not_found"] },
    });
    // An update is checked against the stored values: a new low above the stored high is refused.
    const c = await createClaim({ actor: researcher, input: { topic: "toll-test-2", claimedBy: "y", low: 100, high: 200 } });
    const mid = await counts();
    await expect(updateClaim({ actor: researcher, claimId: c.id, input: { low: 300 } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { high: ["range_reversed"] } });
    await expect(updateClaim({ actor: researcher, claimId: c.id, input: { low: null, high: null } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { low: ["value_required"] } });
    expect(await counts()).toEqual(mid);
    expect(mid).toEqual({ sources: before.sources, claims: before.claims + 1, events: before.events + 1 });
    expect((await listClaims({ actor: legal, query: { topic: "toll-test-2" } }))[0]).toMatchObject({ low: 100, high: 200 });
  });

  test("reviewers read claims but do not enter them", async () => {
    await expect(createClaim({ actor: reviewer, input: { topic: "toll-test", claimedBy: "x", low: 1 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listClaims({ actor: reviewer, query: { topic: "toll-test" } })).length).toBeGreaterThan(0);
    await expect(listClaims({ actor: reviewer, query: { topic: "" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("record history", () => {
  test("whoever reads the record reads its history; a legal team does not see a statement's history without legal-sharing consent", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "history", language: "en", originalText: "Visits stopped in late July 1988." } });
    const h = await getRecordHistory({ actor: reviewer, recordType: "Statement", recordId: s.id });
    expect(h.map((e) => e.action)).toEqual(["statement.create"]);
    expect(h[0]!.actor.name).toBe(researcher.name);
    await expect(getRecordHistory({ actor: legal, recordType: "Statement", recordId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRecordHistory({ actor: legal, recordType: "Witness", recordId: w.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRecordHistory({ actor: researcher, recordType: "User", recordId: researcher.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(JSON.stringify(await getRecordHistory({ actor: researcher, recordType: "Witness", recordId: w.id }))).not.toMatch(/legalName":"/);
  });
});
