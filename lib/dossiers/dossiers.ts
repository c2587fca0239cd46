import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { getRecordHistory, type HistoryEvent } from "@/lib/audit/record-history";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Tx } from "@/lib/db/client";
import { read, write } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { removePackageFiles } from "./export/paths";
import { parseInput } from "@/lib/validation";
import { ZCreateDossier, ZUpdateDossier, type DossierItemOut, type DossierOut, type DossierSubject, type DossierSummaryOut, type ExclusionReason, type ItemKind } from "./schemas";
import { inSlices } from "@/lib/db/in-slices";
import { cfNumber, consentExclusion, consentFacts, exhibitExclusion, RECORD_TYPE, researchWithdrawnIn } from "./shared";

type DossierRow = {
  id: string;
  title: string;
  description: string;
  subjectType: string;
  proceedingId: string | null;
  personId: string | null;
  nextExhibitNumber: number;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
};

type ItemRow = { id: string; kind: string; refId: string; position: number; exhibitNumber: string; note: string; addedAt: Date };

export const dossierAuditView = (d: { title: string; description: string; subjectType: string; proceedingId: string | null; personId: string | null }) => ({
  title: d.title,
  description: d.description,
  subjectType: d.subjectType,
  proceedingId: d.proceedingId,
  personId: d.personId,
});

export async function loadDossierRow(db: Tx, dossierId: string): Promise<DossierRow> {
  const d = await db.dossier.findUnique({ where: { id: dossierId } });
  if (!d) throw new AppError("NOT_FOUND", "No such dossier.");
  return d;
}

async function subjectRef(db: Tx, d: { subjectType: string; proceedingId: string | null; personId: string | null }) {
  if (d.subjectType === "PROCEEDING" && d.proceedingId) {
    const p = await db.proceeding.findUnique({ where: { id: d.proceedingId }, select: { id: true, title: true, titleFa: true } });
    return { id: d.proceedingId, name: p?.title ?? "", nameFa: p?.titleFa ?? "" };
  }
  const p = d.personId ? await db.person.findUnique({ where: { id: d.personId }, select: { id: true, name: true, nameFa: true } }) : null;
  return { id: d.personId ?? "", name: p?.name ?? "", nameFa: p?.nameFa ?? "" };
}

/** Labels, statuses and consent exclusions for the builder's list of items. */
async function describeItems(db: Tx, actor: Actor, items: ItemRow[]): Promise<DossierItemOut[]> {
  const ids = (k: ItemKind) => items.filter((i) => i.kind === k).map((i) => i.refId);
  const statements = await inSlices(ids("STATEMENT"), (slice) =>
    db.statement.findMany({ where: { id: { in: slice } }, select: { id: true, title: true, status: true, witnessId: true, witness: { select: { code: true } } } }),
  );
  const exhibits = await inSlices(ids("EXHIBIT"), (slice) =>
    db.exhibit.findMany({
      where: { id: { in: slice } },
      select: { id: true, number: true, originalName: true, links: { select: { witnessId: true, statement: { select: { witnessId: true } } } } },
    }),
  );
  const sources = await inSlices(ids("SOURCE"), (slice) => db.source.findMany({ where: { id: { in: slice } }, select: { id: true, title: true } }));
  const exhibitWitnesses = new Map(exhibits.map((e) => [e.id, [...new Set(e.links.flatMap((l) => [l.witnessId, l.statement?.witnessId].filter((x): x is string => !!x)))]]));
  const facts = await consentFacts(db, [...statements.map((s) => s.witnessId), ...[...exhibitWitnesses.values()].flat()]);
  // Left out for a researcher or reviewer too: testimony of a witness who withdrew consent to internal research (lib/dossiers/content.ts).
  const withheld = researchWithdrawnIn(actor, facts);
  const st = new Map(statements.map((s) => [s.id, s]));
  const ex = new Map(exhibits.map((e) => [e.id, e]));
  const so = new Map(sources.map((s) => [s.id, s]));
  return items.map((i) => {
    let label = "";
    let status: string | null = null;
    let witnessCode: string | null = null;
    let excludedReason: ExclusionReason | null = null;
    if (i.kind === "STATEMENT") {
      const s = st.get(i.refId);
      if (!s) excludedReason = "RECORD_MISSING";
      else {
        excludedReason = consentExclusion(facts.get(s.witnessId)) ?? (withheld.has(s.witnessId) ? "CONSENT_WITHDRAWN" : null);
        // A statement the witness has not allowed to be shared is shown by its number and code only.
        label = excludedReason ? "" : s.title;
        status = s.status;
        witnessCode = s.witness.code;
      }
    } else if (i.kind === "EXHIBIT") {
      const e = ex.get(i.refId);
      if (!e) excludedReason = "RECORD_MISSING";
      else {
        const tied = exhibitWitnesses.get(e.id) ?? [];
        excludedReason = exhibitExclusion(tied, facts) ?? (tied.length > 0 && tied.every((w) => withheld.has(w)) ? "CONSENT_WITHDRAWN" : null);
        label = excludedReason ? e.number : `${e.number} · ${e.originalName}`;
      }
    } else {
      const s = so.get(i.refId);
      if (!s) excludedReason = "RECORD_MISSING";
      else label = s.title;
    }
    return {
      id: i.id,
      kind: i.kind as ItemKind,
      refId: i.refId,
      position: i.position,
      exhibitNumber: i.exhibitNumber,
      note: i.note,
      label,
      status,
      verified: status === null ? null : status === "VERIFIED",
      witnessCode,
      excludedReason,
      addedAt: i.addedAt.toISOString(),
    };
  });
}

