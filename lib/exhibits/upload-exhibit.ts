import "server-only";
import type { Readable } from "node:stream";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { testimonyWitnessWhere } from "@/lib/witnesses/witnesses";
import { NOTE_UPLOADED, NOTE_UPLOADED_AGAIN, ZUploadExhibit, type UploadExhibit } from "./schemas";
import { cleanFileName, custodyAuditView, EXHIBIT_INCLUDE, exhibitAuditView, exhibitOut, nextExhibitNumber, withHashLock, type ExhibitOut } from "./shared";
import { discardTemp, placeTemp, receiveToTemp, removeStoredFile, storageRoot } from "./storage";

export type UploadResult = { exhibit: ExhibitOut; deduplicated: boolean; linked: boolean };

type Target = { statementId: string | null; witnessId: string | null };

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === "function";
}

/**
 * Refuses a statement or witness that does not exist, or whose testimony `actor` may not read: no
 * file is added to testimony withheld from them (lib/witnesses testimonyWitnessWhere). Such a
 * statement does not exist for them; the witness they still see, so they are told why.
 */
async function checkTarget(db: Tx, actor: Actor, data: UploadExhibit): Promise<void> {
  const consent = testimonyWitnessWhere(actor);
  if (data.statementId) {
    if ((await db.statement.count({ where: { id: data.statementId, witness: consent } })) === 0)
      throw new AppError("INVALID_INPUT", "No such statement.", { statementId: ["not_found"] });
    return;
  }
  if ((await db.witness.count({ where: { id: data.witnessId } })) === 0) throw new AppError("INVALID_INPUT", "No such witness.", { witnessId: ["not_found"] });
  if (consent && (await db.witness.count({ where: { AND: [{ id: data.witnessId }, consent] } })) === 0)
    throw new AppError("INVALID_INPUT", "This witness withdrew consent to internal research: no file can be added to their testimony.", { witnessId: ["witness_research_withdrawn"] });
}

async function checkInput(actor: Actor, input: unknown): Promise<UploadExhibit> {
  const data = parseInput(ZUploadExhibit, input ?? {});
  await read((db) => checkTarget(db, actor, data));
  return data;
}

/**
 * Stores an uploaded file by its SHA-256 and makes it an exhibit of a statement or a witness.
 * The same content uploaded again is recognised by its hash: the existing exhibit is linked
 * and nothing is stored twice. The file is complete and on disk before the rows are written;
 * if the rows cannot be written, a file stored by this call alone is removed again.
 *
 * `input` (statementId | witnessId, description) may be a promise: in a multipart body the
 * fields may come after the file, which has to be read as it arrives.
 */
export async function uploadExhibit({
  actor,
  file,
  input,
  maxBytes,
  root = storageRoot(),
}: {
  actor: Actor | null;
  file: { stream: Readable; name?: string | null };
  input: unknown;
  maxBytes?: number;
  root?: string;
}): Promise<UploadResult> {
  try {
    authorize(actor, "exhibit.create");
  } catch (e) {
    file.stream.destroy();
    throw e;
  }
  let data: UploadExhibit | null = null;
  if (!isThenable(input)) {
    // The fields are known already: refuse bad ones before reading a byte of the file.
    try {
      data = await checkInput(actor, input);
    } catch (e) {
      file.stream.destroy();
      throw e;
    }
  }
  const tmp = await receiveToTemp(file.stream, { maxBytes, root });
  try {
    data ??= await checkInput(actor, await input);
    const fields = data;
    const originalName = cleanFileName(file.name);
    return await withHashLock(tmp.sha256, async () => {
      const blobRow = await read((db) => db.blob.findUnique({ where: { sha256: tmp.sha256 } }));
      // A file on disk that no row accounts for (left by a crash) is replaced by this copy,
      // whose hash was just computed; a recorded file is never touched.
      const stored = await placeTemp(tmp, { replace: !blobRow });
      try {
        return await write((tx) => record(tx, { actor, data: fields, originalName, tmp, blobExists: !!blobRow, restored: !!blobRow && stored.created }));
      } catch (e) {
        if (stored.created && !(await read((db) => db.blob.findUnique({ where: { sha256: tmp.sha256 }, select: { sha256: true } })))) {
          await removeStoredFile(tmp.sha256, root);
        }
        throw e;
      }
    });
  } finally {
    await discardTemp(tmp);
  }
}

async function record(
  tx: Tx,
  {
    actor,
    data,
    originalName,
    tmp,
    blobExists,
    restored,
  }: { actor: Actor; data: UploadExhibit; originalName: string; tmp: { sha256: string; size: number; mime: string }; blobExists: boolean; restored: boolean },
): Promise<UploadResult> {
  await checkTarget(tx, actor, data);
  const target: Target = { statementId: data.statementId ?? null, witnessId: data.witnessId ?? null };
  const blob = blobExists
    ? await tx.blob.findUniqueOrThrow({ where: { sha256: tmp.sha256 } })
    : await tx.blob.create({ data: { sha256: tmp.sha256, size: BigInt(tmp.size), mime: tmp.mime } });
  const now = new Date();
  const receipt = { actorId: actor.id, who: actor.name, place: "Casefile", at: now };

  const existing = await tx.exhibit.findFirst({ where: { sha256: tmp.sha256 }, orderBy: { createdAt: "asc" } });
  if (existing) {
    const already = await tx.exhibitLink.findFirst({ where: { exhibitId: existing.id, ...target } });
    if (!already) await tx.exhibitLink.create({ data: { exhibitId: existing.id, ...target } });
    // A repeat upload to the same place changes nothing, unless it put back a lost file.
    if (!already || restored) {
      const entry = await tx.custodyEntry.create({ data: { exhibitId: existing.id, kind: "RECEIVED", ...receipt, note: NOTE_UPLOADED_AGAIN } });
      await writeAudit(tx, {
        actor,
        action: "exhibit.link",
        recordType: "Exhibit",
        recordId: existing.id,
        after: { ...target, number: existing.number, sha256: existing.sha256, deduplicated: true, newLink: !already, restoredFile: restored || undefined, custody: custodyAuditView(entry) },
      });
    }
    const exhibit = await tx.exhibit.findUniqueOrThrow({ where: { id: existing.id }, include: EXHIBIT_INCLUDE });
    return { exhibit: exhibitOut(exhibit), deduplicated: true, linked: !already };
  }

  const number = await nextExhibitNumber(tx);
  const created = await tx.exhibit.create({
    data: { number, sha256: tmp.sha256, originalName, description: data.description, createdById: actor.id, links: { create: target } },
  });
  const entry = await tx.custodyEntry.create({ data: { exhibitId: created.id, kind: "RECEIVED", ...receipt, note: NOTE_UPLOADED } });
  await writeAudit(tx, {
    actor,
    action: "exhibit.create",
    recordType: "Exhibit",
    recordId: created.id,
    after: { ...exhibitAuditView(created, blob), ...target, restoredFile: restored || undefined, custody: custodyAuditView(entry) },
  });
  const exhibit = await tx.exhibit.findUniqueOrThrow({ where: { id: created.id }, include: EXHIBIT_INCLUDE });
  return { exhibit: exhibitOut(exhibit), deduplicated: false, linked: true };
}
