import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize, can } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";
import { dualDate, loadDossierContent, type DossierContent } from "@/lib/dossiers";
import { decryptIdentity } from "@/lib/witnesses/identity";
import type { LinkPassageRow } from "@/lib/links/schemas";

// What a package is made of: the dossier's items in order with their CF numbers, read with the
// exporter's authority, and for each witness whether this exporter may see the identity in the
// package. Everything the PDF, the manifest and the audit selection need, and nothing more.
//
// The dossier's read model (lib/dossiers loadDossierContent) has applied consent already: a
// statement is left out unless its witness's consent in force covers LEGAL_SHARING, with the
// reason (withdrawn, never given, record gone); the package states the count. What the export
// adds here: dossier.export, and per witness whether THIS exporter may see the identity.

export type ExcludedStatement = { kind: string; refId: string; exhibitNumber: string; reason: string };

export type ExportWitness = {
  id: string;
  code: string;
  consentScopes: string[];
  /** The legal name, only when consent covers legal sharing AND the exporter may reveal it. */
  revealedName: string | null;
};

export type ExportLink = Omit<LinkPassageRow, "statementId"> & {
  person: { id: string; name: string; nameFa: string };
  event: { id: string; title: string; titleFa: string } | null;
  place: { id: string; name: string; nameFa: string } | null;
  proceeding: { id: string; title: string; titleFa: string } | null;
};

/** The statement's latest decision; its grade is null when that decision was not graded (only a verification must be). */
export type ExportGrading = { decision: string; revisionNumber: number; sourceReliability: string | null; credibility: number | null; decidedAt: string };

export type ExportStatement = {
  kind: "STATEMENT";
  exhibitNumber: string;
  note: string;
  id: string;
  title: string;
  language: string;
  text: string;
  summary: string;
  revisionNumber: number;
  status: string;
  /** The interview's date as it was typed, and read in each calendar (null parts where it could not be read). */
  interviewDate: string | null;
  interviewDates: { gregorian: string | null; persian: string | null } | null;
  /** A fictional sample (demo or training data), marked so wherever it is shown. */
  fictional: boolean;
  /** The translations recorded with the statement's revision, each with its translator. */
  translations: { language: string; translator: string; text: string }[];
  witness: ExportWitness;
  grading: ExportGrading | null;
  links: ExportLink[];
  /** Ids of exhibits linked to this statement (for "the exhibit number" of a citation). */
  exhibitIds: string[];
};

export type ExportExhibit = {
  kind: "EXHIBIT";
  exhibitNumber: string;
  note: string;
  id: string;
  storeNumber: string; // EX-0001 in the exhibit register
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
  description: string;
};

export type ExportSource = {
  kind: "SOURCE";
  exhibitNumber: string;
  note: string;
  id: string;
  title: string;
  author: string;
  year: number | null;
  sourceKind: string;
  citation: string;
  url: string;
  grade: string | null;
};

export type ExportItem = ExportStatement | ExportExhibit | ExportSource;

export type ChronologyEntry = {
  id: string;
  title: string;
  titleFa: string;
  /** The date as given, and in each calendar (null when it could not be read). */
  input: string;
  gregorian: string | null;
  persian: string | null;
  sortKey: string;
  /** "event" (the registry, cited by these CF numbers) or "proceeding" (its status timeline). */
  origin: "event" | "proceeding";
  citedBy: string[];
};

export type ExportContent = {
  dossier: {
    id: string;
    title: string;
    subjectType: string;
    description: string;
    /** The subject, with what the cover says of it besides its name (each text in English and Persian, empty when not recorded). */
    subject:
      | { type: "PROCEEDING"; id: string; title: string; titleFa: string; court: string; courtFa: string; jurisdiction: string; docket?: string; defendants?: { name: string; nameFa: string }[]; charges?: string; chargesFa?: string; status?: string; statusFa?: string }
      | { type: "PERSON"; id: string; name: string; nameFa: string; aliases?: string[]; summary?: string; summaryFa?: string; statusNotes?: string; statusNotesFa?: string }
      | null;
  };
  items: ExportItem[];
  excluded: ExcludedStatement[];
  chronology: ChronologyEntry[];
  /** Witnesses whose identity this export discloses (to be audited as reveals). */
  revealed: { id: string; code: string }[];
};

/** Consent covers legal sharing AND the policy lets this actor reveal this witness. */
export function mayRevealInExport(actor: Actor, w: { createdById: string; consentScopes: readonly string[] }): boolean {
  return w.consentScopes.includes("LEGAL_SHARING") && can(actor, "witness.reveal", { ownerId: w.createdById, consentScopes: [...w.consentScopes] });
}

/**
 * Reads a dossier for export through the dossier read model. dossier.export is checked first.
 * With `reveal` (the exporter asked for identities, with a reason), the legal name of each witness whose consent covers legal sharing AND whom
 * this exporter may reveal (policy witness.reveal) is read; everyone else stays a code.
 */