/**
 * The statements pre-selected for a new dossier: VERIFIED ones whose witness's consent covers
 * legal sharing, linked (lib/links) to the subject. For a person, links naming them. For a
 * proceeding, links citing the proceeding, links naming any of its defendants, and links citing
 * any event that a link to the proceeding cites (a proceeding's events are those its links name).
 * In the order the statements were recorded.
 */
export async function defaultStatementIds(db: Tx, subjectType: DossierSubject, subjectId: string): Promise<string[]> {
  let where;
  if (subjectType === "PERSON") where = { personId: subjectId };
  else {
    const defendants = await db.proceedingDefendant.findMany({ where: { proceedingId: subjectId }, select: { personId: true } });
    const events = await db.link.findMany({ where: { proceedingId: subjectId, eventId: { not: null } }, select: { eventId: true }, distinct: ["eventId"] });
    where = {
      OR: [
        { proceedingId: subjectId },
        ...(defendants.length ? [{ personId: { in: defendants.map((d) => d.personId) } }] : []),
        ...(events.length ? [{ eventId: { in: events.map((e) => e.eventId!) } }] : []),
      ],
    };
  }
  const links = await db.link.findMany({ where: { ...where, statement: { status: "VERIFIED" } }, select: { statementId: true } });
  const ids = [...new Set(links.map((l) => l.statementId))];
  if (!ids.length) return [];
  const statements = await inSlices(ids, (slice) =>
    db.statement.findMany({ where: { id: { in: slice }, witness: { consents: { some: { scope: "LEGAL_SHARING", withdrawnAt: null } } } }, select: { id: true, createdAt: true } }),
  );
  return statements.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1)).map((s) => s.id);
}

