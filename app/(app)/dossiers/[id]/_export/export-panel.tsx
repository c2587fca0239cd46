// PLACEHOLDER, owned by the dossier EXPORT work (issue #7, export half), which replaces this file
// with the real export panel (start an export, progress, download). The builder page renders
// <DossierExportPanel dossierId=… /> in the slot marked "export panel".
export function DossierExportPanel({ dossierId }: { dossierId: string }) {
  void dossierId;
  return null;
}
