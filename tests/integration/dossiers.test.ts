import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { read, write } from "@/lib/db/write";
import {
  addDossierItem,
  createDossier,
  deleteDossier,
  findDossierCandidates,
  getDossier,
  getDossierHistory,
  listDossiers,
  loadDossierContent,
  removeDossierItem,
  updateDossier,
  updateDossierItem,
  type DossierOut,
} from "@/lib/dossiers";
import { createLink } from "@/lib/links";
import { CHECKLIST } from "@/lib/review/schemas";
import { decideReview, submitStatement, takeForReview } from "@/lib/review/workflow";
import { createSource, gradeSource } from "@/lib/sources";
import { createStatement } from "@/lib/statements/statements";
import { createWitness, withdrawConsent } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Fictional testimony throughout. Registry records (persons, events, the proceeding) are written
// directly: this file tests dossiers, not the registries.

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;
let legal: Actor;
let admin: Actor;
let nouri: string;
let bystander: string;
let commission: string;
let trial: string;
let otherCase: string;
let consenting: string; // witness with LEGAL_SHARING consent (and a protected name)
let internalOnly: string; // witness with INTERNAL_RESEARCH only
let withdrawing: string; // witness whose LEGAL_SHARING is withdrawn in a test

const SECRET_NAME = "Zzyzx Quillfeather-Moradi";
const QUOTE = "the man called Hamid read out the names";
const TEXT = `This text is fictional. In the summer of 1988 ${QUOTE} in the corridor.`;

const counts = () => read(async (d) => ({ dossiers: await d.dossier.count(), items: await d.dossierItem.count(), audit: await d.auditEvent.count() }));

async function statement(witnessId: string, title: string) {
  return createStatement({ actor: researcher, input: { witnessId, title, language: "en", originalText: TEXT, interviewDate: "Mordad 1402" } });
}

async function verify(statementId: string) {
  await submitStatement({ actor: researcher, statementId });
  await takeForReview({ actor: reviewer, statementId });
  await decideReview({
    actor: reviewer,
    statementId,
    input: { revisionNumber: 1, decision: "VERIFIED", checklist: Object.fromEntries(CHECKLIST.map((k) => [k, true])), sourceReliability: "B", credibility: 2 },
  });
}

async function link(statementId: string, extra: Record<string, unknown> = {}) {
  const start = TEXT.indexOf(QUOTE);
  return createLink({
    actor: researcher,
    input: { statementId, revisionNumber: 1, startOffset: start, endOffset: start + QUOTE.length, quote: QUOTE, personId: nouri, role: "TOOK_PART", allegationType: "KILLING", ...extra },
  });
}

const statementItems = (d: DossierOut) => d.items.filter((i) => i.kind === "STATEMENT").map((i) => i.refId);

let verifiedA: string; // verified, linked to the proceeding
let verifiedB: string; // verified, linked to the defendant only
let verifiedC: string; // verified, linked to the commission event only (an event of the proceeding)
let draftLinked: string; // draft, linked to the proceeding
let verifiedNoConsent: string; // verified and linked, but the witness gave no legal-sharing consent
let verifiedUnrelated: string; // verified, linked to another person only

