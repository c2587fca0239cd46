import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import type { Role } from "./roles";

// Who may do what, in one place. Every lib operation asks `authorize` before it reads or
// writes; pages, server actions, API routes and the CLI all reach data only through lib,
// so this table is the guard for all of them. tests: lib/auth/policy.test.ts covers every
// role against every action.

export const ACTIONS = [
  "statement.read",
  "statement.create",
  "statement.edit",
  "statement.submit",
  "review.take",
  "review.assign",
  "review.decide",
  "witness.read",
  "witness.create",
  "witness.edit",
  "witness.reveal",
  "registry.read",
  "registry.edit",
  "source.edit",
  "source.grade",
  "link.create",
  "link.edit",
  "exhibit.read",
  "exhibit.create",
  "exhibit.custody",
  "exhibit.verify",
  "audit.verify",
  "audit.read",
  "audit.export",
  "user.manage",
  "token.manage",
  "dossier.read",
  "dossier.edit",
  "dossier.export",
  "import.run",
  "data.export",
  "list.export",
  "backup.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

/** Resource facts some rules depend on. */
export type Resource = {
  authorId?: string; // a statement's author
  ownerId?: string; // the researcher who recorded a witness
  consentScopes?: readonly string[]; // a witness's consent in force
  creatorId?: string; // who made a link (lib/links) or uploaded an import (lib/import)
  editorIds?: readonly string[]; // a statement's author and the authors of all its revisions
};

function notAnEditor(a: Actor, r: Resource | undefined): boolean {
  return r?.editorIds !== undefined && !r.editorIds.includes(a.id);
}

// The review workflow's states and the only transitions that exist between them. Every
// operation that changes a statement's status checks here (lib/review, lib/statements).
export const TRANSITIONS: Record<string, readonly string[]> = {
  DRAFT: ["SUBMITTED"], // submit
  SUBMITTED: ["IN_REVIEW"], // take, assign
  IN_REVIEW: ["VERIFIED", "CHANGES_REQUESTED", "DISPUTED", "REJECTED", "IN_REVIEW"], // decide; reassign
  CHANGES_REQUESTED: ["DRAFT", "SUBMITTED"], // the author edits, or resubmits as it is
  DISPUTED: ["SUBMITTED", "IN_REVIEW"], // resubmit after edits; an admin assigns a second review
  VERIFIED: ["SUBMITTED"], // an edit: the new revision goes back to review
  REJECTED: [],
};

export function canTransition(from: string, to: string): boolean {
  return TRANSITIONS[from]?.includes(to) ?? false;
}

/** Throws INVALID_STATE for a transition that does not exist. */
export function assertTransition(from: string, to: string): void {
  if (!canTransition(from, to)) throw new AppError("INVALID_STATE", `A statement cannot go from ${from} to ${to}.`);
}

type Rule = boolean | ((actor: Actor, resource: Resource | undefined) => boolean);

const ALL: Record<Role, Rule> = { ADMIN: true, RESEARCHER: true, REVIEWER: true, LEGAL: true };

const RULES: Record<Action, Record<Role, Rule>> = {
  "statement.read": ALL,
  "statement.create": { ADMIN: true, RESEARCHER: true, REVIEWER: false, LEGAL: false },
  // A researcher edits the statements they wrote; review work comes with its own actions.
  "statement.edit": {
    ADMIN: true,
    RESEARCHER: (a, r) => r !== undefined && r.authorId === a.id,
    REVIEWER: false,
    LEGAL: false,
  },
  // Submitting for review: the author (or an admin).
  "statement.submit": {
    ADMIN: true,
    RESEARCHER: (a, r) => r !== undefined && r.authorId === a.id,
    REVIEWER: false,
    LEGAL: false,
  },
  // Four eyes: a reviewer never takes, is assigned or decides a statement they wrote or
  // revised (resource.editorIds lists the author and every revision's author).
  "review.take": { ADMIN: notAnEditor, RESEARCHER: false, REVIEWER: notAnEditor, LEGAL: false },
  "review.assign": { ADMIN: true, RESEARCHER: false, REVIEWER: false, LEGAL: false },
  "review.decide": { ADMIN: notAnEditor, RESEARCHER: false, REVIEWER: notAnEditor, LEGAL: false },
  "witness.read": ALL,
  "witness.create": { ADMIN: true, RESEARCHER: true, REVIEWER: false, LEGAL: false },
  // Identity, consent and protection level: the admin and the researcher who recorded the witness.
  "witness.edit": { ADMIN: true, RESEARCHER: (a, r) => r?.ownerId === a.id, REVIEWER: false, LEGAL: false },
  // Revealing identity is an explicit, audited act with a reason. A legal team may do it only
  // while the witness's consent covers sharing with legal teams and prosecutors.
  "witness.reveal": {
    ADMIN: true,
    RESEARCHER: (a, r) => r?.ownerId === a.id,
    REVIEWER: false,
    LEGAL: (_a, r) => r?.consentScopes?.includes("LEGAL_SHARING") === true,
  },
  "registry.read": ALL,
  // The registries of persons, organisations, places, events and proceedings are shared
  // reference data that researchers and legal teams build as they work (a legal team adds a
  // proceeding, its docket and defendants). Reviewers only read them: a reviewer grades the
  // statements that link to these records, and one who could also rewrite the person or event
  // a statement is checked against would be checking their own work (the four-eyes rule).
  "registry.edit": { ADMIN: true, RESEARCHER: true, REVIEWER: false, LEGAL: true },
  // Sources (reports, books, recordings) and the claims attributed to them are recorded by
  // those who gather and use them. Grading a source's reliability and its information's
  // credibility is a reviewer's judgement (and an admin's), kept apart from entering it so
  // nobody grades the source they recorded as the only check on it.
  "source.edit": { ADMIN: true, RESEARCHER: true, REVIEWER: false, LEGAL: true },
  "source.grade": { ADMIN: true, RESEARCHER: false, REVIEWER: true, LEGAL: false },
  // Linking a passage to an official is analysis, not authorship: a researcher may link any
  // statement they can read, because testimony is often coded by someone other than the
  // interviewer. A link changes no word of the statement, cites an exact passage of a fixed
  // revision, and is audited with its maker. Reviewers and legal teams read links; they don't make them.
  "link.create": { ADMIN: true, RESEARCHER: true, REVIEWER: false, LEGAL: false },
  // Changing or deleting a link: the researcher who made it, or the statement's author (whose
  // edits are what send links to NEEDS_REVIEW, so they must be able to repair them).
  "link.edit": {
    ADMIN: true,
    RESEARCHER: (a, r) => r !== undefined && (r.creatorId === a.id || r.authorId === a.id),
    REVIEWER: false,
    LEGAL: false,
  },
  "exhibit.read": ALL,
  // Reviewers and legal teams examine evidence; they do not add it.
  "exhibit.create": { ADMIN: true, RESEARCHER: true, REVIEWER: false, LEGAL: false },
  // Custody is recorded by whoever handles the evidence: researchers collect and receive it,
  // legal teams copy it and transfer it to prosecutors and courts. Reviewers only look.
  "exhibit.custody": { ADMIN: true, RESEARCHER: true, REVIEWER: false, LEGAL: true },
  // Recomputing a hash changes nothing but adds a VERIFIED entry; anyone who reads may check.
  "exhibit.verify": ALL,
  "audit.verify": ALL,
  "audit.read": { ADMIN: true, RESEARCHER: false, REVIEWER: true, LEGAL: true },
  "audit.export": { ADMIN: true, RESEARCHER: false, REVIEWER: true, LEGAL: false },
  "user.manage": { ADMIN: true, RESEARCHER: false, REVIEWER: false, LEGAL: false },
  "token.manage": ALL, // their own tokens only: the token operations scope by actor id
  // Dossiers are a legal team's work product: legal teams and admins build and export them.
  // Reviewers read them to check what is cited and how it was graded; researchers read them to
  // see which of their statements a legal team relies on. What a package discloses about a
  // witness is decided per witness when it is exported (consent and witness.reveal), not here.
  "dossier.read": ALL,
  "dossier.edit": { ADMIN: true, RESEARCHER: false, REVIEWER: false, LEGAL: true },
  "dossier.export": { ADMIN: true, RESEARCHER: false, REVIEWER: false, LEGAL: true },
  // Bringing testimony in from spreadsheets and other tools is intake work. An import once
  // uploaded (its report, its sheet run again) is its uploader's: a witness sheet is identity.
  "import.run": { ADMIN: true, RESEARCHER: (a, r) => r?.creatorId === undefined || r.creatorId === a.id, REVIEWER: false, LEGAL: false },
  // The full export (everything, with history and files, to move to another installation) is
  // an administrative act; lists as CSV are for anyone who can read them (no identity in them).
  "data.export": { ADMIN: true, RESEARCHER: false, REVIEWER: false, LEGAL: false },
  "list.export": ALL,
  "backup.manage": { ADMIN: true, RESEARCHER: false, REVIEWER: false, LEGAL: false },
};

export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
  if (!actor) return false;
  const rule = RULES[action][actor.role];
  return typeof rule === "function" ? rule(actor, resource) : rule;
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when the policy says no. */
export function authorize(actor: Actor | null | undefined, action: Action, resource?: Resource): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  if (!can(actor, action, resource)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
}
