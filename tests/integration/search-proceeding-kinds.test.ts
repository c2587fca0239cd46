import { afterAll, describe, expect, test } from "vitest";
import { closeDb } from "@/lib/db/client";
import { write } from "@/lib/db/write";
import { createProceeding, updateProceeding } from "@/lib/proceedings/proceedings";
import { search } from "@/lib/search";
import { indexAfterMigration } from "@/lib/search/reindex";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A proceeding is found by its kind in words, in either language, and its result never shows the
// stored code (CRIMINAL_TRIAL). Entries written before *_search_proceeding_kinds, which held the
// code, are indexed again after it.

let d: TestDatabase | undefined;
afterAll(async () => {
  await closeDb();
  await d?.drop();
});

describe("a proceeding's kind in the search index", () => {
  test("found by the kind's name in English or Persian, with no code in the snippet; an older entry is indexed again", async () => {
    d = await freshDatabase();
    const researcher = await makeActor("RESEARCHER");
    const trial = await createProceeding({ actor: researcher, input: { title: "Prosecution of a fictional official", kind: "CRIMINAL_TRIAL", court: "A district court" } });
    const tribunal = await createProceeding({ actor: researcher, input: { title: "A fictional people's hearing", kind: "TRIBUNAL" } });
    const found = async (q: string) => (await search({ actor: researcher, query: { q, type: "proceeding" } })).items;

    expect((await found("criminal trial")).map((i) => i.id)).toEqual([trial.id]);
    expect((await found("دادرسی کیفری")).map((i) => i.id)).toEqual([trial.id]);
    expect((await found("tribunal")).map((i) => i.id)).toEqual([tribunal.id]);
    const [hit] = await found("district court");
    expect(hit?.id).toBe(trial.id);
    expect(hit?.snippet).not.toMatch(/CRIMINAL_TRIAL/);
    expect(hit?.snippet).toMatch(/Criminal trial · دادرسی کیفری · A <mark>district<\/mark> <mark>court<\/mark>/);

    // A changed kind is what is found from then on.
    await updateProceeding({ actor: researcher, proceedingId: tribunal.id, input: { kind: "TRUTH_COMMISSION" } });
    expect((await found("truth commission")).map((i) => i.id)).toEqual([tribunal.id]);
    expect(await found("tribunal")).toEqual([]);

    // As an entry was written before the change: the code, not the words.
    await write((tx) => tx.searchDoc.update({ where: { type_recordId: { type: "proceeding", recordId: trial.id } }, data: { body: "CRIMINAL_TRIAL\nA district court", normBody: "criminal trial a district court" } }));
    expect(await found("دادرسی کیفری")).toEqual([]);
    const r = await indexAfterMigration(["20261203064702_search_proceeding_kinds"]);
    expect(r?.indexed.proceeding).toBe(2);
    expect((await found("دادرسی کیفری")).map((i) => i.id)).toEqual([trial.id]);
    expect((await found("district court"))[0]?.snippet).not.toMatch(/CRIMINAL_TRIAL/);
    // Other migrations index nothing again.
    expect(await indexAfterMigration(["20261203040916_link_something_else"])).toBeNull();
  });
});
