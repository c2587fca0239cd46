import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { GET as timelineRoute } from "@/app/api/v1/graph/timeline/route";
import { createToken } from "@/lib/auth/tokens";
import { getTimeline } from "@/lib/corroboration";
import { write } from "@/lib/db/write";
import { FILTER_LIST_CAP, MAX_CANDIDATES, resolveFilterName, searchFilterOptions } from "@/lib/search/filter-options";
import { makeActor } from "@/tests/support/actors";
import { fictionalStatement, linkRow } from "@/tests/support/graph-fixtures";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The graph page's timeline filtered by a place or a proceeding typed by name: with more places
// (or proceedings) than FILTER_LIST_CAP the page offers a text field instead of a list, turns
// the typed name into a record with resolveFilterName, and filters the timeline by that
// record's id; a name that finds no record, or several, is said beside the field and the
// timeline shown without that filter. Fictional records, written directly.
//
// FILTER_LIST_CAP + 5 filler places and proceedings, each with a number in its name; the place
// «قلعه ساختگی» / "Fictional Fortress (test)" and the proceeding "Fictional Tribunal of
// Shadows (test)"; two places named "Fictional Twin Cell (test)" but for case. Events: AT (registered at the fortress), CITED (a link names the fortress),
// TRIED (a link cites the tribunal), ELSEWHERE (at a filler place, linked without either).

let db: TestDatabase;
let reviewer: Actor;
let fortress: string;
let tribunal: string;
let filler: string;
let twin: string;
const ev: Record<string, string> = {};

beforeAll(async () => {
  db = await freshDatabase();
  const researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  const statementId = await fictionalStatement(researcher, { consent: true, verified: true });
  await write(async (tx) => {
    const fillers = Array.from({ length: FILTER_LIST_CAP + 5 }, (_, n) => n);
    await tx.place.createMany({ data: fillers.map((n) => ({ name: `Fictional Filler Place ${n} (test)`, nameFa: `مکان ساختگی ${n}` })) });
    await tx.proceeding.createMany({ data: fillers.map((n) => ({ title: `Fictional filler proceeding ${n} (test)`, kind: "OTHER" })) });
    // Two places of one name: the name alone cannot say which.
    twin = (await tx.place.create({ data: { name: "Fictional Twin Cell (test)", nameFa: "" } })).id;
    await tx.place.create({ data: { name: "Fictional twin cell (test)", nameFa: "" } });
    fortress = (await tx.place.create({ data: { name: "Fictional Fortress (test)", nameFa: "قلعه ساختگی" } })).id;
    tribunal = (await tx.proceeding.create({ data: { title: "Fictional Tribunal of Shadows (test)", kind: "CRIMINAL" } })).id;
    filler = (await tx.place.findFirstOrThrow({ where: { name: "Fictional Filler Place 3 (test)" } })).id;
    const event = async (key: string, day: string, placeId?: string) => {
      ev[key] = (await tx.event.create({ data: { title: `Fictional event ${key}`, dateStart: day, precision: "day", earliest: day, latest: day, ...(placeId ? { places: { create: [{ placeId }] } } : {}) } })).id;
    };
    await event("AT", "1988-07-20", fortress);
    await event("CITED", "1988-08-01");
    await event("TRIED", "1988-08-10");
    await event("ELSEWHERE", "1988-08-20", filler);
    const personId = (await tx.person.create({ data: { name: "Fictional Warden (test)" } })).id;
    const link = (eventId: string, more: { placeId?: string; proceedingId?: string } = {}) => linkRow(researcher.id, { statementId, personId, eventId, allegationType: "IMPRISONMENT", ...more });
    await tx.link.createMany({ data: [link(ev.CITED!, { placeId: fortress }), link(ev.TRIED!, { proceedingId: tribunal }), link(ev.ELSEWHERE!), link(ev.AT!)] });
  });
});
afterAll(async () => db?.drop());

const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const of = (keys: string[]) => keys.map((k) => ev[k]!).sort();

