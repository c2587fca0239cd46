import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { suggestLinks } from "@/lib/links";
import { createPerson, updatePerson } from "@/lib/persons";
import { createPlace } from "@/lib/places/places";
import { createStatement, updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Suggestions are remembered per statement revision and registry version (lib/links/suggest-links.ts):
// a registry change or a new revision must be seen by the very next request. Fictional names.

let db: TestDatabase;
let researcher: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
});
afterAll(async () => db?.drop());

async function statement(text: string) {
  const w = await createWitness({ actor: researcher, input: { fictional: true } });
  return createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional sample", language: "en", originalText: text } });
}

const ids = async (statementId: string, kind: string) => (await suggestLinks({ actor: researcher, statementId })).items.filter((s) => s.kind === kind).map((s) => s.id);

describe("remembered suggestions follow the registries and the text", () => {
  test("a person added, an alias added, a place added and a new revision are all seen at once", async () => {
    const s = await statement("This text is fictional. Vakhshouri read the list, and Tabrizian-Golshiri signed it at Qaranfil House.");
    expect(await ids(s.id, "person")).toEqual([]);
    expect(await ids(s.id, "person")).toEqual([]); // remembered, still nothing

    const vakhshouri = (await createPerson({ actor: researcher, input: { name: "Kamran Vakhshouri", nameFa: "کامران وخشوری" } })).id;
    expect(await ids(s.id, "person")).toEqual([vakhshouri]);

    const other = await createPerson({ actor: researcher, input: { name: "Siamak Parvizkhani" } });
    expect(await ids(s.id, "person")).toEqual([vakhshouri]);
    await updatePerson({ actor: researcher, personId: other.id, input: { aliases: [{ name: "Tabrizian-Golshiri" }], baseUpdatedAt: other.updatedAt } });
    expect((await ids(s.id, "person")).sort()).toEqual([vakhshouri, other.id].sort());

    expect(await ids(s.id, "place")).toEqual([]);
    const house = (await createPlace({ actor: researcher, input: { name: "Qaranfil House" } })).id;
    expect(await ids(s.id, "place")).toEqual([house]);

    await updateStatement({ actor: researcher, statementId: s.id, input: { title: "Fictional sample", language: "en", originalText: "This text is fictional. Only Vakhshouri is named now.", reason: "shortened", baseRevision: 1 } });
    const r = await suggestLinks({ actor: researcher, statementId: s.id });
    expect(r.revisionNumber).toBe(2);
    expect(r.items.map((x) => x.id)).toEqual([vakhshouri]);
    expect(r.items[0]!.quote).toBe("Vakhshouri");
  });
});
