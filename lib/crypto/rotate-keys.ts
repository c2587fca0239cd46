import "server-only";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { writeAudit } from "@/lib/audit/write-audit";
import { read, write } from "@/lib/db/write";
import { COLUMN, decryptIdentity, encryptIdentity, IDENTITY_FIELDS, keyVersionsOf } from "@/lib/witnesses/identity";
import { CryptoError, generateKey, parseKeyRing } from "./field-crypto";
import { getKeyRing, resetKeyRing } from "./keyring";

// `casefile keys:rotate`: a new data key becomes current, the old ones move to
// CASEFILE_DATA_KEYS_PREVIOUS, and every protected value is re-encrypted under the new key,
// one witness per transaction. The running server re-reads .env on its own (lib/crypto/keyring.ts),
// reads old and new values alike throughout, and so keeps serving during the rotation.

function setVar(text: string, name: string, value: string): string {
  const line = `${name}=${value}`;
  const re = new RegExp(`^${name}=.*$`, "m");
  return re.test(text) ? text.replace(re, line) : `${text.replace(/\n?$/, "\n")}${line}\n`;
}

export function addNewKeyToEnvFile(file: string): number {
  if (!existsSync(file)) throw new Error(`${file} does not exist. Key rotation rewrites the .env file that holds CASEFILE_DATA_KEY.`);
  const text = readFileSync(file, "utf8");
  const vars = parseEnv(text);
  const ring = parseKeyRing(vars.CASEFILE_DATA_KEY, vars.CASEFILE_DATA_KEYS_PREVIOUS);
  const version = Math.max(...ring.keys.keys()) + 1;
  const previous = [vars.CASEFILE_DATA_KEY!.trim(), ...(vars.CASEFILE_DATA_KEYS_PREVIOUS ?? "").split(",").map((s) => s.trim()).filter(Boolean)];
  let next = setVar(text, "CASEFILE_DATA_KEY", generateKey(version));
  next = setVar(next, "CASEFILE_DATA_KEYS_PREVIOUS", previous.join(","));
  const tmp = `${file}.rotating`;
  writeFileSync(tmp, next, { mode: 0o600 });
  renameSync(tmp, file); // atomic: a reader sees the old file or the new one, never half of one
  return version;
}

export type RotateResult = { version: number; reencrypted: number; remaining: number; unreadable: string[] };

/** Re-encrypts every witness whose values are not all under the current key. */
export async function reencryptAll(): Promise<RotateResult> {
  const ring = getKeyRing();
  const version = ring.current;
  const stale = IDENTITY_FIELDS.map((f) => ({ AND: [{ [COLUMN[f]]: { not: null } }, { NOT: { [COLUMN[f]]: { startsWith: `cf1.${version}.` } } }] }));
  let reencrypted = 0;
  const unreadable: string[] = []; // codes of witnesses whose values fail their integrity check
  let cursor: string | undefined;
  for (;;) {
    const batch = await read((db) =>
      db.witness.findMany({ where: { OR: stale, id: cursor ? { gt: cursor } : undefined }, orderBy: { id: "asc" }, take: 100 }),
    );
    if (batch.length === 0) break;
    for (const w of batch) {
      cursor = w.id;
      let identity;
      try {
        identity = decryptIdentity(w, ring);
      } catch (e) {
        if (!(e instanceof CryptoError)) throw e;
        unreadable.push(w.code); // left as it is, for a person to look at; the others go on
        continue;
      }
      const updated = await write(async (tx) => {
        // Only if nobody changed the values meanwhile; a concurrent edit already wrote the new key.
        const unchanged = Object.fromEntries(IDENTITY_FIELDS.map((f) => [COLUMN[f], w[COLUMN[f]]]));
        const r = await tx.witness.updateMany({ where: { id: w.id, ...unchanged }, data: encryptIdentity(w.id, identity, ring) });
        if (r.count === 1)
          await writeAudit(tx, { actor: "system", action: "witness.reencrypt", recordType: "Witness", recordId: w.id, before: { keyVersions: keyVersionsOf(w) }, after: { keyVersion: version } });
        return r.count === 1;
      });
      if (updated) reencrypted++;
    }
  }
  const remaining = await read((db) => db.witness.count({ where: { OR: stale } }));
  return { version, reencrypted, remaining, unreadable };
}

export async function rotateKeys(envFile = resolve(process.env.CASEFILE_ENV_FILE ?? ".env")): Promise<RotateResult> {
  addNewKeyToEnvFile(envFile);
  resetKeyRing();
  return reencryptAll();
}
