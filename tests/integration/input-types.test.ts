import { mkdtempSync, rmSync, chmodSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as consentsRoute } from "@/app/api/v1/witnesses/[id]/consents/route";
import { POST as witnessesRoute } from "@/app/api/v1/witnesses/route";
import { POST as custodyRoute } from "@/app/api/v1/exhibits/[id]/custody/route";
import { POST as claimsRoute } from "@/app/api/v1/claims/route";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { createClaim, updateClaim } from "@/lib/claims";
import { read, write } from "@/lib/db/write";
import { addCustodyEntry, uploadExhibit } from "@/lib/exhibits";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { createLink, updateLink } from "@/lib/links";
import { CHECKLIST } from "@/lib/review/schemas";
import { decideReview, submitStatement, takeForReview } from "@/lib/review/workflow";
import { createSource, gradeSource } from "@/lib/sources";
import { createStatement, restoreRevision, updateStatement } from "@/lib/statements/statements";
import { createWitness, recordConsent } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { png } from "@/tests/support/exhibit-files";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Values of the wrong kind sent to the JSON API: each must be refused with 400 and a field error
// naming the field, and nothing may be written. They used to be converted instead (null as
// 1 January 1970, true as 1, [7] as 7, "0x10" as 16, 30 February as 1 March) and stored.
// Fictional records throughout.

let db: TestDatabase;
let storage: string;
let researcher: Actor;
let reviewer: Actor;
let researcherToken: string;
let witnessId: string;
let statementId: string;
let exhibitId: string;
let personId: string;
let sourceId: string;
let claimId: string;

const TEXT = "This fictional statement names Nayyeri once.";
const QUOTE = "Nayyeri";

beforeAll(async () => {
  db = await freshDatabase();
  storage = mkdtempSync(join(tmpdir(), "casefile-input-types-"));
  process.env.CASEFILE_STORAGE_DIR = storage;
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  researcherToken = (await createToken({ actor: researcher, input: { name: "input-types" } })).secret;
  witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
  statementId = (await createStatement({ actor: researcher, input: { witnessId, title: "Fictional sample", language: "en", originalText: TEXT } })).id;
  exhibitId = (await uploadExhibit({ actor: researcher, file: { stream: Readable.from([png()]), name: "photo.png" }, input: { witnessId } })).exhibit.id;
  personId = (await write((tx) => tx.person.create({ data: { name: "Hossein-Ali Nayyeri", nameFa: "حسین‌علی نیّری" } }))).id;
  sourceId = (await createSource({ actor: researcher, input: { title: "A fictional report" } })).id;
  claimId = (await createClaim({ actor: researcher, input: { topic: "death-toll-1988", claimedBy: "A fictional source", low: 100 } })).id;
});
afterAll(async () => {
  delete process.env.CASEFILE_STORAGE_DIR;
  await db?.drop();
  if (storage) {
    // Stored files are read-only; make them removable.
    for (const d of readdirSync(storage)) for (const f of readdirSync(join(storage, d))) chmodSync(join(storage, d, f), 0o600);
    rmSync(storage, { recursive: true, force: true });
  }
});

/** Every table these writes touch, and the audit log: a refusal changes none of them. */
const counts = () =>
  read(async (d) => ({
    witnesses: await d.witness.count(),
    consents: await d.consent.count(),
    custody: await d.custodyEntry.count(),
    claims: await d.claim.count(),
    sources: await d.source.findMany({ select: { reliability: true, credibility: true, updatedAt: true } }),
    claimRows: await d.claim.findMany({ select: { low: true, high: true, year: true } }),
    links: await d.link.count(),
    reviews: await d.review.count(),
    revisions: await d.statementRevision.count(),
    audit: await d.auditEvent.count(),
  }));

/** The field errors of a refused call, or what it answered. */
async function refusal(call: Promise<unknown>): Promise<{ answered?: unknown; code?: string; fields?: Record<string, string[]> }> {
  return call.then(
    (value) => ({ answered: value }),
    (e: { code?: string; fields?: Record<string, string[]> }) => ({ code: e.code, fields: { ...e.fields } }),
  );
}

