import "server-only";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { writeAudit } from "@/lib/audit/write-audit";
import { read, write } from "@/lib/db/write";
import { AppError, isAppError } from "@/lib/errors";
import { runnerGone, THIS_RUNNER } from "@/lib/jobs/runner";
import { parseInput } from "@/lib/validation";
import yauzl from "yauzl";
import type { z } from "zod";
import { inSlices } from "@/lib/db/in-slices";
import { consentExclusion, consentFacts, exhibitExclusion } from "../shared";
import { ZStartExport } from "./schemas";
import { loadExportContent, type ExportContent } from "./content";
import { buildPackage, ExhibitCheckError, exportsRoot, packagePath, removeLeftovers, type Manifest } from "./package";

// Exports run in the background of the process that started them: POST creates a PENDING row
// and returns at once; the job moves it to RUNNING, reports its phase and done/total as it
// goes, and ends READY (with the package's SHA-256 and size, audited) or FAILED (with what
// went wrong, audited; nothing left on disk). A row left PENDING or RUNNING by an earlier
// process (a restart in the middle) is marked FAILED the next time exports are read.

type State = { startedAt: Date; active: Map<string, Promise<void>> };
const G = globalThis as unknown as { __casefileDossierExports?: State };
// One registry per process, shared by every route bundle that loads this module.
const STATE: State = (G.__casefileDossierExports ??= { startedAt: new Date(), active: new Map() });

export type ExportError = { code: string; message: string; exhibitNumber?: string };

export type DossierExportOut = {
  id: string;
  dossierId: string;
  status: "PENDING" | "RUNNING" | "READY" | "FAILED";
  phase: string;
  done: number;
  total: number;
  error: ExportError | null;
  fileName: string | null;
  sha256: string | null;
  size: number | null;
  excluded: { count: number; reasons: Record<string, number> };
  createdById: string;
  createdAt: string;
  finishedAt: string | null;
  mayDownload: boolean;
  /**
   * Why a READY package can no longer be downloaded, so it must be exported again (null: it
   * can): a witness in it has since withdrawn consent to legal sharing (or a record in it is
   * gone), or its file is no longer on the server. The same check as the download (packageState).
   */
  unavailable: PackageProblem | null;
};

/** Why a finished package is not handed out any more. */
export type PackageProblem = "CONSENT_WITHDRAWN" | "PACKAGE_MISSING";

type Row = {
  id: string;
  dossierId: string;
  status: string;
  phase: string;
  done: number;
  total: number;
  error: string | null;
  fileName: string | null;
  sha256: string | null;
  size: bigint | null;
  excluded: string;
  createdById: string;
  createdAt: Date;
  finishedAt: Date | null;
};

