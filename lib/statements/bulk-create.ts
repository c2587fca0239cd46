import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAuditMany } from "@/lib/audit/write-audit-many";
import { insertRows, type Kind, type Value } from "@/lib/db/bulk-insert";
import { write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { docRow, statementContent } from "@/lib/search/index-record";
import { parseInput } from "@/lib/validation";
import { auditView, contentOf } from "./statements";
import { ZCreateStatement } from "./schemas";

// Creating many statements in one transaction (imports, the benchmark's generator): the same
// rows createStatement writes — statement, revision 1, a "statement.create" audit event and the
// search index entry — but with one multi-row insert per table instead of several round-trips
// per statement. Authorized once for the batch; every statement is validated as createStatement
// validates it, and one invalid statement refuses the whole batch (nothing is written).

export const MAX_BULK_STATEMENTS = 2_000;

export const ZBulkCreateStatements = z.object({
  statements: z.array(z.unknown()).min(1, { error: "required" }).max(MAX_BULK_STATEMENTS, { error: `too_many:${MAX_BULK_STATEMENTS}` }),
});

const t = (...names: string[]) => names.map((n): [string, Kind] => [n, "text"]);
const STATEMENT_COLUMNS: [string, Kind][] = [
  ...t("id", "witnessId", "authorId", "status"), ["fictional", "bool"],
  ...t("title", "language", "originalText", "summary", "interviewDate", "interviewFrom", "interviewTo", "periodFrom", "periodTo"),
  ["revisionNumber", "int"], ["createdAt", "date"], ["updatedAt", "date"],
];
const REVISION_COLUMNS: [string, Kind][] = [
  ...t("id", "statementId"), ["number", "int"], ...t("title", "language", "originalText", "summary", "interviewDate", "details", "reason", "authorId"),
  ["createdAt", "date"], ...t("contentHash"),
];
const DOC_COLUMNS: [string, Kind][] = [
  ...t("type", "recordId", "title", "body", "normTitle", "normBody", "language", "status", "authorId", "witnessId", "dateFrom", "dateTo"), ["updatedAt", "date"],
];

let counter = 0;
let pool = Buffer.alloc(0);
let at = 0;
/** An id in the shape of Prisma's cuid(): "c", time, a counter, randomness; 25 lower-case characters. */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  if (at + 8 > pool.length) {
    pool = randomBytes(8 * 1024);
    at = 0;
  }
  const rand = pool.readBigUInt64BE(at).toString(36).padStart(12, "0").slice(-12);
  at += 8;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  return `c${time}${counter.toString(36).padStart(4, "0")}${rand}`;
}

export async function bulkCreateStatements({ actor, input }: { actor: Actor | null; input: unknown }): Promise<{ ids: string[] }> {
  authorize(actor, "statement.create");
  const { statements } = parseInput(ZBulkCreateStatements, input);
  const parsed = statements.map((s, i) => {
    try {
      return parseInput(ZCreateStatement, s);
    } catch (e) {
      if (e instanceof AppError)
        throw new AppError(e.code, `Statement ${i + 1}: ${e.message}`, e.fields && Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [`statements.${i}.${k}`, v])));
      throw e;
    }
  });
  return write(async (tx) => {
    const witnessIds = [...new Set(parsed.map((p) => p.witnessId))];
    const witnesses = new Map((await tx.witness.findMany({ where: { id: { in: witnessIds } }, select: { id: true, fictional: true } })).map((w) => [w.id, w]));
    const now = new Date();
    const statementRows = [];
    const revisionRows = [];
    const audits = [];
    const docs = [];
    for (const data of parsed) {
      const witness = witnesses.get(data.witnessId);
      if (!witness) throw new AppError("INVALID_INPUT", "No such witness.", { witnessId: ["not_found"] });
      const { revision, columns, contentHash } = contentOf(data);
      const id = newId();
      const row = { ...columns, id, witnessId: witness.id, authorId: actor.id, fictional: witness.fictional, status: "DRAFT", revisionNumber: 1, createdAt: now, updatedAt: now };
      statementRows.push(row);
      revisionRows.push({ ...revision, id: newId(), statementId: id, number: 1, reason: "created", authorId: actor.id, contentHash, createdAt: now });
      audits.push({ actor, action: "statement.create", recordType: "Statement", recordId: id, after: auditView(row, contentHash) });
      docs.push(docRow("statement", id, statementContent(row, revision.details)));
    }
    await insertRows(tx, "Statement", STATEMENT_COLUMNS, statementRows.map((r) => STATEMENT_COLUMNS.map(([c]) => (r as Record<string, Value>)[c] ?? null)));
    await insertRows(tx, "StatementRevision", REVISION_COLUMNS, revisionRows.map((r) => REVISION_COLUMNS.map(([c]) => (r as Record<string, Value>)[c] ?? null)));
    await writeAuditMany(tx, audits);
    await insertRows(tx, "SearchDoc", DOC_COLUMNS, docs.map((r) => DOC_COLUMNS.map(([c]) => (r as Record<string, Value>)[c] ?? (c === "updatedAt" ? now : null))));
    return { ids: statementRows.map((r) => r.id) };
  });
}
