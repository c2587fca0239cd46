import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertTransition, authorize, can } from "@/lib/auth/policy";
import { isRole } from "@/lib/auth/roles";
import { canonicalJson } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { dbProvider, type Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getStatement } from "@/lib/statements/statements";
import { Prisma } from "@/generated/sqlite/client";
import { inSlices } from "@/lib/db/in-slices";
import { activeConsentScopes, countUnderConsent, mayReadTestimony, testimonySql, testimonyStatementWhere, testimonyWitnessWhere } from "@/lib/witnesses/witnesses";
import { ZAssign, ZDecide, ZNotificationsQuery, ZQueue } from "./schemas";

// The review workflow: DRAFT → SUBMITTED → IN_REVIEW → VERIFIED, or CHANGES_REQUESTED (back to
// the author, then DRAFT), DISPUTED, REJECTED. The transitions themselves are in the policy
// module (TRANSITIONS); who may act is asked there too. Four eyes: nobody reviews a statement
// they wrote or revised.

/** The statement's author and every revision's author: the people who may not review it. */
async function editorsOf(tx: Tx, statementId: string, authorId: string): Promise<string[]> {
  const revs = await tx.statementRevision.findMany({ where: { statementId }, select: { authorId: true }, distinct: ["authorId"] });
  return [...new Set([authorId, ...revs.map((r) => r.authorId)])];
}

/** The statement, if `actor` may read its testimony (lib/witnesses testimonyWitnessWhere): no review work on testimony whose consent was withdrawn. */
async function load(tx: Tx, actor: Actor, statementId: string) {
  const s = await tx.statement.findUnique({ where: { id: statementId } });
  if (!s || !(await mayReadTestimony(tx, actor, s.witnessId))) throw new AppError("NOT_FOUND", "No such statement.");
  return s;
}

async function notify(tx: Tx, userId: string, kind: "ASSIGNED" | "SENT_BACK" | "DECIDED", statementId: string, data: Record<string, unknown>) {
  await tx.notification.create({ data: { userId, kind, statementId, data: canonicalJson(data) } });
}

const SUBMITTABLE = ["DRAFT", "CHANGES_REQUESTED", "DISPUTED"];

/** The author (or an admin) submits a draft, or resubmits after changes were requested or the statement was disputed. */
export async function submitStatement({ actor, statementId }: { actor: Actor | null; statementId: string }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return write(async (tx) => {
    const s = await load(tx, actor, statementId);
    authorize(actor, "statement.submit", { authorId: s.authorId });
    // VERIFIED → SUBMITTED exists only through an edit (a new revision); submitting an unchanged
    // verified statement would just throw its verification away.
    if (!SUBMITTABLE.includes(s.status)) throw new AppError("INVALID_STATE", `A statement that is ${s.status} cannot be submitted.`);
    assertTransition(s.status, "SUBMITTED");
    const after = await tx.statement.update({ where: { id: s.id }, data: { status: "SUBMITTED", submittedAt: new Date(), assigneeId: null } });
    await writeAudit(tx, { actor, action: "statement.submit", recordType: "Statement", recordId: s.id, before: { status: s.status }, after: { status: "SUBMITTED", revision: s.revisionNumber } });
    return after;
  });
}

/** A reviewer takes a submitted statement from the queue. */
export async function takeForReview({ actor, statementId }: { actor: Actor | null; statementId: string }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  return write(async (tx) => {
    const s = await load(tx, actor, statementId);
    authorize(actor, "review.take", { editorIds: await editorsOf(tx, s.id, s.authorId) });
    if (s.status !== "SUBMITTED") throw new AppError("INVALID_STATE", `Only a submitted statement can be taken for review (this one is ${s.status}).`);
    assertTransition(s.status, "IN_REVIEW");
    const after = await tx.statement.update({ where: { id: s.id }, data: { status: "IN_REVIEW", assigneeId: actor.id } });
    await writeAudit(tx, { actor, action: "review.take", recordType: "Statement", recordId: s.id, before: { status: s.status }, after: { status: "IN_REVIEW", assigneeId: actor.id } });
    return after;
  });
}