function parseJson<T>(s: string | null, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

function mayDownload(actor: Actor, row: { createdById: string }): boolean {
  // A package carries what its exporter was entitled to see (revealed identities), so it is
  // theirs to download; an admin may see every identity anyway.
  return row.createdById === actor.id || actor.role === "ADMIN";
}

export function exportOut(actor: Actor, r: Row, unavailable: PackageProblem | null = null): DossierExportOut {
  const excluded = parseJson<{ reason: string }[]>(r.excluded, []);
  const reasons: Record<string, number> = {};
  for (const x of excluded) reasons[x.reason] = (reasons[x.reason] ?? 0) + 1;
  return {
    id: r.id,
    dossierId: r.dossierId,
    status: r.status as DossierExportOut["status"],
    phase: r.phase,
    done: r.done,
    total: r.total,
    error: parseJson<ExportError | null>(r.error, r.error ? { code: "FAILED", message: r.error } : null),
    fileName: r.fileName,
    sha256: r.sha256,
    size: r.size === null ? null : Number(r.size),
    excluded: { count: excluded.length, reasons },
    createdById: r.createdById,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    mayDownload: r.status === "READY" && unavailable === null && mayDownload(actor, r),
    unavailable: r.status === "READY" ? unavailable : null,
  };
}

/** exportOut, with a READY package checked as its download would check it (packageState). */
async function exportOutChecked(actor: Actor, r: Row): Promise<DossierExportOut> {
  const state = r.status === "READY" ? await packageState(r) : null;
  return exportOut(actor, r, state && "problem" in state ? state.problem : null);
}

/**
 * Rows whose process stopped before they finished: marked FAILED and their files removed. An
 * export another live process is building (the CLI beside the server) is left alone; a row that
 * names no runner counts as stale once it is older than this process.
 */
export async function failStaleExports(): Promise<number> {
  const unfinished = await read((db) => db.dossierExport.findMany({ where: { status: { in: ["PENDING", "RUNNING"] } }, select: { id: true, dossierId: true, runner: true, createdAt: true } }));
  const stale = unfinished.filter((s) => !STATE.active.has(s.id) && (s.runner ? runnerGone(s.runner) : s.createdAt < STATE.startedAt));
  let n = 0;
  for (const s of stale) {
    const error: ExportError = { code: "INTERRUPTED", message: "The export was interrupted (the process building it stopped). Start it again." };
    const changed = await write(async (tx) => {
      const r = await tx.dossierExport.updateMany({ where: { id: s.id, status: { in: ["PENDING", "RUNNING"] } }, data: { status: "FAILED", error: JSON.stringify(error), finishedAt: new Date() } });
      if (r.count) await writeAudit(tx, { actor: "system", action: "dossier.export.fail", recordType: "Dossier", recordId: s.dossierId, after: { exportId: s.id, error: error.code } });
      return r.count;
    });
    await removeLeftovers(s.id);
    n += changed;
  }
  return n;
}

async function setProgress(exportId: string, phase: string, done: number, total: number): Promise<void> {
  await write((tx) => tx.dossierExport.updateMany({ where: { id: exportId, status: "RUNNING" }, data: { phase, done, total } }));
}

function emptyError(content: ExportContent): AppError {
  return content.excluded.length
    ? new AppError("INVALID_STATE", `Nothing to export: all ${content.excluded.length} statement(s) of this dossier are left out for consent, and it holds no exhibits or sources.`, undefined, {
        reason: "ALL_EXCLUDED",
        excluded: content.excluded.length,
      })
    : new AppError("INVALID_STATE", "The dossier is empty: add statements, exhibits or sources before exporting it.", undefined, { reason: "EMPTY" });
}

/**
 * Checks the actor may export and that there is something to export, creates the PENDING row
 * and starts the job in this process without waiting for it. With `wait`, resolves when the
 * job has ended (the CLI and tests).
 */
export async function startDossierExport({ actor, dossierId, input, wait = false }: { actor: Actor | null; dossierId: string; input?: unknown; wait?: boolean }): Promise<DossierExportOut> {
  authorize(actor, "dossier.export");
  const options = parseInput(ZStartExport, input ?? {});
  const content = await loadExportContent({ actor, dossierId, reveal: false });
  if (content.items.length === 0) throw emptyError(content);
  const row = await write(async (tx) => {
    const r = await tx.dossierExport.create({ data: { dossierId, status: "PENDING", runner: THIS_RUNNER, createdById: actor.id, phase: "queued", total: 0 } });
    await writeAudit(tx, { actor, action: "dossier.export.start", recordType: "Dossier", recordId: dossierId, after: { exportId: r.id, revealIdentities: options.revealIdentities } });
    return r;
  });
  const job = runExport(row.id, actor, options).finally(() => STATE.active.delete(row.id));
  STATE.active.set(row.id, job);
  if (wait) {
    await job;
    return getDossierExport({ actor, exportId: row.id });
  }
  return exportOut(actor, row);
}

async function runExport(exportId: string, actor: Actor, options: z.infer<typeof ZStartExport>): Promise<void> {
  const row = await read((db) => db.dossierExport.findUniqueOrThrow({ where: { id: exportId } }));
  const startedAt = new Date();
  try {
    await write((tx) => tx.dossierExport.update({ where: { id: exportId }, data: { status: "RUNNING", phase: "loading" } }));
    // Read again with the exporter's authority at the time the job runs.
    const content = await loadExportContent({ actor, dossierId: row.dossierId, reveal: options.revealIdentities });
    if (content.items.length === 0) throw emptyError(content);
    if (content.revealed.length) {
      // Putting an identity into a package is a reveal, and is recorded as one before the
      // identity is written anywhere.
      await write(async (tx) => {
        for (const w of content.revealed) {
          await writeAudit(tx, { actor, action: "witness.reveal", recordType: "Witness", recordId: w.id, after: { reason: options.reason, fields: ["legalName"], via: "dossier.export", dossierId: row.dossierId, exportId } });
        }
      });
    }
    const built = await buildPackage({ content, exportId, exporter: actor, exportedAt: startedAt, progress: (phase, done, total) => setProgress(exportId, phase, done, total) });
    await write(async (tx) => {
      const r = await tx.dossierExport.updateMany({
        where: { id: exportId, status: "RUNNING" },
        data: {
          status: "READY",
          phase: "done",
          done: built.manifest.counts.exhibits + 4,
          total: built.manifest.counts.exhibits + 4,
          fileName: built.fileName,
          sha256: built.sha256,
          size: BigInt(built.size),
          excluded: JSON.stringify(content.excluded.map((x) => ({ kind: x.kind, refId: x.refId, exhibitNumber: x.exhibitNumber, reason: x.reason }))),
          finishedAt: new Date(),
        },
      });
      if (r.count === 0) throw new AppError("INVALID_STATE", "The export was marked as interrupted while it ran.");
      await writeAudit(tx, {
        actor,
        action: "dossier.export",
        recordType: "Dossier",
        recordId: row.dossierId,
        after: {
          exportId,
          sha256: built.sha256,
          size: built.size,
          files: built.manifest.counts.files,
          statements: built.manifest.counts.statements,
          exhibits: built.manifest.counts.exhibits,
          excluded: content.excluded.length,
          revealed: content.revealed.map((w) => w.code),
        },
      });
    });
  } catch (e) {
    await removeLeftovers(exportId).catch(() => undefined);
    await rm(packagePath(exportId), { force: true }).catch(() => undefined);
    const error: ExportError =
      e instanceof ExhibitCheckError
        ? { code: `EXHIBIT_${e.result}`, message: e.message, exhibitNumber: e.exhibitNumber }
        : isAppError(e)
          ? { code: e.code === "INVALID_STATE" && (e.details?.reason === "EMPTY" || e.details?.reason === "ALL_EXCLUDED") ? "EMPTY" : e.code, message: e.message }
          : { code: "FAILED", message: "The export failed unexpectedly. Nothing was kept; try again." };
    if (!isAppError(e)) console.error(`[casefile] dossier export ${exportId} failed:`, e instanceof Error ? `${e.name}: ${e.message}` : "non-error thrown");
    await write(async (tx) => {
      await tx.dossierExport.update({ where: { id: exportId }, data: { status: "FAILED", error: JSON.stringify(error), finishedAt: new Date() } });
      await writeAudit(tx, { actor, action: "dossier.export.fail", recordType: "Dossier", recordId: row.dossierId, after: { exportId, error: error.code, exhibitNumber: error.exhibitNumber } });
    }).catch(() => undefined);
  }
}

export async function getDossierExport({ actor, exportId }: { actor: Actor | null; exportId: string }): Promise<DossierExportOut> {
  authorize(actor, "dossier.export");
  await failStaleExports();
  const r = await read((db) => db.dossierExport.findUnique({ where: { id: exportId } }));
  if (!r) throw new AppError("NOT_FOUND", "No such export.");
  return exportOutChecked(actor, r);
}

export async function listDossierExports({ actor, dossierId }: { actor: Actor | null; dossierId: string }): Promise<DossierExportOut[]> {
  authorize(actor, "dossier.export");
  await failStaleExports();
  const rows = await read(async (db) => {
    if (!(await db.dossier.findUnique({ where: { id: dossierId }, select: { id: true } }))) throw new AppError("NOT_FOUND", "No such dossier.");
    return db.dossierExport.findMany({ where: { dossierId }, orderBy: { createdAt: "desc" }, take: 20 });
  });
  return Promise.all(rows.map((r) => exportOutChecked(actor, r)));
}

/** The finished package as a stream; each download is audited (not a HEAD request's: audit false, nothing sent). */
export async function openExportPackage({ actor, exportId, audit = true }: { actor: Actor | null; exportId: string; audit?: boolean }) {
  authorize(actor, "dossier.export");
  const r = await read((db) => db.dossierExport.findUnique({ where: { id: exportId } }));
  if (!r) throw new AppError("NOT_FOUND", "No such export.");
  if (!mayDownload(actor, r)) throw new AppError("FORBIDDEN", "Only the person who made this export (or an admin) may download it.");
  if (r.status !== "READY" || !r.sha256) throw new AppError("INVALID_STATE", "This export is not ready.");
  const state = await packageState(r);
  if ("problem" in state && state.problem === "PACKAGE_MISSING") throw new AppError("INVALID_STATE", "The package file is no longer on the server. Export the dossier again.");
  if ("problem" in state)
    throw new AppError("INVALID_STATE", "A witness whose testimony or evidence is in this package has since withdrawn consent to sharing with legal teams. Export the dossier again: the new package leaves it out.", undefined, {
      reason: "CONSENT_WITHDRAWN",
    });
  if (audit) await write((tx) => writeAudit(tx, { actor, action: "dossier.export.download", recordType: "Dossier", recordId: r.dossierId, after: { exportId: r.id, sha256: r.sha256 } }));
  return { size: state.size, sha256: r.sha256, dossierId: r.dossierId, exportId: r.id, fileName: `dossier-${r.dossierId}-${r.id}.zip`, stream: createReadStream(/*turbopackIgnore: true*/ state.path) };
}

/**
 * Whether a finished package may still be handed out: its file is on the server and the consent
 * that let it be built still holds (consentStillCovers). The download refuses on the problem; the
 * exports list shows it, so no one is offered a download that would be refused. A package found
 * no longer covered is deleted there and then (retirePackage).
 */
async function packageState(r: { id: string; dossierId: string; error: string | null }): Promise<{ path: string; size: number } | { problem: PackageProblem }> {
  if (retired(r)) return { problem: "CONSENT_WITHDRAWN" };
  const path = packagePath(r.id, exportsRoot());
  const s = await stat(path).catch(() => null);
  if (!s || !s.isFile()) return { problem: "PACKAGE_MISSING" };
  // A file that is no longer a readable package (its manifest cannot be read) is as good as gone:
  // said so on the list rather than failing the dossier page, and refused on download.
  const covers = await consentStillCovers(path).catch(() => null);
  if (covers === null) return { problem: "PACKAGE_MISSING" };
  if (!covers) {
    await retirePackage(r, "system");
    return { problem: "CONSENT_WITHDRAWN" };
  }
  return { path, size: s.size };
}

const WITHDRAWN: ExportError = {
  code: "CONSENT_WITHDRAWN",
  message: "A witness whose testimony or evidence was in this package withdrew consent to sharing with legal teams, and the package was deleted from the server. Export the dossier again: the new package leaves that witness out.",
};

/** Whether a finished package was deleted for a withdrawn consent (the row keeps why). */
function retired(r: { error: string | null }): boolean {
  return parseJson<ExportError | null>(r.error, null)?.code === WITHDRAWN.code;
}

/**
 * Deletes a finished package that holds testimony or evidence of a witness who no longer
 * consents to legal sharing: refusing its download is not enough while the file, with what it
 * may reveal, stays on a server that can be seized or breached. The row stays, with why
 * (WITHDRAWN) and an audit event; the file goes once that is recorded, so a crash in between
 * leaves a marked row whose file the next sweep removes.
 */
async function retirePackage(r: { id: string; dossierId: string }, actor: Actor | "system"): Promise<void> {
  await write(async (tx) => {
    const marked = await tx.dossierExport.updateMany({ where: { id: r.id, status: "READY", error: null }, data: { error: JSON.stringify(WITHDRAWN) } });
    if (marked.count) await writeAudit(tx, { actor, action: "dossier.export.withdraw", recordType: "Dossier", recordId: r.dossierId, after: { exportId: r.id, reason: WITHDRAWN.code } });
  });
  await rm(packagePath(r.id, exportsRoot()), { force: true });
}

/**
 * After a consent to legal sharing is withdrawn (lib/witnesses withdrawConsent): every finished
 * package still on the server that the consent in force no longer covers is deleted. Returns how
 * many.
 */
export async function deleteWithdrawnPackages(actor: Actor): Promise<number> {
  const rows = await read((db) => db.dossierExport.findMany({ where: { status: "READY" }, select: { id: true, dossierId: true, error: true } }));
  let n = 0;
  for (const r of rows) {
    const path = packagePath(r.id, exportsRoot());
    if (!(await stat(path).catch(() => null))) continue;
    if (retired(r) || (await consentStillCovers(path).catch(() => true)) === false) {
      await retirePackage(r, actor);
      n++;
    }
  }
  return n;
}

/** The manifest.json of a finished package (the ZIP this process wrote). */
async function readManifest(path: string): Promise<Manifest> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(path, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))));
  try {
    const bytes = await new Promise<Buffer>((res, rej) => {
      zip.on("entry", (entry: yauzl.Entry) => {
        if (entry.fileName !== "manifest.json") return zip.readEntry();
        zip.openReadStream(entry, async (e, stream) => {
          if (e) return rej(e);
          const chunks: Buffer[] = [];
          try {
            for await (const c of stream!) chunks.push(c as Buffer);
            res(Buffer.concat(chunks));
          } catch (err) {
            rej(err);
          }
        });
      });
      zip.on("end", () => rej(new Error("the package has no manifest.json")));
      zip.on("error", rej);
      zip.readEntry();
    });
    return JSON.parse(bytes.toString("utf8")) as Manifest;
  } finally {
    zip.close();
  }
}