export async function loadExportContent({ actor, dossierId, reveal }: { actor: Actor | null; dossierId: string; reveal: boolean }): Promise<ExportContent> {
  authorize(actor, "dossier.export");
  const c: DossierContent = await loadDossierContent({ actor, dossierId });

  // Who recorded each witness (the policy's ownerId) and the encrypted name, read here only.
  const witnessIds = [...new Set(c.items.flatMap((i) => (i.kind === "STATEMENT" ? [i.statement.witness.witnessId] : [])))];
  const rows = witnessIds.length
    ? await read((db) => db.witness.findMany({ where: { id: { in: witnessIds } }, select: { id: true, code: true, createdById: true, legalNameEnc: true } }))
    : [];
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const witnesses = new Map<string, ExportWitness>();
  const revealed: ExportContent["revealed"] = [];
  const witnessFor = (w: { witnessId: string; code: string; consentScopes: string[] }): ExportWitness => {
    const known = witnesses.get(w.witnessId);
    if (known) return known;
    const row = rowOf.get(w.witnessId);
    let revealedName: string | null = null;
    if (reveal && row && mayRevealInExport(actor, { createdById: row.createdById, consentScopes: w.consentScopes }) && row.legalNameEnc) {
      revealedName = decryptIdentity({ id: row.id, legalNameEnc: row.legalNameEnc }).legalName ?? null;
      if (revealedName) revealed.push({ id: row.id, code: row.code });
    }
    const out = { id: w.witnessId, code: w.code, consentScopes: [...w.consentScopes].sort(), revealedName };
    witnesses.set(w.witnessId, out);
    return out;
  };

  const exhibitsOf = new Map<string, string[]>();
  for (const i of c.items) if (i.kind === "EXHIBIT") for (const sid of i.exhibit.statementIds) exhibitsOf.set(sid, [...(exhibitsOf.get(sid) ?? []), i.exhibit.id]);

  const items: ExportItem[] = c.items.map((i): ExportItem => {
    if (i.kind === "STATEMENT") {
      const s = i.statement;
      return {
        kind: "STATEMENT",
        exhibitNumber: i.exhibitNumber,
        note: i.note,
        id: s.id,
        title: s.title,
        language: s.language,
        text: s.originalText,
        summary: s.summary,
        revisionNumber: s.revisionNumber,
        status: s.status,
        interviewDate: s.interviewDate?.input ?? null,
        interviewDates: s.interviewDate ? { gregorian: s.interviewDate.en?.gregorian ?? null, persian: s.interviewDate.fa?.persian ?? null } : null,
        fictional: s.fictional,
        translations: s.translations,
        witness: witnessFor(s.witness),
        grading: s.review ? { decision: s.review.decision, revisionNumber: s.review.revisionNumber, sourceReliability: s.review.sourceReliability, credibility: s.review.credibility, decidedAt: s.review.decidedAt } : null,
        links: s.links.map((l) => ({
          id: l.id,
          revisionNumber: l.revisionNumber,
          startOffset: l.startOffset,
          endOffset: l.endOffset,
          quote: l.quote,
          anchor: l.anchor,
          role: l.role,
          allegationType: l.allegationType,
          person: l.person,
          event: l.event,
          place: l.place,
          proceeding: l.proceeding,
        })),
        exhibitIds: exhibitsOf.get(s.id) ?? [],
      };
    }
    if (i.kind === "EXHIBIT") {
      const e = i.exhibit;
      return { kind: "EXHIBIT", exhibitNumber: i.exhibitNumber, note: i.note, id: e.id, storeNumber: e.number, sha256: e.sha256, size: e.size, mime: e.mime, originalName: e.originalName, description: e.description };
    }
    const s = i.source;
    return { kind: "SOURCE", exhibitNumber: i.exhibitNumber, note: i.note, id: s.id, title: s.title, author: s.author, year: s.year, sourceKind: s.kind, citation: s.citation, url: s.url, grade: s.grade };
  });

  const chronology: ChronologyEntry[] = c.chronology.map((e) => ({
    id: e.eventId,
    title: e.title,
    titleFa: e.titleFa,
    input: e.date.input,
    gregorian: e.date.en?.gregorian ?? null,
    persian: e.date.fa?.persian ?? null,
    sortKey: e.date.earliest ?? e.date.input,
    origin: "event",
    citedBy: e.citedBy,
  }));
  if (c.subject.type === "PROCEEDING") {
    c.subject.timeline.forEach((t, n) => {
      const d = dualDate(t.date);
      chronology.push({ id: `timeline-${n}`, title: t.what, titleFa: t.whatFa, input: t.date, gregorian: d.en?.gregorian ?? null, persian: d.fa?.persian ?? null, sortKey: d.earliest ?? t.date, origin: "proceeding", citedBy: [] });
    });
  }
  chronology.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.title.localeCompare(b.title));

  const subj = c.subject;
  return {
    dossier: {
      id: c.dossier.id,
      title: c.dossier.title,
      subjectType: c.dossier.subjectType,
      description: c.dossier.description,
      subject:
        subj.type === "PROCEEDING"
          ? { type: "PROCEEDING", id: subj.id, title: subj.title, titleFa: subj.titleFa, court: subj.court, courtFa: subj.courtFa, jurisdiction: subj.jurisdiction, docket: subj.docket, defendants: subj.defendants.map((p) => ({ name: p.name, nameFa: p.nameFa })), charges: subj.charges, chargesFa: subj.chargesFa, status: subj.status, statusFa: subj.statusFa }
          : { type: "PERSON", id: subj.id, name: subj.name, nameFa: subj.nameFa, aliases: subj.aliases, summary: subj.summary, summaryFa: subj.summaryFa, statusNotes: subj.statusNotes, statusNotesFa: subj.statusNotesFa },
    },
    items,
    excluded: c.excluded.map((x) => ({ kind: x.kind, refId: x.refId, exhibitNumber: x.exhibitNumber, reason: x.reason })),
    chronology,
    revealed,
  };
}
