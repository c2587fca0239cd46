// Importing spreadsheets (CSV, or a ZIP of a CSV and the files its rows name): column mapping
// and templates, a dry run that reports per row what would be created, linked or refused, and
// the real run that writes exactly that, all-or-nothing per import or per batch.
export { FIELDS, guessMapping, IMPORT_KINDS, isImportKind, missingRequired, MULTI_VALUE_SEPARATORS, splitMulti, type ImportKind, type Mapping } from "./fields";
export { runImport, liveProgress, type ImportOptions, type ImportResult, type RowReport, type BatchReport } from "./run-import";
export { getImportJob, type JobOut } from "./jobs";
export { listTemplates, saveTemplate, ZSaveTemplate, type TemplateOut } from "./templates";
export { problemText } from "./messages";
export { rerunImport, uploadAndCheck, maxImportBytes, ZRunImport, ZStartImport } from "./uploads";