beforeAll(async () => {
  db = await freshDatabase();
  [researcher, reviewer, legal, admin] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER"), makeActor("LEGAL"), makeActor("ADMIN")]);
  await write(async (tx) => {
    nouri = (await tx.person.create({ data: { name: "Hamid Nouri", nameFa: "حمید نوری", aliases: { create: [{ name: "Hamid Abbasi" }] } } })).id;
    bystander = (await tx.person.create({ data: { name: "Someone Else", nameFa: "کسی دیگر" } })).id;
    commission = (await tx.event.create({ data: { title: "Commission at Gohardasht", titleFa: "هیئت در گوهردشت", dateStart: "Mordad 1367", precision: "month", earliest: "1988-07-23", latest: "1988-08-22" } })).id;
    trial = (await tx.proceeding.create({ data: { title: "Prosecution of Hamid Nouri (dossier test)", titleFa: "پیگرد حمید نوری (آزمون پرونده)", kind: "CRIMINAL_TRIAL", defendants: { create: [{ personId: nouri }] } } })).id;
    otherCase = (await tx.proceeding.create({ data: { title: "Another proceeding (dossier test)", kind: "OTHER" } })).id;
  });
  const grant = (scope: string) => ({ scope, givenAt: "2023-01-01", method: "WRITTEN" });
  consenting = (await createWitness({ actor: researcher, input: { identity: { legalName: SECRET_NAME, contact: "zzyzx@example.org" }, consents: [grant("INTERNAL_RESEARCH"), grant("LEGAL_SHARING")] } })).id;
  internalOnly = (await createWitness({ actor: researcher, input: { identity: { legalName: `${SECRET_NAME} II` }, consents: [grant("INTERNAL_RESEARCH")] } })).id;
  withdrawing = (await createWitness({ actor: researcher, input: { identity: { legalName: `${SECRET_NAME} III` }, consents: [grant("LEGAL_SHARING")] } })).id;

  verifiedA = (await statement(consenting, "Verified A")).id;
  verifiedB = (await statement(consenting, "Verified B")).id;
  verifiedC = (await statement(withdrawing, "Verified C")).id;
  draftLinked = (await statement(consenting, "Draft linked")).id;
  verifiedNoConsent = (await statement(internalOnly, "Verified without consent")).id;
  verifiedUnrelated = (await statement(consenting, "Verified unrelated")).id;
  for (const s of [verifiedA, verifiedB, verifiedC, verifiedNoConsent, verifiedUnrelated]) await verify(s);
  // A links to the proceeding and cites the event; C cites only the event (so it comes in
  // through the proceeding's events), with another person.
  await link(verifiedA, { proceedingId: trial, eventId: commission });
  await link(verifiedB);
  await link(verifiedC, { personId: bystander, eventId: commission, allegationType: "TORTURE" });
  await link(draftLinked, { proceedingId: trial });
  await link(verifiedNoConsent, { proceedingId: trial });
  await link(verifiedUnrelated, { personId: bystander, proceedingId: otherCase });
});
afterAll(async () => db?.drop());

