import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can, canTransition } from "@/lib/auth/policy";
import { isRole } from "@/lib/auth/roles";
import { Prisma } from "@/generated/sqlite/client";
import { rawAll, type Tx } from "@/lib/db/client";
import { read } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { dateText, rawDate, rawInt } from "@/lib/db/raw-values";
import { editorsOf, getStatement } from "@/lib/statements/statements";
import { activeConsentScopes } from "@/lib/witnesses/witnesses";
import { CHECKLIST, type ChecklistItem } from "./schemas";
import { visibleNoticeSql } from "./workflow";

// Read models for the review screens: what the queue page, the statement's review panel, the
// dashboard and the header need, in one query each. The decisions themselves (who may take,
// assign, decide) stay in lib/review/workflow.ts and the policy; the flags here only decide
// which buttons to show, and the workflow refuses regardless.

/** Each statement's author and revision authors: the people who may not review it (four eyes). */
async function editorsByStatement(db: Tx, statements: { id: string; authorId: string }[]): Promise<Map<string, string[]>> {
  const ids = statements.map((s) => s.id);
  const revs = ids.length ? await db.statementRevision.findMany({ where: { statementId: { in: ids } }, select: { statementId: true, authorId: true }, distinct: ["statementId", "authorId"] }) : [];
  const revisers = new Map<string, string[]>();
  for (const r of revs) revisers.set(r.statementId, [...(revisers.get(r.statementId) ?? []), r.authorId]);
  return new Map(statements.map((s) => [s.id, editorsOf(s.authorId, revisers.get(s.id) ?? [])]));
}

type Person = { id: string; name: string };

async function reviewerCandidates(db: Tx): Promise<(Person & { role: string; email: string })[]> {
  const users = await db.user.findMany({ where: { disabled: false, role: { in: ["REVIEWER", "ADMIN"] } }, select: { id: true, name: true, email: true, role: true }, orderBy: { name: "asc" } });
  return users;
}

function eligible(candidates: (Person & { role: string; email: string })[], editorIds: string[]): Person[] {
  return candidates
    .filter((u) => isRole(u.role) && can({ id: u.id, name: u.name, email: u.email, role: u.role }, "review.decide", { editorIds }))
    .map(({ id, name }) => ({ id, name }));
}

/**
 * For the queue page: per statement, whether the actor may take it, and (admins) the reviewers
 * who could be assigned, with names for the assignees already set.
 */
export async function queueExtras({ actor, statements }: { actor: Actor | null; statements: { id: string; authorId: string; assigneeId: string | null }[] }) {
  authorize(actor, "statement.read");
  return read(async (db) => {
    const editors = await editorsByStatement(db, statements);
    const candidates = await reviewerCandidates(db);
    const assigneeIds = [...new Set(statements.map((s) => s.assigneeId).filter((x): x is string => !!x))];
    const assignees = assigneeIds.length ? await db.user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true } }) : [];
    const names = new Map(assignees.map((u) => [u.id, u.name]));
    const mayAssign = can(actor, "review.assign");
    return new Map(
      statements.map((s) => {
        const ed = editors.get(s.id) ?? [s.authorId];
        return [
          s.id,
          {
            mayTake: can(actor, "review.take", { editorIds: ed }),
            assigneeName: s.assigneeId ? (names.get(s.assigneeId) ?? null) : null,
            // Admins see the eligible reviewers; the workflow refuses any other with a field error.
            eligibleReviewers: mayAssign ? eligible(candidates, ed) : [],
          },
        ];
      }),
    );
  });
}

/** Everyone the queue's author filter can offer: the authors of statements waiting or in review. */
export async function queueAuthors({ actor }: { actor: Actor | null }): Promise<Person[]> {
  authorize(actor, "statement.read");
  return read(async (db) => {
    // Asked of the users (one EXISTS each), not of the statements: Prisma's `distinct` read every
    // waiting statement's author and dropped the repeats itself (50,000 rows in the benchmark's
    // archive, a third of a second for a list of a few names).
    const authors = await db.user.findMany({ where: { statements: { some: { status: { in: ["SUBMITTED", "IN_REVIEW"] } } } }, select: { id: true, name: true } });
    return authors.sort((a, b) => a.name.localeCompare(b.name));
  });
}

type ReviewRow = {
  id: string;
  revisionNumber: unknown;
  reviewerId: string;
  decision: string;
  checklist: string;
  sourceReliability: string | null;
  credibility: unknown;
  comments: string;
  createdAt: unknown;
  reviewerName: string | null;
};

export type ReviewView = {
  id: string;
  revisionNumber: number;
  decision: string;
  grade: string | null; // null: the decision was not graded (only a verification must be)
  sourceReliability: string | null;
  credibility: number | null;
  checklist: Record<ChecklistItem, boolean>;
  comments: { text: string; startOffset?: number; endOffset?: number; quote?: string }[];
  reviewer: Person;
  createdAt: string;
};

