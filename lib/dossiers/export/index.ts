export { loadExportContent, type ExportContent } from "./content";
export { failStaleExports, getDossierExport, listDossierExports, openExportPackage, startDossierExport, type DossierExportOut } from "./jobs";
export { buildPackage, exhibitFileName, exportsRoot, PACKAGE_FORMAT, type Manifest } from "./package";
export { ZStartExport } from "./schemas";
