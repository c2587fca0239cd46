import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { custodyAuditView, custodyOut, visibleExhibitWhere } from "./shared";
import { checkStoredFile, storageRoot, type FileCheck } from "./storage";

type Who = Actor | "system";

async function recordCheck(who: Who, exhibit: { id: string; number: string; sha256: string }, check: FileCheck) {
  const note =
    check.result === "MATCH" ? "" : check.result === "MISMATCH" ? `computed SHA-256 ${check.actual}` : "the stored file was not found";
  return write(async (tx) => {
    const entry = await tx.custodyEntry.create({
      data: {
        exhibitId: exhibit.id,
        kind: "VERIFIED",
        actorId: who === "system" ? "system" : who.id,
        who: who === "system" ? "Casefile (scheduled check)" : who.name,
        place: "Casefile",
        at: new Date(),
        note,
        result: check.result,
      },
    });
    await writeAudit(tx, {
      actor: who,
      action: "exhibit.verify",
      recordType: "Exhibit",
      recordId: exhibit.id,
      after: { number: exhibit.number, expected: exhibit.sha256, actual: check.actual, result: check.result, custody: custodyAuditView(entry) },
    });
    return entry;
  });
}

/**
 * Recomputes the stored original's SHA-256 and appends the outcome to the chain of custody
 * as a VERIFIED entry: MATCH, MISMATCH (the computed hash is noted) or MISSING.
 */
export async function verifyExhibit({ actor, exhibitId, root = storageRoot() }: { actor: Actor | null; exhibitId: string; root?: string }) {
  authorize(actor, "exhibit.verify");
  const exhibit = await read((db) =>
    db.exhibit.findFirst({ where: { id: exhibitId, ...visibleExhibitWhere(actor) }, select: { id: true, number: true, sha256: true } }),
  );
  if (!exhibit) throw new AppError("NOT_FOUND", "No such exhibit.");
  const check = await checkStoredFile(exhibit.sha256, root);
  const entry = await recordCheck(actor, exhibit, check);
  return { number: exhibit.number, result: check.result, expected: exhibit.sha256, actual: check.actual, entry: custodyOut(entry) };
}

export type VerifyAllResult = {
  checked: number;
  files: number;
  problems: { number: string; sha256: string; result: "MISMATCH" | "MISSING"; actual: string | null }[];
};

/**
 * Checks every exhibit's stored file (each distinct file hashed once), for the command line.
 * With `record`, each exhibit also gets a VERIFIED custody entry, as from the Verify button.
 */
export async function verifyAllExhibits({
  actor = "system",
  record = false,
  root = storageRoot(),
}: { actor?: Who; record?: boolean; root?: string } = {}): Promise<VerifyAllResult> {
  if (actor !== "system") authorize(actor, "exhibit.verify");
  const exhibits = await read((db) => db.exhibit.findMany({ select: { id: true, number: true, sha256: true }, orderBy: { createdAt: "asc" } }));
  const checks = new Map<string, FileCheck>();
  const problems: VerifyAllResult["problems"] = [];
  for (const e of exhibits) {
    let check = checks.get(e.sha256);
    if (!check) {
      check = await checkStoredFile(e.sha256, root);
      checks.set(e.sha256, check);
    }
    if (record) await recordCheck(actor, e, check);
    if (check.result !== "MATCH") problems.push({ number: e.number, sha256: e.sha256, result: check.result, actual: check.actual });
  }
  return { checked: exhibits.length, files: checks.size, problems };
}
