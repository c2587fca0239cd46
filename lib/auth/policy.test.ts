import { describe, expect, test } from "vitest";
import type { Actor } from "./actor";
import { ACTIONS, assertTransition, authorize, can, canTransition, type Action } from "./policy";
import { ROLES, type Role } from "./roles";

const actor = (role: Role, id = `${role}-1`): Actor => ({ id, email: `${id}@x`, name: id, role });

// The expected answer for every role and every action, written out in full so that a
// change to the policy has to change this table too. "own" = allowed on their own records only;
// "consent" = allowed only while the witness's consent covers legal sharing;
// "not-own" = allowed only on statements they neither wrote nor revised (four eyes).
type Cell = "yes" | "no" | "own" | "consent" | "not-own";
const MATRIX: Record<Action, Record<Role, Cell>> = {
  "statement.read": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "statement.create": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "no", LEGAL: "no" },
  "statement.edit": { ADMIN: "yes", RESEARCHER: "own", REVIEWER: "no", LEGAL: "no" },
  "statement.submit": { ADMIN: "yes", RESEARCHER: "own", REVIEWER: "no", LEGAL: "no" },
  "review.take": { ADMIN: "not-own", RESEARCHER: "no", REVIEWER: "not-own", LEGAL: "no" },
  "review.assign": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "no", LEGAL: "no" },
  "review.decide": { ADMIN: "not-own", RESEARCHER: "no", REVIEWER: "not-own", LEGAL: "no" },
  "witness.read": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "witness.create": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "no", LEGAL: "no" },
  "witness.edit": { ADMIN: "yes", RESEARCHER: "own", REVIEWER: "no", LEGAL: "no" },
  "witness.reveal": { ADMIN: "yes", RESEARCHER: "own", REVIEWER: "no", LEGAL: "consent" },
  "registry.read": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "registry.edit": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "no", LEGAL: "yes" },
  "source.edit": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "no", LEGAL: "yes" },
  "source.grade": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "yes", LEGAL: "no" },
  "link.create": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "no", LEGAL: "no" },
  "link.edit": { ADMIN: "yes", RESEARCHER: "own", REVIEWER: "no", LEGAL: "no" },
  "exhibit.read": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "exhibit.create": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "no", LEGAL: "no" },
  "exhibit.custody": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "no", LEGAL: "yes" },
  "exhibit.verify": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "audit.verify": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "audit.read": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "yes", LEGAL: "yes" },
  "audit.export": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "yes", LEGAL: "no" },
  "user.manage": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "no", LEGAL: "no" },
  "token.manage": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "dossier.read": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "dossier.edit": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "no", LEGAL: "yes" },
  "dossier.export": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "no", LEGAL: "yes" },
  "import.run": { ADMIN: "yes", RESEARCHER: "own", REVIEWER: "no", LEGAL: "no" },
  "data.export": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "no", LEGAL: "no" },
  "list.export": { ADMIN: "yes", RESEARCHER: "yes", REVIEWER: "yes", LEGAL: "yes" },
  "backup.manage": { ADMIN: "yes", RESEARCHER: "no", REVIEWER: "no", LEGAL: "no" },
};

describe("the policy", () => {
  test("the matrix names every action that exists", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const cell = MATRIX[action][role];
      const note =
        cell === "own" ? " (own records only)" : cell === "consent" ? " (with legal-sharing consent only)" : cell === "not-own" ? " (never on their own work)" : "";
      test(`${role} ${cell === "no" ? "may not" : "may"} ${action}${note}`, () => {
        const a = actor(role);
        const own = { authorId: a.id, ownerId: a.id, creatorId: a.id, editorIds: [a.id] };
        const others = { authorId: "someone-else", ownerId: "someone-else", creatorId: "someone-else", editorIds: ["someone-else"] };
        const consented = { ...others, consentScopes: ["INTERNAL_RESEARCH", "LEGAL_SHARING"] };
        const researchOnly = { ...others, consentScopes: ["INTERNAL_RESEARCH"] };
        expect(can(a, action, own), "own record").toBe(cell === "yes" || cell === "own");
        expect(can(a, action, others), "someone else's").toBe(cell === "yes" || cell === "not-own");
        expect(can(a, action, consented), "with legal consent").toBe(cell === "yes" || cell === "consent" || cell === "not-own");
        expect(can(a, action, researchOnly), "research consent only").toBe(cell === "yes" || cell === "not-own");
      });
    }
  }

  test("nobody signed in may do anything", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  test("authorize throws UNAUTHENTICATED without an actor and FORBIDDEN for a refused role", () => {
    expect(() => authorize(null, "statement.read")).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => authorize(actor("LEGAL"), "user.manage")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => authorize(actor("ADMIN"), "user.manage")).not.toThrow();
  });

  test("a researcher edits the links they made, and any link on a statement they wrote", () => {
    const a = actor("RESEARCHER");
    expect(can(a, "link.edit", { creatorId: a.id, authorId: "someone-else" })).toBe(true);
    expect(can(a, "link.edit", { creatorId: "someone-else", authorId: a.id })).toBe(true);
    expect(can(a, "link.edit", { creatorId: "someone-else", authorId: "someone-else" })).toBe(false);
    expect(can(a, "link.edit")).toBe(false);
  });

  test("a researcher starts an import of their own, and reads or runs again only the imports they uploaded", () => {
    const a = actor("RESEARCHER");
    expect(can(a, "import.run")).toBe(true);
    expect(can(a, "import.run", { creatorId: a.id })).toBe(true);
    expect(can(a, "import.run", { creatorId: "someone-else" })).toBe(false);
  });

  test("only the workflow's transitions exist", () => {
    expect(canTransition("DRAFT", "SUBMITTED")).toBe(true);
    expect(canTransition("DRAFT", "VERIFIED")).toBe(false);
    expect(canTransition("SUBMITTED", "VERIFIED")).toBe(false);
    expect(canTransition("IN_REVIEW", "VERIFIED")).toBe(true);
    expect(canTransition("VERIFIED", "SUBMITTED")).toBe(true);
    expect(canTransition("SUBMITTED", "SUBMITTED")).toBe(false);
    expect(canTransition("VERIFIED", "DRAFT")).toBe(false);
    expect(canTransition("REJECTED", "DRAFT")).toBe(false);
    expect(() => assertTransition("DRAFT", "VERIFIED")).toThrow(expect.objectContaining({ code: "INVALID_STATE" }));
  });

  test("a reviewer without knowing the statement's editors is refused (four eyes fails closed)", () => {
    expect(can(actor("REVIEWER"), "review.decide")).toBe(false);
  });

  test("editing without knowing the author is refused for a researcher", () => {
    expect(can(actor("RESEARCHER"), "statement.edit")).toBe(false);
  });
});