/** An admin assigns (or reassigns) a reviewer, who is notified. */
export async function assignReviewer({ actor, statementId, input }: { actor: Actor | null; statementId: string; input: unknown }) {
  authorize(actor, "review.assign");
  const { reviewerId } = parseInput(ZAssign, input);
  return write(async (tx) => {
    const s = await load(tx, actor, statementId);
    const reviewer = await tx.user.findUnique({ where: { id: reviewerId } });
    if (!reviewer || reviewer.disabled || !isRole(reviewer.role)) throw new AppError("INVALID_INPUT", "No such reviewer.", { reviewerId: ["not_found"] });
    const reviewerActor = { id: reviewer.id, email: reviewer.email, name: reviewer.name, role: reviewer.role };
    if (!can(reviewerActor, "review.decide", { editorIds: await editorsOf(tx, s.id, s.authorId) }))
      throw new AppError("INVALID_INPUT", "This person wrote or revised the statement, or is not a reviewer.", { reviewerId: ["not_eligible_reviewer"] });
    assertTransition(s.status, "IN_REVIEW");
    const after = await tx.statement.update({ where: { id: s.id }, data: { status: "IN_REVIEW", assigneeId: reviewer.id } });
    await writeAudit(tx, { actor, action: "review.assign", recordType: "Statement", recordId: s.id, before: { status: s.status, assigneeId: s.assigneeId }, after: { status: "IN_REVIEW", assigneeId: reviewer.id } });
    await notify(tx, reviewer.id, "ASSIGNED", s.id, { title: s.title, by: actor.name });
    return after;
  });
}

/**
 * The assigned reviewer decides on the revision they read. A decision on a revision that is no
 * longer current is refused (the statement changed under them). The review is immutable; the
 * author is notified.
 */
