import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as createProceedingRoute } from "@/app/api/v1/proceedings/route";
import { GET as getProceedingRoute, PATCH as updateProceedingRoute } from "@/app/api/v1/proceedings/[id]/route";
import { openApiDocument } from "@/lib/api/openapi";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { read } from "@/lib/db/write";
import { createProceeding, getProceeding, searchProceedings, updateProceeding } from "@/lib/proceedings";
import { createPerson, getPerson, updatePerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A proceeding's Persian texts (titleFa, jurisdictionFa, courtFa, chargesFa, statusFa, and each
// timeline entry's whatFa) end to end on a real database: written by create and update and the
// API, read back, kept in the audit, refused with a field error in the reader's language when
// too long, and searchable in Persian however the query writes its letters. Made-up proceedings
// throughout.

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [researcher, reviewer] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER")]);
});
afterAll(async () => db?.drop());

const noParams = { params: Promise.resolve({}) };
const FA_FIELDS = ["titleFa", "jurisdictionFa", "courtFa", "chargesFa", "statusFa"] as const;

describe("a proceeding's Persian texts", () => {
  test("create and update store them, trimmed; get answers them; the audit keeps each before and after", async () => {
    const p = await createProceeding({
      actor: researcher,
      input: {
        title: "Prosecution of a fictional warden",
        titleFa: "  پیگرد رئیس زندان ساختگی  ",
        kind: "CRIMINAL_TRIAL",
        jurisdiction: "Nowhereland",
        jurisdictionFa: "ناکجاآباد",
        court: "Fictional District Court",
        courtFa: "دادگاه بدوی ساختگی",
        charges: "Fictional charges",
        chargesFa: "اتهام‌های ساختگی",
        status: "Pending",
        statusFa: "در جریان",
        timeline: [
          { date: "2020-01", what: "Arrested", whatFa: "بازداشت شد" },
          { date: "2019", what: "Complaint filed" },
        ],
      },
    });
    expect(p.titleFa).toBe("پیگرد رئیس زندان ساختگی");
    const got = await getProceeding({ actor: reviewer, proceedingId: p.id });
    expect(FA_FIELDS.map((k) => got[k])).toEqual(["پیگرد رئیس زندان ساختگی", "ناکجاآباد", "دادگاه بدوی ساختگی", "اتهام‌های ساختگی", "در جریان"]);
    // In date order, each entry with its own Persian text (none given: empty).
    expect(got.timeline.map((e) => [e.what, e.whatFa])).toEqual([
      ["Complaint filed", ""],
      ["Arrested", "بازداشت شد"],
    ]);
    const stored = await read((d) => d.proceedingStatusEntry.findMany({ where: { proceedingId: p.id }, select: { what: true, whatFa: true }, orderBy: { id: "asc" } }));
    expect(stored).toEqual([
      { what: "Arrested", whatFa: "بازداشت شد" },
      { what: "Complaint filed", whatFa: "" },
    ]);

    // A field left out keeps its value; the timeline given replaces the list.
    const u = await updateProceeding({ actor: researcher, proceedingId: p.id, input: { courtFa: "دادگاه تجدیدنظر ساختگی", timeline: [{ date: "2020-01", what: "Arrested", whatFa: "دستگیر شد" }] } });
    expect(u.courtFa).toBe("دادگاه تجدیدنظر ساختگی");
    expect(u.titleFa).toBe("پیگرد رئیس زندان ساختگی");
    expect(u.timeline.map((e) => e.whatFa)).toEqual(["دستگیر شد"]);

    const audit = await read((d) => d.auditEvent.findMany({ where: { recordId: p.id }, orderBy: { seq: "asc" } }));
    expect(audit.map((a) => a.action)).toEqual(["proceeding.create", "proceeding.update"]);
    const created = JSON.parse(audit[0]!.after!);
    expect(FA_FIELDS.map((k) => created[k])).toEqual(FA_FIELDS.map((k) => got[k]));
    const before = JSON.parse(audit[1]!.before!);
    const after = JSON.parse(audit[1]!.after!);
    expect([before.courtFa, after.courtFa]).toEqual(["دادگاه بدوی ساختگی", "دادگاه تجدیدنظر ساختگی"]);
    expect(after.timeline).toEqual([{ date: "2020-01", what: "Arrested", whatFa: "دستگیر شد", source: "" }]);
  });

  test("a Persian text longer than allowed is a field error in the reader's language, and nothing is stored or changed", async () => {
    const before = await read((d) => d.proceeding.count());
    await expect(
      createProceeding({ actor: researcher, input: { title: "A fictional overlong hearing", titleFa: "ق".repeat(301), kind: "TRIBUNAL", timeline: [{ date: "2012", what: "Held", whatFa: "ق".repeat(1001) }] } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { titleFa: ["too_long:300"], "timeline.0.whatFa": ["too_long:1000"] } });
    expect(await read((d) => d.proceeding.count())).toBe(before);

    const token = (await createToken({ actor: researcher, input: { name: "test" } })).secret;
    const headers = (lang: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": lang });
    const body = JSON.stringify({ title: "A fictional overlong tribunal", kind: "TRIBUNAL", statusFa: "ق".repeat(301) });
    const fa = await createProceedingRoute(new Request("http://casefile.test/api/v1/proceedings", { method: "POST", headers: headers("fa"), body }), noParams);
    expect(fa.status).toBe(400);
    const faErr = ((await fa.json()) as { error: { code: string; fields: Record<string, string[]> } }).error;
    expect(faErr.code).toBe("INVALID_INPUT");
    expect(faErr.fields.statusFa![0]).toMatch(/[\u0600-\u06FF]/);
    const en = await createProceedingRoute(new Request("http://casefile.test/api/v1/proceedings", { method: "POST", headers: headers("en"), body }), noParams);
    expect(((await en.json()) as { error: { fields: Record<string, string[]> } }).error.fields.statusFa![0]).toMatch(/300/);
    expect(await read((d) => d.proceeding.count())).toBe(before);

    const ok = await createProceeding({ actor: researcher, input: { title: "A fictional tidy tribunal", titleFa: "دادگاه مردمی ساختگی", kind: "TRIBUNAL" } });
    const patch = await updateProceedingRoute(
      new Request(`http://casefile.test/api/v1/proceedings/${ok.id}`, { method: "PATCH", headers: headers("fa"), body: JSON.stringify({ titleFa: 7, chargesFa: "اتهام" }) }),
      { params: Promise.resolve({ id: ok.id }) },
    );
    expect(patch.status).toBe(400);
    expect(((await patch.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("titleFa");
    const unchanged = await getProceeding({ actor: reviewer, proceedingId: ok.id });
    expect([unchanged.titleFa, unchanged.chargesFa, unchanged.updatedAt]).toEqual(["دادگاه مردمی ساختگی", "", ok.updatedAt]);
  });

  test("the API accepts and answers them, and its OpenAPI document lists them", async () => {
    const token = (await createToken({ actor: researcher, input: { name: "api" } })).secret;
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const res = await createProceedingRoute(
      new Request("http://casefile.test/api/v1/proceedings", {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ title: "A fictional API commission", titleFa: "کمیسیون ساختگی", kind: "TRUTH_COMMISSION", timeline: [{ date: "2001", what: "Set up", whatFa: "برپا شد" }] }),
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const got = (await (await getProceedingRoute(new Request(`http://casefile.test/api/v1/proceedings/${id}`, { headers: auth }), { params: Promise.resolve({ id }) })).json()) as {
      titleFa: string;
      timeline: { whatFa: string }[];
    };
    expect([got.titleFa, got.timeline.map((e) => e.whatFa)]).toEqual(["کمیسیون ساختگی", ["برپا شد"]]);

    const doc = openApiDocument() as unknown as { components: { schemas: Record<string, unknown> } };
    type Obj = { properties?: Record<string, Obj>; items?: Obj; required?: string[] };
    const schema = (name: string) => doc.components.schemas[name] as Obj;
    for (const k of FA_FIELDS) {
      expect(schema("Proceeding").required).toContain(k);
      expect(schema("CreateProceeding").properties).toHaveProperty(k);
      expect(schema("CreateProceeding").required ?? []).not.toContain(k);
      expect(schema("UpdateProceeding").properties).toHaveProperty(k);
    }
    expect(schema("Proceeding").properties!.timeline!.items!.required).toContain("whatFa");
    expect(schema("CreateProceeding").properties!.timeline!.items!.properties).toHaveProperty("whatFa");
  });

  test("found by its Persian title, written with Arabic or Persian letters, with or without a ZWNJ; an update re-indexes it", async () => {
    const p = await createProceeding({ actor: researcher, input: { title: "Hearing of a fictional governor", titleFa: "دادرسی استاندار خیالی‌آباد", kind: "OTHER" } });
    const other = await createProceeding({ actor: researcher, input: { title: "Hearing of another fictional governor", kind: "OTHER" } });
    const ids = async (q: string) => (await search({ actor: reviewer, query: { q, type: "proceeding" } })).items.map((i) => i.id);
    expect(await ids("استاندار خیالی‌آباد")).toEqual([p.id]);
    // Arabic yeh and no ZWNJ: the project's Persian normalisation finds the same title.
    expect(await ids("استاندار خيالیآباد")).toEqual([p.id]);
    // A Persian page's result is headed by the Persian title; the API's is not asked for it.
    const [hit] = (await search({ actor: reviewer, query: { q: "استاندار", type: "proceeding" }, persianTitles: true })).items;
    expect([hit?.id, hit?.titleFa]).toEqual([p.id, "دادرسی استاندار خیالی‌آباد"]);
    expect((await search({ actor: reviewer, query: { q: "استاندار", type: "proceeding" } })).items[0]?.titleFa).toBe("");
    // The registry's own title search (GET /proceedings?q=, the search filter's suggestions).
    expect((await searchProceedings({ actor: reviewer, query: { q: "استاندار خيالي آباد" } })).map((h) => h.id)).toContain(p.id);
    expect((await searchProceedings({ actor: reviewer, query: { q: "استاندار خیالی‌آباد" } })).map((h) => h.id)).not.toContain(other.id);

    await updateProceeding({ actor: researcher, proceedingId: p.id, input: { titleFa: "دادرسی فرماندار موهوم‌شهر", timeline: [{ date: "1999", what: "Opened", whatFa: "گشایش پرونده در خیالستان" }] } });
    expect(await ids("فرماندار موهوم‌شهر")).toEqual([p.id]);
    expect(await ids("خیالستان")).toEqual([p.id]);
    expect(await ids("استاندار خیالی‌آباد")).toEqual([]);
  });
});

describe("a defendant's proceedings", () => {
  test("the person read (its page) and an edit's answer give each proceeding's Persian title and status with the English; a new person reads no proceeding", async () => {
    const person = await createPerson({ actor: researcher, input: { name: "Fictional Defendant Orvane", nameFa: "متهم ساختگی اروان", confirmDuplicate: true } });
    expect(person.defendantIn).toEqual([]);
    const p = await createProceeding({
      actor: researcher,
      input: { title: "Prosecution of a fictional guard", titleFa: "پیگرد نگهبان ساختگی", kind: "CRIMINAL_TRIAL", status: "Convicted", statusFa: "محکوم شد", defendantIds: [person.id] },
    });
    const expected = [{ id: p.id, title: "Prosecution of a fictional guard", titleFa: "پیگرد نگهبان ساختگی", kind: "CRIMINAL_TRIAL", status: "Convicted", statusFa: "محکوم شد" }];
    expect((await getPerson({ actor: reviewer, personId: person.id })).defendantIn).toEqual(expected);
    const edited = await updatePerson({ actor: researcher, personId: person.id, input: { summary: "Fictional." } });
    expect(edited.defendantIn).toEqual(expected);
  });
});
