// `export OUT [--dir]`: the full export (lib/transfer/FORMAT.md), run as the system.
import { parseArgs } from "node:util";
import { writeExportDirectory, writeExportZip } from "@/lib/transfer";
import type { Actor } from "@/lib/auth/actor";
import { findUserByEmail } from "@/lib/users/users";
import type { Command } from "./index";

export const exportCommand: Command = {
  name: "export",
  usage: `  export OUT [--dir] --as EMAIL            full export (JSON + exhibit files) to OUT.zip, or into the
                                           directory OUT with --dir; EMAIL is the administrator it is made for
`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { dir: { type: "boolean" }, as: { type: "string" } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || !values.as) {
      console.error("usage: export OUT [--dir] --as EMAIL");
      return 2;
    }
    const u = await findUserByEmail(values.as);
    if (!u || u.disabled) {
      console.error(`no active account ${values.as}`);
      return 1;
    }
    const actor = { id: u.id, email: u.email, name: u.name, role: u.role } as Actor;
    const built = values.dir ? await writeExportDirectory({ actor, dir: positionals[0]! }) : await writeExportZip({ actor, file: positionals[0]! });
    const rows = Object.values(built.counts).reduce((a, b) => a + b, 0);
    console.log(`export ${built.exportId} written to ${positionals[0]}: ${rows} rows, ${built.files.length} files, audit head ${built.auditHead}; casefile-export.json SHA-256 ${built.sha256}`);
    return 0;
  },
};