function toOut(d: DossierRow, subject: { id: string; name: string; nameFa: string }, createdBy: { id: string; name: string }) {
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    subjectType: d.subjectType as DossierSubject,
    subject,
    nextExhibitNumber: d.nextExhibitNumber,
    createdBy,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

async function userRef(db: Tx, id: string) {
  const u = await db.user.findUnique({ where: { id }, select: { id: true, name: true } });
  return u ?? { id, name: id };
}

/** A dossier with its items in order, as the builder shows it. */
export async function dossierOut(db: Tx, actor: Actor, dossierId: string): Promise<DossierOut> {
  const d = await loadDossierRow(db, dossierId);
  const items = await db.dossierItem.findMany({ where: { dossierId }, orderBy: [{ position: "asc" }, { exhibitNumber: "asc" }] });
  return {
    ...toOut(d, await subjectRef(db, d), await userRef(db, d.createdById)),
    items: await describeItems(db, actor, items),
    mayEdit: can(actor, "dossier.edit"),
  };
}

export async function createDossier({ actor, input }: { actor: Actor | null; input: unknown }): Promise<DossierOut> {
  authorize(actor, "dossier.edit");
  const data = parseInput(ZCreateDossier, input);
  const id = await write(async (tx) => {
    const exists =
      data.subjectType === "PROCEEDING"
        ? await tx.proceeding.count({ where: { id: data.subjectId } })
        : await tx.person.count({ where: { id: data.subjectId } });
    if (!exists) throw new AppError("INVALID_INPUT", "The proceeding or person does not exist.", { subjectId: ["not_found"] });
    const statementIds = data.preselect ? await defaultStatementIds(tx, data.subjectType, data.subjectId) : [];
    const d = await tx.dossier.create({
      data: {
        title: data.title,
        description: data.description,
        subjectType: data.subjectType,
        proceedingId: data.subjectType === "PROCEEDING" ? data.subjectId : null,
        personId: data.subjectType === "PERSON" ? data.subjectId : null,
        nextExhibitNumber: statementIds.length + 1,
        createdById: actor.id,
      },
    });
    const items = statementIds.map((refId, i) => ({ kind: "STATEMENT", refId, position: i + 1, exhibitNumber: cfNumber(i + 1) }));
    if (items.length) await tx.dossierItem.createMany({ data: items.map((it) => ({ ...it, dossierId: d.id, addedById: actor.id })) });
    await writeAudit(tx, {
      actor,
      action: "dossier.create",
      recordType: RECORD_TYPE,
      recordId: d.id,
      after: { ...dossierAuditView(d), items: items.map(({ kind, refId, exhibitNumber }) => ({ kind, refId, exhibitNumber })) },
    });
    return d.id;
  });
  return read((db) => dossierOut(db, actor, id));
}

export async function updateDossier({ actor, dossierId, input }: { actor: Actor | null; dossierId: string; input: unknown }): Promise<DossierOut> {
  authorize(actor, "dossier.edit");
  const data = parseInput(ZUpdateDossier, input);
  await write(async (tx) => {
    const before = await loadDossierRow(tx, dossierId);
    const after = await tx.dossier.update({ where: { id: dossierId }, data: { title: data.title, description: data.description } });
    await writeAudit(tx, { actor, action: "dossier.update", recordType: RECORD_TYPE, recordId: dossierId, before: dossierAuditView(before), after: dossierAuditView(after) });
  });
  return read((db) => dossierOut(db, actor, dossierId));
}

/**
 * Deletes a dossier and its items (its exports go with it, by cascade). The audit log keeps the
 * dossier's whole history, ending with this event listing what it held.
 */
export async function deleteDossier({ actor, dossierId }: { actor: Actor | null; dossierId: string }): Promise<{ id: string; deleted: true }> {
  authorize(actor, "dossier.edit");
  const { result, exportIds } = await write(async (tx) => {
    const before = await loadDossierRow(tx, dossierId);
    const items = await tx.dossierItem.findMany({ where: { dossierId }, orderBy: { position: "asc" } });
    const exports = await tx.dossierExport.findMany({ where: { dossierId }, select: { id: true } });
    await tx.dossier.delete({ where: { id: dossierId } });
    await writeAudit(tx, {
      actor,
      action: "dossier.delete",
      recordType: RECORD_TYPE,
      recordId: dossierId,
      before: { ...dossierAuditView(before), items: items.map((i) => ({ kind: i.kind, refId: i.refId, exhibitNumber: i.exhibitNumber })) },
    });
    return { result: { id: dossierId, deleted: true as const }, exportIds: exports.map((e) => e.id) };
  });
  // The packages go with the dossier once the deletion is committed (each one's SHA-256 stays in
  // the audit log); a file that cannot be removed now is left for an administrator, not an error.
  for (const id of exportIds) await removePackageFiles(id).catch(() => undefined);
  return result;
}

export async function getDossier({ actor, dossierId }: { actor: Actor | null; dossierId: string }): Promise<DossierOut> {
  authorize(actor, "dossier.read");
  return read((db) => dossierOut(db, actor, dossierId));
}

/** All dossiers, most recently changed first (a legal team has tens, not thousands). */
export async function listDossiers({ actor }: { actor: Actor | null }): Promise<{ items: DossierSummaryOut[] }> {
  authorize(actor, "dossier.read");
  return read(async (db) => {
    const rows = await db.dossier.findMany({ orderBy: { updatedAt: "desc" }, include: { _count: { select: { items: true } } } });
    const items: DossierSummaryOut[] = [];
    for (const d of rows) items.push({ ...toOut(d, await subjectRef(db, d), await userRef(db, d.createdById)), itemCount: d._count.items });
    return { items };
  });
}

/** The dossier's audit events, oldest first (lib/audit/record-history), each with the item number it concerns. */
export async function getDossierHistory({ actor, dossierId }: { actor: Actor | null; dossierId: string }): Promise<(HistoryEvent & { exhibitNumber: string | null })[]> {
  authorize(actor, "dossier.read");
  await read((db) => loadDossierRow(db, dossierId));
  const events = await getRecordHistory({ actor, recordType: RECORD_TYPE, recordId: dossierId });
  // An item's number is unchanged by a move, so the field-by-field diff leaves it out; read it from the payload.
  const raw = await read((db) => db.auditEvent.findMany({ where: { recordType: RECORD_TYPE, recordId: dossierId }, select: { seq: true, before: true, after: true } }));
  const numbers = new Map(
    raw.map((r) => {
      let n: unknown = null;
      try {
        n = (JSON.parse(r.after ?? r.before ?? "null") as { exhibitNumber?: unknown } | null)?.exhibitNumber ?? null;
      } catch {
        n = null;
      }
      return [r.seq, typeof n === "string" ? n : null];
    }),
  );
  return events.map((e) => ({ ...e, exhibitNumber: numbers.get(e.seq) ?? null }));
}
