// Used only by the Prisma CLI (generate and migrate diff). The CLI cannot download its
// native engines on our machines, so it runs its bundled WASM schema engine through a
// driver adapter. prisma/prisma-cli.mjs sets the variables below; run the CLI through it.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const provider = process.env.CASEFILE_PRISMA_PROVIDER ?? "sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.CASEFILE_PRISMA_SCHEMA ?? "prisma/schema.prisma",
  adapter: async () =>
    provider === "postgresql"
      ? new PrismaPg({ connectionString: process.env.CASEFILE_PRISMA_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" })
      : new PrismaBetterSQLite3({ url: process.env.CASEFILE_PRISMA_SQLITE_URL ?? "file::memory:" }),
});
