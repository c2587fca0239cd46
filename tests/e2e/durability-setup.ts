// For durability.spec.ts, in one process (each command-line run costs seconds of start-up):
// migrates the database named by DATABASE_URL, loads the demo seed, and prints a personal
// access token for the demo researcher and one for the demo administrator, as JSON.
import { createToken } from "@/lib/auth/tokens";
import { isRole } from "@/lib/auth/roles";
import { closeDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/db/provider";
import { seedDemo } from "@/lib/seed/seed-demo";
import { findUserByEmail } from "@/lib/users/users";

async function tokenOf(email: string): Promise<string> {
  const user = await findUserByEmail(email);
  if (!user || !isRole(user.role)) throw new Error(`no demo account ${email}`);
  const actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  return (await createToken({ actor, input: { name: "durability test" } })).secret;
}

await migrate(databaseUrl());
await seedDemo();
const tokens = { researcher: await tokenOf("researcher@demo.casefile"), admin: await tokenOf("admin@demo.casefile") };
await closeDb();
process.stdout.write(JSON.stringify(tokens) + "\n");
