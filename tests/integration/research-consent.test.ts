import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-events";
import type { Actor } from "@/lib/auth/actor";
import { getPersonAllegations } from "@/lib/corroboration";
import { getDashboardSummary } from "@/lib/dashboard/get-dashboard-summary";
import { addDossierItem, createDossier, getDossier, loadDossierContent } from "@/lib/dossiers";
import { read, write } from "@/lib/db/write";
import { getExhibit, listAllExhibits, uploadExhibit } from "@/lib/exhibits";
import { createLink, listLinksForStatement } from "@/lib/links";
import { listReviewQueue, submitStatement } from "@/lib/review/workflow";
import { search } from "@/lib/search";
import { createStatement, getRevision, getStatement, listStatements, updateStatement } from "@/lib/statements/statements";
import { createWitness, findWitnessListRow, getWitness, listWitnessPage, recordConsent, withdrawConsent } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { png } from "@/tests/support/exhibit-files";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Issue #6: "statements whose consent no longer covers the reader's role are absent, not merely
// hidden". Consent to internal research covers researchers and reviewers: once a witness withdraws
// it, their testimony (statements, links, files, search results, counts, review work) is gone for
// those roles, the interviewer included, and comes back when the consent is given again. An admin
// keeps it; a legal team keeps it while consent to legal sharing is in force. Fictional throughout.

let db: TestDatabase;
let storage: string;
let author: Actor;
let otherResearcher: Actor;
let reviewer: Actor;
let admin: Actor;
let legal: Actor;
let personId: string;
let withdrawing: string; // the witness who withdraws consent to internal research
let staying: string; // a witness who does not
let gone: string; // the withdrawing witness's statement
let kept: string; // the other witness's statement
let fileOfStatement: string;
let fileOfWitness: string;
let dossierId: string;

const WORD = "Zarvandokht"; // a made-up word both statements use
const QUOTE = "the judge Qaravoli read the list";
const text = (who: string) => `Fictional sample by ${who}. ${WORD} was the name of the corridor where ${QUOTE} that morning.`;
const grant = (scope: string) => ({ scope, givenAt: "2024-01-10", method: "WRITTEN" });
const researchRoles = () => [author, otherResearcher, reviewer];
const code = (e: unknown) => (e as { code?: string }).code;
const fieldErrors = (e: unknown) => (e as { fields?: Record<string, string[]> }).fields;

async function withdrawResearch() {
  const c = await read((d) => d.consent.findFirstOrThrow({ where: { witnessId: withdrawing, scope: "INTERNAL_RESEARCH", withdrawnAt: null } }));
  await withdrawConsent({ actor: author, consentId: c.id, witnessId: withdrawing, input: { note: "the witness asked" } });
}

beforeAll(async () => {
  db = await freshDatabase();
  storage = mkdtempSync(join(tmpdir(), "casefile-research-consent-"));
  process.env.CASEFILE_STORAGE_DIR = storage;
  author = await makeActor("RESEARCHER");
  otherResearcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  admin = await makeActor("ADMIN");
  legal = await makeActor("LEGAL");
  personId = await write(async (tx) => (await tx.person.create({ data: { name: "Qaravoli (fictional)" } })).id);
  withdrawing = (await createWitness({ actor: author, input: { fictional: true, consents: [grant("INTERNAL_RESEARCH"), grant("LEGAL_SHARING")] } })).id;
  staying = (await createWitness({ actor: author, input: { fictional: true, consents: [grant("INTERNAL_RESEARCH"), grant("LEGAL_SHARING")] } })).id;
  gone = (await createStatement({ actor: author, input: { witnessId: withdrawing, title: "Fictional statement, consent withdrawn", language: "en", originalText: text("W1") } })).id;
  kept = (await createStatement({ actor: author, input: { witnessId: staying, title: "Fictional statement, consent kept", language: "en", originalText: text("W2") } })).id;
  for (const statementId of [gone, kept]) {
    const t = (await getStatement({ actor: author, statementId })).originalText;
    const start = t.indexOf(QUOTE);
    await createLink({ actor: author, input: { statementId, revisionNumber: 1, startOffset: start, endOffset: start + QUOTE.length, quote: QUOTE, personId, role: "SAT_ON_COMMISSION", allegationType: "KILLING" } });
    await submitStatement({ actor: author, statementId });
  }
  const upload = (input: Record<string, string>, name: string, seed: number) => uploadExhibit({ actor: author, file: { stream: Readable.from([png(20, seed, 30)]), name }, input: { ...input, description: "fictional" } });
  fileOfStatement = (await upload({ statementId: gone }, "statement.png", 1)).exhibit.id;
  fileOfWitness = (await upload({ witnessId: withdrawing }, "witness.png", 2)).exhibit.id;
  // A legal team's dossier holding both statements and the withdrawing witness's file.
  const proceedingId = await write(async (tx) => (await tx.proceeding.create({ data: { title: "Fictional proceeding (research consent test)", kind: "criminal trial" } })).id);
  dossierId = (await createDossier({ actor: legal, input: { title: "Fictional bundle", subjectType: "PROCEEDING", subjectId: proceedingId, preselect: false } })).id;
  for (const [kind, refId] of [["STATEMENT", gone], ["STATEMENT", kept], ["EXHIBIT", fileOfWitness]] as const) await addDossierItem({ actor: legal, dossierId, input: { kind, refId } });
});

