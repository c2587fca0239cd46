import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { writeAudit, type AuditInput } from "@/lib/audit/write-audit";
import { writeAuditMany } from "@/lib/audit/write-audit-many";
import type { Prisma } from "@/generated/sqlite/client";
import { docRow, statementContent } from "@/lib/search/index-record";
import { newId } from "@/lib/statements/bulk-create";
import type { Tx } from "@/lib/db/client";
import { type CreateEvent } from "@/lib/events/schemas";
import { NOTE_UPLOADED, NOTE_UPLOADED_AGAIN } from "@/lib/exhibits/schemas";
import { cleanFileName, custodyAuditView, exhibitAuditView, exhibitNumber, nextExhibitNumber } from "@/lib/exhibits/shared";
import { personAuditView, positionRow, toPersonOut, NEW_PERSON_INCLUDE } from "@/lib/persons/shared";
import { writePersonUpdate } from "@/lib/persons/update-person";
import type { CreatePerson } from "@/lib/persons/schemas";
import type { CreatePlace } from "@/lib/places/schemas";
import type { CreateSource } from "@/lib/sources/schemas";
import type { CreateStatement } from "@/lib/statements/schemas";
import { auditView as statementAuditView, contentOf } from "@/lib/statements/statements";
import { encryptIdentity, recordedFields } from "@/lib/witnesses/identity";
import { randomUUID } from "node:crypto";
import type { ImportKind } from "./fields";
import { distinctLinks, IMPORTED_LINK, type PlannedFile, type PlannedLink, type RecordRef, type RowPlan } from "./kinds";

// Writing one planned row inside the import's transaction: the record as its own create
// operation writes it, an audit event "<type>.import" naming the import job and the file's
// SHA-256, and the ImportedRow that makes a second run of the same file a no-op.

export type WriteMeta = { actor: Actor; jobId: string; fileSha256: string; fileName: string };

type StatementData = { statement: CreateStatement; persons: PlannedLink[]; filePaths: string[] };

export async function writeRow(tx: Tx, kind: ImportKind, plan: RowPlan, meta: WriteMeta): Promise<RecordRef | null> {
  if (plan.outcome !== "CREATE" && plan.outcome !== "LINK" && plan.outcome !== "UPDATE") return plan.record;
  const imp = { jobId: meta.jobId, fileSha256: meta.fileSha256, row: plan.row };
  let ref: RecordRef;
  if (plan.outcome === "LINK") {
    ref = plan.record!;
  } else if (plan.outcome === "UPDATE") {
    ref = await update(tx, kind, plan, meta, imp);
  } else {
    ref = await create(tx, kind, plan, meta, imp);
  }
  await tx.importedRow.create({ data: { kind, rowKey: plan.rowKey, recordType: ref.type, recordId: ref.id!, importJobId: meta.jobId } });
  return ref;
}

/**
 * A row matched to an existing record that changes some of its fields (UPDATABLE): the change as
 * an edit on the record's page makes it, audited as one (person.update) with the import job and
 * row. The stored values are read again here: a field someone else has set to the sheet's value
 * since the plan was made is not changed twice, and nothing at all is written when none is left.
 */
async function update(tx: Tx, kind: ImportKind, plan: RowPlan, meta: WriteMeta, imp: Record<string, unknown>): Promise<RecordRef> {
  if (kind !== "PERSONS") throw new Error(`No update for ${kind} rows.`);
  // The import's permission (import.run) lets an account create records; changing one is an edit.
  authorize(meta.actor, "registry.edit");
  const ref = plan.record!;
  const wanted = plan.data as Partial<Record<"statusNotes" | "statusNotesFa", string>>;
  const now = await tx.person.findUnique({ where: { id: ref.id! }, select: { statusNotes: true, statusNotesFa: true } });
  if (!now) throw new AppError("NOT_FOUND", `The person “${ref.label}” (row ${plan.row}) is no longer in the registry. Nothing of this batch was written.`);
  const data = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => v !== now[k as keyof typeof now]));
  if (Object.keys(data).length) await writePersonUpdate(tx, { actor: meta.actor, personId: ref.id!, data, after: { import: imp } });
  return ref;
}