describe("building a dossier", () => {
  test("for a proceeding, the verified statements linked to it, its defendants and its events are pre-selected, numbered CF-0001 … in order", async () => {
    const d = await createDossier({ actor: legal, input: { title: "Nouri bundle", subjectType: "PROCEEDING", subjectId: trial } });
    expect(d.subject).toMatchObject({ id: trial, name: "Prosecution of Hamid Nouri (dossier test)" });
    expect(statementItems(d)).toEqual([verifiedA, verifiedB, verifiedC]);
    expect(d.items.map((i) => i.exhibitNumber)).toEqual(["CF-0001", "CF-0002", "CF-0003"]);
    expect(d.items.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(d.items.every((i) => i.verified === true && i.status === "VERIFIED" && i.excludedReason === null)).toBe(true);
    expect(d.nextExhibitNumber).toBe(4);
  });

  test("for a person, the verified statements linking to them; preselect: false starts empty", async () => {
    const d = await createDossier({ actor: admin, input: { title: "Nouri person", subjectType: "PERSON", subjectId: nouri } });
    expect(d.subject).toMatchObject({ id: nouri, name: "Hamid Nouri", nameFa: "حمید نوری" });
    expect(statementItems(d)).toEqual([verifiedA, verifiedB]);
    const empty = await createDossier({ actor: admin, input: { title: "Empty", subjectType: "PERSON", subjectId: bystander, preselect: false } });
    expect(empty.items).toEqual([]);
  });

  test("a statement in any other state can be added and is marked as not verified, in the builder and in the content", async () => {
    const d = await createDossier({ actor: legal, input: { title: "With a draft", subjectType: "PROCEEDING", subjectId: trial } });
    const after = await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: draftLinked } });
    const added = after.items.find((i) => i.refId === draftLinked)!;
    expect(added).toMatchObject({ exhibitNumber: "CF-0004", position: 4, status: "DRAFT", verified: false });
    const content = await loadDossierContent({ actor: legal, dossierId: d.id });
    const s = content.items.find((i) => i.kind === "STATEMENT" && i.statement.id === draftLinked);
    expect(s && s.kind === "STATEMENT" && s.statement).toMatchObject({ status: "DRAFT", verified: false, review: null });
    expect(content.counts).toMatchObject({ statements: 4, unverifiedStatements: 1 });
  });

  test("numbers are stable: reordering keeps them, a removed record re-added gets its old number back, a new record the next unused one", async () => {
    const d = await createDossier({ actor: legal, input: { title: "Numbers", subjectType: "PROCEEDING", subjectId: trial } });
    const [a, b, c] = d.items;
    let now = await updateDossierItem({ actor: legal, dossierId: d.id, itemId: c!.id, input: { move: "up" } });
    expect(now.items.map((i) => i.exhibitNumber)).toEqual(["CF-0001", "CF-0003", "CF-0002"]);
    now = await updateDossierItem({ actor: legal, dossierId: d.id, itemId: c!.id, input: { position: 1 } });
    expect(now.items.map((i) => i.exhibitNumber)).toEqual(["CF-0003", "CF-0001", "CF-0002"]);
    now = await updateDossierItem({ actor: legal, dossierId: d.id, itemId: a!.id, input: { move: "down" } });
    expect(now.items.map((i) => i.exhibitNumber)).toEqual(["CF-0003", "CF-0002", "CF-0001"]);
    expect(now.items.map((i) => i.position)).toEqual([1, 2, 3]);

    now = await removeDossierItem({ actor: legal, dossierId: d.id, itemId: b!.id });
    expect(now.items.map((i) => i.exhibitNumber)).toEqual(["CF-0003", "CF-0001"]);
    expect(now.items.map((i) => i.position)).toEqual([1, 2]);
    const source = await createSource({ actor: legal, input: { title: "A report (fictional)" } });
    now = await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "SOURCE", refId: source.id } });
    expect(now.items.at(-1)).toMatchObject({ kind: "SOURCE", exhibitNumber: "CF-0004", label: "A report (fictional)" });
    now = await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: b!.refId } });
    expect(now.items.at(-1)).toMatchObject({ refId: b!.refId, exhibitNumber: "CF-0002", position: 4 });
    now = await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: draftLinked } });
    expect(now.items.at(-1)).toMatchObject({ refId: draftLinked, exhibitNumber: "CF-0005" });
    expect(now.nextExhibitNumber).toBe(6);
  });

  test("two additions at once get distinct numbers and positions", async () => {
    const d = await createDossier({ actor: legal, input: { title: "Concurrent", subjectType: "PERSON", subjectId: bystander, preselect: false } });
    const sources = await Promise.all([1, 2, 3, 4].map((i) => createSource({ actor: legal, input: { title: `Concurrent source ${i}` } })));
    await Promise.all(sources.map((s) => addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "SOURCE", refId: s.id } })));
    const now = await getDossier({ actor: legal, dossierId: d.id });
    expect(now.items.map((i) => i.exhibitNumber).sort()).toEqual(["CF-0001", "CF-0002", "CF-0003", "CF-0004"]);
    expect(now.items.map((i) => i.position)).toEqual([1, 2, 3, 4]);
    expect(new Set(now.items.map((i) => i.refId))).toEqual(new Set(sources.map((s) => s.id)));
  });

  test("title and description change; every change is in the dossier's history, which every role may read; the chain verifies", async () => {
    const d = await createDossier({ actor: legal, input: { title: "Old title", subjectType: "PERSON", subjectId: nouri } });
    const u = await updateDossier({ actor: admin, dossierId: d.id, input: { title: "New title", description: "For the appeal" } });
    expect(u).toMatchObject({ title: "New title", description: "For the appeal" });
    await updateDossierItem({ actor: legal, dossierId: d.id, itemId: d.items[1]!.id, input: { move: "up" } });
    await updateDossierItem({ actor: legal, dossierId: d.id, itemId: d.items[1]!.id, input: { note: "Key passage" } });
    await removeDossierItem({ actor: legal, dossierId: d.id, itemId: d.items[0]!.id });
    await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: d.items[0]!.refId } });
    for (const who of [researcher, reviewer, legal, admin]) {
      const h = await getDossierHistory({ actor: who, dossierId: d.id });
      expect(h.map((e) => e.action)).toEqual(["dossier.create", "dossier.update", "dossier.item.move", "dossier.item.note", "dossier.item.remove", "dossier.item.add"]);
    }
    const h = await getDossierHistory({ actor: researcher, dossierId: d.id });
    expect(h[1]!.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "title", before: "Old title", after: "New title" }), expect.objectContaining({ field: "description", after: "For the appeal" })]),
    );
    expect(h[4]!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "exhibitNumber", before: "CF-0001" })]));
    expect(h[5]!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: "exhibitNumber", after: "CF-0001" })]));
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  test("delete removes the dossier and its items and is audited with what it held", async () => {
    const d = await createDossier({ actor: legal, input: { title: "To delete", subjectType: "PERSON", subjectId: nouri } });
    await deleteDossier({ actor: legal, dossierId: d.id });
    await expect(getDossier({ actor: legal, dossierId: d.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await read((x) => x.dossierItem.count({ where: { dossierId: d.id } }))).toBe(0);
    const last = await read((x) => x.auditEvent.findFirst({ where: { recordId: d.id }, orderBy: { seq: "desc" } }));
    expect(last?.action).toBe("dossier.delete");
    expect(JSON.parse(last!.before!).items.map((i: { exhibitNumber: string }) => i.exhibitNumber)).toEqual(["CF-0001", "CF-0002"]);
    expect((await listDossiers({ actor: researcher })).items.map((x) => x.id)).not.toContain(d.id);
  });
});

