export { createBackup, type BackupResult } from "./backup";
export { restoreBackup, type RestoreResult } from "./restore";
export { listBackups, STALE_AFTER_DAYS, type BackupRow, type BackupStatus } from "./records";
export { BACKUP_FORMAT, BACKUP_VERSION, MANIFEST, ARCHIVE, type Manifest } from "./manifest";
