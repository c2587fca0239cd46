import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { getPersonAllegationSummary } from "@/lib/corroboration";
import { read } from "@/lib/db/write";
import record from "@/lib/seed/public-record-1988.json";
import { FICTIONAL_LINK_NOTE, SAMPLE_STATEMENTS } from "@/lib/seed/fictional-samples";
import { DEMO_USERS } from "@/lib/seed/demo-users";
import { listReviewQueue } from "@/lib/review/workflow";
import { createDossier } from "@/lib/dossiers";
import { OVERVIEW_SOURCE, seedDemo } from "@/lib/seed/seed-demo";
import { search } from "@/lib/search";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

describe("demo data", () => {
  test("an empty database gets the public record, the demo users and the fictional samples, all audited", async () => {
    expect(await seedDemo()).toBe(true);
    const counts = await read(async (d) => ({
      users: await d.user.count(),
      persons: await d.person.count(),
      aliases: await d.personAlias.count(),
      places: await d.place.count(),
      events: await d.event.count(),
      proceedings: await d.proceeding.count(),
      sources: await d.source.count(),
      claims: await d.claim.count(),
      statements: await d.statement.count(),
      fictionalStatements: await d.statement.count({ where: { fictional: true } }),
    }));
    expect(counts).toEqual({
      users: DEMO_USERS.length,
      persons: record.persons.length,
      aliases: record.persons.reduce((n, p) => n + p.aliases.length, 0),
      places: record.places.length,
      events: record.events.length,
      proceedings: record.proceedings.length,
      sources: record.sources.length,
      claims: record.death_toll_estimates.length,
      statements: SAMPLE_STATEMENTS.length,
      fictionalStatements: SAMPLE_STATEMENTS.length,
    });
    const nouri = await read((d) => d.proceeding.findFirst({ where: { title: { contains: "Nouri" } }, include: { defendants: { include: { person: true } }, timeline: true } }));
    expect(nouri?.defendants.map((x) => x.person.key)).toEqual(["nouri"]);
    expect(nouri?.timeline.length).toBeGreaterThanOrEqual(3);
    // The Persian interface shows events by their Persian titles (the timeline, the matrix).
    const events = await read((d) => d.event.findMany({ select: { title: true, titleFa: true } }));
    expect(events.filter((e) => !/[\u0600-\u06FF]/.test(e.titleFa)).map((e) => e.title)).toEqual([]);
    expect(events.find((e) => e.title === "Operation Mersad")?.titleFa).toBe("عملیات مرصاد");
    // And the officials' positions by their Persian titles (the person page, the list, the timeline).
    const positions = await read((d) => d.position.findMany({ select: { title: true, titleFa: true, person: { select: { key: true } } } }));
    expect(positions).toHaveLength(record.persons.reduce((n, p) => n + p.positions.length, 0));
    expect(positions.filter((x) => !/[\u0600-\u06FF]/.test(x.titleFa)).map((x) => x.title)).toEqual([]);
    expect(positions.find((x) => x.person.key === "nouri")?.titleFa).toBe("دستیار دادیار زندان گوهردشت");
    // Each official of the public record has a Persian summary beside the English one.
    const persons = await read((d) => d.person.findMany({ select: { name: true, summary: true, summaryFa: true } }));
    expect(persons.filter((x) => !x.summary || !/[\u0600-\u06FF]/.test(x.summaryFa)).map((x) => x.name)).toEqual([]);
    // Where a record rests on the public overview, its source says so in words (the record's own word for it is "seed").
    const sources = await read(async (d) => [
      ...(await d.person.findMany({ select: { source: true } })),
      ...(await d.event.findMany({ select: { source: true } })),
      ...(await d.proceeding.findMany({ select: { source: true } })),
    ]);
    expect(sources.filter((x) => /\bseed\b/.test(x.source))).toEqual([]);
    expect(sources.filter((x) => x.source.startsWith(OVERVIEW_SOURCE)).length).toBeGreaterThan(10);
    const v = await verifyAuditChain();
    expect(v.ok).toBe(true);
    expect(v.events).toBeGreaterThan(counts.persons + counts.statements);
  });

  test("each fictional sample says the time it is about, so the search's date filter finds it in either calendar", async () => {
    const u = await read((d) => d.user.findFirstOrThrow({ where: { role: "RESEARCHER" } }));
    const researcher: Actor = { id: u.id, email: u.email, name: u.name, role: "RESEARCHER" };
    const titles = async (query: Record<string, string>) => (await search({ actor: researcher, query: { type: "statement", ...query } })).items.map((i) => i.title).sort();
    const [gohardasht, evin, questions] = SAMPLE_STATEMENTS.map((s) => s.title);
    // Summer 1367 is 22 June – 22 September 1988: the closed visits (summer 1367) and the questioning (Mordad 1367), not the autumn at Evin's gate.
    expect(await titles({ q: "هیئت", from: "تیر ۱۳۶۷", to: "شهریور ۱۳۶۷" })).toEqual([gohardasht, questions].sort());
    expect(await titles({ q: "هیئت", from: "1988-06-22", to: "1988-09-22" })).toEqual([gohardasht, questions].sort());
    expect(await titles({ q: "Evin", from: "October 1988" })).toEqual([evin]);
    // The years of the interviews (1401, 1402) are not the years the testimony is about.
    expect(await titles({ q: "هیئت", from: "1401" })).toEqual([]);
  });

  test("the fictional samples are linked to the public record: each quote is its statement's words at its offsets, and two witnesses corroborate one official at one event", async () => {
    const links = await read((d) =>
      d.link.findMany({
        include: { person: { select: { key: true } }, event: { select: { title: true } }, place: { select: { name: true } }, proceeding: { select: { title: true } }, statement: { select: { title: true, fictional: true, witnessId: true, language: true } } },
      }),
    );
    const samples = SAMPLE_STATEMENTS.flatMap((s) => s.links.map((l) => ({ ...l, title: s.title })));
    expect(samples.length).toBeGreaterThanOrEqual(3);
    expect(links).toHaveLength(samples.length);
    for (const l of links) {
      const revision = await read((d) => d.statementRevision.findUniqueOrThrow({ where: { statementId_number: { statementId: l.statementId, number: l.revisionNumber } }, select: { originalText: true } }));
      expect(revision.originalText.slice(l.startOffset, l.endOffset)).toBe(l.quote);
      expect(l).toMatchObject({ revisionNumber: 1, anchor: "ANCHORED", statement: { fictional: true } });
      // The note says the link is fictional in its statement's language only: one language to a paragraph.
      expect(l.note).toBe(FICTIONAL_LINK_NOTE[l.statement.language as "fa" | "en"]);
      expect(l.note).toMatch(l.statement.language === "fa" ? /ساختگی/ : /Fictional/);
      expect(l.note).not.toMatch(l.statement.language === "fa" ? /[A-Za-z]/ : /[\u0600-\u06FF]/);
    }
    // Each sample link as written in the samples: its statement, person, event, place and proceeding.
    const made = links.map((l) => ({ title: l.statement.title, quote: l.quote, person: l.person.key, role: l.role, allegationType: l.allegationType, event: l.event?.title, place: l.place?.name, proceeding: l.proceeding?.title }));
    expect(made).toEqual(expect.arrayContaining(samples.map((x) => ({ title: x.title, quote: x.quote, person: x.person, role: x.role, allegationType: x.allegationType, event: x.event, place: x.place, proceeding: x.proceeding }))));
    // Every person, event, place and proceeding page the demo links to has testimony: the proceeding's too.
    expect(new Set(links.map((l) => l.proceeding?.title).filter(Boolean))).toEqual(new Set(["Prosecution of Hamid Nouri (Sweden)"]));
    // The person page's counts: Nayyeri at the commission's questioning, named by two independent witnesses, one verified.
    const u = await read((d) => d.user.findFirstOrThrow({ where: { role: "ADMIN" } }));
    const admin: Actor = { id: u.id, email: u.email, name: u.name, role: "ADMIN" };
    const nayyeri = await read((d) => d.person.findFirstOrThrow({ where: { key: "nayyeri" } }));
    const summary = await getPersonAllegationSummary({ actor: admin, personId: nayyeri.id });
    const commission = summary.groups.find((g) => g.event?.title === "Tehran commission questions MEK prisoners" && g.allegationType === "PERSECUTION");
    expect(commission).toMatchObject({ verifiedWitnesses: 1, unverifiedWitnesses: 1, quoteCount: 2 });
  });

  test("the demo legal team builds the Nouri dossier on a verified statement that names the defendant: its witness consents to legal sharing", async () => {
    const u = await read((d) => d.user.findFirstOrThrow({ where: { email: DEMO_USERS.find((x) => x.role === "LEGAL")!.email } }));
    const legal: Actor = { id: u.id, email: u.email, name: u.name, role: "LEGAL" };
    const nouri = await read((d) => d.proceeding.findFirstOrThrow({ where: { title: "Prosecution of Hamid Nouri (Sweden)" } }));
    const dossier = await createDossier({ actor: legal, input: { title: "Demo check", subjectType: "PROCEEDING", subjectId: nouri.id } });
    expect(dossier.items.length).toBeGreaterThan(0);
    for (const item of dossier.items) {
      const s = await read((d) => d.statement.findUniqueOrThrow({ where: { id: item.refId }, include: { links: { include: { person: true } } } }));
      expect(s.status).toBe("VERIFIED");
      expect(s.links.some((l) => l.person.key === "nouri" && l.proceedingId === nouri.id)).toBe(true);
    }
  });

  test("the demo reviewer has a queue: samples stand in several review states, reached through the workflow with its audit trail", async () => {
    const u = await read((d) => d.user.findFirstOrThrow({ where: { email: DEMO_USERS.find((x) => x.role === "REVIEWER")!.email } }));
    const reviewer: Actor = { id: u.id, email: u.email, name: u.name, role: "REVIEWER" };
    const queue = await listReviewQueue({ actor: reviewer, query: {} });
    expect(queue.total).toBeGreaterThan(0);
    expect(queue.items.every((s) => s.fictional)).toBe(true);
    const statements = await read((d) => d.statement.findMany({ include: { reviews: true } }));
    const states = new Set(statements.map((s) => s.status));
    // Waiting, sent back and verified: each of the reviewer's views has something to show.
    expect(states.has("SUBMITTED") || states.has("IN_REVIEW")).toBe(true);
    expect(states.has("CHANGES_REQUESTED")).toBe(true);
    expect(states.has("VERIFIED")).toBe(true);
    for (const s of statements) {
      const actions = (await read((d) => d.auditEvent.findMany({ where: { recordId: s.id }, orderBy: { seq: "asc" }, select: { action: true } }))).map((e) => e.action);
      if (s.status === "DRAFT") expect(actions).not.toContain("statement.submit");
      else expect(actions.slice(0, 2)).toEqual(["statement.create", "statement.submit"]);
      if (s.status === "CHANGES_REQUESTED" || s.status === "VERIFIED") {
        expect(actions).toEqual(expect.arrayContaining(["review.take", "review.decide"]));
        expect(s.reviews).toHaveLength(1);
        expect(s.reviews[0]).toMatchObject({ decision: s.status, reviewerId: reviewer.id, revisionNumber: s.revisionNumber });
        // The four-eyes rule held: the reviewer wrote none of it.
        expect(s.authorId).not.toBe(reviewer.id);
      }
      if (s.status === "CHANGES_REQUESTED") {
        const comments = JSON.parse(s.reviews[0]!.comments) as { text: string; quote?: string; startOffset?: number; endOffset?: number }[];
        expect(comments.length).toBeGreaterThan(0);
        for (const c of comments) if (c.quote) expect(s.originalText.slice(c.startOffset, c.endOffset)).toBe(c.quote);
        // The author was told.
        expect(await read((d) => d.notification.count({ where: { userId: s.authorId, statementId: s.id, kind: "SENT_BACK" } }))).toBe(1);
      }
      if (s.status === "VERIFIED") expect(s.reviews[0]!.sourceReliability && s.reviews[0]!.credibility).toBeTruthy();
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  test("each proceeding has its latest status, as of its timeline's last entry", async () => {
    const proceedings = await read((d) => d.proceeding.findMany({ include: { timeline: true } }));
    expect(proceedings).toHaveLength(record.proceedings.length);
    for (const p of proceedings) {
      expect(p.status, p.title).not.toBe("");
      const last = [...p.timeline].sort((a, b) => (a.date < b.date ? -1 : 1)).pop()!;
      expect(p.status, p.title).toContain(last.date.slice(0, 4));
    }
    const nouri = proceedings.find((p) => p.title.includes("Nouri"))!;
    expect(nouri.status).toMatch(/appeal/i);
    expect(nouri.status).toMatch(/prisoner exchange/i);
  });

  test("each proceeding has its Persian texts, and the Nouri prosecution its charges as the public record states them", async () => {
    const proceedings = await read((d) => d.proceeding.findMany({ include: { timeline: true } }));
    const persian = /[\u0600-\u06FF]/;
    for (const p of proceedings) {
      expect(p.titleFa, p.title).toMatch(persian);
      expect(p.statusFa, p.title).toMatch(persian);
      if (p.jurisdiction) expect(p.jurisdictionFa, p.title).toMatch(persian);
      if (p.court) expect(p.courtFa, p.title).toMatch(persian);
      for (const e of p.timeline) expect(e.whatFa, `${p.title}: ${e.what}`).toMatch(persian);
    }
    const nouri = proceedings.find((p) => p.title.includes("Nouri"))!;
    // The charge the overview quotes and the record's timeline repeats, in both languages.
    expect(nouri.charges).toMatch(/torturing prisoners and subjecting them to inhumane conditions/i);
    expect(nouri.chargesFa).toMatch(/شکنجه/);
    // The Persian pages find it by its Persian title.
    expect((await search({ actor: (await makeActor("REVIEWER")), query: { q: "حمید نوری", type: "proceeding" } })).items.map((i) => i.id)).toContain(nouri.id);
  });

  test("a database that is not empty is left alone", async () => {
    const before = await read(async (d) => ({ events: await d.auditEvent.count(), links: await d.link.count(), statements: await d.statement.count() }));
    expect(await seedDemo()).toBe(false);
    expect(await read(async (d) => ({ events: await d.auditEvent.count(), links: await d.link.count(), statements: await d.statement.count() }))).toEqual(before);
  });

  test("every sample statement says it is fictional in its own text", () => {
    for (const s of SAMPLE_STATEMENTS) expect(s.originalText).toMatch(/ساختگی|fictional/);
  });
});
