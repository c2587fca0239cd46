// Starts the built app for the browser tests on a fresh database with the demo seed.
import { rmSync } from "node:fs";
import { spawn } from "node:child_process";
import { serverArgs } from "@/lib/cli/server-process";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl, providerOf, sqlitePath } from "@/lib/db/provider";
import { seedDemo } from "@/lib/seed/seed-demo";

const url = databaseUrl();
if (providerOf(url) === "sqlite") {
  const file = sqlitePath(url);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}
await migrate(url);
await seedDemo();
await closeDb();
// Started as `npm start` starts it (the same Node options).
const server = spawn(process.execPath, serverArgs(process.env.PORT ?? "3100"), { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
