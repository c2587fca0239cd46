import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { read } from "@/lib/db/write";
import { search } from "@/lib/search";
import { bulkCreateStatements, newId } from "@/lib/statements/bulk-create";
import { createStatement, getStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Fictional testimony. The bulk path must leave exactly what createStatement leaves: the
// statement, revision 1 with the same content hash, an audit event in the chain, an index entry.

let db: TestDatabase;
let researcher: Actor;
let reviewer: Actor;
let witnessId: string;

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  reviewer = await makeActor("REVIEWER");
  witnessId = (await createWitness({ actor: researcher, input: { fictional: true } })).id;
});
afterAll(async () => db?.drop());

const input = (i: number, extra: Record<string, unknown> = {}) => ({
  witnessId,
  title: `Bulk sample ${i}`,
  language: i % 2 ? "fa" : "en",
  originalText: i % 2 ? `متن ساختگی شمارهٔ ${i} دربارهٔ زندان قزلحصار بلکوتاه` : `Fictional text number ${i} about the hall bulkquokka`,
  periodCovered: "1988-08",
  ...extra,
});

describe("bulk statement creation", () => {
  test("creates statements, revisions, audit events and index entries that match the single path", async () => {
    const before = (await verifyAuditChain()).events;
    const { ids } = await bulkCreateStatements({ actor: researcher, input: { statements: Array.from({ length: 30 }, (_, i) => input(i)) } });
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);

    const chain = await verifyAuditChain();
    expect(chain.ok).toBe(true);
    expect(chain.events).toBe(before + 30);
    const events = await read((d) => d.auditEvent.findMany({ where: { recordId: { in: ids } }, orderBy: { seq: "asc" } }));
    expect(events.map((e) => e.recordId)).toEqual(ids);
    expect(events.every((e) => e.action === "statement.create" && e.actorId === researcher.id)).toBe(true);

    // The same content through createStatement gives the same revision hash and audit view.
    const single = await createStatement({ actor: researcher, input: input(0) });
    const [revBulk, revSingle] = await read((d) =>
      Promise.all([d.statementRevision.findFirstOrThrow({ where: { statementId: ids[0] } }), d.statementRevision.findFirstOrThrow({ where: { statementId: single.id } })]),
    );
    expect(revBulk.contentHash).toBe(revSingle.contentHash);
    expect(revBulk.details).toBe(revSingle.details);
    const auditSingle = await read((d) => d.auditEvent.findFirstOrThrow({ where: { recordId: single.id } }));
    expect(JSON.parse(events[0]!.after!)).toEqual(JSON.parse(auditSingle.after!));

    const s = await getStatement({ actor: researcher, statementId: ids[3]! });
    expect(s.title).toBe("Bulk sample 3");
    expect(s.status).toBe("DRAFT");
    expect(s.revisionNumber).toBe(1);
    expect(s.revisions).toHaveLength(1);
    expect(s.fictional).toBe(true);
    // Dates are written in the format Prisma reads back.
    expect(s.updatedAt).toBeInstanceOf(Date);
    expect(Math.abs(s.updatedAt.getTime() - new Date(events[0]!.at).getTime())).toBeLessThan(60_000);

    // Searchable at once, in both scripts and with an Arabic-keyboard spelling.
    const en = await search({ actor: researcher, query: { q: "bulkquokka" } });
    expect(en.total).toBe(16); // 15 bulk + the single one
    const fa = await search({ actor: researcher, query: { q: "قزلحصار بلكوتاه" } });
    expect(fa.total).toBe(15);
    expect(fa.items.every((it) => ids.includes(it.id))).toBe(true);
  });

  test("a batch of 250 is written whole, chained in order and searchable", async () => {
    const before = await verifyAuditChain();
    const { ids } = await bulkCreateStatements({
      actor: researcher,
      input: { statements: Array.from({ length: 250 }, (_, i) => input(1000 + i, { originalText: `Fictional text ${i} partquokka` })) },
    });
    expect(ids).toHaveLength(250);
    const chain = await verifyAuditChain();
    expect(chain.ok).toBe(true);
    expect(chain.events).toBe(before.events + 250);
    const events = await read((d) => d.auditEvent.findMany({ where: { recordId: { in: ids } }, orderBy: { seq: "asc" }, select: { recordId: true } }));
    expect(events.map((e) => e.recordId)).toEqual(ids);
    expect(await read((d) => d.statementRevision.count({ where: { statementId: { in: ids } } }))).toBe(250);
    expect(await read((d) => d.searchDoc.count({ where: { recordId: { in: ids } } }))).toBe(250);
    expect((await search({ actor: researcher, query: { q: "partquokka" } })).total).toBe(250);
  });

  test("one invalid statement refuses the batch and writes nothing", async () => {
    const count = await read((d) => d.statement.count());
    const events = (await verifyAuditChain()).events;
    await expect(bulkCreateStatements({ actor: researcher, input: { statements: [input(100), input(101, { title: "" })] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { "statements.1.title": expect.any(Array) },
    });
    await expect(bulkCreateStatements({ actor: researcher, input: { statements: [input(102), input(103, { witnessId: "no-such-witness" })] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await read((d) => d.statement.count())).toBe(count);
    expect((await verifyAuditChain()).events).toBe(events);
  });

  test("needs statement.create, and a non-empty batch", async () => {
    await expect(bulkCreateStatements({ actor: reviewer, input: { statements: [input(200)] } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bulkCreateStatements({ actor: null, input: { statements: [input(201)] } })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(bulkCreateStatements({ actor: researcher, input: { statements: [] } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  test("ids are distinct even when made in the same millisecond", () => {
    const many = Array.from({ length: 5000 }, newId);
    expect(new Set(many).size).toBe(5000);
  });
});
