import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getRecordHistory } from "@/lib/audit/record-history";
import { createEvent, updateEvent } from "@/lib/events/events";
import { createSource, updateSource } from "@/lib/sources/sources";
import { createWitness, recordConsent } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A record's history says which changed fields hold dates, so the page reads them in the
// reader's calendar and digits as the record's own page does, not as the stored text
// ("1988-07"). Fictional records.

let db: TestDatabase;
let researcher: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
});
afterAll(async () => db?.drop());

describe("date fields in a record's history", () => {
  test("an event's changed dates are marked as dates (as typed, and the span's ends as derived days); its other fields are not", async () => {
    const e = await createEvent({ actor: researcher, input: { title: "Fictional prison visits stopped (test)", dateStart: "1988-07" } });
    await updateEvent({ actor: researcher, eventId: e.id, input: { title: "Fictional prison visits stopped, all wings (test)", dateStart: "Tir 1367", dateEnd: "Shahrivar 1367" } });
    const history = await getRecordHistory({ actor: researcher, recordType: "Event", recordId: e.id });
    expect(history.map((h) => h.action)).toEqual(["event.create", "event.update"]);
    const byField = new Map(history[1]!.changes.map((c) => [c.field, c]));
    expect(byField.get("dateStart")).toMatchObject({ before: "1988-07", after: "Tir 1367", date: "typed" });
    expect(byField.get("dateEnd")).toMatchObject({ after: "Shahrivar 1367", date: "typed" });
    expect(byField.get("earliest")).toMatchObject({ before: "1988-07-01", after: "1988-06-22", date: "day" });
    expect(byField.get("latest")).toMatchObject({ before: "1988-07-31", after: "1988-09-22", date: "day" });
    expect(byField.get("title")!.date).toBeUndefined();
    expect(byField.get("precision")!.date).toBeUndefined();
    // The creation's dates too.
    expect(history[0]!.changes.find((c) => c.field === "dateStart")).toMatchObject({ after: "1988-07", date: "typed" });
  });

  test("the day a witness gave consent is marked as a moment", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    await recordConsent({ actor: researcher, witnessId: w.id, input: { scope: "LEGAL_SHARING", givenAt: "2023-03-21", method: "WRITTEN" } });
    const history = await getRecordHistory({ actor: researcher, recordType: "Witness", recordId: w.id });
    const grant = history.find((h) => h.action === "consent.grant")!;
    expect(grant.changes.find((c) => c.field === "givenAt")).toMatchObject({ date: "moment" });
    expect(grant.changes.find((c) => c.field === "scope")!.date).toBeUndefined();
  });

  test("a source's changed date is marked as a date as typed; its title is not", async () => {
    const s = await createSource({ actor: researcher, input: { title: "Fictional prison memoir (test)", kind: "book", date: "Mordad 1395" } });
    await updateSource({ actor: researcher, sourceId: s.id, input: { title: "Fictional prison memoir, second edition (test)", date: "2016-08-09" } });
    const history = await getRecordHistory({ actor: researcher, recordType: "Source", recordId: s.id });
    expect(history.map((h) => h.action)).toEqual(["source.create", "source.update"]);
    const byField = new Map(history[1]!.changes.map((c) => [c.field, c]));
    expect(byField.get("date")).toMatchObject({ before: "Mordad 1395", after: "2016-08-09", date: "typed" });
    expect(byField.get("title")!.date).toBeUndefined();
    expect(history[0]!.changes.find((c) => c.field === "date")).toMatchObject({ after: "Mordad 1395", date: "typed" });
  });
});
