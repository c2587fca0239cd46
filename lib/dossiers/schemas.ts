import { z } from "zod";
import { zId, zOptText } from "@/lib/registries/schemas";
import { zText } from "@/lib/validation";

// Dossiers: a legal team's bundle for one proceeding or one person — the statements, exhibits
// and sources it relies on, in the order it wants them, each under a stable exhibit number
// (CF-0001 …). The read model (DossierContent below) is what the preview shows and what the
// export (lib/dossier-export) turns into a package.

export const DOSSIER_SUBJECTS = ["PROCEEDING", "PERSON"] as const;
export type DossierSubject = (typeof DOSSIER_SUBJECTS)[number];
export const ITEM_KINDS = ["STATEMENT", "EXHIBIT", "SOURCE"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Why a selected record is left out of the dossier's content (and so of every export). */
export const EXCLUSION_REASONS = [
  "CONSENT_WITHDRAWN", // the witness withdrew consent to legal sharing
  "NO_LEGAL_SHARING_CONSENT", // the witness never gave consent to legal sharing
  "RECORD_MISSING", // the record no longer exists
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export const ZCreateDossier = z
  .object({
    title: zText(300),
    description: zOptText(10_000).default(""),
    subjectType: z.enum(DOSSIER_SUBJECTS, { error: "invalid_choice" }),
    subjectId: zId,
    // Pre-select the verified statements linked to the subject (default yes).
    preselect: z.boolean({ error: "invalid_choice" }).default(true),
  });
export type CreateDossier = z.infer<typeof ZCreateDossier>;

export const ZUpdateDossier = z
  .object({
    title: zText(300).optional(),
    description: zOptText(10_000).optional(),
  })
  .refine((v) => v.title !== undefined || v.description !== undefined, { error: "nothing_to_change" });
export type UpdateDossier = z.infer<typeof ZUpdateDossier>;

export const ZAddItem = z
  .object({
    kind: z.enum(ITEM_KINDS, { error: "invalid_choice" }),
    refId: zId,
    note: zOptText(2000).default(""),
  });
export type AddItem = z.infer<typeof ZAddItem>;

/** Move one step (up / down), or to a position (1-based, clamped to the list); and/or change the note. */
export const ZUpdateItem = z
  .object({
    move: z.enum(["up", "down"], { error: "invalid_choice" }).optional(),
    position: z.number({ error: "invalid_number" }).int({ error: "invalid_number" }).min(1, { error: "invalid_number" }).max(100_000, { error: "invalid_number" }).optional(),
    note: zOptText(2000).optional(),
  })
  .refine((v) => v.move !== undefined || v.position !== undefined || v.note !== undefined, { error: "nothing_to_change" })
  .refine((v) => !(v.move !== undefined && v.position !== undefined), { error: "move_or_position", path: ["position"] });
export type UpdateItem = z.infer<typeof ZUpdateItem>;

// ---------------------------------------------------------------- API output (builder view)

const zIso = z.string().describe("ISO 8601 date-time");

export const ZDossierItemOut = z.object({
  id: z.string(),
  kind: z.enum(ITEM_KINDS),
  refId: z.string(),
  position: z.number().int().describe("1-based order in the dossier"),
  exhibitNumber: z.string().describe("CF-0001 …; stable within the dossier"),
  note: z.string(),
  label: z.string().describe("Statement title, exhibit file name or source title; empty when excluded for consent"),
  status: z.string().nullable().describe("A statement's review status (VERIFIED, DRAFT …); null for exhibits and sources"),
  verified: z.boolean().nullable().describe("A statement: whether it is verified; null for exhibits and sources"),
  witnessCode: z.string().nullable(),
  excludedReason: z.enum(EXCLUSION_REASONS).nullable().describe("Set when the record is left out of the content and exports"),
  addedAt: zIso,
});
export type DossierItemOut = z.infer<typeof ZDossierItemOut>;

export const ZDossierOut = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  subjectType: z.enum(DOSSIER_SUBJECTS),
  subject: z.object({ id: z.string(), name: z.string(), nameFa: z.string() }).describe("A proceeding's titles (nameFa: its Persian title, empty if not given) or a person's names"),
  nextExhibitNumber: z.number().int(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: zIso,
  updatedAt: zIso,
  items: z.array(ZDossierItemOut),
  mayEdit: z.boolean(),
});
export type DossierOut = z.infer<typeof ZDossierOut>;

export const ZDossierSummaryOut = ZDossierOut.omit({ items: true, mayEdit: true }).extend({ itemCount: z.number().int() });
export type DossierSummaryOut = z.infer<typeof ZDossierSummaryOut>;

// ---------------------------------------------------------------- read model (preview, export)

/** A date shown in both calendars and both languages (lib/dates); null parts when it cannot be read. */
export type DualDate = {
  input: string;
  earliest: string | null;
  latest: string | null;
  precision: string | null;
  en: { gregorian: string; persian: string } | null;
  fa: { gregorian: string; persian: string } | null;
};

export type NamedRef = { id: string; name: string; nameFa: string };

/** A pinpoint citation: exact words of one fixed revision, by UTF-16 offsets. */
export type ContentLink = {
  id: string;
  revisionNumber: number;
  startOffset: number;
  endOffset: number;
  quote: string;
  anchor: "ANCHORED" | "NEEDS_REVIEW";
  role: string;
  allegationType: string;
  person: NamedRef;
  event: { id: string; title: string; titleFa: string } | null;
  place: NamedRef | null;
  proceeding: { id: string; title: string; titleFa: string } | null;
  note: string;
};

/**
 * The witness as the read model carries it: pseudonym code and consent facts only. NO identity:
 * the exporter decides per witness (consent in force + policy "witness.reveal") whether to
 * reveal, and reads the identity itself through lib/witnesses if so.
 */
export type ContentWitness = {
  witnessId: string;
  code: string;
  protectionLevel: string;
  fictional: boolean;
  consentScopes: string[]; // scopes in force, e.g. ["INTERNAL_RESEARCH", "LEGAL_SHARING"]
};

export type ContentReview = {
  decision: string;
  revisionNumber: number; // the revision the decision was on
  sourceReliability: string | null; // Admiralty A … F; null when the decision was not graded (only a verification must be)
  credibility: number | null; // Admiralty 1 … 6; null with sourceReliability
  grade: string | null; // e.g. "B2"
  decidedAt: string;
  forCurrentRevision: boolean;
};

export type ContentStatement = {
  id: string;
  title: string;
  language: string;
  status: string;
  verified: boolean; // status === VERIFIED; anything else must be marked as such in the output
  fictional: boolean;
  revisionNumber: number;
  revisionContentHash: string;
  originalText: string;
  summary: string;
  translations: { language: string; translator: string; text: string }[];
  interviewDate: DualDate | null;
  witness: ContentWitness;
  review: ContentReview | null; // the latest review of any revision
  links: ContentLink[]; // in text order
};

export type ContentExhibit = {
  id: string;
  number: string; // the archive's own EX-0001 number
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
  description: string;
  statementIds: string[]; // statements it is attached to
  witnessIds: string[]; // witnesses it is attached to (ids only)
};

export type ContentSource = {
  id: string;
  title: string;
  author: string;
  year: number | null;
  date: string | null;
  kind: string;
  citation: string;
  url: string;
  reliability: string | null;
  credibility: number | null;
  grade: string | null; // e.g. "B2", null until graded
  gradingReason: string;
};

type ItemBase = { itemId: string; position: number; exhibitNumber: string; note: string };
export type ContentItem =
  | (ItemBase & { kind: "STATEMENT"; statement: ContentStatement })
  | (ItemBase & { kind: "EXHIBIT"; exhibit: ContentExhibit })
  | (ItemBase & { kind: "SOURCE"; source: ContentSource });

export type ExcludedItem = {
  itemId: string;
  kind: ItemKind;
  refId: string;
  exhibitNumber: string;
  reason: ExclusionReason;
  witnessCode: string | null; // for statements and exhibits tied to a witness
};

export type ChronologyEntry = {
  eventId: string;
  title: string;
  titleFa: string;
  date: DualDate;
  dateEnd: string | null;
  places: NamedRef[];
  /** Exhibit numbers (CF-…) of the included statements whose links name this event. */
  citedBy: string[];
};

export type DossierSubjectContent =
  | {
      type: "PROCEEDING";
      id: string;
      title: string;
      titleFa: string;
      kind: string;
      jurisdiction: string;
      jurisdictionFa: string;
      court: string;
      courtFa: string;
      docket: string;
      charges: string;
      chargesFa: string;
      status: string;
      statusFa: string;
      defendants: NamedRef[];
      timeline: { date: string; what: string; whatFa: string; source: string }[];
    }
  | { type: "PERSON"; id: string; name: string; nameFa: string; aliases: string[]; summary: string; summaryFa: string; statusNotes: string; statusNotesFa: string };

/**
 * Everything a dossier says, in order, with redaction already applied for consent: this is the
 * EXPORT's input. Items hold only records whose witnesses' consent in force covers LEGAL_SHARING;
 * the others are in `excluded` with the reason. No witness identity appears anywhere in it.
 */
export type DossierContent = {
  dossier: {
    id: string;
    title: string;
    description: string;
    subjectType: DossierSubject;
    createdBy: { id: string; name: string };
    createdAt: string;
    updatedAt: string;
  };
  subject: DossierSubjectContent;
  items: ContentItem[]; // by position
  excluded: ExcludedItem[];
  chronology: ChronologyEntry[]; // by earliest date
  /** Persons named in the included statements' links, with the allegation types alleged against each. */
  persons: (NamedRef & { allegationTypes: string[] })[];
  counts: { statements: number; unverifiedStatements: number; exhibits: number; sources: number; excluded: number };
  generatedAt: string;
};
