import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as createPersonRoute } from "@/app/api/v1/persons/route";
import { GET as getPersonRoute, PATCH as updatePersonRoute } from "@/app/api/v1/persons/[id]/route";
import { openApiDocument } from "@/lib/api/openapi";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { read } from "@/lib/db/write";
import { createDossier, loadDossierContent } from "@/lib/dossiers";
import { runImport } from "@/lib/import";
import { createPerson, getPerson, updatePerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { exportListCsv } from "@/lib/transfer/csv";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A person's summary and current status in Persian (summaryFa, statusNotesFa) end to end on a
// real database: written by create, update and the API, read back, kept in the audit, refused
// with a field error in the reader's language when too long, searchable once committed and no
// longer once removed, carried into the persons CSV and a dossier's content, and read from a
// spreadsheet's Persian summary column. Made-up
// persons throughout.

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  [researcher, reviewer] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER")]);
});
afterAll(async () => db?.drop());

const noParams = { params: Promise.resolve({}) };
const FA_FIELDS = ["summaryFa", "statusNotesFa"] as const;

describe("a person's Persian summary and status notes", () => {
  test("create and update store them, trimmed; get answers them beside the English; the audit keeps each before and after", async () => {
    const p = await createPerson({
      actor: researcher,
      input: {
        name: "Fictional Warden Oskarel",
        summary: "A fictional prison official.",
        summaryFa: "  مأمور ساختگی زندان.  ",
        statusNotes: "Whereabouts unknown.",
        statusNotesFa: "از محل او خبری نیست.",
      },
    });
    expect([p.summaryFa, p.statusNotesFa]).toEqual(["مأمور ساختگی زندان.", "از محل او خبری نیست."]);
    const got = await getPerson({ actor: reviewer, personId: p.id });
    expect([got.summary, got.summaryFa, got.statusNotes, got.statusNotesFa]).toEqual(["A fictional prison official.", "مأمور ساختگی زندان.", "Whereabouts unknown.", "از محل او خبری نیست."]);

    // A field left out keeps its value; an empty one clears it.
    const u = await updatePerson({ actor: researcher, personId: p.id, input: { summaryFa: "مأمور ساختگی بند عمومی.", statusNotesFa: "" } });
    expect([u.summary, u.summaryFa, u.statusNotes, u.statusNotesFa]).toEqual(["A fictional prison official.", "مأمور ساختگی بند عمومی.", "Whereabouts unknown.", ""]);
    expect((await getPerson({ actor: reviewer, personId: p.id })).summaryFa).toBe("مأمور ساختگی بند عمومی.");

    const audit = await read((d) => d.auditEvent.findMany({ where: { recordId: p.id }, orderBy: { seq: "asc" } }));
    expect(audit.map((a) => a.action)).toEqual(["person.create", "person.update"]);
    const created = JSON.parse(audit[0]!.after!);
    expect(FA_FIELDS.map((k) => created[k])).toEqual(["مأمور ساختگی زندان.", "از محل او خبری نیست."]);
    const before = JSON.parse(audit[1]!.before!);
    const after = JSON.parse(audit[1]!.after!);
    expect([before.summaryFa, after.summaryFa]).toEqual(["مأمور ساختگی زندان.", "مأمور ساختگی بند عمومی."]);
    expect([before.statusNotesFa, after.statusNotesFa]).toEqual(["از محل او خبری نیست.", ""]);

    // A person made without them has none.
    const bare = await createPerson({ actor: researcher, input: { name: "Fictional Clerk Ambrevin" } });
    expect([bare.summaryFa, bare.statusNotesFa]).toEqual(["", ""]);
  });

  test("a Persian text longer than allowed is a field error in the reader's language, and nothing is stored or changed", async () => {
    const count = await read((d) => d.person.count());
    await expect(createPerson({ actor: researcher, input: { name: "Fictional Overlong Tovander", summaryFa: "ق".repeat(10_001), statusNotesFa: "ق".repeat(10_001) } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { summaryFa: ["too_long:10000"], statusNotesFa: ["too_long:10000"] },
    });
    expect(await read((d) => d.person.count())).toBe(count);

    const token = (await createToken({ actor: researcher, input: { name: "test" } })).secret;
    const headers = (lang: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": lang });
    const body = JSON.stringify({ name: "Fictional Overlong Merrisca", statusNotesFa: "ق".repeat(10_001) });
    const fa = await createPersonRoute(new Request("http://casefile.test/api/v1/persons", { method: "POST", headers: headers("fa"), body }), noParams);
    expect(fa.status).toBe(400);
    const faErr = ((await fa.json()) as { error: { code: string; fields: Record<string, string[]> } }).error;
    expect(faErr.code).toBe("INVALID_INPUT");
    expect(faErr.fields.statusNotesFa![0]).toMatch(/[\u0600-\u06FF]/);
    const en = await createPersonRoute(new Request("http://casefile.test/api/v1/persons", { method: "POST", headers: headers("en"), body }), noParams);
    expect(((await en.json()) as { error: { fields: Record<string, string[]> } }).error.fields.statusNotesFa![0]).toMatch(/10,?000/);
    expect(await read((d) => d.person.count())).toBe(count);

    const ok = await createPerson({ actor: researcher, input: { name: "Fictional Tidy Pellmora", summaryFa: "کارمند ساختگی." } });
    const patch = await updatePersonRoute(
      new Request(`http://casefile.test/api/v1/persons/${ok.id}`, { method: "PATCH", headers: headers("fa"), body: JSON.stringify({ summaryFa: 7, statusNotesFa: "وضعیت" }) }),
      { params: Promise.resolve({ id: ok.id }) },
    );
    expect(patch.status).toBe(400);
    expect(((await patch.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty("summaryFa");
    const unchanged = await getPerson({ actor: reviewer, personId: ok.id });
    expect([unchanged.summaryFa, unchanged.statusNotesFa, unchanged.updatedAt]).toEqual(["کارمند ساختگی.", "", ok.updatedAt]);
  });

  test("the API accepts and answers them, and its OpenAPI document lists them", async () => {
    const token = (await createToken({ actor: researcher, input: { name: "api" } })).secret;
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const res = await createPersonRoute(
      new Request("http://casefile.test/api/v1/persons", { method: "POST", headers: auth, body: JSON.stringify({ name: "Fictional Api Quorrell", summaryFa: "خلاصهٔ ساختگی", statusNotesFa: "وضعیت ساختگی" }) }),
      noParams,
    );
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const url = `http://casefile.test/api/v1/persons/${id}`;
    const got = (await (await getPersonRoute(new Request(url, { headers: auth }), { params: Promise.resolve({ id }) })).json()) as Record<string, string>;
    expect([got.summaryFa, got.statusNotesFa]).toEqual(["خلاصهٔ ساختگی", "وضعیت ساختگی"]);
    const patched = await updatePersonRoute(new Request(url, { method: "PATCH", headers: auth, body: JSON.stringify({ statusNotesFa: "وضعیت تازهٔ ساختگی" }) }), { params: Promise.resolve({ id }) });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as Record<string, string>).statusNotesFa).toBe("وضعیت تازهٔ ساختگی");
    expect((await getPerson({ actor: reviewer, personId: id })).summaryFa).toBe("خلاصهٔ ساختگی");

    const doc = openApiDocument() as unknown as { components: { schemas: Record<string, unknown> } };
    type Obj = { properties?: Record<string, Obj>; required?: string[] };
    const schema = (name: string) => doc.components.schemas[name] as Obj;
    for (const k of FA_FIELDS) {
      expect(schema("Person").required).toContain(k);
      expect(schema("CreatePerson").properties).toHaveProperty(k);
      expect(schema("CreatePerson").required ?? []).not.toContain(k);
      expect(schema("UpdatePerson").properties).toHaveProperty(k);
    }
  });

  test("found by a word of its Persian summary or status once the change is committed, however the query writes its letters; no longer once removed", async () => {
    const ids = async (q: string) => (await search({ actor: reviewer, query: { q, type: "person" } })).items.map((i) => i.id);
    const p = await createPerson({ actor: researcher, input: { name: "Fictional Governor Zellaby" } });
    expect(await ids("کوهپایه‌زاد")).toEqual([]);
    await updatePerson({ actor: researcher, personId: p.id, input: { summaryFa: "فرماندار ساختگی کوهپایه‌زاد در سال ۱۳۶۷.", statusNotesFa: "ساکن شهر موهوم‌دشت." } });
    expect(await ids("کوهپایه‌زاد")).toEqual([p.id]);
    // Arabic letters and no ZWNJ: the Persian normalisation finds the same words.
    expect(await ids("كوهپايه زاد")).toEqual([p.id]);
    expect(await ids("موهوم‌دشت")).toEqual([p.id]);
    // Removed: no longer found by those words; still by name.
    await updatePerson({ actor: researcher, personId: p.id, input: { summaryFa: "", statusNotesFa: "" } });
    expect(await ids("کوهپایه‌زاد")).toEqual([]);
    expect(await ids("موهوم‌دشت")).toEqual([]);
    expect(await ids("zellaby")).toEqual([p.id]);
  });

  test("the persons CSV and a dossier about the person carry the Persian summary", async () => {
    const p = await createPerson({ actor: researcher, input: { name: "Fictional Judge Harnwick", summary: "A fictional judge.", summaryFa: "قاضی ساختگی." } });
    const chunks: Buffer[] = [];
    for await (const c of await exportListCsv({ actor: researcher, kind: "persons", query: { q: "Harnwick" } })) chunks.push(Buffer.from(c));
    const rows = parse(Buffer.concat(chunks), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === p.id)).toMatchObject({ summary: "A fictional judge.", summary_fa: "قاضی ساختگی." });

    const legal = await makeActor("LEGAL");
    const d = await createDossier({ actor: legal, input: { title: "Fictional dossier", subjectType: "PERSON", subjectId: p.id } });
    const c = await loadDossierContent({ actor: legal, dossierId: d.id });
    expect(c.subject).toMatchObject({ type: "PERSON", summary: "A fictional judge.", summaryFa: "قاضی ساختگی." });
  });

  test("a spreadsheet import reads a Persian summary column beside the English one", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "casefile-persons-fa-")), "persons.csv");
    writeFileSync(path, ["نام,خلاصه,خلاصه به فارسی", "Fictional Importee Dorvash,A fictional guard.,نگهبان ساختگی."].join("\n"));
    const r = await runImport({ actor: researcher, path, kind: "PERSONS", dryRun: false });
    expect(r.mapping).toMatchObject({ خلاصه: "summary", "خلاصه به فارسی": "summaryFa" });
    expect(r.rows.map((x) => x.outcome)).toEqual(["CREATE"]);
    const p = await getPerson({ actor: reviewer, personId: r.rows[0]!.record!.id! });
    expect([p.summary, p.summaryFa]).toEqual(["A fictional guard.", "نگهبان ساختگی."]);
    const audit = await read((d) => d.auditEvent.findFirstOrThrow({ where: { recordId: p.id, action: "person.import" } }));
    expect(JSON.parse(audit.after!).summaryFa).toBe("نگهبان ساختگی.");
  });
});
