import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { ROLES, type Role } from "@/lib/auth/roles";
import { read, write } from "@/lib/db/write";
import { CHECKLIST, DECISIONS } from "@/lib/review/schemas";
import { assignReviewer, decideReview, submitStatement, takeForReview } from "@/lib/review/workflow";
import { STATEMENT_STATUSES } from "@/lib/statements/schemas";
import { createStatement, updateStatement } from "@/lib/statements/statements";
import { createWitness } from "@/lib/witnesses/witnesses";
import { makeActor } from "@/tests/support/actors";
import { freshDatabase, type TestDatabase } from "@/tests/support/database";

// Every state × every action × every role, against the real operations, expecting exactly the
// transitions the workflow allows. The expectations are written out here, apart from the code.
type Status = (typeof STATEMENT_STATUSES)[number];
type ActionName = "submit" | "take" | "assign" | `decide:${(typeof DECISIONS)[number]}` | "edit";

const EXPECTED: Record<ActionName, { roles: Role[]; from: Status[]; to: (from: Status) => Status }> = {
  submit: { roles: ["RESEARCHER", "ADMIN"], from: ["DRAFT", "CHANGES_REQUESTED", "DISPUTED"], to: () => "SUBMITTED" },
  take: { roles: ["REVIEWER", "ADMIN"], from: ["SUBMITTED"], to: () => "IN_REVIEW" },
  assign: { roles: ["ADMIN"], from: ["SUBMITTED", "IN_REVIEW", "DISPUTED"], to: () => "IN_REVIEW" },
  "decide:VERIFIED": { roles: ["REVIEWER", "ADMIN"], from: ["IN_REVIEW"], to: () => "VERIFIED" },
  "decide:CHANGES_REQUESTED": { roles: ["REVIEWER", "ADMIN"], from: ["IN_REVIEW"], to: () => "CHANGES_REQUESTED" },
  "decide:DISPUTED": { roles: ["REVIEWER", "ADMIN"], from: ["IN_REVIEW"], to: () => "DISPUTED" },
  "decide:REJECTED": { roles: ["REVIEWER", "ADMIN"], from: ["IN_REVIEW"], to: () => "REJECTED" },
  edit: {
    roles: ["RESEARCHER", "ADMIN"],
    from: ["DRAFT", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "DISPUTED", "VERIFIED"],
    to: (from) => (from === "VERIFIED" ? "SUBMITTED" : from === "CHANGES_REQUESTED" ? "DRAFT" : from),
  },
};

let db: TestDatabase;
let author: Actor;
let actors: Record<Role, Actor>;
let otherReviewer: Actor;
let witnessId: string;

beforeAll(async () => {
  db = await freshDatabase();
  author = await makeActor("RESEARCHER");
  otherReviewer = await makeActor("REVIEWER");
  actors = { ADMIN: await makeActor("ADMIN"), RESEARCHER: author, REVIEWER: await makeActor("REVIEWER"), LEGAL: await makeActor("LEGAL") };
  witnessId = (await createWitness({ actor: author, input: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-01", method: "WRITTEN" }] } })).id;
});
afterAll(async () => db?.drop());

async function statementIn(status: Status, assignee: Actor | null) {
  const s = await createStatement({ actor: author, input: { witnessId, title: "table", language: "en", originalText: "The words of the witness." } });
  await write((tx) => tx.statement.update({ where: { id: s.id }, data: { status, assigneeId: assignee?.id ?? null, submittedAt: new Date() } }));
  return s.id;
}

function run(action: ActionName, actor: Actor, statementId: string) {
  if (action === "submit") return submitStatement({ actor, statementId });
  if (action === "take") return takeForReview({ actor, statementId });
  if (action === "assign") return assignReviewer({ actor, statementId, input: { reviewerId: otherReviewer.id } });
  if (action === "edit") return updateStatement({ actor, statementId, input: { title: "table", language: "en", originalText: "Edited words.", reason: "r", baseRevision: 1 } });
  const decision = action.slice("decide:".length);
  return decideReview({
    actor,
    statementId,
    input: {
      revisionNumber: 1,
      decision,
      checklist: Object.fromEntries(CHECKLIST.map((k) => [k, true])),
      sourceReliability: "B",
      credibility: 2,
      comments: decision === "VERIFIED" ? [] : [{ text: "why" }],
    },
  });
}

describe("the review workflow, exhaustively", () => {
  test("every state × action × role does exactly what the table allows, and a refusal changes nothing", async () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const [action, rule] of Object.entries(EXPECTED) as [ActionName, (typeof EXPECTED)[ActionName]][]) {
      for (const from of STATEMENT_STATUSES) {
        for (const role of ROLES) {
          const actor = actors[role];
          // A decision is the assigned reviewer's: the statement in review is assigned to the actor.
          const id = await statementIn(from, from === "IN_REVIEW" ? actor : null);
          const allowed = rule.roles.includes(role) && rule.from.includes(from);
          const before = await read((d) => d.statement.findUniqueOrThrow({ where: { id } }));
          let ok = true;
          let code = "";
          try {
            await run(action, actor, id);
          } catch (e) {
            ok = false;
            code = (e as { code?: string }).code ?? String(e);
          }
          const after = await read((d) => d.statement.findUniqueOrThrow({ where: { id } }));
          cases++;
          const label = `${action} from ${from} as ${role}`;
          if (ok !== allowed) mismatches.push(`${label}: expected ${allowed ? "allowed" : "refused"}, got ${ok ? "allowed" : code}`);
          else if (ok && after.status !== rule.to(from)) mismatches.push(`${label}: expected ${rule.to(from)}, got ${after.status}`);
          else if (!ok && (after.status !== before.status || after.revisionNumber !== before.revisionNumber)) mismatches.push(`${label}: refused but changed the statement`);
          else if (!ok && !["FORBIDDEN", "INVALID_STATE", "NOT_FOUND"].includes(code)) mismatches.push(`${label}: refused with ${code}`);
        }
      }
    }
    expect(cases).toBe(Object.keys(EXPECTED).length * STATEMENT_STATUSES.length * ROLES.length);
    expect(mismatches, mismatches.join("\n")).toEqual([]);
  }, 240_000);
});