const BASE = "http://casefile.test/api/v1";
function post<P>(route: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>, path: string, params: P, body: unknown, language = "en") {
  return route(
    new Request(`${BASE}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${researcherToken}`, "content-type": "application/json", "accept-language": language },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
}

describe("a consent's date", () => {
  const bad: [unknown, string][] = [
    [null, "invalid_date"],
    [true, "invalid_date"],
    [0, "invalid_date"],
    [-1, "invalid_date"],
    [1.5, "invalid_date"],
    ["1988-02-30", "date_impossible"],
    ["1367-12-30", "date_impossible"], // 30 Esfand of a Solar Hijri year that has 29
    ["2023-02-29T10:00:00Z", "date_impossible"],
    ["1367/13/40", "date_month_impossible"], // no 13th month: said so, not the months' lengths
    ["1", "invalid_date"],
    ["not a date", "invalid_date"],
    ["2024", "date_not_day"],
    ["August 2024", "date_not_day"],
    ["0100-01-01T00:00:00Z", "date_year_out_of_range"],
    ["2024-01-10T10:00", "invalid_date"], // a moment without its zone is no moment
  ];

  test.each(bad)("givenAt %j is refused as %s through the API, and nothing is stored", async (givenAt, key) => {
    const before = await counts();
    const res = await post(consentsRoute, `/witnesses/${witnessId}/consents`, { id: witnessId }, { scope: "LEGAL_SHARING", givenAt, method: "WRITTEN" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("INVALID_INPUT");
    expect(body.error.fields).toEqual({ givenAt: [fieldErrorMessage(key, "en")] });
    // The same key from the lib, as forms get it.
    expect(await refusal(recordConsent({ actor: researcher, witnessId, input: { scope: "LEGAL_SHARING", givenAt, method: "WRITTEN" } }))).toEqual({ code: "INVALID_INPUT", fields: { givenAt: [key] } });
    // A new witness's consents are read the same way: no witness without its consent either.
    expect(await refusal(createWitness({ actor: researcher, input: { consents: [{ scope: "LEGAL_SHARING", givenAt, method: "WRITTEN" }] } }))).toEqual({
      code: "INVALID_INPUT",
      fields: { "consents.0.givenAt": [key] },
    });
    expect(await counts()).toEqual(before);
  });

  test("a new witness's consent with an impossible day is refused through the API in the reader's language", async () => {
    const before = await counts();
    const res = await post(witnessesRoute, "/witnesses", {}, { fictional: true, consents: [{ scope: "LEGAL_SHARING", givenAt: "1988-02-30", method: "WRITTEN" }] }, "fa");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({ "consents.0.givenAt": [fieldErrorMessage("date_impossible", "fa")] });
    expect(await counts()).toEqual(before);
  });

  test("left out, it is required", async () => {
    expect(await refusal(recordConsent({ actor: researcher, witnessId, input: { scope: "LEGAL_SHARING", method: "WRITTEN" } }))).toEqual({ code: "INVALID_INPUT", fields: { givenAt: ["required"] } });
  });

  test("a day in either calendar, or a date-time with its zone, is stored as that day or moment", async () => {
    const given = async (givenAt: string) => (await recordConsent({ actor: researcher, witnessId, input: { scope: "INTERNAL_RESEARCH", givenAt, method: "WRITTEN" } })).givenAt.toISOString();
    expect(await given("2024-02-29")).toBe("2024-02-29T00:00:00.000Z");
    expect(await given("۱۴۰۲/۱۰/۲۰")).toBe("2024-01-10T00:00:00.000Z");
    expect(await given("1367-12-29")).toBe("1989-03-20T00:00:00.000Z");
    expect(await given("2024-01-10T10:30:00+03:30")).toBe("2024-01-10T07:00:00.000Z");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe("a chain-of-custody time", () => {
  test.each(["2024-02-30", "2023-02-29", "2024-04-31", "2024-02-30T10:00", "2023-02-29 09:15:00Z"])("a day the calendar does not have (%s) is refused, not rolled into the next month", async (at) => {
    const before = await counts();
    expect(await refusal(addCustodyEntry({ actor: researcher, exhibitId, input: { kind: "COPIED", who: "Archivist", at } }))).toEqual({ code: "INVALID_INPUT", fields: { at: ["date_impossible"] } });
    const res = await post(custodyRoute, `/exhibits/${exhibitId}/custody`, { id: exhibitId }, { kind: "COPIED", who: "Archivist", at });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({ at: [fieldErrorMessage("date_impossible", "en")] });
    expect(await counts()).toEqual(before);
  });

  test("an hour past 23, or a value that is not text, is refused too", async () => {
    const before = await counts();
    expect(await refusal(addCustodyEntry({ actor: researcher, exhibitId, input: { kind: "COPIED", who: "Archivist", at: "2024-01-01T24:00" } }))).toEqual({ code: "INVALID_INPUT", fields: { at: ["invalid_datetime"] } });
    expect(await refusal(addCustodyEntry({ actor: researcher, exhibitId, input: { kind: "COPIED", who: true, at: 1704067200000 } }))).toEqual({
      code: "INVALID_INPUT",
      fields: { who: ["text_expected"], at: ["invalid_datetime"] },
    });
    expect(await counts()).toEqual(before);
  });

  test("the last day of February in a leap year is kept as given", async () => {
    const entry = await addCustodyEntry({ actor: researcher, exhibitId, input: { kind: "COPIED", who: "Archivist", at: "2024-02-29T10:00" } });
    expect(entry.at).toBe("2024-02-29T10:00:00.000Z");
  });
});

// The values z.coerce.number read as numbers: a whole number is a JSON number or a form's digits.
const NOT_NUMBERS: unknown[] = [true, false, null, [], [7], ["7"], {}, "0x10", "1e3", "1.0", 1.5];

describe("whole numbers", () => {
  test.each(NOT_NUMBERS)("a claim's figures and year refuse %j", async (v) => {
    const before = await counts();
    const low = v === null ? {} : { low: v }; // a null low is a figure not given: the range then has none
    const created = await refusal(createClaim({ actor: researcher, input: { topic: "death-toll-1988", claimedBy: "A fictional source", ...low, high: v, year: v } }));
    expect(created.code).toBe("INVALID_INPUT");
    // null clears high and year on update, and leaves them out on create: only the others are refused there.
    if (v !== null) expect(created.fields).toMatchObject({ high: ["invalid_number"], year: ["invalid_number"] });
    if (v !== null) expect(await refusal(updateClaim({ actor: researcher, claimId, input: { low: v, high: v, year: v } }))).toEqual({
      code: "INVALID_INPUT",
      fields: { low: ["invalid_number"], high: ["invalid_number"], year: ["invalid_number"] },
    });
    expect(await counts()).toEqual(before);
  });

  test("through the API too, in the reader's language", async () => {
    const before = await counts();
    const res = await post(claimsRoute, "/claims", {}, { topic: "death-toll-1988", claimedBy: "A fictional source", low: true, high: "0x10" }, "fa");
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields;
    expect(fields).toEqual({ low: [fieldErrorMessage("invalid_number", "fa")], high: [fieldErrorMessage("invalid_number", "fa")] });
    expect(await counts()).toEqual(before);
  });

  test("a form's digits are still numbers", async () => {
    const c = await createClaim({ actor: researcher, input: { topic: "death-toll-1988", claimedBy: "A fictional source", low: "2800", high: " 5000 ", year: "1989" } });
    expect(c).toMatchObject({ low: 2800, high: 5000, year: 1989 });
  });

  test.each([true, "0x3", [3], "3.0", null])("a source's credibility refuses %j as a choice not offered", async (credibility) => {
    const before = await counts();
    expect(await refusal(gradeSource({ actor: reviewer, sourceId, input: { reliability: "B", credibility, reason: "Fictional reasons." } }))).toEqual({
      code: "INVALID_INPUT",
      fields: { credibility: ["invalid_choice"] },
    });
    expect(await counts()).toEqual(before);
  });

  test.each([null, "", [], [null], true, "1e1", "0x0"])("a link's offsets refuse %j instead of reading it as 0", async (offset) => {
    const before = await counts();
    const start = TEXT.indexOf(QUOTE);
    const input = { statementId, revisionNumber: 1, startOffset: offset, endOffset: start + QUOTE.length, quote: QUOTE, personId, role: "OTHER", allegationType: "OTHER" };
    expect(await refusal(createLink({ actor: researcher, input }))).toEqual({ code: "INVALID_INPUT", fields: { startOffset: ["invalid_number"] } });
    expect(await refusal(createLink({ actor: researcher, input: { ...input, startOffset: start, revisionNumber: offset } }))).toEqual({ code: "INVALID_INPUT", fields: { revisionNumber: ["invalid_number"] } });
    expect(await counts()).toEqual(before);
  });

  test("a link made from a form's digits is stored, and its update refuses a wrong-typed passage", async () => {
    const start = TEXT.indexOf(QUOTE);
    const link = await createLink({
      actor: researcher,
      input: { statementId, revisionNumber: "1", startOffset: String(start), endOffset: String(start + QUOTE.length), quote: QUOTE, personId, role: "OTHER", allegationType: "OTHER" },
    });
    expect(link).toMatchObject({ startOffset: start, endOffset: start + QUOTE.length });
    const before = await counts();
    expect(await refusal(updateLink({ actor: researcher, linkId: link.id, input: { revisionNumber: 1, startOffset: [start], endOffset: start + QUOTE.length, quote: QUOTE } }))).toEqual({
      code: "INVALID_INPUT",
      fields: { startOffset: ["invalid_number"] },
    });
    expect(await counts()).toEqual(before);
  });

  test.each([true, "1.0", [1], "0x1"])("an edit's base revision refuses %j instead of counting it as revision 1", async (baseRevision) => {
    const before = await counts();
    expect(await refusal(updateStatement({ actor: researcher, statementId, input: { title: "Fictional sample", language: "en", originalText: `${TEXT} Edited.`, reason: "Typo", baseRevision } }))).toEqual({
      code: "INVALID_INPUT",
      fields: { baseRevision: ["invalid_number"] },
    });
    expect(await counts()).toEqual(before);
  });

  test.each([true, "1.0", [1], "0x1"])("a restore's base revision refuses %j instead of counting it as revision 1", async (baseRevision) => {
    const before = await counts();
    expect(await refusal(restoreRevision({ actor: researcher, statementId, number: 1, input: { reason: "Back to the first wording", baseRevision } }))).toEqual({
      code: "INVALID_INPUT",
      fields: { baseRevision: ["invalid_number"] },
    });
    expect(await counts()).toEqual(before);
  });
});

describe("a review decision", () => {
  let reviewed: string;
  const allChecked = Object.fromEntries(CHECKLIST.map((k) => [k, true]));
  beforeAll(async () => {
    reviewed = (await createStatement({ actor: researcher, input: { witnessId, title: "Fictional sample for review", language: "en", originalText: TEXT } })).id;
    await submitStatement({ actor: researcher, statementId: reviewed });
    await takeForReview({ actor: reviewer, statementId: reviewed });
  });

  test("a revision number, credibility, checklist tick or comment of the wrong kind is refused field by field, and nothing is recorded", async () => {
    const before = await counts();
    const decide = (input: Record<string, unknown>) =>
      refusal(decideReview({ actor: reviewer, statementId: reviewed, input: { revisionNumber: 1, decision: "VERIFIED", checklist: allChecked, sourceReliability: "B", credibility: 2, ...input } }));
    expect(await decide({ revisionNumber: "1.0" })).toEqual({ code: "INVALID_INPUT", fields: { revisionNumber: ["invalid_number"] } });
    expect(await decide({ revisionNumber: true })).toEqual({ code: "INVALID_INPUT", fields: { revisionNumber: ["invalid_number"] } });
    expect(await decide({ credibility: [3] })).toEqual({ code: "INVALID_INPUT", fields: { credibility: ["invalid_choice"] } });
    expect(await decide({ credibility: true })).toEqual({ code: "INVALID_INPUT", fields: { credibility: ["invalid_choice"] } });
    // "yes" was stored as an unticked box, which a verification then reported as not done.
    expect(await decide({ checklist: { ...allChecked, consentOnFile: "yes" } })).toEqual({ code: "INVALID_INPUT", fields: { "checklist.consentOnFile": ["invalid_boolean"] } });
    expect(await decide({ checklist: { ...allChecked, consentOnFile: 1 } })).toEqual({ code: "INVALID_INPUT", fields: { "checklist.consentOnFile": ["invalid_boolean"] } });
    expect(await decide({ decision: "DISPUTED", comments: [{ text: "Fictional doubt.", startOffset: null, endOffset: [] }] })).toEqual({
      code: "INVALID_INPUT",
      fields: { "comments.0.startOffset": ["invalid_number"], "comments.0.endOffset": ["invalid_number"] },
    });
    expect(await decide({ decision: "DISPUTED", comments: [{ text: true }] })).toEqual({ code: "INVALID_INPUT", fields: { "comments.0.text": ["text_expected"] } });
    expect(await counts()).toEqual(before);
  });

  test("what the review form sends is still a decision", async () => {
    const { statement } = await decideReview({
      actor: reviewer,
      statementId: reviewed,
      input: { revisionNumber: "1", decision: "VERIFIED", checklist: { ...allChecked, consentOnFile: "on" }, sourceReliability: "B", credibility: "2" },
    });
    expect(statement.status).toBe("VERIFIED");
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });
});

describe("text fields", () => {
  test.each([true, 123, ["a"], { a: 1 }])("a text field given %j says it takes text, not that it is required", async (title) => {
    const before = await counts();
    expect(await refusal(createSource({ actor: researcher, input: { title } }))).toEqual({ code: "INVALID_INPUT", fields: { title: ["text_expected"] } });
    expect(await refusal(createClaim({ actor: researcher, input: { topic: "death-toll-1988", claimedBy: title, low: 1 } }))).toEqual({ code: "INVALID_INPUT", fields: { claimedBy: ["text_expected"] } });
    expect(await counts()).toEqual(before);
  });

  test("a text field left out is still required", async () => {
    expect(await refusal(createSource({ actor: researcher, input: {} }))).toEqual({ code: "INVALID_INPUT", fields: { title: ["required"] } });
  });
});
