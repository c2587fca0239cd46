import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as createPersonRoute } from "@/app/api/v1/persons/route";
import { PATCH as updatePersonRoute } from "@/app/api/v1/persons/[id]/route";
import { openApiDocument } from "@/lib/api/openapi";
import type { Actor } from "@/lib/auth/actor";
import { createToken } from "@/lib/auth/tokens";
import { getTimeline } from "@/lib/corroboration";
import { read } from "@/lib/db/write";
import { runImport } from "@/lib/import";
import { createPerson, getPerson, listPersons, updatePerson } from "@/lib/persons";
import { search } from "@/lib/search";
import { exportListCsv } from "@/lib/transfer/csv";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// A position's Persian title (Position.titleFa) end to end on a real database: written by create
// and update (form, API, CSV import), read back by the person, the persons list and the timeline,
// indexed for search, in the CSV export, and refused with a field error when too long. Made-up
// persons and titles throughout.

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;
let dir: string;

beforeAll(async () => {
  db = await freshDatabase();
  dir = mkdtempSync(join(tmpdir(), "casefile-position-fa-"));
  process.env.CASEFILE_STORAGE_DIR = join(dir, "store");
  [researcher, reviewer] = await Promise.all([makeActor("RESEARCHER"), makeActor("REVIEWER")]);
});
afterAll(async () => {
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const storedTitles = (personId: string) =>
  read((d) => d.position.findMany({ where: { personId }, select: { title: true, titleFa: true }, orderBy: { title: "asc" } }));

const noParams = { params: Promise.resolve({}) };
const personNamed = async (name: string) => (await read((d) => d.person.findFirstOrThrow({ where: { name }, select: { id: true } }))).id;

describe("a position's Persian title", () => {
  test("create and update store it, trimmed; get, the list and the timeline answer it; the audit keeps it", async () => {
    const p = await createPerson({
      actor: researcher,
      input: {
        name: "Quirinus Fictionalson",
        positions: [
          { title: "Fictional Prosecutor of Nowhere", titleFa: "  دادستان ساختگی ناکجا  ", from: "1988", to: "1989" },
          // Another script is allowed: a title may be an acronym or a name as it is written.
          { title: "Fictional Head of FBX", titleFa: "FBX رئیس", from: "1990" },
          { title: "Fictional Adviser" },
        ],
      },
    });
    expect(p.positions.map((x) => [x.title, x.titleFa])).toEqual([
      ["Fictional Prosecutor of Nowhere", "دادستان ساختگی ناکجا"],
      ["Fictional Head of FBX", "FBX رئیس"],
      ["Fictional Adviser", ""],
    ]);
    expect(await storedTitles(p.id)).toEqual([
      { title: "Fictional Adviser", titleFa: "" },
      { title: "Fictional Head of FBX", titleFa: "FBX رئیس" },
      { title: "Fictional Prosecutor of Nowhere", titleFa: "دادستان ساختگی ناکجا" },
    ]);
    expect((await getPerson({ actor: reviewer, personId: p.id })).positions.map((x) => x.titleFa)).toEqual(["دادستان ساختگی ناکجا", "FBX رئیس", ""]);
    const listed = (await listPersons({ actor: reviewer, query: { q: "Quirinus Fictionalson" } })).find((r) => r.id === p.id)!;
    expect(listed.positions.map((x) => [x.title, x.titleFa])).toEqual([
      ["Fictional Prosecutor of Nowhere", "دادستان ساختگی ناکجا"],
      ["Fictional Head of FBX", "FBX رئیس"],
      ["Fictional Adviser", ""],
    ]);
    const timeline = await getTimeline({ actor: reviewer, query: { person: "Quirinus Fictionalson" } });
    expect(timeline.persons.find((x) => x.id === p.id)!.positions.map((x) => x.titleFa)).toEqual(["دادستان ساختگی ناکجا", "FBX رئیس"]);

    const u = await updatePerson({ actor: researcher, personId: p.id, input: { positions: [{ title: "Fictional Prosecutor of Nowhere", titleFa: "دادستان کل ساختگی", from: "1988" }] } });
    expect(u.positions.map((x) => x.titleFa)).toEqual(["دادستان کل ساختگی"]);
    const audit = await read((d) => d.auditEvent.findMany({ where: { recordId: p.id }, orderBy: { seq: "asc" } }));
    expect(JSON.parse(audit[0]!.after!).positions.map((x: { titleFa: string }) => x.titleFa)).toEqual(["دادستان ساختگی ناکجا", "FBX رئیس", ""]);
    expect(JSON.parse(audit[1]!.after!).positions).toEqual([{ title: "Fictional Prosecutor of Nowhere", titleFa: "دادستان کل ساختگی", institution: "", place: "", from: "1988", to: null }]);
  });

  test("a Persian title longer than the title may be is a field error in the reader's language, and nothing is stored", async () => {
    const before = await read((d) => d.position.count());
    await expect(createPerson({ actor: researcher, input: { name: "Tiberius Overlongtitle", positions: [{ title: "Fictional Judge", titleFa: "ق".repeat(301) }] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { "positions.0.titleFa": ["too_long:300"] },
    });
    // 300 characters are allowed, as for the English title.
    const ok = await createPerson({ actor: researcher, input: { name: "Tiberius Longtitle", positions: [{ title: "Fictional Judge", titleFa: "ق".repeat(300) }] } });
    expect(ok.positions[0]!.titleFa).toHaveLength(300);

    const token = (await createToken({ actor: researcher, input: { name: "test" } })).secret;
    const headers = (lang: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": lang });
    const body = JSON.stringify({ name: "Valerian Overlong", positions: [{ title: "Fictional Judge", titleFa: "ق".repeat(301) }] });
    const fa = await createPersonRoute(new Request("http://casefile.test/api/v1/persons", { method: "POST", headers: headers("fa"), body }), noParams);
    expect(fa.status).toBe(400);
    const faErr = ((await fa.json()) as { error: { code: string; fields: Record<string, string[]> } }).error;
    expect(faErr.code).toBe("INVALID_INPUT");
    expect(faErr.fields["positions.0.titleFa"]![0]).toMatch(/[\u0600-\u06FF]/);
    const en = await createPersonRoute(new Request("http://casefile.test/api/v1/persons", { method: "POST", headers: headers("en"), body }), noParams);
    expect(((await en.json()) as { error: { fields: Record<string, string[]> } }).error.fields["positions.0.titleFa"]![0]).toMatch(/300/);
    const patch = await updatePersonRoute(
      new Request(`http://casefile.test/api/v1/persons/${ok.id}`, { method: "PATCH", headers: headers("fa"), body: JSON.stringify({ positions: [{ title: "Fictional Judge", titleFa: 7 }] }) }),
      { params: Promise.resolve({ id: ok.id }) },
    );
    expect(patch.status).toBe(400);
    expect(((await patch.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(["positions.0.titleFa"]);
    expect(await read((d) => d.position.count())).toBe(before + 1);
    expect(await storedTitles(ok.id)).toEqual([{ title: "Fictional Judge", titleFa: "ق".repeat(300) }]);
  });

  test("the API answers it and its OpenAPI document lists it, in the person and in the create and update bodies", async () => {
    const token = (await createToken({ actor: researcher, input: { name: "api" } })).secret;
    const res = await createPersonRoute(
      new Request("http://casefile.test/api/v1/persons", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "Cassius Apiperson", positions: [{ title: "Fictional Warden", titleFa: "رئیس ساختگی زندان" }] }),
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    expect(((await res.json()) as { positions: { titleFa: string }[] }).positions.map((x) => x.titleFa)).toEqual(["رئیس ساختگی زندان"]);
    const doc = openApiDocument() as unknown as { components: { schemas: Record<string, unknown> } };
    type Obj = { properties?: Record<string, Obj>; items?: Obj; required?: string[] };
    const positionOf = (name: string) => (doc.components.schemas[name] as Obj).properties!.positions!.items!;
    expect(positionOf("Person").properties).toHaveProperty("titleFa");
    expect(positionOf("Person").required).toContain("titleFa");
    expect(positionOf("CreatePerson").properties).toHaveProperty("titleFa");
    expect(positionOf("CreatePerson").required ?? []).not.toContain("titleFa");
    expect(positionOf("UpdatePerson").properties).toHaveProperty("titleFa");
  });

  test("search by the Persian title finds the person, and an update re-indexes it", async () => {
    const p = await createPerson({ actor: researcher, input: { name: "Severinus Searchable", positions: [{ title: "Fictional Governor", titleFa: "استاندار خیالی‌آباد" }] } });
    const ids = async (q: string) => (await search({ actor: reviewer, query: { q, type: "person" } })).items.map((i) => i.id);
    expect(await ids("استاندار خیالی‌آباد")).toEqual([p.id]);
    await updatePerson({ actor: researcher, personId: p.id, input: { positions: [{ title: "Fictional Governor", titleFa: "فرماندار موهوم‌شهر" }] } });
    expect(await ids("فرماندار موهوم‌شهر")).toEqual([p.id]);
    expect(await ids("خیالی‌آباد")).toEqual([]);
  });

  test("the persons CSV has each position's Persian title in the positions' order; a CSV import reads them, and an older sheet without the column still imports", async () => {
    const p = await createPerson({
      actor: researcher,
      input: {
        name: "Aurelian Csvperson",
        positions: [
          { title: "Fictional Clerk", from: "1980", to: "1981" },
          { title: "Fictional Registrar", titleFa: "ثبات ساختگی", from: "1982", to: "1983" },
        ],
      },
    });
    const bare = await createPerson({ actor: researcher, input: { name: "Hadrian Untranslated", positions: [{ title: "Fictional Scribe" }] } });
    const chunks: Buffer[] = [];
    for await (const c of (await exportListCsv({ actor: researcher, kind: "persons", query: {} })) as Readable) chunks.push(Buffer.from(c as Buffer));
    const rows = parse(Buffer.concat(chunks), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.id === p.id)).toMatchObject({ positions: "Fictional Clerk (1980–1981) | Fictional Registrar (1982–1983)", positions_fa: " | ثبات ساختگی" });
    expect(rows.find((r) => r.id === bare.id)).toMatchObject({ positions: "Fictional Scribe", positions_fa: "" });

    const sheet = (name: string, text: string) => {
      const f = join(dir, name);
      writeFileSync(f, text);
      return f;
    };
    const imported = await runImport({
      actor: researcher,
      path: sheet("with-fa.csv", ["name,position,position fa,from,to", "Lucius Importfield,Fictional Magistrate,دادرس ساختگی,1988,1989"].join("\n")),
      kind: "PERSONS",
      dryRun: false,
    });
    expect(imported.status).toBe("COMPLETED");
    expect(imported.mapping).toMatchObject({ "position fa": "positionFa" });
    expect(await storedTitles(await personNamed("Lucius Importfield"))).toEqual([{ title: "Fictional Magistrate", titleFa: "دادرس ساختگی" }]);
    // A Persian title without the title it translates is refused on the title's column, not dropped.
    const half = await runImport({ actor: researcher, path: sheet("half.csv", ["name,position,position fa", "Marcus Halfimport,,قاضی بی‌عنوان"].join("\n")), kind: "PERSONS", dryRun: true });
    expect(half.rows.map((r) => [r.outcome, r.problems])).toEqual([["REFUSE", [expect.objectContaining({ column: "position", key: "required" })]]]);
    const older = await runImport({ actor: researcher, path: sheet("older.csv", ["name,position,from", "Gaius Oldsheet,Fictional Notary,1990"].join("\n")), kind: "PERSONS", dryRun: false });
    expect(older.rows.map((r) => r.outcome)).toEqual(["CREATE"]);
    expect(await storedTitles(await personNamed("Gaius Oldsheet"))).toEqual([{ title: "Fictional Notary", titleFa: "" }]);
  });
});