async function create(tx: Tx, kind: ImportKind, plan: RowPlan, meta: WriteMeta, imp: Record<string, unknown>): Promise<RecordRef> {
  const { actor } = meta;
  switch (kind) {
    case "PERSONS": {
      const d = plan.data as CreatePerson;
      const created = await tx.person.create({
        data: {
          name: d.name,
          nameFa: d.nameFa,
          summary: d.summary,
          summaryFa: d.summaryFa,
          statusNotes: d.statusNotes,
          statusNotesFa: d.statusNotesFa,
          source: d.source,
          aliases: { create: d.aliases.map((a) => ({ name: a.name, note: a.note })) },
          positions: { create: d.positions.map(positionRow) },
        },
        include: NEW_PERSON_INCLUDE,
      });
      const out = toPersonOut(created);
      await writeAudit(tx, { actor, action: "person.import", recordType: "Person", recordId: out.id, after: { ...personAuditView(out), import: imp } });
      return { type: "Person", id: out.id, label: out.name };
    }
    case "PLACES": {
      const d = plan.data as CreatePlace;
      const p = await tx.place.create({ data: { ...d, aliases: JSON.stringify(d.aliases) } });
      await writeAudit(tx, { actor, action: "place.import", recordType: "Place", recordId: p.id, after: { name: p.name, nameFa: p.nameFa, aliases: d.aliases, city: p.city, note: p.note, import: imp } });
      return { type: "Place", id: p.id, label: p.name };
    }
    case "EVENTS": {
      const d = plan.data as CreateEvent;
      const end = d.dateEnd ?? null;
      const e = await tx.event.create({
        data: {
          title: d.title,
          titleFa: d.titleFa,
          dateStart: d.dateStart.input,
          dateEnd: end?.input ?? null,
          precision: end ? "range" : d.dateStart.precision,
          earliest: d.dateStart.earliest,
          latest: (end ?? d.dateStart).latest,
          description: d.description,
          source: d.source,
          places: { create: d.placeIds.map((placeId) => ({ placeId })) },
        },
      });
      await writeAudit(tx, {
        actor,
        action: "event.import",
        recordType: "Event",
        recordId: e.id,
        after: { title: e.title, titleFa: e.titleFa, dateStart: e.dateStart, dateEnd: e.dateEnd, precision: e.precision, earliest: e.earliest, latest: e.latest, description: e.description, source: e.source, placeIds: d.placeIds, import: imp },
      });
      return { type: "Event", id: e.id, label: e.title };
    }
    case "SOURCES": {
      const d = plan.data as CreateSource;
      const s = await tx.source.create({ data: { ...d, year: d.year ?? null, date: d.date ?? null } });
      await writeAudit(tx, { actor, action: "source.import", recordType: "Source", recordId: s.id, after: { title: s.title, author: s.author, year: s.year, date: s.date, kind: s.kind, citation: s.citation, url: s.url, note: s.note, import: imp } });
      return { type: "Source", id: s.id, label: s.title };
    }
    case "WITNESSES": {
      const { identity, consents: _c, ...data } = plan.data as { identity?: Record<string, string>; consents?: unknown; protectionLevel: string; notes: string; fictional: boolean };
      const id = randomUUID();
      const encrypted = identity ? encryptIdentity(id, identity) : {};
      const last = await tx.witness.findFirst({ orderBy: { code: "desc" }, select: { code: true } });
      const n = last ? Number.parseInt(last.code.slice(2), 10) : 0;
      const code = `W-${String(n + 1).padStart(4, "0")}`;
      const w = await tx.witness.create({ data: { id, ...data, ...encrypted, code, createdById: actor.id } });
      // Which identity fields were recorded, never their values.
      await writeAudit(tx, {
        actor,
        action: "witness.import",
        recordType: "Witness",
        recordId: w.id,
        after: { code: w.code, protectionLevel: w.protectionLevel, fictional: w.fictional, identityFields: recordedFields(w), consents: [], import: imp },
      });
      return { type: "Witness", id: w.id, label: w.code };
    }
    case "STATEMENTS": {
      const d = plan.data as StatementData;
      const { revision, columns, contentHash } = contentOf(d.statement);
      const witness = await tx.witness.findUniqueOrThrow({ where: { id: d.statement.witnessId }, select: { id: true, fictional: true } });
      const s = await tx.statement.create({ data: { ...columns, witnessId: witness.id, authorId: actor.id, fictional: witness.fictional, revisionNumber: 1 } });
      await tx.statementRevision.create({ data: { ...revision, statementId: s.id, number: 1, reason: "imported", authorId: actor.id, contentHash } });
      await writeAudit(tx, { actor, action: "statement.import", recordType: "Statement", recordId: s.id, after: { ...statementAuditView(s, contentHash), import: imp } });
      // Each link once, whatever the plan holds (a statement's duplicate links count a quote twice).
      for (const p of distinctLinks(s.id, d.persons)) {
        const link = await tx.link.create({
          data: {
            statementId: s.id,
            revisionNumber: 1,
            startOffset: p.start,
            endOffset: p.end,
            quote: d.statement.originalText.slice(p.start, p.end),
            personId: p.personId,
            ...IMPORTED_LINK,
            note: "",
            createdById: actor.id,
          },
        });
        await writeAudit(tx, {
          actor,
          action: "link.import",
          recordType: "Link",
          recordId: link.id,
          after: { statementId: s.id, revisionNumber: 1, startOffset: p.start, endOffset: p.end, personId: p.personId, role: link.role, allegationType: link.allegationType, import: imp },
        });
      }
      for (const f of plan.files ?? []) await writeExhibit(tx, f, s.id, meta, imp);
      return { type: "Statement", id: s.id, label: s.title };
    }
  }
}

