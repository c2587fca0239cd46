// `backup DIR` and `restore DIR`, with an optional passphrase read from a file or an
// environment variable (never from the command line, where other users of the machine see it).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createBackup, restoreBackup } from "@/lib/backup";
import type { Command } from "./index";

function passphraseFrom(values: { "passphrase-file"?: string; "passphrase-env"?: string }): string | undefined {
  if (values["passphrase-file"] && values["passphrase-env"]) throw new Error("give --passphrase-file or --passphrase-env, not both");
  if (values["passphrase-file"]) return readFileSync(values["passphrase-file"], "utf8").replace(/\r?\n$/, "");
  if (values["passphrase-env"]) {
    const v = process.env[values["passphrase-env"]];
    if (!v) throw new Error(`the environment variable ${values["passphrase-env"]} is not set`);
    return v;
  }
  return undefined;
}

const OPTIONS = { "passphrase-file": { type: "string" }, "passphrase-env": { type: "string" } } as const;

function humanSize(n: number): string {
  return n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const backupCommand: Command = {
  name: "backup",
  usage: `  backup DIR [--passphrase-file F | --passphrase-env VAR]
                                           consistent backup of the database and exhibit files into a new
                                           or empty DIR, with manifest.json; checked before it says so;
                                           encrypted (age, scrypt) with a passphrase
`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length !== 1) {
      console.error("usage: backup DIR [--passphrase-file F | --passphrase-env VAR]");
      return 2;
    }
    const r = await createBackup({ dir: positionals[0]!, passphrase: passphraseFrom(values) });
    const m = r.manifest;
    console.log(`backup written to ${r.dir}: ${m.provider}, ${m.encrypted ? "encrypted" : "NOT encrypted"}, ${m.exhibits.count} exhibit files, ${humanSize(r.sizeBytes)}, audit head ${m.auditHead}`);
    if (r.verified) {
      console.log(r.message);
      return 0;
    }
    console.error(`backup ${r.message}`);
    return 1;
  },
};

export const restoreCommand: Command = {
  name: "restore",
  usage: `  restore DIR [--passphrase-file F | --passphrase-env VAR]
                                           restore a backup into an EMPTY installation (DATABASE_URL,
                                           CASEFILE_STORAGE_DIR), then verify the audit chain and files
`,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    if (positionals.length !== 1) {
      console.error("usage: restore DIR [--passphrase-file F | --passphrase-env VAR]");
      return 2;
    }
    const r = await restoreBackup({ dir: positionals[0]!, passphrase: passphraseFrom(values) });
    console.log(`restored (${r.provider}): audit chain verified, ${r.events} events up to ${r.auditHead}; ${r.exhibits} exhibit files verified${r.migrationsApplied.length ? `; applied ${r.migrationsApplied.join(", ")}` : ""}`);
    return 0;
  },
};
