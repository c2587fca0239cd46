// The command line: `npm run casefile -- COMMAND [options]`. Every command goes through the
// same lib operations as the screens and the API.
import { parseArgs } from "node:util";
import { createToken } from "@/lib/auth/tokens";
import { isRole } from "@/lib/auth/roles";
import { auditCheckpoint, formatCheckpoint, parseCheckpoint, verifyAuditChain } from "@/lib/audit/verify-chain";
import { rotateKeys } from "@/lib/crypto/rotate-keys";
import { closeDb, dbProvider } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/db/provider";
import { isAppError } from "@/lib/errors";
import { verifyAllExhibits } from "@/lib/exhibits";
import { fieldErrorMessage } from "@/lib/i18n/field-errors";
import { seedDemo } from "@/lib/seed/seed-demo";
import { indexAfterMigration, rebuildSearchIndex } from "@/lib/search/reindex";
import { createUser, findUserByEmail } from "@/lib/users/users";
import { COMMANDS } from "./commands";
import { loadDotEnv } from "./env";

const USAGE = `usage: npm run casefile -- COMMAND [options]

  db:migrate                               apply pending migrations to DATABASE_URL
  seed                                     load the demo data into an empty database
  user:create --email E --name N --role R  create an account; the password is read from stdin
  token:create --email E [--name N]        print a new personal access token for the account
  audit:verify [--checkpoint SEQ:HASH]     verify the audit chain (exit 1 names the first bad event);
                                           with a checkpoint, also prove the log still extends it
  audit:checkpoint                         print the chain's head as SEQ:HASH, to publish or keep elsewhere
  exhibits:verify [--record]               re-hash every exhibit file (exit 1 names each mismatch or
                                           missing file; --record adds a VERIFIED custody entry each)
  keys:rotate                              new data key in .env; re-encrypt all protected identity
  search:reindex                           rebuild the search index from the records
${COMMANDS.map((c) => c.usage.replace(/\n?$/, "\n")).join("")}`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const own = COMMANDS.find((c) => c.name === command);
  if (own) return own.run(rest);
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, record: { type: "boolean" }, checkpoint: { type: "string" } },
    allowPositionals: false,
    strict: true,
  });
  switch (command) {
    case "db:migrate": {
      const r = await migrate(databaseUrl());
      console.log(r.applied.length ? `applied ${r.applied.join(", ")}` : "database is up to date");
      if (await indexAfterMigration(r.applied)) console.log("indexed the existing records for search");
      return 0;
    }
    case "seed": {
      console.log((await seedDemo()) ? "demo data loaded" : "database is not empty; nothing loaded");
      return 0;
    }
    case "user:create": {
      if (!values.email || !values.name || !values.role) fail("user:create needs --email, --name and --role\n\n" + USAGE, 2);
      if (!isRole(values.role)) fail(`--role must be one of ADMIN, RESEARCHER, REVIEWER, LEGAL`, 2);
      if (process.stdin.isTTY) console.error("Type the password and press Enter, then Ctrl-D:");
      const password = await readStdin();
      const user = await createUser({ actor: "system", input: { email: values.email, name: values.name, role: values.role, password } });
      console.log(`created ${user.role} ${user.email} (${user.id})`);
      return 0;
    }
    case "token:create": {
      if (!values.email) fail("token:create needs --email", 2);
      const user = await findUserByEmail(values.email);
      if (!user || user.disabled || !isRole(user.role)) fail(`no active account ${values.email}`);
      const token = await createToken({
        actor: { id: user.id, email: user.email, name: user.name, role: user.role },
        input: { name: values.name ?? "command line" },
      });
      console.log(token.secret);
      return 0;
    }
    case "audit:checkpoint": {
      console.log(formatCheckpoint(await auditCheckpoint()));
      return 0;
    }
    case "audit:verify": {
      const checkpoint = values.checkpoint === undefined ? undefined : parseCheckpoint(values.checkpoint);
      if (checkpoint === null) fail("--checkpoint must be SEQ:HASH as printed by audit:checkpoint (a number, a colon, 64 hex digits)", 2);
      const r = await verifyAuditChain({ checkpoint });
      if (r.ok) {
        console.log(`audit chain verified: ${r.events} events (${dbProvider()})${checkpoint ? `; it extends checkpoint ${checkpoint.seq}` : ""}`);
        return 0;
      }
      console.error(`audit chain BROKEN at sequence number ${r.firstBad} (${r.reason}); ${r.events} events before it verified`);
      return 1;
    }
    case "keys:rotate": {
      const r = await rotateKeys();
      console.log(`data key k${r.version} is now current; re-encrypted ${r.reencrypted} witness record(s)`);
      if (r.unreadable.length) console.error(`witness records that failed their integrity check and were left as they are: ${r.unreadable.join(", ")}`);
      if (r.remaining > 0) {
        console.error(`${r.remaining} record(s) still use an older key; run keys:rotate again after looking at any named above`);
        return 1;
      }
      console.log("Keep CASEFILE_DATA_KEYS_PREVIOUS until every backup made before now has been replaced.");
      return 0;
    }
    case "exhibits:verify": {
      const r = await verifyAllExhibits({ record: values.record ?? false });
      for (const p of r.problems) console.error(`${p.number} ${p.result} expected ${p.sha256}${p.actual ? ` computed ${p.actual}` : ""}`);
      const summary = `${r.checked} exhibits, ${r.files} files checked`;
      if (r.problems.length === 0) {
        console.log(`exhibits verified: ${summary}, all match`);
        return 0;
      }
      console.error(`exhibits NOT verified: ${r.problems.length} of ${summary} do not match their SHA-256`);
      return 1;
    }
    case "search:reindex": {
      const r = await rebuildSearchIndex();
      const counts = Object.entries(r.indexed).map(([t, n]) => `${n} ${t}`).join(", ");
      console.log(`search index rebuilt: ${counts}; ${r.removed} stale entr${r.removed === 1 ? "y" : "ies"} removed`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

loadDotEnv();
main(process.argv.slice(2))
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (e) => {
    await closeDb().catch(() => undefined);
    if (isAppError(e)) {
      const fields = Object.entries(e.fields ?? {}).map(([k, v]) => `  ${k}: ${v.map((m) => fieldErrorMessage(m, "en")).join(" ")}`);
      fail([e.message, ...fields].join("\n"));
    }
    fail(e instanceof Error ? e.message : String(e));
  });
