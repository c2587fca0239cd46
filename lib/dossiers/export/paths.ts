import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";

// Where export packages live. Kept apart from package.ts (which prints with Chromium) so that
// lib/dossiers can remove a deleted dossier's packages without loading the printer.

export function exportsRoot(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.CASEFILE_EXPORT_DIR || "./data/exports");
}

export function packagePath(exportId: string, root = exportsRoot()): string {
  if (!/^[a-z0-9]+$/i.test(exportId)) throw new Error("not an export id");
  return join(root, `${exportId}.zip`);
}
export const partPath = (exportId: string, root = exportsRoot()) => `${packagePath(exportId, root)}.part`;
export const workDir = (exportId: string, root = exportsRoot()) => join(root, "tmp", exportId);

/** Removes a package and anything its export left behind. */
export async function removePackageFiles(exportId: string, root = exportsRoot()): Promise<void> {
  await rm(packagePath(exportId, root), { force: true });
  await rm(partPath(exportId, root), { force: true });
  await rm(workDir(exportId, root), { recursive: true, force: true });
}