/** What `actor` reads of the dossier: the statements and files in it, and those left out with why. */
async function dossierAsRead(actor: Actor) {
  const content = await loadDossierContent({ actor, dossierId });
  const d = await getDossier({ actor, dossierId });
  const text = JSON.stringify(content);
  return {
    included: content.items.map((i) => (i.kind === "STATEMENT" ? i.statement.id : i.kind === "EXHIBIT" ? i.exhibit.id : i.source.id)).sort(),
    leftOut: content.excluded.map((x) => [x.refId, x.reason]).sort(),
    textShown: text.includes("W1."),
    labelled: d.items.filter((i) => i.refId === gone).map((i) => [i.label, i.excludedReason]),
  };
}
afterAll(async () => {
  await db?.drop();
  rmSync(storage, { recursive: true, force: true });
});

/** What `actor` reads of the withdrawing witness's testimony, through every read path. */
async function whatTheySee(actor: Actor) {
  const statement = await getStatement({ actor, statementId: gone }).then(() => true, (e) => (code(e) === "NOT_FOUND" ? false : Promise.reject(e)));
  const revision = await getRevision({ actor, statementId: gone, number: 1 }).then(() => true, (e) => (code(e) === "NOT_FOUND" ? false : Promise.reject(e)));
  const links = await listLinksForStatement({ actor, statementId: gone }).then(() => true, (e) => (code(e) === "NOT_FOUND" ? false : Promise.reject(e)));
  const listed = (await listStatements({ actor, query: { pageSize: 100 } })).items.map((s) => s.id);
  const found = (await search({ actor, query: { q: WORD } })).items.map((i) => i.id);
  const person = JSON.stringify(await getPersonAllegations({ actor, personId }));
  const files = (await listAllExhibits({ actor, query: { pageSize: 100 } })).items.map((x) => x.id);
  const file = await getExhibit({ actor, exhibitId: fileOfStatement }).then(() => true, (e) => (code(e) === "NOT_FOUND" ? false : Promise.reject(e)));
  const dashboard = await getDashboardSummary({ actor });
  return {
    statement,
    revision,
    links,
    listed: listed.includes(gone),
    listedOther: listed.includes(kept),
    found: found.includes(gone),
    foundOther: found.includes(kept),
    onPersonPage: person.includes(gone),
    otherOnPersonPage: person.includes(kept),
    fileOfStatement: files.includes(fileOfStatement) && file,
    fileOfWitness: files.includes(fileOfWitness),
    statementsCounted: dashboard.statements,
  };
}

const ALL = { statement: true, revision: true, links: true, listed: true, listedOther: true, found: true, foundOther: true, onPersonPage: true, otherOnPersonPage: true, fileOfStatement: true, fileOfWitness: true, statementsCounted: 2 };
const NONE = { ...ALL, statement: false, revision: false, links: false, listed: false, found: false, onPersonPage: false, fileOfStatement: false, fileOfWitness: false, statementsCounted: 1 };