/** Blob, exhibit (or a link to the exhibit that already holds these bytes) and custody entry, as an upload writes them. */
async function writeExhibit(tx: Tx, f: PlannedFile, statementId: string, meta: WriteMeta, imp: Record<string, unknown>) {
  const { actor } = meta;
  const blob = (await tx.blob.findUnique({ where: { sha256: f.sha256 } })) ?? (await tx.blob.create({ data: { sha256: f.sha256, size: BigInt(f.size), mime: f.mime } }));
  const receipt = { actorId: actor.id, who: actor.name, place: "Casefile import", at: new Date() };
  const existing = await tx.exhibit.findFirst({ where: { sha256: f.sha256 }, orderBy: { createdAt: "asc" } });
  if (existing) {
    const already = await tx.exhibitLink.findFirst({ where: { exhibitId: existing.id, statementId, witnessId: null } });
    if (already) return;
    await tx.exhibitLink.create({ data: { exhibitId: existing.id, statementId, witnessId: null } });
    const entry = await tx.custodyEntry.create({ data: { exhibitId: existing.id, kind: "RECEIVED", ...receipt, note: NOTE_UPLOADED_AGAIN } });
    await writeAudit(tx, {
      actor,
      action: "exhibit.import-link",
      recordType: "Exhibit",
      recordId: existing.id,
      after: { statementId, witnessId: null, number: existing.number, sha256: existing.sha256, deduplicated: true, custody: custodyAuditView(entry), import: imp },
    });
    return;
  }
  const number = await nextExhibitNumber(tx);
  const created = await tx.exhibit.create({
    data: { number, sha256: f.sha256, originalName: cleanFileName(f.path), description: "", createdById: actor.id, links: { create: { statementId, witnessId: null } } },
  });
  const entry = await tx.custodyEntry.create({ data: { exhibitId: created.id, kind: "RECEIVED", ...receipt, note: NOTE_UPLOADED } });
  await writeAudit(tx, {
    actor,
    action: "exhibit.import",
    recordType: "Exhibit",
    recordId: created.id,
    after: { ...exhibitAuditView(created, blob), statementId, witnessId: null, custody: custodyAuditView(entry), import: imp },
  });
}

