import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { GET as allegationQuotesRoute } from "@/app/api/v1/persons/[id]/allegations/quotes/route";
import { openApiDocument } from "@/lib/api/openapi";
import { createToken } from "@/lib/auth/tokens";
import { getCorroborationMatrix, getPersonAllegationQuotes, getPersonAllegations, getPersonAllegationSummary, getProceedingEvidence, getTimeline } from "@/lib/corroboration";
import { read, write } from "@/lib/db/write";
import { createLink, deleteLink, linkOut, listLinksForPerson, listLinksForStatement, suggestLinks, updateLink } from "@/lib/links";
import { LINK_INCLUDE } from "@/lib/links/links";
import { createStatement, restoreRevision, updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Fictional testimony throughout. Registry records are written directly: this file tests links
// and counts, not the registries.

let db: TestDatabase;
let researcher: Actor;
let otherResearcher: Actor;
let reviewer: Actor;
let legal: Actor;
let admin: Actor;
let nayyeri: string;
let raisi: string;
let massExecutions: string;
let lockdown: string;
let evin: string;
let trial: string;

const ZWNJ = "\u200C";
const QUOTE = "نیری حکم را خواند";
const TEXT = `این متن ساختگی است. در مرداد ۱۳۶۷ ما را با چشم${ZWNJ}بند به راهرو بردند. ${QUOTE} و کسی چیزی نگفت.`;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  otherResearcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  legal = await makeActor("LEGAL");
  admin = await makeActor("ADMIN");
  await write(async (tx) => {
    // The Persian name is written differently from the text's «نیری», on purpose.
    nayyeri = (await tx.person.create({ data: { name: "Hossein-Ali Nayyeri", nameFa: "حسین‌علی نیّری", aliases: { create: [{ name: "Hossein Ali Nayeri" }] } } })).id;
    raisi = (
      await tx.person.create({
        data: { name: "Ebrahim Raisi", nameFa: "ابراهیم رئیسی", positions: { create: [{ title: "Deputy Prosecutor General", fromDate: "1988", toDate: "1988", fromEarliest: "1988-01-01", toLatest: "1988-12-31", precision: "year" }] } },
      })
    ).id;
    massExecutions = (await tx.event.create({ data: { title: "Tehran commission questions prisoners", dateStart: "1988-07", dateEnd: "1988-08-27", precision: "month", earliest: "1988-07-01", latest: "1988-08-27" } })).id;
    lockdown = (await tx.event.create({ data: { title: "Prisons locked down", dateStart: "1988-07-19", precision: "day", earliest: "1988-07-19", latest: "1988-07-19" } })).id;
    evin = (await tx.place.create({ data: { name: "Evin Prison", nameFa: "زندان اوین" } })).id;
    trial = (await tx.proceeding.create({ data: { title: "Prosecution of Hamid Nouri (test)", kind: "criminal trial", defendants: { create: [{ personId: nayyeri }] } } })).id;
  });
});
afterAll(async () => db?.drop());

async function persianStatement(actor = researcher, text = TEXT, witnessId?: string) {
  const w = witnessId ?? (await createWitness({ actor, input: {} })).id;
  return createStatement({ actor, input: { witnessId: w, title: "نمونهٔ ساختگی", language: "fa", originalText: text } });
}

function passage(text: string, quote: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`no ${quote}`);
  return { startOffset: start, endOffset: start + quote.length, quote };
}

const counts = () => read(async (d) => ({ links: await d.link.count(), audit: await d.auditEvent.count() }));

function linkInput(statementId: string, extra: Record<string, unknown> = {}, text = TEXT, quote = QUOTE) {
  return { statementId, revisionNumber: 1, ...passage(text, quote), personId: nayyeri, role: "SAT_ON_COMMISSION", allegationType: "KILLING", ...extra };
}

async function edit(statementId: string, text: string, baseRevision: number, actor = researcher) {
  return updateStatement({ actor, statementId, input: { title: "نمونهٔ ساختگی", language: "fa", originalText: text, reason: "ویرایش", baseRevision } });
}

