import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAuditChain } from "@/lib/audit/verify-chain";
import { read } from "@/lib/db/write";
import record from "@/lib/seed/public-record-1988.json";
import { SAMPLE_STATEMENTS } from "@/lib/seed/fictional-samples";
import { DEMO_USERS } from "@/lib/seed/demo-users";
import { seedDemo } from "@/lib/seed/seed-demo";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase();
});
afterAll(async () => db?.drop());

describe("demo data", () => {
  test("an empty database gets the public record, the demo users and the fictional samples, all audited", async () => {
    expect(await seedDemo()).toBe(true);
    const counts = await read(async (d) => ({
      users: await d.user.count(),
      persons: await d.person.count(),
      aliases: await d.personAlias.count(),
      places: await d.place.count(),
      events: await d.event.count(),
      proceedings: await d.proceeding.count(),
      sources: await d.source.count(),
      claims: await d.claim.count(),
      statements: await d.statement.count(),
      fictionalStatements: await d.statement.count({ where: { fictional: true } }),
    }));
    expect(counts).toEqual({
      users: DEMO_USERS.length,
      persons: record.persons.length,
      aliases: record.persons.reduce((n, p) => n + p.aliases.length, 0),
      places: record.places.length,
      events: record.events.length,
      proceedings: record.proceedings.length,
      sources: record.sources.length,
      claims: record.death_toll_estimates.length,
      statements: SAMPLE_STATEMENTS.length,
      fictionalStatements: SAMPLE_STATEMENTS.length,
    });
    const nouri = await read((d) => d.proceeding.findFirst({ where: { title: { contains: "Nouri" } }, include: { defendants: { include: { person: true } }, timeline: true } }));
    expect(nouri?.defendants.map((x) => x.person.key)).toEqual(["nouri"]);
    expect(nouri?.timeline.length).toBeGreaterThanOrEqual(3);
    // The Persian interface shows events by their Persian titles (the timeline, the matrix).
    const events = await read((d) => d.event.findMany({ select: { title: true, titleFa: true } }));
    expect(events.filter((e) => !/[\u0600-\u06FF]/.test(e.titleFa)).map((e) => e.title)).toEqual([]);
    expect(events.find((e) => e.title === "Operation Mersad")?.titleFa).toBe("عملیات مرصاد");
    // And the officials' positions by their Persian titles (the person page, the list, the timeline).
    const positions = await read((d) => d.position.findMany({ select: { title: true, titleFa: true, person: { select: { key: true } } } }));
    expect(positions).toHaveLength(record.persons.reduce((n, p) => n + p.positions.length, 0));
    expect(positions.filter((x) => !/[\u0600-\u06FF]/.test(x.titleFa)).map((x) => x.title)).toEqual([]);
    expect(positions.find((x) => x.person.key === "nouri")?.titleFa).toBe("دستیار دادیار زندان گوهردشت");
    const v = await verifyAuditChain();
    expect(v.ok).toBe(true);
    expect(v.events).toBeGreaterThan(counts.persons + counts.statements);
  });

  test("a database that is not empty is left alone", async () => {
    const before = await read((d) => d.auditEvent.count());
    expect(await seedDemo()).toBe(false);
    expect(await read((d) => d.auditEvent.count())).toBe(before);
  });

  test("every sample statement says it is fictional in its own text", () => {
    for (const s of SAMPLE_STATEMENTS) expect(s.originalText).toMatch(/ساختگی|fictional/);
  });
});
