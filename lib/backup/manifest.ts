// manifest.json of a backup directory (lib/backup/README section in FORMAT notes of backup.ts).
export const BACKUP_FORMAT = "casefile-backup";
export const BACKUP_VERSION = 1;
export const MANIFEST = "manifest.json";
export const ARCHIVE = "backup.zip.age";

export type StoredFile = { name: string; size: number; sha256: string };

export type Manifest = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  casefileVersion: string;
  provider: "sqlite" | "postgresql";
  migration: string | null; // the last schema migration applied in the copy
  auditHead: string; // SEQ:HASH of the copy's audit chain
  encrypted: boolean;
  // The database copy: database.sqlite (VACUUM INTO) or database.pgdump (pg_dump custom format).
  // sha256 of its plain bytes (inside the archive when encrypted).
  database: { name: string; size: number; sha256: string };
  exhibits: { count: number; bytes: number };
  // Every file in the directory besides manifest.json, as stored (ciphertext when encrypted).
  files: StoredFile[];
};

export function databaseName(provider: "sqlite" | "postgresql"): string {
  return provider === "sqlite" ? "database.sqlite" : "database.pgdump";
}

export function exhibitName(sha256: string): string {
  return `exhibits/${sha256.slice(0, 2)}/${sha256}`;
}