describe("making a link", () => {
  test("a researcher links a Persian passage to a person, event and place, and the audit keeps the quote's hash, not its words", async () => {
    const s = await persianStatement();
    const link = await createLink({ actor: researcher, input: linkInput(s.id, { eventId: massExecutions, placeId: evin, proceedingId: trial, note: "یادداشت" }) });
    expect(link).toMatchObject({ quote: QUOTE, revisionNumber: 1, anchor: "ANCHORED", person: { id: nayyeri }, event: { id: massExecutions }, place: { id: evin }, proceeding: { id: trial } });
    expect(TEXT.slice(link.startOffset, link.endOffset)).toBe(QUOTE);
    const events = await read((d) => d.auditEvent.findMany({ where: { recordId: link.id } }));
    expect(events.map((e) => e.action)).toEqual(["link.create"]);
    expect(events[0]!.after).not.toContain("نیری");
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ statementId: s.id, revision: 1, quoteLength: QUOTE.length, personId: nayyeri });
    const listed = await listLinksForStatement({ actor: reviewer, statementId: s.id });
    expect(listed.items.map((l) => l.id)).toEqual([link.id]);
    // The statement page's one SQL query gives what Prisma's client gives, to the last field.
    const second = await createLink({ actor: researcher, input: linkInput(s.id, {}, TEXT, "این متن") });
    const prisma = await read((d) => d.link.findMany({ where: { statementId: s.id }, include: LINK_INCLUDE, orderBy: [{ startOffset: "asc" }, { createdAt: "asc" }] }));
    const again = await listLinksForStatement({ actor: reviewer, statementId: s.id });
    expect(again).toEqual({ statementId: s.id, revisionNumber: 1, items: prisma.map(linkOut) });
    expect(again.items.map((l) => l.id)).toEqual([second.id, link.id]);
    expect(again.items[1]).toMatchObject({ event: { id: massExecutions }, place: { id: evin }, proceeding: { id: trial }, note: "یادداشت", createdAt: link.createdAt });
    expect(again.items[0]).toMatchObject({ event: null, place: null, proceeding: null, startOffset: 0 });
    await expect(listLinksForStatement({ actor: reviewer, statementId: "no-such-statement" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("offsets outside the text, or an empty passage, are field errors and nothing is stored", async () => {
    const s = await persianStatement();
    const before = await counts();
    await expect(createLink({ actor: researcher, input: { ...linkInput(s.id), startOffset: 0, endOffset: TEXT.length + 5 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { endOffset: ["offset_out_of_range"] },
    });
    await expect(createLink({ actor: researcher, input: { ...linkInput(s.id), startOffset: 10, endOffset: 10 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { endOffset: ["offset_order"] },
    });
    await expect(createLink({ actor: researcher, input: { ...linkInput(s.id), startOffset: -3 } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(createLink({ actor: researcher, input: { ...linkInput(s.id), role: "WATCHED", allegationType: "" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { role: ["invalid_choice"], allegationType: ["invalid_choice"] },
    });
    expect(await counts()).toEqual(before);
  });

  test("a quote that is not the text at the offsets is a conflict, and nothing is stored", async () => {
    const s = await persianStatement();
    const before = await counts();
    const p = passage(TEXT, QUOTE);
    await expect(createLink({ actor: researcher, input: { ...linkInput(s.id), startOffset: p.startOffset + 1, endOffset: p.endOffset + 1 } })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("quote does not match the text at these offsets"),
    });
    // The same words with Arabic code points are not the same text.
    await expect(createLink({ actor: researcher, input: { ...linkInput(s.id), quote: "نيري حكم را خواند" } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts()).toEqual(before);
  });

  test("unknown statement is not found; unknown person, event, place or proceeding are field errors", async () => {
    const s = await persianStatement();
    const before = await counts();
    await expect(createLink({ actor: researcher, input: linkInput("no-such-statement") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      createLink({ actor: researcher, input: linkInput(s.id, { personId: "nobody", eventId: "no-event", placeId: "no-place", proceedingId: "no-case" }) }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { personId: ["not_found"], eventId: ["not_found"], placeId: ["not_found"], proceedingId: ["not_found"] },
    });
    await expect(createLink({ actor: researcher, input: { ...linkInput(s.id), revisionNumber: 7 } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { revisionNumber: ["not_found"] },
    });
    expect(await counts()).toEqual(before);
  });

  test("a link must cite the current revision: an older one is a conflict", async () => {
    const s = await persianStatement();
    await edit(s.id, TEXT + " افزوده.", 1);
    const before = await counts();
    await expect(createLink({ actor: researcher, input: linkInput(s.id) })).rejects.toMatchObject({ code: "CONFLICT", fields: { revisionNumber: ["link_old_revision"] } });
    expect(await counts()).toEqual(before);
    const ok = await createLink({ actor: researcher, input: { ...linkInput(s.id), revisionNumber: 2 } });
    expect(ok.revisionNumber).toBe(2);
  });

  test("reviewers and legal teams may not link; any researcher may; only the maker or the statement's author may change a link", async () => {
    const s = await persianStatement();
    await expect(createLink({ actor: reviewer, input: linkInput(s.id) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createLink({ actor: legal, input: linkInput(s.id) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createLink({ actor: null, input: linkInput(s.id) })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const byOther = await createLink({ actor: otherResearcher, input: linkInput(s.id) });
    const mine = await createLink({ actor: researcher, input: linkInput(s.id, { allegationType: "TORTURE" }) });
    // The statement's author may repair the other researcher's link; the other may not touch the author's.
    await updateLink({ actor: researcher, linkId: byOther.id, input: { role: "PRESENT" } });
    await expect(updateLink({ actor: otherResearcher, linkId: mine.id, input: { role: "PRESENT" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteLink({ actor: reviewer, linkId: mine.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await updateLink({ actor: admin, linkId: mine.id, input: { note: "admin" } });
  });

  test("changing and deleting a link are audited with before and after", async () => {
    const s = await persianStatement();
    const l = await createLink({ actor: researcher, input: linkInput(s.id, { eventId: massExecutions }) });
    const changed = await updateLink({ actor: researcher, linkId: l.id, input: { role: "ORDERED", allegationType: "TORTURE", eventId: "", placeId: evin, note: "x" } });
    expect(changed).toMatchObject({ role: "ORDERED", allegationType: "TORTURE", event: null, place: { id: evin }, note: "x" });
    await expect(updateLink({ actor: researcher, linkId: l.id, input: {} })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { _: ["nothing_to_change"] } });
    await expect(updateLink({ actor: researcher, linkId: l.id, input: { eventId: "nope" } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { eventId: ["not_found"] } });
    await expect(updateLink({ actor: researcher, linkId: l.id, input: { startOffset: 1 } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await deleteLink({ actor: researcher, linkId: l.id });
    await expect(deleteLink({ actor: researcher, linkId: l.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await read((d) => d.auditEvent.findMany({ where: { recordId: l.id }, orderBy: { seq: "asc" } }));
    expect(events.map((e) => e.action)).toEqual(["link.create", "link.update", "link.delete"]);
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ role: "SAT_ON_COMMISSION", eventId: massExecutions });
    expect(JSON.parse(events[1]!.after!)).toMatchObject({ role: "ORDERED", eventId: null, placeId: evin });
    expect(await read((d) => d.link.count({ where: { id: l.id } }))).toBe(0);
  });
});

describe("re-anchoring on a new revision", () => {
  test("an edit that moves the passage moves the link to the new revision's offsets", async () => {
    const s = await persianStatement();
    const l = await createLink({ actor: researcher, input: linkInput(s.id) });
    const moved = `${QUOTE}. ${TEXT.replace(`${QUOTE} و کسی`, "و کسی").replace("مرداد", "تیر")}`;
    await edit(s.id, moved, 1);
    const after = await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }));
    expect(after).toMatchObject({ revisionNumber: 2, anchor: "ANCHORED", startOffset: 0, endOffset: QUOTE.length });
    expect(moved.slice(after.startOffset, after.endOffset)).toBe(QUOTE);
    const audit = await read((d) => d.auditEvent.findMany({ where: { recordId: l.id, action: "link.reanchor" } }));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ revision: 2, anchor: "ANCHORED", how: "unique" });
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ revision: 1, startOffset: l.startOffset });
  });

  test("an edit that deletes the passage flags the link NEEDS_REVIEW and keeps it on the old revision's words; fixing it re-anchors it", async () => {
    const s = await persianStatement();
    const l = await createLink({ actor: researcher, input: linkInput(s.id) });
    const without = TEXT.replace(QUOTE, "نیری چیزی گفت که نشنیدم");
    await edit(s.id, without, 1);
    const flagged = await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }));
    expect(flagged).toMatchObject({ revisionNumber: 1, anchor: "NEEDS_REVIEW", startOffset: l.startOffset, endOffset: l.endOffset, quote: QUOTE });
    const audit = await read((d) => d.auditEvent.findFirstOrThrow({ where: { recordId: l.id, action: "link.reanchor" } }));
    expect(JSON.parse(audit.after!)).toMatchObject({ anchor: "NEEDS_REVIEW", reason: "not_found", newRevision: 2, revision: 1 });

    // A further revision leaves a NEEDS_REVIEW link alone.
    await edit(s.id, without + " ", 2);
    expect(await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }))).toMatchObject({ revisionNumber: 1, anchor: "NEEDS_REVIEW" });
    const current = (await read((d) => d.statement.findUniqueOrThrow({ where: { id: s.id } }))).originalText;

    // Fixing: offsets on an old revision are refused; on the current one the link is ANCHORED again.
    await expect(updateLink({ actor: researcher, linkId: l.id, input: { revisionNumber: 2, ...passage(without, "نیری چیزی گفت") } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateLink({ actor: researcher, linkId: l.id, input: { revisionNumber: 3, ...passage(current, "نیری چیزی گفت"), quote: "نیری چیزی نگفت" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const fixed = await updateLink({ actor: researcher, linkId: l.id, input: { revisionNumber: 3, ...passage(current, "نیری چیزی گفت") } });
    expect(fixed).toMatchObject({ revisionNumber: 3, anchor: "ANCHORED", quote: "نیری چیزی گفت" });
    const actions = (await read((d) => d.auditEvent.findMany({ where: { recordId: l.id }, orderBy: { seq: "asc" } }))).map((e) => e.action);
    expect(actions).toEqual(["link.create", "link.reanchor", "link.repoint"]);
  });

  test("restoring the revision a flagged link cites anchors it again", async () => {
    const s = await persianStatement();
    const l = await createLink({ actor: researcher, input: linkInput(s.id) });
    await edit(s.id, TEXT.replace(QUOTE, "چیزی نشنیدم"), 1);
    expect(await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }))).toMatchObject({ anchor: "NEEDS_REVIEW", revisionNumber: 1 });
    await restoreRevision({ actor: researcher, statementId: s.id, number: 1, input: { baseRevision: 2 } });
    expect(await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }))).toMatchObject({ anchor: "ANCHORED", revisionNumber: 3, startOffset: l.startOffset });
    const audit = await read((d) => d.auditEvent.findMany({ where: { recordId: l.id, action: "link.reanchor" }, orderBy: { seq: "asc" } }));
    expect(audit.map((a) => JSON.parse(a.after!).anchor)).toEqual(["NEEDS_REVIEW", "ANCHORED"]);
  });

  test("an edit that duplicates the passage keeps the link on the occurrence with the same surroundings", async () => {
    const text = `${TEXT} بعد ما را به بند برگرداندند و شب شد.`;
    const s = await persianStatement(researcher, text);
    const l = await createLink({ actor: researcher, input: linkInput(s.id, {}, text) });
    // A copy in a new first sentence, and words changed before and after the original (beyond its surroundings).
    const dup = `گفتند «${QUOTE}». ${text.replace("مرداد", "تیر").replace("شب شد", "صبح شد")}`;
    await edit(s.id, dup, 1);
    const after = await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }));
    expect(after.anchor).toBe("ANCHORED");
    expect(after.revisionNumber).toBe(2);
    expect(after.startOffset).toBe(dup.lastIndexOf(QUOTE));
    const audit = await read((d) => d.auditEvent.findFirstOrThrow({ where: { recordId: l.id, action: "link.reanchor" } }));
    expect(JSON.parse(audit.after!)).toMatchObject({ how: "context" });
  });

  test("an edit that duplicates the passage and changes its surroundings flags the link instead of guessing", async () => {
    const s = await persianStatement();
    const l = await createLink({ actor: researcher, input: linkInput(s.id) });
    const dup = `گفتند «${QUOTE}». بعد دوباره ${QUOTE} و همه ساکت شدند.`;
    await edit(s.id, dup, 1);
    expect(await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }))).toMatchObject({ revisionNumber: 1, anchor: "NEEDS_REVIEW" });
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("a refused statement edit re-anchors nothing", async () => {
    const s = await persianStatement();
    const l = await createLink({ actor: researcher, input: linkInput(s.id) });
    await expect(edit(s.id, "متن دیگر", 1, otherResearcher)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(edit(s.id, "متن دیگر", 5)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await read((d) => d.link.findUniqueOrThrow({ where: { id: l.id } }))).toMatchObject({ revisionNumber: 1, anchor: "ANCHORED" });
  });
});

describe("concurrency", () => {
  test("a link made while a new revision is saved is either re-anchored by it or refused: an ANCHORED link always cites the current text", async () => {
    for (let i = 0; i < 6; i++) {
      const s = await persianStatement();
      const edited = `افزوده ${i}. ${TEXT}`;
      const [made, saved] = await Promise.allSettled([createLink({ actor: researcher, input: linkInput(s.id) }), edit(s.id, edited, 1)]);
      expect(saved.status).toBe("fulfilled");
      if (made.status === "rejected") expect(made.reason).toMatchObject({ code: "CONFLICT" });
      const statement = await read((d) => d.statement.findUniqueOrThrow({ where: { id: s.id } }));
      for (const l of await read((d) => d.link.findMany({ where: { statementId: s.id } }))) {
        expect(l.anchor).toBe("ANCHORED");
        expect(l.revisionNumber).toBe(statement.revisionNumber);
        expect(statement.originalText.slice(l.startOffset, l.endOffset)).toBe(l.quote);
      }
    }
  });
});

describe("suggestions", () => {
  test("a Persian statement naming «نیری» suggests Hossein-Ali Nayyeri, whose record spells it otherwise", async () => {
    const text = `این متن ساختگی است. نیری حکم را خواند و ما را به زندان اوین بردند.`;
    const s = await persianStatement(researcher, text);
    const r = await suggestLinks({ actor: researcher, statementId: s.id });
    const person = r.items.find((x) => x.kind === "person");
    expect(person).toMatchObject({ id: nayyeri, quote: "نیری", name: "Hossein-Ali Nayyeri" });
    expect(text.slice(person!.startOffset, person!.endOffset)).toBe("نیری");
    expect(r.items.find((x) => x.kind === "place")).toMatchObject({ id: evin, quote: "زندان اوین" });
    // Once linked, the passage is not suggested again for that person.
    await createLink({ actor: researcher, input: { statementId: s.id, revisionNumber: 1, ...passage(text, "نیری"), personId: nayyeri, role: "OTHER", allegationType: "KILLING" } });
    const again = await suggestLinks({ actor: researcher, statementId: s.id });
    expect(again.items.some((x) => x.kind === "person" && x.id === nayyeri)).toBe(false);
    // And the answer says one was left out for that reason, so a text whose names are all linked
    // is not shown as one where no name was found.
    expect(r.alreadyLinked).toBe(0);
    expect(again.alreadyLinked).toBe(1);
    expect(again.items.length).toBe(r.items.length - 1);
  });
});

describe("corroboration", () => {
  // A fresh person for the counts, so links made above do not mix in.
  let accused: string;
  let consenting: string;
  const Q = "او دستور اعدام را امضا کرد";
  const text = (n: number) => `این متن ساختگی است (${n}). ${Q} و رفت.`;

  async function linked(witnessId: string, status: string, allegationType = "KILLING", eventId: string | null = massExecutions) {
    const s = await persianStatement(researcher, text(Math.random()), witnessId);
    await write((tx) => tx.statement.update({ where: { id: s.id }, data: { status } }));
    const t = (await read((d) => d.statement.findUniqueOrThrow({ where: { id: s.id } }))).originalText;
    await createLink({ actor: researcher, input: { statementId: s.id, revisionNumber: 1, ...passage(t, Q), personId: accused, role: "ORDERED", allegationType, eventId } });
    return s;
  }

  beforeAll(async () => {
    accused = (await write((tx) => tx.person.create({ data: { name: "Fictional Official (test)", nameFa: "مقام ساختگی" } }))).id;
    await write((tx) => tx.proceedingDefendant.create({ data: { proceedingId: trial, personId: accused } }));
    const consent = { scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" };
    // W1: two verified statements and a draft → one verified witness. Consents to legal sharing.
    const w1 = await createWitness({ actor: researcher, input: { consents: [consent] } });
    consenting = w1.id;
    await linked(w1.id, "VERIFIED");
    await linked(w1.id, "VERIFIED");
    await linked(w1.id, "DRAFT");
    // W2 and W3 are the same person (W3 sameAs W2), both verified → one more.
    const w2 = await createWitness({ actor: researcher, input: {} });
    const w3 = await createWitness({ actor: researcher, input: {} });
    await write((tx) => tx.witness.update({ where: { id: w3.id }, data: { sameAsId: w2.id } }));
    await linked(w2.id, "VERIFIED");
    await linked(w3.id, "VERIFIED");
    // W4 and W5 (W5 sameAs W4): unverified only → one unverified witness.
    const w4 = await createWitness({ actor: researcher, input: {} });
    const w5 = await createWitness({ actor: researcher, input: {} });
    await write((tx) => tx.witness.update({ where: { id: w5.id }, data: { sameAsId: w4.id } }));
    await linked(w4.id, "SUBMITTED");
    await linked(w5.id, "DRAFT");
    // W6: torture, no event, verified.
    const w6 = await createWitness({ actor: researcher, input: {} });
    await linked(w6.id, "VERIFIED", "TORTURE", null);
    // W7: the lockdown event, verified; its sameAs chain runs through W3 to W2.
    const w7 = await createWitness({ actor: researcher, input: {} });
    await write((tx) => tx.witness.update({ where: { id: w7.id }, data: { sameAsId: w3.id } }));
    await linked(w7.id, "VERIFIED", "KILLING", lockdown);
  });

  test("a person's allegations by event and type: same witness once, sameAs records once, unverified apart", async () => {
    const r = await getPersonAllegations({ actor: reviewer, personId: accused });
    const killing = r.groups.find((g) => g.event?.id === massExecutions && g.allegationType === "KILLING")!;
    expect(killing).toMatchObject({ verifiedWitnesses: 2, unverifiedWitnesses: 1, needsReview: 0 });
    expect(killing.quotes).toHaveLength(7);
    expect(killing.quotes.every((q) => q.quote === Q && /^W-\d{4}$/.test(q.witnessCode))).toBe(true);
    // Witnesses by code only, never identity.
    expect(JSON.stringify(r)).not.toMatch(/legalName|witnessId/);
    const torture = r.groups.find((g) => g.allegationType === "TORTURE")!;
    expect(torture).toMatchObject({ event: null, verifiedWitnesses: 1, unverifiedWitnesses: 0 });
    expect(r.groups.find((g) => g.event?.id === lockdown)).toMatchObject({ verifiedWitnesses: 1 });
    // Groups in date order of their events, the group without an event last.
    expect(r.groups[r.groups.length - 1]!.event).toBeNull();
    // All of them: W1, W2(=W3=W7), W6 verified; W4(=W5) unverified.
    expect(r.totals).toMatchObject({ verifiedWitnesses: 3, unverifiedWitnesses: 1 });
  });

  test("a legal user's counts include only statements whose witness consents to legal sharing", async () => {
    const r = await getPersonAllegations({ actor: legal, personId: accused });
    expect(r.totals).toMatchObject({ verifiedWitnesses: 1, unverifiedWitnesses: 0 });
    const killing = r.groups.find((g) => g.event?.id === massExecutions && g.allegationType === "KILLING")!;
    expect(killing).toMatchObject({ verifiedWitnesses: 1, unverifiedWitnesses: 0 });
    expect(killing.quotes).toHaveLength(3);
    const statementIds = new Set(killing.quotes.map((q) => q.statementId));
    const witnesses = await read((d) => d.statement.findMany({ where: { id: { in: [...statementIds] } }, select: { witnessId: true } }));
    expect(new Set(witnesses.map((w) => w.witnessId))).toEqual(new Set([consenting]));
    expect((await listLinksForPerson({ actor: legal, personId: accused })).items).toHaveLength(3);
  });

  test("withdrawing a NEEDS_REVIEW link from the counts: a flagged link is listed but not counted", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const s = await linked(w.id, "VERIFIED", "IMPRISONMENT", null);
    const t = (await read((d) => d.statement.findUniqueOrThrow({ where: { id: s.id } }))).originalText;
    await edit(s.id, t.replace(Q, "او چیزی امضا نکرد"), 1);
    const g = (await getPersonAllegations({ actor: reviewer, personId: accused })).groups.find((x) => x.allegationType === "IMPRISONMENT")!;
    expect(g).toMatchObject({ verifiedWitnesses: 0, unverifiedWitnesses: 0, needsReview: 1 });
    expect(g.quotes[0]!.anchor).toBe("NEEDS_REVIEW");
  });

  test("the person page's summary has the same groups and counts, and each group's quotes load on their own, the same for each reader", async () => {
    for (const actor of [reviewer, legal]) {
      const { pages: fullPages, ...full } = await getPersonAllegations({ actor, personId: accused });
      const { pages, ...summary } = await getPersonAllegationSummary({ actor, personId: accused });
      expect(pages.pages).toBe(1);
      expect(fullPages).toEqual(pages);
      expect(summary).toEqual({ ...full, groups: full.groups.map(({ quotes, ...g }) => g) });
      for (const g of full.groups) expect(g.quoteCount).toBe(g.quotes.length); // small groups: every quote on the first page
      expect(JSON.stringify(summary)).not.toContain(Q);
      for (const g of full.groups) {
        const r = await getPersonAllegationQuotes({ actor, personId: accused, query: { type: g.allegationType, event: g.event?.id ?? "none" } });
        expect(r.quotes).toEqual(g.quotes);
      }
      // Exactly the links lib/links lists for this reader (its visibility rule, through Prisma).
      const listed = (await listLinksForPerson({ actor, personId: accused })).items;
      expect(full.groups.flatMap((g) => g.quotes.map((q) => q.linkId)).sort()).toEqual(listed.map((l) => l.id).sort());
      // Each group's quotes in the order the links were made, as lib/links lists them.
      for (const g of full.groups) {
        const inGroup = listed.filter((l) => (l.event?.id ?? null) === (g.event?.id ?? null) && l.allegationType === g.allegationType);
        expect(g.quotes.map((q) => q.linkId)).toEqual(inGroup.map((l) => l.id));
      }
      const byId = new Map(full.groups.flatMap((g) => g.quotes).map((q) => [q.linkId, q]));
      for (const l of listed) {
        expect(byId.get(l.id)).toMatchObject({ statementId: l.statement.id, statementTitle: l.statement.title, statementStatus: l.statement.status, fictional: l.statement.fictional, witnessCode: l.statement.witnessCode, quote: l.quote, startOffset: l.startOffset, endOffset: l.endOffset, revisionNumber: l.revisionNumber, anchor: l.anchor, role: l.role });
      }
    }
    const event = await read((d) =>
      d.event.findUniqueOrThrow({ where: { id: massExecutions }, select: { id: true, title: true, titleFa: true, dateStart: true, dateEnd: true, precision: true, earliest: true, latest: true } }),
    );
    expect((await getPersonAllegationSummary({ actor: reviewer, personId: accused })).groups.find((g) => g.event?.id === massExecutions)!.event).toEqual(event);
    const legalKilling = await getPersonAllegationQuotes({ actor: legal, personId: accused, query: { type: "KILLING", event: massExecutions } });
    expect(legalKilling.quotes).toHaveLength(3);
    expect(await getPersonAllegationQuotes({ actor: reviewer, personId: accused, query: { type: "KILLING", event: "no-such-event" } })).toMatchObject({ quotes: [], pages: { page: 1, pages: 1, quotes: 0 } });
    await expect(getPersonAllegationQuotes({ actor: reviewer, personId: accused, query: { type: "BAD", event: "none" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(getPersonAllegationQuotes({ actor: reviewer, personId: accused, query: { type: "KILLING" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(getPersonAllegationQuotes({ actor: reviewer, personId: "nope", query: { type: "KILLING", event: "none" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getPersonAllegationSummary({ actor: reviewer, personId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the quotes route: a group's quotes as JSON for the reader, a bad group a 400 in the reader's language", async () => {
    const token = (await createToken({ actor: legal, input: { name: "test" } })).secret;
    const url = (q: string) => `http://casefile.test/api/v1/persons/${accused}/allegations/quotes?${q}`;
    const params = { params: Promise.resolve({ id: accused }) };
    const ok = await allegationQuotesRoute(new Request(url(`type=KILLING&event=${massExecutions}`), { headers: { authorization: `Bearer ${token}` } }), params);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { quotes: { witnessCode: string }[] };
    expect(body.quotes).toHaveLength(3);
    expect(JSON.stringify(body)).not.toMatch(/legalName|witnessId/);
    const bad = await allegationQuotesRoute(new Request(url("type=NOPE&event=none"), { headers: { authorization: `Bearer ${token}`, "accept-language": "fa" } }), params);
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(err.error.code).toBe("INVALID_INPUT");
    expect(err.error.fields.type![0]).toMatch(/[\u0600-\u06FF]/);
    // Documented in the OpenAPI document (which the API robustness test walks), with its parameters.
    const doc = openApiDocument() as { paths: Record<string, { get?: { parameters?: { name: string; required: boolean }[] } }> };
    expect(doc.paths["/persons/{id}/allegations/quotes"]?.get?.parameters?.map((p) => [p.name, p.required])).toEqual([
      ["type", true],
      ["event", true],
      ["page", false],
    ]);
  });

  test("a legal team sees a group's quotes only from witnesses whose consent to legal sharing is in force", async () => {
    const person = (await write((tx) => tx.person.create({ data: { name: "Second Fictional Official (test)", nameFa: "مقام ساختگی دوم" } }))).id;
    const given = { givenAt: "2023-01-01", method: "WRITTEN" };
    const sharing = await createWitness({ actor: researcher, input: { consents: [{ scope: "LEGAL_SHARING", ...given }] } });
    const withdrawn = await createWitness({ actor: researcher, input: { consents: [{ scope: "LEGAL_SHARING", ...given }] } });
    await write((tx) => tx.consent.updateMany({ where: { witnessId: withdrawn.id }, data: { withdrawnAt: new Date() } }));
    const research = await createWitness({ actor: researcher, input: { consents: [{ scope: "INTERNAL_RESEARCH", ...given }] } });
    for (const w of [sharing, withdrawn, research]) {
      const s = await persianStatement(researcher, text(Math.random()), w.id);
      await write((tx) => tx.statement.update({ where: { id: s.id }, data: { status: "VERIFIED" } }));
      const t = (await read((d) => d.statement.findUniqueOrThrow({ where: { id: s.id } }))).originalText;
      await createLink({ actor: researcher, input: { statementId: s.id, revisionNumber: 1, ...passage(t, Q), personId: person, role: "ORDERED", allegationType: "PERSECUTION", eventId: lockdown } });
    }
    const query = { type: "PERSECUTION", event: lockdown };
    expect((await getPersonAllegationQuotes({ actor: reviewer, personId: person, query })).quotes).toHaveLength(3);
    const seen = (await getPersonAllegationQuotes({ actor: legal, personId: person, query })).quotes;
    const sharingStatements = await read((d) => d.statement.findMany({ where: { witnessId: sharing.id }, select: { id: true } }));
    expect(seen.map((q) => q.statementId)).toEqual(sharingStatements.map((s) => s.id));
    const summary = await getPersonAllegationSummary({ actor: legal, personId: person });
    expect(summary.groups).toEqual([expect.objectContaining({ allegationType: "PERSECUTION", quoteCount: 1, verifiedWitnesses: 1, unverifiedWitnesses: 0 })]);
    expect((await listLinksForPerson({ actor: legal, personId: person })).items.map((l) => l.statement.id)).toEqual(seen.map((q) => q.statementId));
  });

  test("a proceeding shows, per defendant, the allegation types with their counts, and the statements in evidence", async () => {
    const r = await getProceedingEvidence({ actor: reviewer, proceedingId: trial });
    const d = r.defendants.find((x) => x.person.id === accused)!;
    expect(d.allegations.find((a) => a.allegationType === "KILLING")).toMatchObject({ verifiedWitnesses: 2, unverifiedWitnesses: 1 });
    expect(d.allegations.find((a) => a.allegationType === "TORTURE")).toMatchObject({ verifiedWitnesses: 1 });
    expect(r.evidence.length).toBeGreaterThanOrEqual(10);
    expect(r.evidence.every((e) => /^W-\d{4}$/.test(e.statement.witnessCode))).toBe(true);
    const legalView = await getProceedingEvidence({ actor: legal, proceedingId: trial });
    expect(legalView.defendants.find((x) => x.person.id === accused)!.totals.verifiedWitnesses).toBe(1);
    await expect(getProceedingEvidence({ actor: reviewer, proceedingId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("the matrix counts independent witnesses per person and event; the timeline places events and positions", async () => {
    const m = await getCorroborationMatrix({ actor: reviewer });
    const cell = m.cells.find((c) => c.personId === accused && c.eventId === massExecutions)!;
    expect(cell).toMatchObject({ verifiedWitnesses: 2, unverifiedWitnesses: 1 });
    expect(m.cells.find((c) => c.personId === accused && c.eventId === null)).toMatchObject({ verifiedWitnesses: 1 });
    expect(m.events.map((e) => e.id)).toContain(lockdown);
    expect(m.persons[0]!.id).toBe(accused);
    const torture = await getCorroborationMatrix({ actor: reviewer, query: { allegationType: "TORTURE" } });
    expect(torture.cells.every((c) => c.eventId === null)).toBe(true);
    await expect(getCorroborationMatrix({ actor: reviewer, query: { allegationType: "BAD" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const legalMatrix = await getCorroborationMatrix({ actor: legal });
    expect(legalMatrix.cells.find((c) => c.personId === accused && c.eventId === massExecutions)).toMatchObject({ verifiedWitnesses: 1, unverifiedWitnesses: 0 });

    const t = await getTimeline({ actor: reviewer });
    expect(t.events.map((e) => e.id)).toEqual([massExecutions, lockdown]);
    expect(t.persons.find((p) => p.id === raisi)!.positions[0]).toMatchObject({ fromEarliest: "1988-01-01", toLatest: "1988-12-31" });
    expect(t.range).toEqual({ from: "1988-01-01", to: "1988-12-31" });
  });

  test("a legal user cannot list the links of a statement they may not see", async () => {
    const s = await persianStatement();
    await expect(listLinksForStatement({ actor: legal, statementId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(suggestLinks({ actor: legal, statementId: s.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