describe("who may build", () => {
  test("researchers and reviewers read dossiers but change nothing; legal and admin build", async () => {
    const d = await createDossier({ actor: legal, input: { title: "Permissions", subjectType: "PERSON", subjectId: nouri } });
    const before = await counts();
    for (const who of [researcher, reviewer]) {
      await expect(createDossier({ actor: who, input: { title: "x", subjectType: "PERSON", subjectId: nouri } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateDossier({ actor: who, dossierId: d.id, input: { title: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(addDossierItem({ actor: who, dossierId: d.id, input: { kind: "STATEMENT", refId: draftLinked } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(updateDossierItem({ actor: who, dossierId: d.id, itemId: d.items[0]!.id, input: { move: "down" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(removeDossierItem({ actor: who, dossierId: d.id, itemId: d.items[0]!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(deleteDossier({ actor: who, dossierId: d.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const seen = await getDossier({ actor: who, dossierId: d.id });
      expect(seen).toMatchObject({ id: d.id, mayEdit: false });
      expect((await loadDossierContent({ actor: who, dossierId: d.id })).items).toHaveLength(2);
    }
    expect(await counts()).toEqual(before);
    await expect(getDossier({ actor: null, dossierId: d.id })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await getDossier({ actor: admin, dossierId: d.id })).mayEdit).toBe(true);
    await addDossierItem({ actor: admin, dossierId: d.id, input: { kind: "STATEMENT", refId: draftLinked } });
  });
});

describe("the read model", () => {
  test("statements, their pinpoint links, review grading, sources and chronology in both calendars — and no identity anywhere", async () => {
    const src = await createSource({ actor: legal, input: { title: "Report on 1988 (fictional)", author: "Fictional NGO", year: "2018" } });
    await gradeSource({ actor: reviewer, sourceId: src.id, input: { reliability: "B", credibility: 3, reason: "Established organisation." } });
    const d = await createDossier({ actor: legal, input: { title: "Content", subjectType: "PROCEEDING", subjectId: trial } });
    await addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "SOURCE", refId: src.id, note: "Death toll" } });
    const c = await loadDossierContent({ actor: legal, dossierId: d.id });
    expect(c.subject).toMatchObject({ type: "PROCEEDING", id: trial, defendants: [{ id: nouri, name: "Hamid Nouri", nameFa: "حمید نوری" }] });
    expect(c.items.map((i) => [i.exhibitNumber, i.kind])).toEqual([
      ["CF-0001", "STATEMENT"],
      ["CF-0002", "STATEMENT"],
      ["CF-0003", "STATEMENT"],
      ["CF-0004", "SOURCE"],
    ]);
    const first = c.items[0]!;
    if (first.kind !== "STATEMENT") throw new Error("expected a statement");
    expect(first.statement).toMatchObject({
      id: verifiedA,
      revisionNumber: 1,
      verified: true,
      originalText: TEXT,
      review: { decision: "VERIFIED", sourceReliability: "B", credibility: 2, grade: "B2", forCurrentRevision: true },
      witness: { witnessId: consenting, consentScopes: ["INTERNAL_RESEARCH", "LEGAL_SHARING"] },
    });
    expect(first.statement.witness.code).toMatch(/^W-\d{4}$/);
    expect(first.statement.revisionContentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.statement.links).toHaveLength(1);
    const l = first.statement.links[0]!;
    expect(TEXT.slice(l.startOffset, l.endOffset)).toBe(QUOTE);
    expect(l).toMatchObject({ revisionNumber: 1, quote: QUOTE, allegationType: "KILLING", person: { id: nouri }, event: { id: commission }, proceeding: { id: trial } });
    // The proceeding with both its titles, as the event comes with both of its: a Persian page names it in Persian.
    expect(l.proceeding).toEqual({ id: trial, title: "Prosecution of Hamid Nouri (dossier test)", titleFa: "پیگرد حمید نوری (آزمون پرونده)" });
    expect(l.event).toEqual({ id: commission, title: "Commission at Gohardasht", titleFa: "هیئت در گوهردشت" });
    expect(first.statement.interviewDate).toMatchObject({ input: "Mordad 1402" });
    expect(first.statement.interviewDate?.en?.persian).toContain("1402");
    expect(c.items[3]).toMatchObject({ kind: "SOURCE", note: "Death toll", source: { grade: "B3", title: "Report on 1988 (fictional)" } });

    expect(c.chronology).toHaveLength(1);
    expect(c.chronology[0]).toMatchObject({ eventId: commission, citedBy: ["CF-0001", "CF-0003"] });
    expect(c.chronology[0]!.date.en?.gregorian).toMatch(/1988/);
    expect(c.chronology[0]!.date.en?.persian).toMatch(/Mordad 1367/);
    expect(c.chronology[0]!.date.fa?.persian).toMatch(/مرداد/);
    expect(c.persons.map((p) => [p.name, p.allegationTypes])).toEqual([
      ["Hamid Nouri", ["KILLING"]],
      ["Someone Else", ["TORTURE"]],
    ]);
    expect(c.excluded).toEqual([]);

    const json = JSON.stringify(c);
    expect(json).not.toContain(SECRET_NAME);
    expect(json).not.toContain("zzyzx@example.org");
    for (const field of ["legalName", "otherNames", "birthDate", "contact", "currentLocation", "relativesAtRisk", "Enc"]) expect(json).not.toContain(`"${field}`);
  });

  test("a statement whose witness withdrew legal-sharing consent moves to 'excluded' with the reason; one never given cannot be added", async () => {
    const d = await createDossier({ actor: admin, input: { title: "Consent", subjectType: "PROCEEDING", subjectId: trial } });
    expect(statementItems(d)).toContain(verifiedC);
    // Never given: not pre-selected, and adding it is refused (for a legal team it does not exist).
    expect(statementItems(d)).not.toContain(verifiedNoConsent);
    const before = await counts();
    await expect(addDossierItem({ actor: admin, dossierId: d.id, input: { kind: "STATEMENT", refId: verifiedNoConsent } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      fields: { refId: ["dossier_no_consent"] },
    });
    await expect(addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: verifiedNoConsent } })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { refId: ["not_found"] } });
    expect(await counts()).toEqual(before);

    const consent = await read((x) => x.consent.findFirstOrThrow({ where: { witnessId: withdrawing, scope: "LEGAL_SHARING" } }));
    await withdrawConsent({ actor: researcher, consentId: consent.id, input: { note: "Withdrawn (test)" } });
    const c = await loadDossierContent({ actor: legal, dossierId: d.id });
    const cItem = d.items.find((i) => i.refId === verifiedC)!;
    expect(c.items.map((i) => i.exhibitNumber)).not.toContain(cItem.exhibitNumber);
    expect(c.excluded).toEqual([{ itemId: cItem.id, kind: "STATEMENT", refId: verifiedC, exhibitNumber: cItem.exhibitNumber, reason: "CONSENT_WITHDRAWN", witnessCode: expect.stringMatching(/^W-/) }]);
    expect(c.counts.excluded).toBe(1);
    // The chronology and persons come only from what is included.
    expect(c.chronology[0]!.citedBy).toEqual(["CF-0001"]);
    expect(c.persons.map((p) => p.name)).toEqual(["Hamid Nouri"]);
    expect(JSON.stringify(c)).not.toContain("Verified C");
    // The builder still lists it, by number, without its title, with the reason.
    const seen = await getDossier({ actor: legal, dossierId: d.id });
    expect(seen.items.find((i) => i.id === cItem.id)).toMatchObject({ label: "", excludedReason: "CONSENT_WITHDRAWN" });
  });

  test("items that reached the table another way (a statement never consented, a record gone) are excluded with their reasons", async () => {
    const d = await createDossier({ actor: admin, input: { title: "Direct rows", subjectType: "PERSON", subjectId: bystander, preselect: false } });
    // Written directly, as an import or an older version might have: the read model still refuses them.
    await write(async (tx) => {
      await tx.dossierItem.create({ data: { dossierId: d.id, kind: "STATEMENT", refId: verifiedNoConsent, position: 1, exhibitNumber: "CF-0001", addedById: admin.id } });
      await tx.dossierItem.create({ data: { dossierId: d.id, kind: "SOURCE", refId: "gone", position: 2, exhibitNumber: "CF-0002", addedById: admin.id } });
    });
    const c = await loadDossierContent({ actor: admin, dossierId: d.id });
    expect(c.items).toEqual([]);
    expect(c.excluded.map((x) => [x.exhibitNumber, x.reason])).toEqual([
      ["CF-0001", "NO_LEGAL_SHARING_CONSENT"],
      ["CF-0002", "RECORD_MISSING"],
    ]);
    expect(JSON.stringify(c)).not.toContain("Verified without consent");
    expect(JSON.stringify(c)).not.toContain(SECRET_NAME);
  });
});

describe("bad input", () => {
  test("unknown ids, wrong kinds, duplicates and empty changes are 4xx with field messages, and change nothing", async () => {
    const d = await createDossier({ actor: legal, input: { title: "Bad input", subjectType: "PERSON", subjectId: nouri } });
    const before = await counts();
    const bad = (p: Promise<unknown>, code: string, fields?: Record<string, unknown>) => expect(p).rejects.toMatchObject({ code, ...(fields ? { fields } : {}) });
    await bad(createDossier({ actor: legal, input: { title: "x", subjectType: "PROCEEDING", subjectId: nouri } }), "INVALID_INPUT", { subjectId: ["not_found"] });
    await bad(createDossier({ actor: legal, input: { title: "", subjectType: "COUNTRY", subjectId: "" } }), "INVALID_INPUT", {
      title: ["required"],
      subjectType: ["invalid_choice"],
      subjectId: ["required"],
    });
    await bad(createDossier({ actor: legal, input: "not an object" }), "INVALID_INPUT");
    await bad(updateDossier({ actor: legal, dossierId: d.id, input: {} }), "INVALID_INPUT");
    await bad(updateDossier({ actor: legal, dossierId: "no-such-dossier", input: { title: "x" } }), "NOT_FOUND");
    await bad(addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "WITNESS", refId: consenting } }), "INVALID_INPUT", { kind: ["invalid_choice"] });
    await bad(addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "EXHIBIT", refId: verifiedA } }), "INVALID_INPUT", { refId: ["not_found"] });
    await bad(addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "SOURCE", refId: "no-such-source" } }), "INVALID_INPUT", { refId: ["not_found"] });
    await bad(addDossierItem({ actor: legal, dossierId: "no-such-dossier", input: { kind: "STATEMENT", refId: verifiedA } }), "NOT_FOUND");
    await bad(addDossierItem({ actor: legal, dossierId: d.id, input: { kind: "STATEMENT", refId: verifiedA } }), "CONFLICT", { refId: ["dossier_item_duplicate"] });
    await bad(updateDossierItem({ actor: legal, dossierId: d.id, itemId: d.items[0]!.id, input: {} }), "INVALID_INPUT");
    await bad(updateDossierItem({ actor: legal, dossierId: d.id, itemId: d.items[0]!.id, input: { move: "sideways" } }), "INVALID_INPUT", { move: ["invalid_choice"] });
    await bad(updateDossierItem({ actor: legal, dossierId: d.id, itemId: d.items[0]!.id, input: { move: "up", position: 2 } }), "INVALID_INPUT");
    await bad(updateDossierItem({ actor: legal, dossierId: d.id, itemId: "no-such-item", input: { move: "up" } }), "NOT_FOUND");
    await bad(removeDossierItem({ actor: legal, dossierId: d.id, itemId: "no-such-item" }), "NOT_FOUND");
    // An item of another dossier is not an item of this one.
    const other = await createDossier({ actor: legal, input: { title: "Other", subjectType: "PERSON", subjectId: nouri } });
    const afterOther = await counts();
    await bad(removeDossierItem({ actor: legal, dossierId: d.id, itemId: other.items[0]!.id }), "NOT_FOUND");
    expect(await counts()).toEqual(afterOther);
    expect(afterOther.dossiers).toBe(before.dossiers + 1);
    // Moving the first item up changes nothing and is not audited.
    await updateDossierItem({ actor: legal, dossierId: d.id, itemId: d.items[0]!.id, input: { move: "up" } });
    expect(await counts()).toEqual(afterOther);
    expect((await getDossier({ actor: legal, dossierId: d.id })).items.map((i) => i.exhibitNumber)).toEqual(["CF-0001", "CF-0002"]);
  });
});

describe("what the builder offers to add", () => {
  test("the subject's linked statements in any state, not those already in or without consent; search finds statements and sources", async () => {
    const d = await createDossier({ actor: legal, input: { title: "Candidates", subjectType: "PROCEEDING", subjectId: trial } });
    const linked = await findDossierCandidates({ actor: legal, dossierId: d.id });
    // A, B and C are already in; the draft is offered; the statement without consent never is.
    expect(linked.statements.map((s) => [s.id, s.status])).toEqual([[draftLinked, "DRAFT"]]);
    expect(linked.sources).toEqual([]);
    const src = await createSource({ actor: legal, input: { title: "Candidate report Quetzalcoatl (fictional)" } });
    const found = await findDossierCandidates({ actor: legal, dossierId: d.id, query: { q: "Quetzalcoatl" } });
    expect(found.sources.map((s) => s.id)).toEqual([src.id]);
    const byText = await findDossierCandidates({ actor: admin, dossierId: d.id, query: { q: "corridor" } });
    // Every test statement has the word; those in the dossier and the one without consent are left out.
    expect(new Set(byText.statements.map((s) => s.id))).toEqual(new Set([draftLinked, verifiedUnrelated]));
    await expect(findDossierCandidates({ actor: legal, dossierId: "no-such-dossier" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findDossierCandidates({ actor: legal, dossierId: d.id, query: { q: "x".repeat(201) } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
