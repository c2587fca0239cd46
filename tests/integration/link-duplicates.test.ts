import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { read, write } from "@/lib/db/write";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { createLink, listLinksForPerson, listLinksForStatement, updateLink } from "@/lib/links";
import { createStatement, updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The same link saved twice: one witness's quote would be listed twice under the statement and
// counted twice on the person's page. Fictional testimony throughout.

let db: TestDatabase;
let researcher: Actor;
let nayyeri: string;
let commission: string;
let evin: string;

const QUOTE = "نیری حکم را خواند";
const TEXT = `این متن ساختگی است. در مرداد ۱۳۶۷ ${QUOTE} و کسی چیزی نگفت.`;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  await write(async (tx) => {
    nayyeri = (await tx.person.create({ data: { name: "Hossein-Ali Nayyeri", nameFa: "حسین‌علی نیری" } })).id;
    commission = (await tx.event.create({ data: { title: "Commission questions prisoners", dateStart: "1988-07", precision: "month", earliest: "1988-07-01", latest: "1988-07-31" } })).id;
    evin = (await tx.place.create({ data: { name: "Evin Prison", nameFa: "زندان اوین" } })).id;
  });
});
afterAll(async () => db?.drop());

async function statement(text = TEXT) {
  const w = await createWitness({ actor: researcher, input: {} });
  return createStatement({ actor: researcher, input: { witnessId: w.id, title: "نمونهٔ ساختگی", language: "fa", originalText: text } });
}

function linkInput(statementId: string, extra: Record<string, unknown> = {}, text = TEXT, quote = QUOTE, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  return { statementId, revisionNumber: 1, startOffset: start, endOffset: start + quote.length, quote, personId: nayyeri, role: "SAT_ON_COMMISSION", allegationType: "KILLING", eventId: commission, placeId: evin, ...extra };
}

const counts = () => read(async (d) => ({ links: await d.link.count(), audit: await d.auditEvent.count() }));
const DUPLICATE = { code: "CONFLICT", fields: { quote: ["link_duplicate"] } };

describe("the same link twice", () => {
  test("a second identical link is refused with a field error in both languages, and nothing changes", async () => {
    const s = await statement();
    const first = await createLink({ actor: researcher, input: linkInput(s.id) });
    const before = await counts();
    await expect(createLink({ actor: researcher, input: linkInput(s.id) })).rejects.toMatchObject(DUPLICATE);
    // A different note does not make it another citation.
    await expect(createLink({ actor: researcher, input: linkInput(s.id, { note: "یادداشت دیگر" }) })).rejects.toMatchObject(DUPLICATE);
    expect(await counts()).toEqual(before);
    expect((await listLinksForStatement({ actor: researcher, statementId: s.id })).items.map((l) => l.id)).toEqual([first.id]);
    expect((await listLinksForPerson({ actor: researcher, personId: nayyeri })).items.filter((l) => l.statement.id === s.id)).toHaveLength(1);
    expect(fieldErrorMessage("link_duplicate", "en")).toMatch(/already linked/);
    expect(fieldErrorMessage("link_duplicate", "fa")).toMatch(/پیش‌تر .* پیوند داده شده است/);
  });

  test("a link differing in role, allegation, event, place or passage is another link", async () => {
    const s = await statement();
    await createLink({ actor: researcher, input: linkInput(s.id) });
    await createLink({ actor: researcher, input: linkInput(s.id, { role: "ORDERED" }) });
    await createLink({ actor: researcher, input: linkInput(s.id, { allegationType: "TORTURE" }) });
    await createLink({ actor: researcher, input: linkInput(s.id, { eventId: undefined }) });
    await createLink({ actor: researcher, input: linkInput(s.id, { placeId: "" }) });
    await createLink({ actor: researcher, input: linkInput(s.id, {}, TEXT, "نیری") });
    expect((await listLinksForStatement({ actor: researcher, statementId: s.id })).items).toHaveLength(6);
    // Without an event: the same as the one made without an event.
    await expect(createLink({ actor: researcher, input: linkInput(s.id, { eventId: "" }) })).rejects.toMatchObject(DUPLICATE);
  });

  test("two identical requests at once make one link", async () => {
    const s = await statement();
    const before = await counts();
    const results = await Promise.allSettled([createLink({ actor: researcher, input: linkInput(s.id) }), createLink({ actor: researcher, input: linkInput(s.id) })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject(DUPLICATE);
    expect(await counts()).toEqual({ links: before.links + 1, audit: before.audit + 1 });
  });

  test("editing a link into a copy of another is refused; editing its note is not", async () => {
    const s = await statement();
    await createLink({ actor: researcher, input: linkInput(s.id) });
    const other = await createLink({ actor: researcher, input: linkInput(s.id, { role: "ORDERED" }) });
    const before = await counts();
    await expect(updateLink({ actor: researcher, linkId: other.id, input: { role: "SAT_ON_COMMISSION" } })).rejects.toMatchObject(DUPLICATE);
    expect(await counts()).toEqual(before);
    expect((await updateLink({ actor: researcher, linkId: other.id, input: { note: "تازه" } })).note).toBe("تازه");
  });

  test("an edit that brings two identical links onto the same words moves the older and marks the newer for review", async () => {
    const text = `نیری آمد. بعد نیری رفت.`;
    const s = await statement(text);
    const a = await createLink({ actor: researcher, input: linkInput(s.id, {}, text, "نیری", 0) });
    const b = await createLink({ actor: researcher, input: linkInput(s.id, {}, text, "نیری", 1) });
    // The second «نیری» is deleted: the only one left is where the first link points.
    await updateStatement({ actor: researcher, statementId: s.id, input: { title: "نمونهٔ ساختگی", language: "fa", originalText: "نیری آمد. بعد رفت.", reason: "ویرایش", baseRevision: 1 } });
    const items = (await listLinksForStatement({ actor: researcher, statementId: s.id })).items;
    expect(items.find((l) => l.id === a.id)).toMatchObject({ anchor: "ANCHORED", revisionNumber: 2, startOffset: 0 });
    expect(items.find((l) => l.id === b.id)).toMatchObject({ anchor: "NEEDS_REVIEW", revisionNumber: 1, startOffset: b.startOffset });
    const audit = await read((d) => d.auditEvent.findFirst({ where: { recordId: b.id, action: "link.reanchor" } }));
    expect(JSON.parse(audit!.after!)).toMatchObject({ anchor: "NEEDS_REVIEW", reason: "duplicate", newRevision: 2 });
    // Fixing it onto the same words again is refused too.
    await expect(
      updateLink({ actor: researcher, linkId: b.id, input: { revisionNumber: 2, startOffset: 0, endOffset: "نیری".length, quote: "نیری" } }),
    ).rejects.toMatchObject(DUPLICATE);
  });
});