function parseJson<T>(s: string, fallback: T): T {
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

/** Everything the review section of a statement page shows, and which of its buttons apply to the actor. */
export async function getReviewPanel({ actor, statementId }: { actor: Actor | null; statementId: string }) {
  authorize(actor, "statement.read");
  // Through getStatement, so a legal team never learns about a statement its consent rules hide.
  // Its row (read once per page render) has the workflow's columns and the editors too.
  const s = await getStatement({ actor, statementId });
  const editorIds = s.editorIds;
  return read(async (db) => {
    // The reviews with their reviewers' names in one SQL query (rawAll), and the assignee's name
    // only when no review of theirs named them already.
    const rows = (
      await rawAll<ReviewRow>(Prisma.sql`
        SELECT r."id", r."revisionNumber", r."reviewerId", r."decision", r."checklist", r."sourceReliability", r."credibility", r."comments",
          ${dateText(Prisma.sql`r."createdAt"`)} AS "createdAt", u."name" AS "reviewerName"
        FROM "Review" r LEFT JOIN "User" u ON u."id" = r."reviewerId"
        WHERE r."statementId" = ${statementId}
        ORDER BY r."revisionNumber" DESC, r."createdAt" DESC`)
    ).map((r) => ({ ...r, revisionNumber: rawInt(r.revisionNumber), credibility: r.credibility === null ? null : rawInt(r.credibility), createdAt: rawDate(r.createdAt) }));
    const names = new Map<string, string>();
    for (const r of rows) if (r.reviewerName !== null) names.set(r.reviewerId, r.reviewerName);
    if (s.assigneeId && !names.has(s.assigneeId)) {
      const u = await db.user.findUnique({ where: { id: s.assigneeId }, select: { name: true } });
      if (u) names.set(s.assigneeId, u.name);
    }
    const reviews: ReviewView[] = rows.map((r) => {
      const checklist = parseJson<Record<string, boolean>>(r.checklist, {});
      return {
        id: r.id,
        revisionNumber: r.revisionNumber,
        decision: r.decision,
        grade: r.sourceReliability && r.credibility ? `${r.sourceReliability}${r.credibility}` : null,
        sourceReliability: r.sourceReliability,
        credibility: r.credibility,
        checklist: Object.fromEntries(CHECKLIST.map((k) => [k, checklist[k] === true])) as Record<ChecklistItem, boolean>,
        comments: parseJson(r.comments, []),
        reviewer: { id: r.reviewerId, name: names.get(r.reviewerId) ?? r.reviewerId },
        createdAt: r.createdAt.toISOString(),
      };
    });
    const resubmittable = s.status === "DRAFT" || s.status === "CHANGES_REQUESTED" || s.status === "DISPUTED";
    const mayAssign = can(actor, "review.assign") && canTransition(s.status, "IN_REVIEW") && s.status !== "DRAFT";
    const mayDecide = s.status === "IN_REVIEW" && s.assigneeId === actor.id && can(actor, "review.decide", { editorIds });
    return {
      status: s.status,
      revisionNumber: s.revisionNumber,
      submittedAt: s.submittedAt?.toISOString() ?? null,
      assignee: s.assigneeId ? { id: s.assigneeId, name: names.get(s.assigneeId) ?? s.assigneeId } : null,
      reviews,
      mayTake: s.status === "SUBMITTED" && can(actor, "review.take", { editorIds }),
      mayDecide,
      /**
       * For the deciding reviewer's form: whether the witness has a consent in force, which a
       * ticked "consent on file" needs (decideReview refuses it otherwise); null for other readers.
       */
      consentInForce: mayDecide ? (await activeConsentScopes(db, s.witnessId)).size > 0 : null,
      maySubmit: resubmittable && canTransition(s.status, "SUBMITTED") && can(actor, "statement.submit", { authorId: s.authorId }),
      /** Reviewers an admin may assign; the workflow checks again and refuses others. */
      eligibleReviewers: mayAssign ? eligible(await reviewerCandidates(db), editorIds) : [],
      /** True when the actor wrote or revised the statement: they never review it. */
      isEditor: editorIds.includes(actor.id),
      /** The current revision's text, for quoting passages, only to the reviewer who decides. */
      text: s.status === "IN_REVIEW" && s.assigneeId === actor.id ? s.originalText : null,
    };
  });
}

/** The header's bell: the actor's own unread notices. */
export async function countUnreadNotifications({ actor }: { actor: Actor | null }): Promise<number> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  // On every page (the header): one plain query from the (userId, readAt) index, not a Prisma count.
  const [row] = await rawAll<{ n: number | bigint }>(Prisma.sql`SELECT COUNT(*) AS n FROM "Notification" WHERE "userId" = ${actor.id} AND "readAt" IS NULL ${visibleNoticeSql(actor)}`);
  return Number(row?.n ?? 0);
}
