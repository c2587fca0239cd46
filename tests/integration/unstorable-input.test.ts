import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listExhibitsFor } from "@/lib/exhibits";
import { listTemplates } from "@/lib/import";
import { listLinksForPerson } from "@/lib/links";
import { getPerson } from "@/lib/persons";
import { getProceeding } from "@/lib/proceedings";
import { toAppError } from "@/lib/http";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// An id or filter read from an address can hold a NUL character (%00). PostgreSQL refuses such a
// value outright; whatever the database, the read must end in a refusal every entry point knows
// (an AppError: a 400 or 404), or in an answer — never in an unexpected error (a 500).

let db: TestDatabase;
let admin: Actor;
beforeAll(async () => {
  db = await freshDatabase();
  admin = await makeActor("ADMIN");
});
afterAll(async () => db?.drop());

const NUL_ID = "cm\u0000x";
const reads: [string, () => Promise<unknown>][] = [
  ["a person by id", () => getPerson({ actor: admin, personId: NUL_ID })],
  ["a proceeding by id", () => getProceeding({ actor: admin, proceedingId: NUL_ID })],
  ["the links of a person", () => listLinksForPerson({ actor: admin, personId: NUL_ID })],
  ["exhibits by statement", () => listExhibitsFor({ actor: admin, query: { statementId: NUL_ID } })],
  ["import templates by kind", () => listTemplates({ actor: admin, kind: "PERSONS\u0000" })],
];

describe("a NUL character in an id or filter", () => {
  test.each(reads)("%s: answered, or refused with a known error", async (_label, readIt) => {
    const outcome = await readIt().then(
      () => "answered",
      (e: unknown) => toAppError(e)?.code ?? `unexpected: ${e instanceof Error ? e.message : String(e)}`,
    );
    expect(["answered", "NOT_FOUND", "INVALID_INPUT"]).toContain(outcome);
  });
});