/** What the graph page does with a name typed in the place or proceeding field: the record it finds, and the timeline filtered by it. */
async function timelineByName(kind: "places" | "proceedings", text: string) {
  const found = await resolveFilterName({ actor: reviewer, kind, text });
  if (found.status !== "one") return { found, timeline: null };
  return { found, timeline: await getTimeline({ actor: reviewer, query: { [kind === "places" ? "place" : "proceeding"]: found.option.id } }) };
}

describe("the timeline filtered by a place or proceeding typed by name", () => {
  test("with more than FILTER_LIST_CAP places and proceedings the page gets no list of either, only the record chosen", async () => {
    const options = await searchFilterOptions({ actor: reviewer, chosen: { places: fortress } });
    expect(options.places).toEqual({ choices: null, chosen: { id: fortress, name: "Fictional Fortress (test)", nameFa: "قلعه ساختگی" } });
    expect(options.proceedings.choices).toBeNull();
  });

  test("a place typed by its name, in either script and any case, gives the events there: registered there or cited with it", async () => {
    for (const text of ["Fictional Fortress (test)", "fictional fortress", "قلعه ساختگی"]) {
      const { found, timeline } = await timelineByName("places", text);
      expect(found).toMatchObject({ status: "one", option: { id: fortress } });
      expect(ids(timeline!.events)).toEqual(of(["AT", "CITED"]));
      expect(timeline!.place).toEqual({ id: fortress, name: "Fictional Fortress (test)", nameFa: "قلعه ساختگی" });
    }
  });

  test("a proceeding typed by its title, or words of it, gives the events of the links citing it", async () => {
    for (const text of ["Fictional Tribunal of Shadows (test)", "tribunal of shadows"]) {
      const { found, timeline } = await timelineByName("proceedings", text);
      expect(found).toMatchObject({ status: "one", option: { id: tribunal } });
      expect(ids(timeline!.events)).toEqual(of(["TRIED"]));
      expect(timeline!.proceeding).toEqual({ id: tribunal, title: "Fictional Tribunal of Shadows (test)", titleFa: "" });
    }
  });

  test("a name that finds nothing is 'none' and one that finds many is 'several' (at most MAX_CANDIDATES offered): neither picks a record; the name of the record already chosen keeps it; a filler place filters to its own event", async () => {
    for (const kind of ["places", "proceedings"] as const) {
      expect((await timelineByName(kind, "Nowhere Zzyzx")).found).toEqual({ status: "none" });
      const several = await resolveFilterName({ actor: reviewer, kind, text: "Fictional filler" });
      expect(several.status).toBe("several");
      if (several.status !== "several") throw new Error("several records match");
      expect(several.options).toHaveLength(MAX_CANDIDATES);
      expect(several.more).toBe(true);
    }
    // The name of the record already chosen keeps it, though another record has that name too.
    expect(await resolveFilterName({ actor: reviewer, kind: "places", text: "Fictional Twin Cell (test)" })).toMatchObject({ status: "several", more: false });
    expect(await resolveFilterName({ actor: reviewer, kind: "places", text: "FICTIONAL TWIN CELL (TEST)", currentId: twin })).toMatchObject({ status: "one", option: { id: twin } });
    expect(ids((await getTimeline({ actor: reviewer, query: { place: filler } })).events)).toEqual(of(["ELSEWHERE"]));
  });

  test("the API takes ids only: a name given as the place or proceeding is an unknown id, a 400 field error", async () => {
    const token = (await createToken({ actor: reviewer, input: { name: "typed names" } })).secret;
    for (const [field, name] of [
      ["place", "Fictional Fortress (test)"],
      ["proceeding", "Fictional Tribunal of Shadows (test)"],
    ] as const) {
      const res = await timelineRoute(new Request(`http://casefile.test/api/v1/graph/timeline?${field}=${encodeURIComponent(name)}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
      expect(res.status).toBe(400);
      const err = (await res.json()) as { error: { code: string; fields: Record<string, string[]> } };
      expect(err.error.code).toBe("INVALID_INPUT");
      expect(Object.keys(err.error.fields)).toEqual([field]);
    }
  });
});
