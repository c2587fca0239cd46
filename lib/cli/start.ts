// `npm start`: everything a fresh clone needs to run Casefile on this machine.
// 1. .env from .env.example with fresh secrets (first run only)   2. migrations
// 3. demo data when the database is empty   4. next build   5. the server (lib/cli/http-server.mjs)
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
import { parseTrustedProxies, TRUSTED_PROXIES_ENV } from "@/lib/auth/client-address";
import { generateKey } from "@/lib/crypto/field-crypto";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { indexAfterMigration } from "@/lib/search/reindex";
import { databaseUrl, providerOf } from "@/lib/db/provider";
import { DEMO_USERS } from "@/lib/seed/demo-users";
import { seedDemo } from "@/lib/seed/seed-demo";
import { findUserByEmail } from "@/lib/users/users";
import { loadDotEnv } from "./env";
import { serverArgs } from "./server-process";

const skipBuild = process.argv.includes("--no-build");

function ensureEnvFile() {
  if (!existsSync(".env")) {
    const text = readFileSync(".env.example", "utf8")
      .replace(/^NEXTAUTH_SECRET=.*$/m, `NEXTAUTH_SECRET=${randomBytes(32).toString("base64url")}`)
      .replace(/^CASEFILE_DATA_KEY=.*$/m, `CASEFILE_DATA_KEY=${generateKey(1)}`);
    writeFileSync(".env", text, { mode: 0o600 });
    console.log(`Created ${resolve(".env")} with a new session secret and a new data key (CASEFILE_DATA_KEY).`);
    console.log("The data key encrypts protected witness identity: back it up apart from the database.");
    return;
  }
  const vars = parseEnv(readFileSync(".env", "utf8"));
  if (!vars.CASEFILE_DATA_KEY && !process.env.CASEFILE_DATA_KEY) {
    appendFileSync(".env", `\nCASEFILE_DATA_KEY=${generateKey(1)}\n`);
    console.log(`Added a new data key (CASEFILE_DATA_KEY) to ${resolve(".env")}. Back it up apart from the database.`);
  }
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) {
    console.error(`${cmd} ${args.join(" ")} failed`);
    process.exit(r.status ?? 1);
  }
}

async function main() {
  ensureEnvFile();
  loadDotEnv();
  const proxies = parseTrustedProxies(process.env[TRUSTED_PROXIES_ENV]);
  if (typeof proxies !== "number") throw new Error(proxies.error);
  const url = databaseUrl();
  const provider = providerOf(url);
  const m = await migrate(url);
  console.log(`Database (${provider}): ${m.applied.length ? `applied ${m.applied.length} migration(s)` : "up to date"}.`);
  if (await indexAfterMigration(m.applied)) console.log("Indexed the existing records for search.");
  const seeded = await seedDemo();
  const demo = (await findUserByEmail(DEMO_USERS[0].email)) !== null;
  await closeDb();
  if (seeded) console.log("Loaded the demo data (public record of 1988 and FICTIONAL sample witnesses and statements).");

  if (!skipBuild) run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);

  const port = process.env.PORT || "3000";
  console.log(`\nCasefile is starting on http://localhost:${port}\n`);
  if (demo) {
    console.log("Demo sign-ins (demo database only):");
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(28)} ${u.password}`);
    console.log("");
  }
  const server = spawn(process.execPath, serverArgs(port), {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