/**
 * Whether the consent that let a finished package be built still holds. A package holds the
 * statements (and any identities revealed with them) and exhibits whose witnesses consented to
 * legal sharing when it was made; handing it out again is sharing them again, so once any of
 * those witnesses has withdrawn that consent (or the record is gone) the stored package is not
 * served to anyone: consent withdrawn takes effect on the next request, as everywhere else, and
 * a new export leaves the withdrawn records out. The same rules as when it was built
 * (lib/dossiers/shared.ts), which apply to a dossier's content whoever reads it.
 */
async function consentStillCovers(path: string): Promise<boolean> {
  const manifest = await readManifest(path);
  const statementIds = [...new Set(manifest.statements.map((x) => x.id))];
  const exhibitIds = [...new Set(manifest.files.flatMap((f) => (f.record?.type === "Exhibit" ? [f.record.id] : [])))];
  return read(async (db) => {
    const statements = await inSlices(statementIds, (slice) => db.statement.findMany({ where: { id: { in: slice } }, select: { id: true, witnessId: true } }));
    const exhibits = await inSlices(exhibitIds, (slice) =>
      db.exhibit.findMany({ where: { id: { in: slice } }, select: { id: true, links: { select: { witnessId: true, statement: { select: { witnessId: true } } } } } }),
    );
    if (statements.length !== statementIds.length || exhibits.length !== exhibitIds.length) return false;
    const exhibitWitnesses = exhibits.map((e) => [...new Set(e.links.flatMap((l) => [l.witnessId, l.statement?.witnessId].filter((x): x is string => !!x)))]);
    const facts = await consentFacts(db, [...statements.map((x) => x.witnessId), ...exhibitWitnesses.flat()]);
    return statements.every((x) => consentExclusion(facts.get(x.witnessId)) === null) && exhibitWitnesses.every((w) => exhibitExclusion(w, facts) === null);
  });
}
