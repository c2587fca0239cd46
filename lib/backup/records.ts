import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/policy";
import { read } from "@/lib/db/write";

export const STALE_AFTER_DAYS = 7;

export type BackupRow = {
  id: string;
  createdAt: Date;
  location: string;
  provider: string;
  encrypted: boolean;
  files: number;
  sizeBytes: number;
  verified: boolean;
  verifiedAt: Date | null;
  message: string;
};

export type BackupStatus = { rows: BackupRow[]; last: BackupRow | null; lastVerified: BackupRow | null; warning: "none" | "never" | "stale" | "failed" };

/** The admin screen: the latest backups and whether the last one is recent and verified. */
export async function listBackups({ actor, now = new Date(), take = 20 }: { actor: Actor | null; now?: Date; take?: number }): Promise<BackupStatus> {
  authorize(actor, "backup.manage");
  const rows = (await read((db) => db.backupRecord.findMany({ orderBy: { createdAt: "desc" }, take }))).map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes) }));
  const last = rows[0] ?? null;
  const lastVerified = rows.find((r) => r.verified) ?? null;
  let warning: BackupStatus["warning"] = "none";
  if (!last) warning = "never";
  else if (!last.verified) warning = "failed";
  else if (now.getTime() - last.createdAt.getTime() > STALE_AFTER_DAYS * 86_400_000) warning = "stale";
  return { rows, last, lastVerified, warning };
}
