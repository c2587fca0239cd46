// dossier:verify and dossier:export. Verification runs the same standalone script that every
// package carries (lib/dossiers/verify-package.mjs), so the command and `node verify.mjs`
// cannot disagree.
import { existsSync } from "node:fs";
import { copyFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { isRole } from "@/lib/auth/roles";
import { startDossierExport } from "@/lib/dossiers/export";
import { packagePath } from "@/lib/dossiers/export/package";
import { verifyPackage } from "@/lib/dossiers/verify-package.mjs";
import { findUserByEmail } from "@/lib/users/users";
import type { Command } from "./index";

const verify: Command = {
  name: "dossier:verify",
  usage: `  dossier:verify PACKAGE                   check every file of a dossier package (ZIP or unzipped folder)
                                           against its manifest; exit 1 names each mismatch, missing
                                           or unexpected file`,
  async run(args) {
    const target = args[0];
    if (!target || args.length > 1) {
      console.error("usage: npm run casefile -- dossier:verify PACKAGE.zip");
      return 2;
    }
    if (!existsSync(target)) {
      console.error(`no such file or folder: ${target}`);
      return 2;
    }
    const r = await verifyPackage(target);
    if (r.ok) {
      console.log(`package verified: ${r.checked} files match manifest.json (dossier ${r.manifest?.dossier?.id}, export ${r.manifest?.export?.id}); ${r.auditEvents} audit events carry their hashes`);
      return 0;
    }
    for (const p of r.problems) console.error(`${p.path}: ${p.problem}`);
    console.error(`package NOT verified: ${r.problems.length} problem(s)`);
    return 1;
  },
};

const exportCommand: Command = {
  name: "dossier:export",
  usage: `  dossier:export ID --as EMAIL --out FILE  export a dossier as that user and copy the package to FILE
         [--reveal --reason R]             (identities only with --reveal, where consent and role allow)`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: { as: { type: "string" }, out: { type: "string" }, reveal: { type: "boolean" }, reason: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [dossierId] = positionals;
    if (!dossierId || !values.as || !values.out) {
      console.error("usage: npm run casefile -- dossier:export DOSSIER_ID --as EMAIL --out FILE [--reveal --reason R]");
      return 2;
    }
    const user = await findUserByEmail(values.as);
    if (!user || user.disabled || !isRole(user.role)) {
      console.error(`no active account ${values.as}`);
      return 1;
    }
    const actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const r = await startDossierExport({ actor, dossierId, input: { revealIdentities: values.reveal ?? false, reason: values.reason ?? "" }, wait: true });
    if (r.status !== "READY") {
      console.error(`export ${r.id} FAILED: ${r.error?.message ?? "unknown error"}`);
      return 1;
    }
    await copyFile(packagePath(r.id), values.out);
    console.log(`exported ${values.out}: ${r.size} bytes, SHA-256 ${r.sha256}; ${r.excluded.count} record(s) left out`);
    return 0;
  },
};

export const dossierCommands: Command[] = [verify, exportCommand];
