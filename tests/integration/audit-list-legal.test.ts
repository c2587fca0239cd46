import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-events";
import type { Actor } from "@/lib/auth/actor";
import { createStatement } from "@/lib/statements/statements";
import { createWitness, withdrawConsent } from "@/lib/witnesses/witnesses";
import { read, write } from "@/lib/db/write";
import { createLink } from "@/lib/links";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// The audit log as a legal team reads it: a statement or witness it may not see (no consent to
// sharing with legal teams, or one withdrawn) is not named there either; its events stay, as the
// chain holds them, without the record's id. Other readers see every id.

let db: TestDatabase;
let researcher: Actor;
let legal: Actor;
let reviewer: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await freshDatabase();
  researcher = await makeActor("RESEARCHER");
  legal = await makeActor("LEGAL");
  reviewer = await makeActor("REVIEWER");
  const grant = (scope: string) => ({ scope, givenAt: "2024-01-10", method: "WRITTEN" });
  const shared = await createWitness({ actor: researcher, input: { fictional: true, consents: [grant("LEGAL_SHARING")] } });
  const research = await createWitness({ actor: researcher, input: { fictional: true, consents: [grant("INTERNAL_RESEARCH")] } });
  const withdrawn = await createWitness({ actor: researcher, input: { fictional: true, consents: [grant("LEGAL_SHARING")] } });
  for (const [key, w] of [["shared", shared], ["research", research], ["withdrawn", withdrawn]] as const) {
    ids[`${key}Witness`] = w.id;
    ids[`${key}Statement`] = (await createStatement({ actor: researcher, input: { witnessId: w.id, title: `Fictional sample (${key})`, language: "en", originalText: "Fictional text." } })).id;
  }
  // A link from each statement to an official: its events name the statement.
  const personId = await write(async (tx) => (await tx.person.create({ data: { name: "Fictional official (audit test)" } })).id);
  for (const key of ["shared", "research", "withdrawn"]) {
    const statementId = ids[`${key}Statement`]!;
    ids[`${key}Link`] = (await createLink({ actor: researcher, input: { statementId, revisionNumber: 1, startOffset: 0, endOffset: 9, quote: "Fictional", personId, role: "SAT_ON_COMMISSION", allegationType: "KILLING" } })).id;
  }
  const consent = await read((d) => d.consent.findFirstOrThrow({ where: { witnessId: withdrawn.id } }));
  await withdrawConsent({ actor: researcher, consentId: consent.id, input: {} });
});
afterAll(async () => db?.drop());

const named = (items: { recordType: string; recordId: string; withheld: boolean }[]) => new Set(items.filter((e) => !e.withheld).map((e) => e.recordId));

describe("the audit log for a legal team", () => {
  test("names the records a legal team may see and withholds the others' ids, keeping their events", async () => {
    const all = await listAuditEvents({ actor: reviewer, query: { pageSize: 500 } });
    const forLegal = await listAuditEvents({ actor: legal, query: { pageSize: 500 } });
    expect(forLegal.items.map((e) => e.seq)).toEqual(all.items.map((e) => e.seq));
    const shown = named(forLegal.items);
    for (const k of ["sharedWitness", "sharedStatement"]) expect(shown.has(ids[k]!), k).toBe(true);
    const hidden = forLegal.items.filter((e) => e.withheld);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((e) => e.recordId === "" && e.before === null && e.after === null)).toBe(true);
    expect(shown.has(ids.sharedLink!)).toBe(true);
    for (const k of ["researchWitness", "researchStatement", "researchLink", "withdrawnWitness", "withdrawnStatement", "withdrawnLink"]) {
      expect(shown.has(ids[k]!), k).toBe(false);
      expect(JSON.stringify(hidden)).not.toContain(ids[k]!);
    }
    // The reviewer reads every id.
    expect(all.items.some((e) => e.withheld)).toBe(false);
    for (const k of Object.keys(ids)) expect(named(all.items).has(ids[k]!), k).toBe(true);
  });

  test("a record's own events, asked for by its id, are none for a legal team that may not see it", async () => {
    for (const [type, k] of [["Witness", "researchWitness"], ["Statement", "withdrawnStatement"]] as const) {
      expect(await listAuditEvents({ actor: legal, query: { recordType: type, recordId: ids[k] } }), k).toMatchObject({ items: [], total: 0 });
      expect((await listAuditEvents({ actor: reviewer, query: { recordType: type, recordId: ids[k] } })).total, k).toBeGreaterThan(0);
    }
    expect((await listAuditEvents({ actor: legal, query: { recordType: "Statement", recordId: ids.sharedStatement } })).total).toBeGreaterThan(0);
  });
});