describe("a witness withdraws consent to internal research", () => {
  test("before the withdrawal every role reads both statements", async () => {
    for (const actor of [...researchRoles(), admin, legal]) expect(await whatTheySee(actor), actor.role).toEqual(ALL);
    expect((await listReviewQueue({ actor: reviewer, query: {} })).items.map((s) => s.id).sort()).toEqual([gone, kept].sort());
  });

  test("afterwards researchers and reviewers, the interviewer included, find none of it; the other witness's testimony stays", async () => {
    await withdrawResearch();
    for (const actor of researchRoles()) expect(await whatTheySee(actor), `${actor.role} ${actor.id === author.id ? "(author)" : ""}`).toEqual(NONE);
    expect((await listReviewQueue({ actor: reviewer, query: {} })).items.map((s) => s.id)).toEqual([kept]);
    expect((await listReviewQueue({ actor: reviewer, query: {} })).total).toBe(1);
  });

  test("an admin keeps all of it, and a legal team too while consent to legal sharing is in force", async () => {
    expect(await whatTheySee(admin)).toEqual(ALL);
    expect(await whatTheySee(legal)).toEqual(ALL);
    expect((await listReviewQueue({ actor: admin, query: {} })).total).toBe(2);
  });

  test("a dossier holding it leaves it out for researchers and reviewers, text and file, and keeps it for the legal team and an admin", async () => {
    for (const actor of researchRoles())
      expect(await dossierAsRead(actor), actor.role).toEqual({
        included: [kept],
        leftOut: [[fileOfWitness, "CONSENT_WITHDRAWN"], [gone, "CONSENT_WITHDRAWN"]].sort(),
        textShown: false,
        labelled: [["", "CONSENT_WITHDRAWN"]],
      });
    for (const actor of [legal, admin])
      expect(await dossierAsRead(actor), actor.role).toEqual({ included: [fileOfWitness, gone, kept].sort(), leftOut: [], textShown: true, labelled: [["Fictional statement, consent withdrawn", null]] });
  });

  test("the audit log a reviewer reads keeps the statement's and the file's events without naming them; the witness stays named; an admin reads every id", async () => {
    const named = (items: { recordId: string; withheld: boolean }[]) => new Set(items.filter((e) => !e.withheld).map((e) => e.recordId));
    const forReviewer = await listAuditEvents({ actor: reviewer, query: { pageSize: 200 } });
    const forAdmin = await listAuditEvents({ actor: admin, query: { pageSize: 200 } });
    expect(forReviewer.items.map((e) => e.seq)).toEqual(forAdmin.items.map((e) => e.seq));
    const withheld = forReviewer.items.filter((e) => e.withheld);
    // The link from the statement and the dossier's items for it and the file are withheld with them.
    expect(withheld.map((e) => e.action).sort()).toEqual(["dossier.item.add", "dossier.item.add", "exhibit.create", "exhibit.create", "link.create", "statement.create", "statement.submit"]);
    for (const id of [gone, fileOfStatement, fileOfWitness]) expect(JSON.stringify(forReviewer.items)).not.toContain(id);
    expect(forAdmin.items.filter((e) => e.action === "link.create" && JSON.parse(e.after!).statementId === gone)).toHaveLength(1);
    expect(withheld.every((e) => e.recordId === "" && e.before === null && e.after === null)).toBe(true);
    for (const id of [gone, fileOfStatement, fileOfWitness]) {
      expect(named(forReviewer.items).has(id), id).toBe(false);
      expect(named(forAdmin.items).has(id)).toBe(true);
    }
    expect(JSON.stringify(forReviewer.items)).not.toContain("Fictional statement, consent withdrawn");
    for (const id of [kept, withdrawing]) expect(named(forReviewer.items).has(id), id).toBe(true);
    expect((await listAuditEvents({ actor: reviewer, query: { recordType: "Statement", recordId: gone } })).items).toEqual([]);
    expect((await listAuditEvents({ actor: admin, query: { recordType: "Statement", recordId: gone } })).items.length).toBeGreaterThan(0);
  });

  test("the witness stays listed for the researchers, saying why their testimony is not shown", async () => {
    const listed = async (actor: Actor) => Object.fromEntries((await listWitnessPage({ actor, query: { pageSize: 100 } })).items.map((w) => [w.id, w._count.statements]));
    for (const actor of researchRoles()) expect(await listed(actor), actor.role).toMatchObject({ [withdrawing]: 0, [staying]: 1 });
    expect(await listed(admin)).toMatchObject({ [withdrawing]: 1, [staying]: 1 });
    expect((await findWitnessListRow({ actor: author, id: withdrawing }))?._count.statements).toBe(0);
    for (const actor of researchRoles()) {
      const w = await getWitness({ actor, witnessId: withdrawing });
      expect(w.testimonyWithheld, actor.role).toBe(true);
      expect(w.researchWithdrawn).toBe(true);
      expect(w.statements).toEqual([]);
    }
    const forAdmin = await getWitness({ actor: admin, witnessId: withdrawing });
    expect(forAdmin.testimonyWithheld).toBe(false);
    expect(forAdmin.statements.map((s) => s.id)).toEqual([gone]);
    expect((await getWitness({ actor: author, witnessId: staying })).testimonyWithheld).toBe(false);
  });

  test("nobody adds testimony, files, links or edits to it; each refusal changes nothing", async () => {
    const before = await read(async (d) => ({ statements: await d.statement.count(), revisions: await d.statementRevision.count(), links: await d.link.count(), exhibits: await d.exhibit.count(), audit: await d.auditEvent.count() }));
    for (const actor of [author, admin]) {
      const e = await createStatement({ actor, input: { witnessId: withdrawing, title: "Fictional, refused", language: "en", originalText: "Fictional." } }).catch((x) => x);
      expect(code(e), actor.role).toBe("INVALID_INPUT");
      expect(fieldErrors(e)).toEqual({ witnessId: ["witness_research_withdrawn"] });
    }
    const byCode = await createStatement({ actor: author, input: { witnessCode: (await getWitness({ actor: author, witnessId: withdrawing })).code, title: "Fictional, refused", language: "en", originalText: "Fictional." } }).catch((x) => x);
    expect(fieldErrors(byCode)).toEqual({ witnessCode: ["witness_research_withdrawn"] });
    const file = await uploadExhibit({ actor: author, file: { stream: Readable.from([png(20, 3, 30)]), name: "refused.png" }, input: { witnessId: withdrawing } }).catch((x) => x);
    expect(fieldErrors(file)).toEqual({ witnessId: ["witness_research_withdrawn"] });
    const onStatement = await uploadExhibit({ actor: author, file: { stream: Readable.from([png(20, 4, 30)]), name: "refused.png" }, input: { statementId: gone } }).catch((x) => x);
    expect(fieldErrors(onStatement)).toEqual({ statementId: ["not_found"] });
    const link = await createLink({ actor: author, input: { statementId: gone, revisionNumber: 1, startOffset: 0, endOffset: 9, quote: "Fictional", personId, role: "SAT_ON_COMMISSION", allegationType: "KILLING" } }).catch((x) => x);
    expect(code(link)).toBe("NOT_FOUND");
    const edit = await updateStatement({ actor: author, statementId: gone, input: { title: "Edited", language: "en", originalText: "Fictional edit.", reason: "edit", baseRevision: 1 } }).catch((x) => x);
    expect(code(edit)).toBe("NOT_FOUND");
    const submit = await submitStatement({ actor: author, statementId: gone }).catch((x) => x);
    expect(code(submit)).toBe("NOT_FOUND");
    const after = await read(async (d) => ({ statements: await d.statement.count(), revisions: await d.statementRevision.count(), links: await d.link.count(), exhibits: await d.exhibit.count(), audit: await d.auditEvent.count() }));
    expect(after).toEqual(before);
  });

  test("given again, the consent brings the testimony back to the researchers", async () => {
    await recordConsent({ actor: author, witnessId: withdrawing, input: grant("INTERNAL_RESEARCH") });
    for (const actor of researchRoles()) expect(await whatTheySee(actor), actor.role).toEqual(ALL);
    expect((await getWitness({ actor: author, witnessId: withdrawing })).researchWithdrawn).toBe(false);
  });
});
