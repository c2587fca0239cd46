import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-events";
import { writeAuditMany } from "@/lib/audit/write-audit-many";
import type { Actor } from "@/lib/auth/actor";
import { read, write } from "@/lib/db/write";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The audit log's pages, checked against the whole log read in one query: every page of every
// size, the old pager's `before` addresses, a page past the last, and a record type's own log.

let db: TestDatabase;
let admin: Actor;
let all: { seq: number; recordType: string }[];
beforeAll(async () => {
  db = await freshDatabase();
  admin = await makeActor("ADMIN");
  // Three appends, so that the log also holds the users' own events written in between.
  for (let batch = 0; batch < 3; batch++) {
    const inputs = Array.from({ length: 80 + batch }, (_, i) => ({
      actor: "system" as const,
      action: "test.event",
      recordType: i % 3 === 0 ? "Witness" : "Statement",
      recordId: `r${batch}-${i}`,
      after: { i },
    }));
    await write((tx) => writeAuditMany(tx, inputs));
  }
  all = await read((d) => d.auditEvent.findMany({ orderBy: { seq: "desc" }, select: { seq: true, recordType: true } }));
});
afterAll(async () => db?.drop());

const seqs = (items: { seq: number }[]) => items.map((e) => e.seq);

describe("listAuditEvents pages the whole log", () => {
  test("every page of every size is the log's slice, newest first, with its total", async () => {
    expect(all.length).toBeGreaterThan(240);
    for (const pageSize of [1, 7, 100, all.length, 500]) {
      const pages = Math.ceil(all.length / pageSize);
      for (let page = 1; page <= pages; page++) {
        const r = await listAuditEvents({ actor: admin, query: { page, pageSize } });
        expect({ total: r.total, page: r.page, pages: r.pages }).toEqual({ total: all.length, page, pages });
        expect(seqs(r.items)).toEqual(seqs(all.slice((page - 1) * pageSize, page * pageSize)));
      }
    }
  });

  test("a page past the last gives the last", async () => {
    const r = await listAuditEvents({ actor: admin, query: { page: 999, pageSize: 50 } });
    const last = Math.ceil(all.length / 50);
    expect(r.page).toBe(last);
    expect(seqs(r.items)).toEqual(seqs(all.slice((last - 1) * 50)));
  });

  test("`before` gives the page that holds the next older event", async () => {
    const newest = all[0]!.seq;
    for (let before = 1; before <= newest + 2; before++) {
      const r = await listAuditEvents({ actor: admin, query: { before, pageSize: 50 } });
      const olderIndex = all.findIndex((e) => e.seq < before);
      const expected = olderIndex < 0 ? Math.ceil(all.length / 50) : Math.floor(olderIndex / 50) + 1;
      expect({ before, page: r.page }).toEqual({ before, page: expected });
      if (olderIndex >= 0) expect(seqs(r.items)).toContain(all[olderIndex]!.seq);
    }
  });

  test("a record type's log is counted and paged on its own", async () => {
    const witness = all.filter((e) => e.recordType === "Witness");
    for (let page = 1; page <= Math.ceil(witness.length / 20); page++) {
      const r = await listAuditEvents({ actor: admin, query: { recordType: "Witness", page, pageSize: 20 } });
      expect(r.total).toBe(witness.length);
      expect(seqs(r.items)).toEqual(seqs(witness.slice((page - 1) * 20, page * 20)));
    }
  });

  test("an empty log has one empty page", async () => {
    const empty = await freshDatabase();
    try {
      const r = await listAuditEvents({ actor: admin, query: { page: 3 } });
      expect({ total: r.total, page: r.page, pages: r.pages, items: r.items }).toEqual({ total: 0, page: 1, pages: 1, items: [] });
    } finally {
      await empty.drop();
    }
  });
});
