import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { canonicalJson, sha256Hex } from "@/lib/audit/canonical";
import { writeAudit } from "@/lib/audit/write-audit";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { LEGAL_SHARING_WHERE } from "@/lib/witnesses/witnesses";
import { ZCreateStatement, ZListStatements, ZUpdateStatement } from "./schemas";

type Content = { title: string; language: string; originalText: string; summary: string; interviewDate?: string | null };

function contentHash(c: Content): string {
  return sha256Hex(canonicalJson({ title: c.title, language: c.language, originalText: c.originalText, summary: c.summary, interviewDate: c.interviewDate ?? null }));
}

/** What the audit log keeps of a statement: the content's hash and size, not its words. */
function auditView(s: Content & { revisionNumber: number; status: string; witnessId: string }) {
  return {
    witnessId: s.witnessId,
    status: s.status,
    revision: s.revisionNumber,
    title: s.title,
    language: s.language,
    contentHash: contentHash(s),
    textLength: s.originalText.length,
  };
}

export async function createStatement({ actor, input }: { actor: Actor | null; input: unknown }) {
  authorize(actor, "statement.create");
  const data = parseInput(ZCreateStatement, input);
  return write(async (tx) => {
    const witness = await tx.witness.findUnique({ where: { id: data.witnessId } });
    if (!witness) throw new AppError("INVALID_INPUT", "No such witness.", { witnessId: ["not_found"] });
    const statement = await tx.statement.create({
      data: { ...data, interviewDate: data.interviewDate ?? null, authorId: actor.id, fictional: witness.fictional, revisionNumber: 1 },
    });
    await tx.statementRevision.create({
      data: {
        statementId: statement.id,
        number: 1,
        title: data.title,
        language: data.language,
        originalText: data.originalText,
        summary: data.summary,
        interviewDate: data.interviewDate ?? null,
        reason: "created",
        authorId: actor.id,
        contentHash: contentHash(data),
      },
    });
    await writeAudit(tx, { actor, action: "statement.create", recordType: "Statement", recordId: statement.id, after: auditView(statement) });
    return statement;
  });
}

/** Every save is a new immutable revision; the statement row mirrors the newest one. */
export async function updateStatement({ actor, statementId, input }: { actor: Actor | null; statementId: string; input: unknown }) {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue.");
  const data = parseInput(ZUpdateStatement, input);
  return write(async (tx) => {
    const before = await tx.statement.findUnique({ where: { id: statementId } });
    if (!before) throw new AppError("NOT_FOUND", "No such statement.");
    authorize(actor, "statement.edit", { authorId: before.authorId });
    if (before.revisionNumber !== data.baseRevision)
      throw new AppError("CONFLICT", `This statement was changed since you opened it (now revision ${before.revisionNumber}). Reload and edit again.`, {
        baseRevision: ["stale_revision"],
      });
    const number = before.revisionNumber + 1;
    const content = { title: data.title, language: data.language, originalText: data.originalText, summary: data.summary, interviewDate: data.interviewDate ?? null };
    await tx.statementRevision.create({
      data: { statementId, number, ...content, reason: data.reason, authorId: actor.id, contentHash: contentHash(content) },
    });
    const after = await tx.statement.update({ where: { id: statementId }, data: { ...content, revisionNumber: number } });
    await writeAudit(tx, {
      actor,
      action: "statement.update",
      recordType: "Statement",
      recordId: statementId,
      before: auditView(before),
      after: { ...auditView(after), reason: data.reason },
    });
    return after;
  });
}

async function legalMaySee(witnessId: string): Promise<boolean> {
  return read(async (db) => (await db.witness.count({ where: { id: witnessId, ...LEGAL_SHARING_WHERE } })) > 0);
}

export async function getStatement({ actor, statementId }: { actor: Actor | null; statementId: string }) {
  authorize(actor, "statement.read");
  const s = await read((db) =>
    db.statement.findUnique({
      where: { id: statementId },
      include: {
        witness: { select: { id: true, code: true, fictional: true } },
        author: { select: { id: true, name: true } },
        revisions: { orderBy: { number: "desc" }, select: { id: true, number: true, reason: true, createdAt: true, contentHash: true, author: { select: { name: true } } } },
      },
    }),
  );
  // A legal team sees a statement only while its witness's consent covers legal sharing;
  // otherwise it does not exist for them.
  if (!s || (actor.role === "LEGAL" && !(await legalMaySee(s.witnessId)))) throw new AppError("NOT_FOUND", "No such statement.");
  return s;
}

export async function getRevision({ actor, statementId, number }: { actor: Actor | null; statementId: string; number: number }) {
  authorize(actor, "statement.read");
  const r = await read((db) => db.statementRevision.findUnique({ where: { statementId_number: { statementId, number } }, include: { statement: { select: { witnessId: true } } } }));
  if (!r || (actor.role === "LEGAL" && !(await legalMaySee(r.statement.witnessId)))) throw new AppError("NOT_FOUND", "No such revision.");
  return r;
}

export async function listStatements({ actor, query }: { actor: Actor | null; query: unknown }) {
  authorize(actor, "statement.read");
  const q = parseInput(ZListStatements, query ?? {});
  const where = { status: q.status, language: q.language, witness: actor.role === "LEGAL" ? LEGAL_SHARING_WHERE : undefined };
  return read(async (db) => {
    const [items, total] = await Promise.all([
      db.statement.findMany({
        where,
        orderBy: { updatedAt: "desc" },
        skip: (q.page - 1) * q.pageSize,
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
      }),
      db.statement.count({ where }),
    ]);
    return { items, total, page: q.page, pageSize: q.pageSize };
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
    revisionNumber: s.revisionNumber,
    fictional: s.fictional,
    authorId: s.authorId,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}
