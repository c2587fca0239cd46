import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { isRole } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { IMPORT_KINDS, problemText, runImport, type ImportResult } from "@/lib/import";
import { findUserByEmail } from "@/lib/users/users";
import { isCasefileExport } from "@/lib/import/input";
import { importCasefileExport } from "@/lib/transfer";
import type { Command } from "./index";

async function actorFor(email: string | undefined) {
  if (!email) return "system" as const;
  const user = await findUserByEmail(email);
  if (!user || user.disabled || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** A full export: all or nothing into an empty installation, with the same ids, hashes and audit chain. */
async function importExport(file: string, values: { "dry-run"?: boolean; as?: string }): Promise<number> {
  const actor = await actorFor(values.as);
  if (actor === null) {
    console.error(`no active account ${values.as}`);
    return 1;
  }
  let lastShown = 0;
  try {
    const r = await importCasefileExport({
      file,
      dryRun: values["dry-run"] ?? false,
      actor,
      onProgress: (p) => {
        if (process.stderr.isTTY && Date.now() - lastShown > 500) {
          lastShown = Date.now();
          process.stderr.write(`\r${p.phase} ${p.done}${p.total ? `/${p.total}` : ""} ${p.unit}   `);
        }
      },
    });
    if (process.stderr.isTTY) process.stderr.write("\n");
    const counts = Object.entries(r.counts).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t}`).join(", ");
    console.log(`${r.dryRun ? "dry run: would load" : "loaded"} Casefile export ${r.exportId} (sha256 ${r.exportSha256}): ${counts}; ${r.files} files; audit head ${r.auditHead}`);
    return 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    console.error(`import refused: ${e.message}`);
    return 1;
  }
}

// `casefile import FILE --kind K [--dry-run] [--template NAME] [--as EMAIL] [--batch N] [--skip-refused]`:
// the same import as the screen, with the per-row report printed. Exit 0 when every row was
// created, linked, updated or imported before; 1 when rows or the file were refused or the run failed;
// 2 for a usage error.

/** The per-row report, written in one piece and flushed: the CLI exits right after, and a pipe drops what is still queued. */
async function printReport(r: ImportResult) {
  const out: string[] = [];
  const verb = r.dryRun || r.status !== "COMPLETED" ? "would be" : "were";
  for (const row of r.rows) {
    const rec = row.record ? `${row.record.type}${row.record.id ? ` ${row.record.id}` : ""} ${JSON.stringify(row.record.label)}` : JSON.stringify(row.label);
    out.push(`row ${row.row}\t${row.outcome}${row.batch ? `\tbatch ${row.batch}` : ""}\t${rec}`.trimEnd());
    if (row.changes?.length) out.push(`  changes: ${row.changes.join(", ")}`);
    for (const p of row.problems) out.push(`  refused${p.column ? ` [${p.column}]` : ""}: ${problemText(p.key, "en")}`);
    for (const p of row.warnings) out.push(`  warning${p.column ? ` [${p.column}]` : ""}: ${problemText(p.key, "en")}`);
  }
  for (const b of r.batches) out.push(`batch ${b.batch}: rows ${b.fromRow}-${b.toRow} (${b.rows}) ${b.committed ? "committed" : "NOT committed"}`);
  const c = r.counts;
  out.push(`${r.dryRun ? "dry run" : "import"} ${r.jobId} of ${r.fileName} (${r.format}, sha256 ${r.fileSha256}): ${c.rows} rows; ${c.created} ${verb} created, ${c.linked} linked, ${c.updated ? `${c.updated} ${verb} updated, ` : ""}${c.refused} refused, ${c.already} imported before`);
  await new Promise<void>((res) => process.stdout.write(out.join("\n") + "\n", () => res()));
  if (r.error) await new Promise<void>((res) => process.stderr.write(r.error + "\n", () => res()));
}

export const importCommand: Command = {
  name: "import",
  usage: `  import FILE --kind K [--dry-run] [--template NAME] [--as EMAIL] [--batch N] [--skip-refused]
                                           import a CSV (or a ZIP of a CSV and files); K is one of
                                           ${IMPORT_KINDS.join(", ")}; prints what each row did.
                                           A Casefile full export (ZIP, directory or JSON) is loaded
                                           into an empty installation instead (no --kind)
`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        kind: { type: "string" },
        "dry-run": { type: "boolean" },
        template: { type: "string" },
        as: { type: "string" },
        batch: { type: "string" },
        "skip-refused": { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    });
    const file = positionals[0];
    // Casefile's own full export (lib/transfer): read back into an empty installation by the transfer reader.
    if (file && positionals.length === 1 && existsSync(file) && (await isCasefileExport(file))) return importExport(file, values);
    if (!file || positionals.length > 1 || !values.kind) {
      console.error(`usage: npm run casefile -- import FILE --kind K [--dry-run] [--template NAME] [--as EMAIL] [--batch N]\n  K: ${IMPORT_KINDS.join(", ")}`);
      return 2;
    }
    if (!existsSync(file)) {
      console.error(`no such file: ${file}`);
      return 2;
    }
    const batch = values.batch === undefined ? undefined : Number(values.batch);
    if (batch !== undefined && (!Number.isSafeInteger(batch) || batch < 1)) {
      console.error("--batch must be a whole number of rows, at least 1");
      return 2;
    }
    const email = values.as ?? process.env.CASEFILE_IMPORT_AS;
    if (!email) {
      console.error("say whose import this is: --as EMAIL (an active ADMIN or RESEARCHER account), or set CASEFILE_IMPORT_AS");
      return 2;
    }
    const user = await findUserByEmail(email);
    if (!user || user.disabled || !isRole(user.role)) {
      console.error(`no active account ${email}`);
      return 1;
    }
    const actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    let lastShown = 0;
    try {
      const r = await runImport({
        actor,
        path: file,
        kind: values.kind.toUpperCase(),
        templateName: values.template,
        dryRun: values["dry-run"] ?? false,
        batchSize: batch,
        skipRefused: values["skip-refused"] ?? false,
        onProgress: (p) => {
          if (process.stderr.isTTY && Date.now() - lastShown > 500) {
            lastShown = Date.now();
            process.stderr.write(`\r${p.phase.toLowerCase()} ${p.done}${p.total ? `/${p.total}` : ""} rows   `);
          }
        },
      });
      if (process.stderr.isTTY) process.stderr.write("\n");
      await printReport(r);
      return r.status === "COMPLETED" && (r.counts.refused === 0 || (!r.dryRun && (values["skip-refused"] ?? false))) ? 0 : 1;
    } catch (e) {
      if (!isAppError(e)) throw e;
      console.error(`import refused: ${e.message}`);
      for (const [field, keys] of Object.entries(e.fields ?? {})) if (field !== "file") console.error(`  ${field}: ${keys.join(", ")}`);
      return 1;
    }
  },
};
