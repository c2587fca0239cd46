import "server-only";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { canonicalJson, sha256Hex } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { Prisma } from "@/generated/sqlite/client";
import { rawAll, type Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError, isAppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { clampPage } from "@/lib/paging";
import { statusAfterEdit } from "@/lib/review/workflow";
import { countUnderConsent, mayReadTestimony, readableWitnessWhere, RESEARCH_WITHDRAWN_WHERE, testimonyStatementWhere } from "@/lib/witnesses/witnesses";
import { reanchorLinks } from "@/lib/links";
import { z } from "zod";
import { zInteger, zText } from "@/lib/validation";
import { dateText, isTrue, rawDate, rawDateOrNull, rawInt } from "@/lib/db/raw-values";
import { ZCreateStatement, ZCreateStatementByCode, ZListStatements, ZUpdateStatement, type CreateStatement, type StatementDetails } from "./schemas";

type Parsed = z.infer<typeof ZCreateStatement> | z.infer<typeof ZCreateStatementByCode> | z.infer<typeof ZUpdateStatement>;

/** Splits validated input into the revision's content, its details, and the statement's list columns. */
export function contentOf(data: Parsed) {
  const details: StatementDetails = {
    interviewDate: data.interviewDate ?? null,
    interviewPlace: data.interviewPlace,
    interviewers: data.interviewers,
    mode: data.mode ?? null,
    relation: data.relation ?? null,
    periodCovered: data.periodCovered ?? null,
    placesCovered: data.placesCovered,
    translations: data.translations.map((t) => ({ ...t, date: t.date ?? null })),
    notes: data.notes,
  };
  const revision = {
    title: data.title,
    language: data.language,
    originalText: data.originalText,
    summary: data.summary,
    interviewDate: data.interviewDate?.input ?? null,
    details: canonicalJson(details),
  };
  const columns = {
    title: data.title,
    language: data.language,
    originalText: data.originalText,
    summary: data.summary,
    interviewDate: data.interviewDate?.input ?? null,
    interviewFrom: data.interviewDate?.earliest ?? null,
    interviewTo: data.interviewDate?.latest ?? null,
    periodFrom: data.periodCovered?.earliest ?? null,
    periodTo: data.periodCovered?.latest ?? null,
  };
  return { revision, columns, contentHash: contentHash(revision) };
}

function contentHash(r: { title: string; language: string; originalText: string; summary: string; interviewDate: string | null; details: string }): string {
  return sha256Hex(canonicalJson(r));
}

/** What the audit log keeps of a statement: the content's hash and size, not its words. */
export function auditView(s: { witnessId: string; status: string; revisionNumber: number; title: string; language: string; originalText: string }, hash: string) {
  return { witnessId: s.witnessId, status: s.status, revision: s.revisionNumber, title: s.title, language: s.language, contentHash: hash, textLength: s.originalText.length };
}

/** Input that names the witness by code (`witnessCode`) rather than by id: the new-statement form's. */
function namesWitnessByCode(input: unknown): boolean {
  if (typeof input !== "object" || input === null) return false;
  const { witnessId, witnessCode } = input as Record<string, unknown>;
  return witnessCode !== undefined && (witnessId === undefined || witnessId === "");
}

/**
 * A new statement (revision 1) for a witness given by id (`witnessId`) or by its pseudonym code
 * (`witnessCode`, matched exactly once written as codes are: "w-۰۰۱۲" is W-0012). A code is
 * looked up as the witness list reads (a legal team sees only witnesses who consented to legal
 * sharing), so a code the actor may not read is answered like one that names no witness.
 */
export async function createStatement({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "statement.create");
  const byCode = namesWitnessByCode(input);
  let data: CreateStatement | z.infer<typeof ZCreateStatementByCode>;
  try {
    data = byCode ? parseInput(ZCreateStatementByCode, input) : parseInput(ZCreateStatement, input);
  } catch (e) {
    throw await withWitnessProblem(e, actor, input);
  }
  const { revision, columns, contentHash: hash } = contentOf(data);
  return write(async (tx) => {
    const field = "witnessCode" in data ? "witnessCode" : "witnessId";
    const found = await witnessFor(tx, actor, field, "witnessCode" in data ? data.witnessCode : data.witnessId);
    if ("problem" in found) throw new AppError("INVALID_INPUT", found.message, { [field]: [found.problem] });
    const witness = found.witness;
    const statement = await tx.statement.create({
      data: { ...columns, witnessId: witness.id, authorId: actor.id, fictional: witness.fictional, revisionNumber: 1 },
    });
    await tx.statementRevision.create({ data: { ...revision, statementId: statement.id, number: 1, reason: "created", authorId: actor.id, contentHash: hash } });
    await writeAudit(tx, { actor, action: "statement.create", recordType: "Statement", recordId: statement.id, after: auditView(statement, hash) });
    return statement;
  });
}

type WitnessFound = { witness: { id: string; fictional: boolean } } | { problem: string; message: string };

/**
 * The witness a new statement names, by code (as the witness list reads: a code the actor may not
 * read names no witness) or by id, and whether testimony may be added for them: none after they
 * withdrew consent to internal research, as testimony is taken under it.
 */
async function witnessFor(db: Tx, actor: Actor, field: "witnessCode" | "witnessId", value: string): Promise<WitnessFound> {
  const witness =
    field === "witnessCode" ? await db.witness.findFirst({ where: readableWitnessWhere(actor, { code: value }) }) : await db.witness.findUnique({ where: { id: value } });
  if (!witness) return { problem: field === "witnessCode" ? "witness_code_not_found" : "not_found", message: "No such witness." };
  if ((await db.witness.count({ where: { AND: [{ id: witness.id }, RESEARCH_WITHDRAWN_WHERE] } })) > 0)
    return { problem: "witness_research_withdrawn", message: "This witness withdrew consent to internal research: no testimony can be added for them." };
  return { witness };
}

/**
 * A new statement refused for its other fields is told about its witness too, so that a form
 * with a wrong date and an unknown code shows both at once rather than the code's only after the
 * date is mended. The witness is looked up only when its field is itself well formed.
 */
async function withWitnessProblem(e: unknown, actor: Actor, input: unknown): Promise<unknown> {
  if (!isAppError(e) || e.code !== "INVALID_INPUT") return e;
  const field = namesWitnessByCode(input) ? "witnessCode" : "witnessId";
  const raw = (input as Record<string, unknown>)[field];
  const value = typeof raw === "string" ? raw.trim() : "";
  if (e.fields?.[field] || !value || value.length > 50) return e;
  const found = await read((db) => witnessFor(db, actor, field, value));
  return "problem" in found ? new AppError("INVALID_INPUT", e.message, { ...e.fields, [field]: [found.problem] }, e.details) : e;
}

/** Every save is a new immutable revision; the statement row mirrors the newest one. */
export async function updateStatement({ actor, statementId, input }: { actor: Actor | null; statementId: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const data = parseInput(ZUpdateStatement, input);
  const { revision, columns, contentHash: hash } = contentOf(data);
  return write(async (tx) => {
    const before = await tx.statement.findUnique({ where: { id: statementId } });
    if (!before || !(await mayReadTestimony(tx, actor, before.witnessId))) throw new AppError("NOT_FOUND", "No such statement.");
    authorize(actor, "statement.edit", { authorId: before.authorId });
    if (before.revisionNumber !== data.baseRevision)
      throw new AppError("CONFLICT", `This statement was changed since you opened it (now revision ${before.revisionNumber}). Reload and edit again.`, {
        baseRevision: ["stale_revision"],
      });
    const previous = await tx.statementRevision.findUniqueOrThrow({ where: { statementId_number: { statementId, number: before.revisionNumber } } });
    const number = before.revisionNumber + 1;
    await tx.statementRevision.create({ data: { ...revision, statementId, number, reason: data.reason, authorId: actor.id, contentHash: hash } });
    // A verified statement that is edited goes back to review; its verification stays with the old revision.
    const flow = statusAfterEdit(before.status);
    const after = await tx.statement.update({
      where: { id: statementId },
      data: { ...columns, revisionNumber: number, status: flow.status, ...(flow.resetReview ? { assigneeId: null, submittedAt: flow.status === "SUBMITTED" ? new Date() : null } : {}) },
    });
    await writeAudit(tx, {
      actor,
      action: "statement.update",
      recordType: "Statement",
      recordId: statementId,
      before: auditView(before, previous.contentHash),
      after: { ...auditView(after, hash), reason: data.reason },
    });
    // Links cite words of a fixed revision: move them to this one, or flag them for review.
    await reanchorLinks(tx, { actor, statementId, revisionNumber: number, text: revision.originalText });
    return after;
  });
}

/** Restoring an old revision saves its content again as a new revision. */
export async function restoreRevision({ actor, statementId, number, input }: { actor: Actor | null; statementId: string; number: number; input: unknown }) {
  const old = await getRevision({ actor, statementId, number });
  const extra = parseInput(z.object({ reason: zText(1000).optional(), baseRevision: zInteger((n) => n.min(1, { error: "invalid_number" })) }), input);
  const d = normalizeDetails(JSON.parse(old.details));
  return updateStatement({
    actor,
    statementId,
    input: {
      title: old.title,
      language: old.language,
      originalText: old.originalText,
      summary: old.summary,
      interviewDate: d.interviewDate?.input ?? old.interviewDate ?? undefined,
      interviewPlace: d.interviewPlace,
      interviewers: d.interviewers,
      mode: d.mode ?? undefined,
      relation: d.relation ?? undefined,
      periodCovered: d.periodCovered?.input,
      placesCovered: d.placesCovered,
      translations: d.translations.map((t) => ({ ...t, date: t.date?.input })),
      notes: d.notes,
      reason: extra.reason ?? `restored revision ${number}`,
      baseRevision: extra.baseRevision,
    },
  });
}

/** Details of any revision, with revisions saved before a field existed filled with its empty value. */
export function normalizeDetails(d: Partial<StatementDetails>): StatementDetails {
  return {
    interviewDate: d.interviewDate ?? null,
    interviewPlace: d.interviewPlace ?? "",
    interviewers: d.interviewers ?? [],
    mode: d.mode ?? null,
    relation: d.relation ?? null,
    periodCovered: d.periodCovered ?? null,
    placesCovered: d.placesCovered ?? [],
    translations: d.translations ?? [],
    notes: d.notes ?? "",
  };
}

/**
 * One statement with its witness, author, revisions and current details. Within one page render
 * the same actor's read of the same statement is made once (the page, its review panel and its
 * history each ask for it): React's cache() holds it for that render only, and calls outside a
 * render (API routes, server actions, scripts) always read afresh.
 */
export function getStatement({ actor, statementId }: { actor: Actor | null; statementId: string }) {
  return statementOnce(actor, statementId);
}

const statementOnce = cache((actor: Actor | null, statementId: string) => loadStatement(actor, statementId));

type StatementRow = {
  id: string;
  witnessId: string;
  authorId: string;
  status: string;
  fictional: boolean | number;
  title: string;
  language: string;
  originalText: string;
  summary: string;
  interviewDate: string | null;
  interviewFrom: string | null;
  interviewTo: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  revisionNumber: unknown;
  assigneeId: string | null;
  submittedAt: unknown;
  createdAt: unknown;
  updatedAt: unknown;
  witnessCode: string;
  witnessFictional: boolean | number;
  authorName: string;
};

type RevisionRow = { id: string; number: unknown; reason: string; createdAt: unknown; contentHash: string; details: string; authorId: string; authorName: string };

/**
 * The statement with its witness and author, and its revisions with their authors: two SQL
 * queries on the reader connection or pool (rawAll) instead of five through Prisma's client,
 * which cost a statement page most of its database time. Same rows and values as Prisma's.
 */
async function readStatementRows(statementId: string) {
  const [row] = await rawAll<StatementRow>(Prisma.sql`
    SELECT s."id", s."witnessId", s."authorId", s."status", s."fictional", s."title", s."language", s."originalText", s."summary",
      s."interviewDate", s."interviewFrom", s."interviewTo", s."periodFrom", s."periodTo", s."revisionNumber", s."assigneeId",
      ${dateText(Prisma.sql`s."submittedAt"`)} AS "submittedAt", ${dateText(Prisma.sql`s."createdAt"`)} AS "createdAt", ${dateText(Prisma.sql`s."updatedAt"`)} AS "updatedAt",
      w."code" AS "witnessCode", w."fictional" AS "witnessFictional", a."name" AS "authorName"
    FROM "Statement" s JOIN "Witness" w ON w."id" = s."witnessId" JOIN "User" a ON a."id" = s."authorId"
    WHERE s."id" = ${statementId}`);
  if (!row) return null;
  const revisions = await rawAll<RevisionRow>(Prisma.sql`
    SELECT r."id", r."number", r."reason", ${dateText(Prisma.sql`r."createdAt"`)} AS "createdAt", r."contentHash", r."details", r."authorId", u."name" AS "authorName"
    FROM "StatementRevision" r JOIN "User" u ON u."id" = r."authorId"
    WHERE r."statementId" = ${statementId}
    ORDER BY r."number" DESC`);
  return {
    id: row.id,
    witnessId: row.witnessId,
    authorId: row.authorId,
    status: row.status,
    fictional: isTrue(row.fictional),
    title: row.title,
    language: row.language,
    originalText: row.originalText,
    summary: row.summary,
    interviewDate: row.interviewDate,
    interviewFrom: row.interviewFrom,
    interviewTo: row.interviewTo,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    revisionNumber: rawInt(row.revisionNumber),
    assigneeId: row.assigneeId,
    submittedAt: rawDateOrNull(row.submittedAt),
    createdAt: rawDate(row.createdAt),
    updatedAt: rawDate(row.updatedAt),
    witness: { id: row.witnessId, code: row.witnessCode, fictional: isTrue(row.witnessFictional) },
    author: { id: row.authorId, name: row.authorName },
    revisions: revisions.map((r) => ({
      id: r.id,
      number: rawInt(r.number),
      reason: r.reason,
      createdAt: rawDate(r.createdAt),
      contentHash: r.contentHash,
      details: r.details,
      authorId: r.authorId,
      author: { name: r.authorName },
    })),
  };
}

/** A statement's author, then each revision's author once: the people who may not review it (four eyes). */
export function editorsOf(authorId: string, revisionAuthorIds: Iterable<string>): string[] {
  return [...new Set([authorId, ...revisionAuthorIds])];
}

async function loadStatement(actor: Actor | null, statementId: string) {
  authorize(actor, "statement.read");
  const s = await readStatementRows(statementId);
  // A legal team sees a statement only while its witness's consent covers legal sharing, a
  // researcher or reviewer unless the witness withdrew consent to internal research; otherwise it
  // does not exist for them.
  if (!s || !(await mayReadTestimony(null, actor, s.witnessId))) throw new AppError("NOT_FOUND", "No such statement.");
  const current = s.revisions.find((r) => r.number === s.revisionNumber);
  if (!current) throw new AppError("NOT_FOUND", "No such statement.");
  // Who wrote or revised it (the statement's author first, then each revision's, once): the
  // people who may not review it (four eyes, lib/review).
  const editorIds = editorsOf(s.authorId, s.revisions.map((r) => r.authorId));
  return { ...s, revisions: s.revisions.map(({ details: _, authorId: _a, ...r }) => r), details: normalizeDetails(JSON.parse(current.details)), editorIds };
}

export async function getRevision({ actor, statementId, number }: { actor: Actor | null; statementId: string; number: number }) {
  authorize(actor, "statement.read");
  const r = await read((db) => db.statementRevision.findUnique({ where: { statementId_number: { statementId, number } }, include: { statement: { select: { witnessId: true } } } }));
  if (!r || !(await mayReadTestimony(null, actor, r.statement.witnessId))) throw new AppError("NOT_FOUND", "No such revision.");
  return r;
}

export async function listStatements({ actor, query }: { actor: Actor | null; query: unknown }) {
  authorize(actor, "statement.read");
  const q = parseInput(ZListStatements, query ?? {});
  const consent = await testimonyStatementWhere(actor);
  const where = { status: q.status, language: q.language, ...consent };
  return read(async (db) => {
    const pageOf = (page: number) =>
      db.statement.findMany({
        where,
        orderBy: { updatedAt: "desc" },
        skip: (page - 1) * q.pageSize,
        take: q.pageSize,
        select: {
          id: true,
          title: true,
          language: true,
          status: true,
          fictional: true,
          revisionNumber: true,
          updatedAt: true,
          interviewDate: true,
          witness: { select: { code: true } },
          author: { select: { name: true } },
        },
      });
    const [items, total] = await Promise.all([pageOf(q.page), countUnderConsent(db, { status: q.status, language: q.language }, consent, (s) => (!q.status || s.status === q.status) && (!q.language || s.language === q.language))]);
    // A page past the last (a bookmarked page of a list that has since shrunk) gives the last.
    const { page, pages } = clampPage(q.page, total, q.pageSize);
    return { items: page === q.page ? items : await pageOf(page), total, page, pageSize: q.pageSize, pages };
  });
}

export function statementOut(s: {
  id: string;
  title: string;
  language: string;
  status: string;
  originalText: string;
  summary: string;
  interviewDate: string | null;
  revisionNumber: number;
  fictional: boolean;
  authorId: string;
  createdAt: Date;
  updatedAt: Date;
  witness: { id: string; code: string };
  details: StatementDetails;
}) {
  return {
    id: s.id,
    witnessId: s.witness.id,
    witnessCode: s.witness.code,
    title: s.title,
    language: s.language,
    status: s.status,
    originalText: s.originalText,
    summary: s.summary,
    interviewDate: s.interviewDate,
    details: s.details,
    revisionNumber: s.revisionNumber,
    fictional: s.fictional,
    authorId: s.authorId,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
