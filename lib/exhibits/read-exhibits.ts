import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { Prisma } from "@/generated/sqlite/client";
import { rawAll } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { clampPage } from "@/lib/paging";
import { parseInput } from "@/lib/validation";
import { parseRange } from "./range";
import { ZListExhibits, ZPageExhibits } from "./schemas";
import { custodyOut, exhibitInclude, exhibitOut, visibleExhibitWhere, visibleLinkWhere } from "./shared";
import { openStoredFile, storageRoot } from "./storage";

/** One exhibit with its links (statement titles, witness codes) and its custody, oldest first. */
export async function getExhibit({ actor, exhibitId }: { actor: Actor | null; exhibitId: string }) {
  authorize(actor, "exhibit.read");
  const e = await read((db) =>
    db.exhibit.findFirst({
      where: { id: exhibitId, ...visibleExhibitWhere(actor) },
      include: {
        blob: { select: { size: true, mime: true } },
        links: {
          where: visibleLinkWhere(actor),
          orderBy: { createdAt: "asc" },
          select: {
            statementId: true,
            witnessId: true,
            createdAt: true,
            statement: { select: { id: true, title: true, language: true, witness: { select: { code: true } } } },
            witness: { select: { id: true, code: true } },
          },
        },
        custody: { orderBy: [{ at: "asc" }, { createdAt: "asc" }] },
      },
    }),
  );
  if (!e) throw new AppError("NOT_FOUND", "No such exhibit.");
  return {
    ...exhibitOut(e),
    custody: e.custody.map(custodyOut),
    linkDetails: e.links.map((l) => ({
      statementId: l.statementId,
      witnessId: l.witnessId,
      linkedAt: l.createdAt.toISOString(),
      statementTitle: l.statement?.title ?? null,
      statementLanguage: l.statement?.language ?? null,
      witnessCode: l.witness?.code ?? l.statement?.witness.code ?? null,
    })),
  };
}
export type ExhibitDetail = Awaited<ReturnType<typeof getExhibit>>;

/** The exhibits linked to one statement or one witness, in exhibit-number order. */
export async function listExhibitsFor({ actor, query }: { actor: Actor | null; query: unknown }) {
  authorize(actor, "exhibit.read");
  const q = parseInput(ZListExhibits, query ?? {});
  const link = q.statementId ? { statementId: q.statementId } : { witnessId: q.witnessId };
  // A statement mostly has no exhibits, and every statement page asks: whether anything is
  // linked at all is one plain query (a Prisma query cost the page ~1.5 ms of server time to
  // build, more than the rest of this section). It ignores who may see what, so it can only
  // let through more than the Prisma query below keeps, never fewer.
  const column = Prisma.raw(q.statementId ? `"statementId"` : `"witnessId"`);
  if ((await rawAll(Prisma.sql`SELECT 1 AS "one" FROM "ExhibitLink" WHERE ${column} = ${q.statementId ?? q.witnessId} LIMIT 1`)).length === 0) return [];
  const rows = await read((db) =>
    db.exhibit.findMany({ where: { links: { some: { ...link, ...visibleLinkWhere(actor) } } }, include: exhibitInclude(actor), orderBy: { createdAt: "asc" } }),
  );
  return rows.map(exhibitOut);
}

/** Every exhibit the actor may see, newest first, a page at a time: the hash list (a page past the last gives the last). */
export async function listAllExhibits({ actor, query }: { actor: Actor | null; query: unknown }) {
  authorize(actor, "exhibit.read");
  const q = parseInput(ZPageExhibits, query ?? {});
  const where = visibleExhibitWhere(actor);
  return read(async (db) => {
    const total = await db.exhibit.count({ where });
    const { page, pages, skip } = clampPage(q.page, total, q.pageSize);
    const rows = await db.exhibit.findMany({ where, include: exhibitInclude(actor), orderBy: { createdAt: "desc" }, skip, take: q.pageSize });
    return { items: rows.map(exhibitOut), total, page, pageSize: q.pageSize, pages };
  });
}

/**
 * A stream over the stored original, whole or one byte range of it. The original is only
 * ever read: downloads and previews all come from the same file, unaltered.
 */
export async function openExhibitStream({
  actor,
  exhibitId,
  rangeHeader,
  root = storageRoot(),
  audit = true,
}: {
  actor: Actor | null;
  exhibitId: string;
  /** An HTTP Range header; one satisfiable range is served, anything else means the whole file. */
  rangeHeader?: string | null;
  root?: string;
  /** false for a HEAD request: the same checks and answer, but nothing is sent, so no viewing is recorded. */
  audit?: boolean;
}) {
  authorize(actor, "exhibit.read");
  const e = await read((db) => db.exhibit.findFirst({ where: { id: exhibitId, ...visibleExhibitWhere(actor) }, include: { blob: true } }));
  if (!e) throw new AppError("NOT_FOUND", "No such exhibit.");
  const size = Number(e.blob.size);
  const range = parseRange(rangeHeader, size);
  const file = await openStoredFile(e.sha256, range ?? undefined, root);
  if (!file) throw new AppError("INVALID_STATE", `The stored file of ${e.number} is missing. Verify the exhibit to record this.`);
  if (file.size !== size) {
    file.stream.destroy();
    throw new AppError("INVALID_STATE", `The stored file of ${e.number} does not have its recorded size. Verify the exhibit to record this.`);
  }
  // Who has opened the evidence is part of the record. A player fetches a file in many byte
  // ranges; the request that starts at the first byte stands for one viewing.
  if (audit && (!range || range.start === 0)) {
    try {
      await write((tx) => writeAudit(tx, { actor, action: "exhibit.download", recordType: "Exhibit", recordId: e.id, after: { number: e.number, sha256: e.sha256, range: range ? `${range.start}-${range.end}` : "whole" } }));
    } catch (err) {
      file.stream.destroy();
      throw err;
    }
  }
  return { number: e.number, sha256: e.sha256, mime: e.blob.mime, originalName: e.originalName, size, range, stream: file.stream };
}
