// Dossiers (lib/dossiers): build a bundle for a proceeding or a person, number its items
// (CF-0001 …, stable: see items.ts), and read it back as DossierContent — the input of the
// preview and of the export (lib/dossier-export).
export { createDossier, deleteDossier, getDossier, getDossierHistory, listDossiers, updateDossier } from "./dossiers";
export { addDossierItem, removeDossierItem, updateDossierItem } from "./items";
export { loadDossierContent, dualDate } from "./content";
export { findDossierCandidates, listDossierSubjects, type Candidates } from "./candidates";
export { DOSSIER_SUBJECTS, EXCLUSION_REASONS, ITEM_KINDS } from "./schemas";
export type {
  ChronologyEntry,
  ContentExhibit,
  ContentItem,
  ContentLink,
  ContentReview,
  ContentSource,
  ContentStatement,
  ContentWitness,
  DossierContent,
  DossierItemOut,
  DossierOut,
  DossierSubject,
  DossierSubjectContent,
  DossierSummaryOut,
  DualDate,
  ExcludedItem,
  ExclusionReason,
  ItemKind,
} from "./schemas";