// ---------------------------------------------------------------- statements, a batch at a time

/**
 * A batch of planned STATEMENTS rows in one go: the same rows, audit events and index entries
 * as writeRow, but one insert per table for the whole batch (Prisma compiles every query, which
 * costs more than the insert itself; a statement with a file is some twenty queries one by one).
 */
const IN_SLICE = 500;

export async function writeStatementsBatch(tx: Tx, plans: RowPlan[], meta: WriteMeta): Promise<(RecordRef | null)[]> {
  const { actor } = meta;
  const now = new Date();
  const creates = plans.filter((p) => p.outcome === "CREATE");
  const datas = new Map(creates.map((p) => [p.row, p.data as StatementData]));
  const witnessIds = [...new Set([...datas.values()].map((d) => d.statement.witnessId))];
  const fictional = new Map<string, boolean>();
  for (let i = 0; i < witnessIds.length; i += IN_SLICE)
    for (const w of await tx.witness.findMany({ where: { id: { in: witnessIds.slice(i, i + IN_SLICE) } }, select: { id: true, fictional: true } })) fictional.set(w.id, w.fictional);
  const shas = [...new Set(creates.flatMap((p) => (p.files ?? []).map((f) => f.sha256)))];
  const haveBlob = new Set<string>();
  const exhibitBySha = new Map<string, { id: string; number: string }>();
  // IN lists in slices: the SQLite adapter allows only so many bound parameters per query.
  for (let i = 0; i < shas.length; i += IN_SLICE) {
    const slice = shas.slice(i, i + IN_SLICE);
    for (const b of await tx.blob.findMany({ where: { sha256: { in: slice } }, select: { sha256: true } })) haveBlob.add(b.sha256);
    for (const e of await tx.exhibit.findMany({ where: { sha256: { in: slice } }, orderBy: { createdAt: "desc" }, select: { id: true, number: true, sha256: true } })) exhibitBySha.set(e.sha256, e);
  }
  let nextNumber: number | null = null;

  const statements: Prisma.StatementCreateManyInput[] = [];
  const revisions: Prisma.StatementRevisionCreateManyInput[] = [];
  const links: Prisma.LinkCreateManyInput[] = [];
  const blobs: Prisma.BlobCreateManyInput[] = [];
  const exhibits: Prisma.ExhibitCreateManyInput[] = [];
  const exhibitLinks: Prisma.ExhibitLinkCreateManyInput[] = [];
  const custody: Prisma.CustodyEntryCreateManyInput[] = [];
  const imported: Prisma.ImportedRowCreateManyInput[] = [];
  const audits: AuditInput[] = [];
  const docs: ReturnType<typeof docRow>[] = [];
  const refs: (RecordRef | null)[] = [];
  const receipt = { actorId: actor.id, who: actor.name, place: "Casefile import", at: now };

  for (const p of plans) {
    if (p.outcome === "LINK") {
      imported.push({ id: newId(), kind: "STATEMENTS", rowKey: p.rowKey, recordType: p.record!.type, recordId: p.record!.id!, importJobId: meta.jobId, createdAt: now });
      refs.push(p.record);
      continue;
    }
    if (p.outcome !== "CREATE") {
      refs.push(p.record);
      continue;
    }
    const imp = { jobId: meta.jobId, fileSha256: meta.fileSha256, row: p.row };
    const d = datas.get(p.row)!;
    const { revision, columns, contentHash } = contentOf(d.statement);
    const id = newId();
    const row = { ...columns, id, witnessId: d.statement.witnessId, authorId: actor.id, fictional: fictional.get(d.statement.witnessId) ?? false, status: "DRAFT", revisionNumber: 1, createdAt: now, updatedAt: now };
    statements.push(row);
    revisions.push({ ...revision, id: newId(), statementId: id, number: 1, reason: "imported", authorId: actor.id, contentHash, createdAt: now });
    audits.push({ actor, action: "statement.import", recordType: "Statement", recordId: id, after: { ...statementAuditView(row, contentHash), import: imp } });
    docs.push(docRow("statement", id, statementContent(row, revision.details)));
    // Each link once, whatever the plan holds (a statement's duplicate links count a quote twice).
    for (const person of distinctLinks(id, d.persons)) {
      const linkId = newId();
      links.push({
        id: linkId,
        statementId: id,
        revisionNumber: 1,
        startOffset: person.start,
        endOffset: person.end,
        quote: d.statement.originalText.slice(person.start, person.end),
        personId: person.personId,
        ...IMPORTED_LINK,
        note: "",
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      });
      audits.push({
        actor,
        action: "link.import",
        recordType: "Link",
        recordId: linkId,
        after: { statementId: id, revisionNumber: 1, startOffset: person.start, endOffset: person.end, personId: person.personId, ...IMPORTED_LINK, import: imp },
      });
    }
    const linkedHere = new Set<string>();
    for (const f of p.files ?? []) {
      if (!haveBlob.has(f.sha256)) {
        blobs.push({ sha256: f.sha256, size: BigInt(f.size), mime: f.mime, createdAt: now });
        haveBlob.add(f.sha256);
      }
      const existing = exhibitBySha.get(f.sha256);
      const entryId = newId();
      if (existing) {
        if (linkedHere.has(existing.id)) continue;
        linkedHere.add(existing.id);
        exhibitLinks.push({ id: newId(), exhibitId: existing.id, statementId: id, witnessId: null, createdAt: now });
        const entry = { id: entryId, exhibitId: existing.id, kind: "RECEIVED", ...receipt, note: NOTE_UPLOADED_AGAIN, result: null, createdAt: now };
        custody.push(entry);
        audits.push({
          actor,
          action: "exhibit.import-link",
          recordType: "Exhibit",
          recordId: existing.id,
          after: { statementId: id, witnessId: null, number: existing.number, sha256: f.sha256, deduplicated: true, custody: custodyAuditView(entry), import: imp },
        });
        continue;
      }
      nextNumber ??= Number((await nextExhibitNumber(tx)).slice(3));
      const exhibit = { id: newId(), number: exhibitNumber(nextNumber++), sha256: f.sha256, originalName: cleanFileName(f.path), description: "", createdById: actor.id, createdAt: now };
      exhibits.push(exhibit);
      exhibitBySha.set(f.sha256, exhibit);
      linkedHere.add(exhibit.id);
      exhibitLinks.push({ id: newId(), exhibitId: exhibit.id, statementId: id, witnessId: null, createdAt: now });
      const entry = { id: entryId, exhibitId: exhibit.id, kind: "RECEIVED", ...receipt, note: NOTE_UPLOADED, result: null, createdAt: now };
      custody.push(entry);
      audits.push({
        actor,
        action: "exhibit.import",
        recordType: "Exhibit",
        recordId: exhibit.id,
        after: { ...exhibitAuditView(exhibit, { size: f.size, mime: f.mime }), statementId: id, witnessId: null, custody: custodyAuditView(entry), import: imp },
      });
    }
    imported.push({ id: newId(), kind: "STATEMENTS", rowKey: p.rowKey, recordType: "Statement", recordId: id, importJobId: meta.jobId, createdAt: now });
    refs.push({ type: "Statement", id, label: row.title });
  }

  // Parents before children (foreign keys).
  if (statements.length) await tx.statement.createMany({ data: statements });
  if (revisions.length) await tx.statementRevision.createMany({ data: revisions });
  if (links.length) await tx.link.createMany({ data: links });
  if (blobs.length) await tx.blob.createMany({ data: blobs });
  if (exhibits.length) await tx.exhibit.createMany({ data: exhibits });
  if (exhibitLinks.length) await tx.exhibitLink.createMany({ data: exhibitLinks });
  if (custody.length) await tx.custodyEntry.createMany({ data: custody });
  if (imported.length) await tx.importedRow.createMany({ data: imported });
  // The chain computed in memory, one insert; the statements' index entries written here (writeAuditMany does not index).
  await writeAuditMany(tx, audits);
  if (docs.length) await tx.searchDoc.createMany({ data: docs });
  return refs;
}