export async function decideReview({ actor, statementId, input }: { actor: Actor | null; statementId: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const data = parseInput(ZDecide, input);
  return write(async (tx) => {
    const s = await load(tx, actor, statementId);
    authorize(actor, "review.decide", { editorIds: await editorsOf(tx, s.id, s.authorId) });
    if (s.status !== "IN_REVIEW") throw new AppError("INVALID_STATE", `Only a statement in review can be decided (this one is ${s.status}).`);
    if (s.assigneeId !== actor.id) throw new AppError("FORBIDDEN", "This statement is assigned to another reviewer.");
    if (data.revisionNumber !== s.revisionNumber)
      throw new AppError("CONFLICT", `The statement changed since you read it (now revision ${s.revisionNumber}).`, { revisionNumber: ["stale_revision"] });
    // "Consent on file" is a fact of the witness's record, not the reviewer's say-so: a tick (which
    // a verification always carries, ZDecide) needs a consent that is recorded and not withdrawn.
    if (data.checklist.consentOnFile && (await activeConsentScopes(tx, s.witnessId)).size === 0)
      throw new AppError("INVALID_INPUT", "The witness has no consent in force on file: record it on the witness's page first.", { "checklist.consentOnFile": ["no_consent_in_force"] });
    for (const c of data.comments) {
      if (c.startOffset === undefined && c.endOffset === undefined) continue;
      const rev = await tx.statementRevision.findUniqueOrThrow({ where: { statementId_number: { statementId, number: s.revisionNumber } } });
      if (c.startOffset === undefined || c.endOffset === undefined || c.startOffset >= c.endOffset || c.endOffset > rev.originalText.length || (c.quote !== undefined && rev.originalText.slice(c.startOffset, c.endOffset) !== c.quote))
        throw new AppError("INVALID_INPUT", "A comment points at a passage that is not in this revision.", { comments: ["passage_mismatch"] });
    }
    assertTransition(s.status, data.decision);
    const review = await tx.review.create({
      data: {
        statementId,
        revisionNumber: s.revisionNumber,
        reviewerId: actor.id,
        decision: data.decision,
        checklist: canonicalJson(data.checklist),
        sourceReliability: data.sourceReliability,
        credibility: data.credibility,
        comments: JSON.stringify(data.comments),
      },
    });
    const after = await tx.statement.update({
      where: { id: s.id },
      data: { status: data.decision, assigneeId: data.decision === "CHANGES_REQUESTED" ? null : s.assigneeId },
    });
    await writeAudit(tx, {
      actor,
      action: "review.decide",
      recordType: "Statement",
      recordId: s.id,
      before: { status: s.status },
      after: { status: data.decision, reviewId: review.id, revision: s.revisionNumber, grading: data.sourceReliability && data.credibility ? `${data.sourceReliability}${data.credibility}` : null, checklist: data.checklist },
    });
    await notify(tx, s.authorId, data.decision === "CHANGES_REQUESTED" ? "SENT_BACK" : "DECIDED", s.id, { title: s.title, decision: data.decision, by: actor.name });
    return { statement: after, review };
  });
}

/**
 * What an edit does to the workflow (called by updateStatement inside its transaction):
 * editing a verified statement sends the new revision back to SUBMITTED (the verification
 * stays with the old revision); editing after changes were requested makes it a draft again.
 */
export function statusAfterEdit(status: string): { status: string; resetReview: boolean } {
  if (status === "REJECTED") throw new AppError("INVALID_STATE", "A rejected statement cannot be edited.");
  const next = status === "VERIFIED" ? "SUBMITTED" : status === "CHANGES_REQUESTED" ? "DRAFT" : status;
  if (next !== status) assertTransition(status, next);
  return { status: next, resetReview: next !== status };
}

/**
 * A statement's reviews, newest first. The statement is read first, through getStatement, so the
 * reviews (grading, comments quoting the testimony) follow the statement's own read rule: a legal
 * team gets NOT_FOUND for a statement whose witness's consent does not cover legal sharing, as
 * for the statement itself, and an unknown or deleted statement is NOT_FOUND rather than an empty list.
 */
export async function listReviews({ actor, statementId }: { actor: Actor | null; statementId: string }) {
  await getStatement({ actor, statementId });
  return read((db) => db.review.findMany({ where: { statementId }, orderBy: { createdAt: "desc" } }));
}

/** The reviewers' queue, oldest waiting first, with filters. */
export async function listReviewQueue({ actor, query }: { actor: Actor | null; query: unknown }) {
  authorize(actor, "statement.read");
  if (actor.role !== "REVIEWER" && actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "The review queue is for reviewers.");
  const q = parseInput(ZQueue, query ?? {});
  const status = q.state === "MINE" ? "IN_REVIEW" : q.state ?? { in: ["SUBMITTED", "IN_REVIEW"] };
  const waitingSince = q.minWaitingDays !== undefined ? new Date(Date.now() - q.minWaitingDays * 86_400_000) : undefined;
  const consent = await testimonyStatementWhere(actor);
  const base = {
    status,
    language: q.language,
    authorId: q.authorId,
    assigneeId: q.state === "MINE" ? actor.id : undefined,
    submittedAt: waitingSince ? { lte: waitingSince } : undefined,
  };
  const where = { ...base, ...consent };
  return read(async (db) => {
    const rows = (status: string | { in: string[] }, skip: number, take: number) =>
      db.statement.findMany({ where: { ...where, status }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], skip, take, select: QUEUE_SELECT });
    // Both waiting states (the default): each state's oldest are read from the (status,
    // submittedAt) index in order and the two lists merged, where one query for both states
    // sorted every statement of either state (50,000 of the benchmark's 100,000 statements:
    // over a second for the first page). Past the first pages, one query as before.
    const pageOf = (page: number) => {
      const skip = (page - 1) * q.pageSize;
      if (typeof status === "string" || skip + q.pageSize > MERGED_QUEUE_ROWS) return rows(status, skip, q.pageSize);
      return Promise.all(status.in.map((s) => rows(s, 0, skip + q.pageSize))).then((lists) => lists.flat().sort(queueOrder(dbProvider())).slice(skip, skip + q.pageSize));
    };
    const [items, total] = await Promise.all([pageOf(q.page), countUnderConsent(db, base, consent, (s) =>
        (typeof status === "string" ? s.status === status : status.in.includes(s.status)) &&
        (!q.language || s.language === q.language) &&
        (!q.authorId || s.authorId === q.authorId) &&
        (q.state !== "MINE" || s.assigneeId === actor.id) &&
        (!waitingSince || (s.submittedAt !== null && s.submittedAt <= waitingSince)),
      )]);
    // A page past the last (a bookmarked page of a queue that has since shrunk) shows the last.
    const last = Math.max(1, Math.ceil(total / q.pageSize));
    if (q.page > last) return { items: await pageOf(last), total, page: last, pageSize: q.pageSize };
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}

const QUEUE_SELECT = {
  id: true, title: true, language: true, status: true, submittedAt: true, assigneeId: true, revisionNumber: true, fictional: true, authorId: true,
  author: { select: { name: true } }, witness: { select: { code: true } },
} as const;

/** How deep into the queue (page × page size) the two states are still read apart and merged. */
const MERGED_QUEUE_ROWS = 2_000;

/**
 * The queue's order as the database gives it for one query (submittedAt, then id), for merging:
 * a statement without a submission time (none should wait without one) comes first on SQLite
 * and last on PostgreSQL, as each orders NULL.
 */
function queueOrder(provider: string) {
  const nullsFirst = provider === "sqlite";
  return (a: { submittedAt: Date | null; id: string }, b: { submittedAt: Date | null; id: string }): number => {
    if (a.submittedAt === null || b.submittedAt === null) {
      if (a.submittedAt === b.submittedAt) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return (a.submittedAt === null) === nullsFirst ? -1 : 1;
    }
    return a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

/**
 * `AND` a notice (table "Notification") concerns a statement the actor may read (lib/witnesses
 * testimonySql); nothing for an admin. A notice names its statement's title, and a legal-team
 * member may have notices from an earlier role (a reviewer moved to a legal team), anyone notices
 * about a statement whose consent was withdrawn since.
 */
export function visibleNoticeSql(actor: Actor): Prisma.Sql {
  const consent = testimonySql(actor, Prisma.sql`ns."witnessId"`);
  if (!consent) return Prisma.empty;
  return Prisma.sql`AND EXISTS (SELECT 1 FROM "Statement" ns WHERE ns."id" = "Notification"."statementId" AND ${consent})`;
}

/**
 * The actor's newest notices (100), only those about statements the actor may read
 * (visibleNoticeSql); with `unread` (?unread=true) only those not yet read.
 */
export async function listNotifications({ actor, query }: { actor: Actor | null; query?: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const unreadOnly = parseInput(ZNotificationsQuery, query ?? {}).unread ?? false;
  return read(async (db) => {
    let statementId: { in: string[] } | undefined;
    const witness = testimonyWitnessWhere(actor);
    if (witness) {
      const about = await db.notification.findMany({ where: { userId: actor.id }, select: { statementId: true }, distinct: ["statementId"] });
      const ids = about.map((n) => n.statementId);
      const visible = ids.length ? await inSlices(ids, (slice) => db.statement.findMany({ where: { id: { in: slice }, witness }, select: { id: true } })) : [];
      statementId = { in: visible.map((v) => v.id) };
    }
    return db.notification.findMany({ where: { userId: actor.id, readAt: unreadOnly ? null : undefined, statementId }, orderBy: { createdAt: "desc" }, take: 100 });
  });
}

export async function markNotificationsRead({ actor }: { actor: Actor | null }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  // A notice is the user's own, not a record of the case: no audit event.
  await write((tx) => tx.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } }));
}
