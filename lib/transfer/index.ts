export { buildExport, checkFullExport, writeExportZip, writeExportDirectory, zipExport, FORMAT_MARKER, FORMAT_VERSION, DOCUMENT_NAME } from "./export";
export { importCasefileExport, type ImportExportResult, type ImportProgress } from "./import";
export { EXPORTED_TABLES, EXCLUDED_TABLES } from "./tables";
