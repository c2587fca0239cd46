import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import type { Actor } from "@/lib/auth/actor";
import { read, write } from "@/lib/db/write";
import { createStatement, getRevision, getStatement, listStatements, updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
let researcher: Actor;
let otherResearcher: Actor;
let reviewer: Actor;
let admin: Actor;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  otherResearcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  admin = await makeActor("ADMIN");
});
afterAll(async () => db?.drop());

const persian = "در مرداد ۱۳۶۷ ملاقات‌ها قطع شد. «هیئت» آمده بود.";

async function counts() {
  return read(async (d) => ({ statements: await d.statement.count(), revisions: await d.statementRevision.count(), audit: await d.auditEvent.count() }));
}

describe("statements", () => {
  test("a researcher records a Persian statement for a pseudonymous witness, with an audit event", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    expect(w.code).toMatch(/^W-\d{4}$/);
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "  شهادت  ", language: "fa", originalText: persian } });
    expect(s.title).toBe("شهادت");
    const full = await getStatement({ actor: reviewer, statementId: s.id });
    expect(full.originalText).toBe(persian);
    expect(full.revisions.map((r) => r.number)).toEqual([1]);
    const events = await read((d) => d.auditEvent.findMany({ where: { recordId: s.id } }));
    expect(events.map((e) => e.action)).toEqual(["statement.create"]);
    // The audit log keeps the content's hash, not the testimony's words.
    expect(events[0].after).not.toContain("ملاقات");
    expect(JSON.parse(events[0].after!).contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("a text holding half of a surrogate pair or a NUL character is refused with a field error, and nothing is written", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const before = await counts();
    const err = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional", language: "en", originalText: "broken \ud800 here" } }).catch((e) => e);
    expect(err).toMatchObject({ code: "INVALID_INPUT", fields: { originalText: ["invalid_text"] } });
    const ok = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional", language: "en", originalText: "whole pair \ud83d\ude00 here" } });
    const err2 = await updateStatement({ actor: researcher, statementId: ok.id, input: { title: "t\udc00", originalText: "x", reason: "r", baseRevision: 1 } }).catch((e) => e);
    expect(err2).toMatchObject({ code: "INVALID_INPUT", fields: { title: ["invalid_text"] } });
    // A NUL character: PostgreSQL's text cannot hold it, so it is refused on both databases alike.
    const err3 = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fic\u0000tional", language: "en", originalText: "nul \u0000 here" } }).catch((e) => e);
    expect(err3).toMatchObject({ code: "INVALID_INPUT", fields: { title: ["invalid_text"], originalText: ["invalid_text"] } });
    const err4 = await updateStatement({ actor: researcher, statementId: ok.id, input: { title: "t", originalText: "x\u0000", reason: "r", baseRevision: 1 } }).catch((e) => e);
    expect(err4).toMatchObject({ code: "INVALID_INPUT", fields: { originalText: ["invalid_text"] } });
    const after = await counts();
    expect(after.statements - before.statements).toBe(1);
    expect((await getStatement({ actor: reviewer, statementId: ok.id })).originalText).toBe("whole pair \ud83d\ude00 here");
  });

  test("the statement page's read (one SQL query per part) gives exactly what Prisma reads: dates, flags, revisions, authors, editors", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "Fictional", language: "en", originalText: "This text is fictional." } });
    await updateStatement({ actor: admin, statementId: s.id, input: { title: "Fictional 2", language: "en", originalText: "This text is fictional, twice.", reason: "typo", baseRevision: 1 } });
    await write((tx) => tx.statement.update({ where: { id: s.id }, data: { submittedAt: new Date("2026-03-04T05:06:07.089Z"), assigneeId: reviewer.id, fictional: true } }));
    const got = await getStatement({ actor: reviewer, statementId: s.id });
    const want = await read((d) =>
      d.statement.findUniqueOrThrow({
        where: { id: s.id },
        include: {
          witness: { select: { id: true, code: true, fictional: true } },
          author: { select: { id: true, name: true } },
          revisions: { orderBy: { number: "desc" }, select: { id: true, number: true, reason: true, createdAt: true, contentHash: true, author: { select: { name: true } } } },
        },
      }),
    );
    const { details, editorIds, ...rest } = got;
    expect(rest).toEqual(want);
    expect(got.submittedAt).toEqual(new Date("2026-03-04T05:06:07.089Z"));
    expect(got.fictional).toBe(true);
    expect(got.witness.fictional).toBe(false);
    expect(got.revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(details.interviewers).toEqual([]);
    expect(editorIds).toEqual([researcher.id, admin.id]);
    await expect(getStatement({ actor: reviewer, statementId: "no-such-statement" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("witness codes are assigned in sequence", async () => {
    const a = await createWitness({ actor: researcher, input: {} });
    const b = await createWitness({ actor: researcher, input: {} });
    expect(Number(b.code.slice(2))).toBe(Number(a.code.slice(2)) + 1);
  });

  test("an edit makes a new revision and keeps the old one unchanged", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "t", language: "fa", originalText: persian } });
    await updateStatement({ actor: researcher, statementId: s.id, input: { title: "t", language: "fa", originalText: persian + " ویرایش", reason: "افزودن", baseRevision: 1 } });
    const full = await getStatement({ actor: researcher, statementId: s.id });
    expect(full.revisionNumber).toBe(2);
    expect(full.originalText).toBe(persian + " ویرایش");
    expect((await getRevision({ actor: researcher, statementId: s.id, number: 1 })).originalText).toBe(persian);
    expect((await getRevision({ actor: researcher, statementId: s.id, number: 2 })).reason).toBe("افزودن");
    const actions = (await read((d) => d.auditEvent.findMany({ where: { recordId: s.id }, orderBy: { seq: "asc" } }))).map((e) => e.action);
    expect(actions).toEqual(["statement.create", "statement.update"]);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
  });

  test("a stale edit is refused and changes nothing", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "t", language: "en", originalText: "one" } });
    await updateStatement({ actor: researcher, statementId: s.id, input: { title: "t", language: "en", originalText: "two", reason: "r", baseRevision: 1 } });
    const before = await counts();
    await expect(
      updateStatement({ actor: researcher, statementId: s.id, input: { title: "t", language: "en", originalText: "three", reason: "r", baseRevision: 1 } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts()).toEqual(before);
  });

  test("invalid input is refused with field errors and changes nothing", async () => {
    const before = await counts();
    await expect(createStatement({ actor: researcher, input: { witnessId: "", title: " ", language: "de", originalText: "" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { witnessId: ["required"], title: ["required"], language: ["invalid_choice"], originalText: ["required"] },
    });
    await expect(createStatement({ actor: researcher, input: { witnessId: "nope", title: "x", language: "en", originalText: "x" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { witnessId: ["not_found"] },
    });
    expect(await counts()).toEqual(before);
  });

  test("only the author (or an admin) may edit; a reviewer and legal may not create", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "t", language: "en", originalText: "x" } });
    const edit = { title: "t", language: "en", originalText: "y", reason: "r", baseRevision: 1 };
    await expect(updateStatement({ actor: otherResearcher, statementId: s.id, input: edit })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateStatement({ actor: reviewer, statementId: s.id, input: edit })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createStatement({ actor: reviewer, input: { witnessId: w.id, title: "t", language: "en", originalText: "x" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createStatement({ actor: null, input: {} })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await updateStatement({ actor: admin, statementId: s.id, input: edit });
    expect((await getStatement({ actor: admin, statementId: s.id })).revisionNumber).toBe(2);
  });

  test("long testimony (60,000 characters) is stored whole", async () => {
    const w = await createWitness({ actor: researcher, input: {} });
    const text = "ب".repeat(30_000) + "\n" + "word ".repeat(6_000);
    const s = await createStatement({ actor: researcher, input: { witnessId: w.id, title: "long", language: "fa", originalText: text } });
    expect((await getStatement({ actor: researcher, statementId: s.id })).originalText).toBe(text.trim());
  });

  test("the list filters by language and paginates", async () => {
    const fa = await listStatements({ actor: researcher, query: { language: "fa", pageSize: "2" } });
    expect(fa.items.length).toBeLessThanOrEqual(2);
    expect(fa.items.every((s) => s.language === "fa")).toBe(true);
    expect(fa.total).toBeGreaterThanOrEqual(3);
    await expect(listStatements({ actor: researcher, query: { pageSize: "0" } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  test("a page past the last gives the last and says which it is; a page number that is not one is invalid input", async () => {
    const first = await listStatements({ actor: researcher, query: { language: "fa", pageSize: "2" } });
    expect(first.pages).toBe(Math.ceil(first.total / 2));
    expect(first.pages).toBeGreaterThan(1);
    const last = await listStatements({ actor: researcher, query: { language: "fa", pageSize: "2", page: String(first.pages) } });
    for (const page of [first.pages + 1, 999_999, "1000000"]) {
      const past = await listStatements({ actor: researcher, query: { language: "fa", pageSize: "2", page } });
      expect(past, String(page)).toMatchObject({ page: first.pages, pages: first.pages, total: first.total });
      expect(past.items.map((x) => x.id)).toEqual(last.items.map((x) => x.id));
    }
    // Blank is the first page, as on the other lists.
    expect((await listStatements({ actor: researcher, query: { page: "" } })).page).toBe(1);
    for (const page of ["abc", "-3", "0", "1.5", "1000001", "99999999999999999999"]) {
      await expect(listStatements({ actor: researcher, query: { page } }), page).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
  });
});

describe("a statement for a witness named by code (the new-statement form)", () => {
  const input = (witnessCode: string) => ({ witnessCode, title: "Fictional", language: "en", originalText: "This text is fictional." });

  test("the code names the witness in any case, in Persian or Arabic-Indic digits, and typed on a Persian keyboard («ص» is its W key)", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const digits = w.code.slice(2);
    const persianDigits = digits.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
    const arabicDigits = digits.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    for (const code of [w.code, ` ${w.code.toLowerCase()} `, `W-${persianDigits}`, `w-${arabicDigits}`, `ص-${persianDigits}`]) {
      const s = await createStatement({ actor: researcher, input: input(code) });
      expect(s.witnessId).toBe(w.id);
      expect(s.fictional).toBe(true);
    }
  });

  test("a code that names no witness, or no code, is a field error in the code field, and nothing is written", async () => {
    await createWitness({ actor: researcher, input: {} });
    const before = await counts();
    // Exact: a part of a code is not a code.
    for (const code of ["W-9999", "W-00", "W", "0001", "%"]) {
      await expect(createStatement({ actor: researcher, input: input(code) })).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { witnessCode: ["witness_code_not_found"] } });
    }
    await expect(createStatement({ actor: researcher, input: { ...input(" "), title: "" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { witnessCode: ["required"], title: ["required"] },
    });
    expect(await counts()).toEqual(before);
  });

  test("an unknown code is told at once with the other fields' errors, not only once they are mended", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const before = await counts();
    await expect(createStatement({ actor: researcher, input: { ...input("W-9999"), interviewDate: "۳۲ مرداد ۱۳۶۷" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { witnessCode: ["witness_code_not_found"], interviewDate: ["date_impossible"] },
    });
    await expect(createStatement({ actor: researcher, input: { ...input(""), witnessId: "nope", title: "" } })).rejects.toMatchObject({
      fields: { witnessId: ["not_found"], title: ["required"] },
    });
    // A known code with another field wrong: only that field.
    const e = await createStatement({ actor: researcher, input: { ...input(w.code), title: "" } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "INVALID_INPUT", fields: { title: ["required"] } });
    expect(Object.keys((e as { fields: object }).fields)).toEqual(["title"]);
    expect(await counts()).toEqual(before);
  });

  test("an interview, the period a statement covers and a translation cannot be dated after today", async () => {
    const w = await createWitness({ actor: researcher, input: { fictional: true } });
    const before = await counts();
    const nextYear = new Date().getUTCFullYear() + 1;
    for (const [field, value] of [["interviewDate", `${nextYear}-03-21`], ["interviewDate", "۱۴۹۰/۰۱/۰۱"], ["periodCovered", `summer ${nextYear}`]] as const)
      await expect(createStatement({ actor: researcher, input: { ...input(w.code), [field]: value } }), value).rejects.toMatchObject({ fields: { [field]: ["date_in_future"] } });
    const translation = { language: "fa", translator: "Fictional translator", date: `${nextYear}`, text: "متن ساختگی." };
    await expect(createStatement({ actor: researcher, input: { ...input(w.code), translations: [translation] } })).rejects.toMatchObject({ fields: { "translations.0.date": ["date_in_future"] } });
    expect(await counts()).toEqual(before);
    // Today, this year and the past are fine.
    const today = new Date().toISOString().slice(0, 10);
    const s = await createStatement({ actor: researcher, input: { ...input(w.code), interviewDate: today, periodCovered: `${new Date().getUTCFullYear()}` } });
    expect(s.id).toBeTruthy();
  });

  test("an id, where both are given, decides; the API's witnessId is unchanged", async () => {
    const [a, b] = [await createWitness({ actor: researcher, input: {} }), await createWitness({ actor: researcher, input: {} })];
    const s = await createStatement({ actor: researcher, input: { ...input(a.code), witnessId: b.id } });
    expect(s.witnessId).toBe(b.id);
    await expect(createStatement({ actor: researcher, input: { ...input(""), witnessId: "nope" } })).rejects.toMatchObject({ fields: { witnessId: ["not_found"] } });
  });

  test("a reviewer or a legal team may not create by code either, whatever the code", async () => {
    const legal = await makeActor("LEGAL");
    const w = await createWitness({ actor: researcher, input: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-10", method: "WRITTEN" }] } });
    for (const actor of [reviewer, legal]) {
      for (const code of [w.code, "W-9999"]) await expect(createStatement({ actor, input: input(code) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
