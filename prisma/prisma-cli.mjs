#!/usr/bin/env node
// Runs the Prisma CLI the way it works on machines that cannot download Prisma's
// native engines (see README, "Database"): placeholder engine paths stop the
// download, and prisma.config.ts routes schema work through a driver adapter.
//
//   node prisma/prisma-cli.mjs generate              clients for both providers
//   node prisma/prisma-cli.mjs sql PROVIDER [FROM]   SQL from FROM (a schema file; empty if absent) to the schema
//   node prisma/prisma-cli.mjs new NAME              a new migration folder for each provider
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = join(root, "prisma", "schema.prisma");
export const PROVIDERS = ["sqlite", "postgresql"];

function schemaFor(provider) {
  const text = readFileSync(schemaPath, "utf8");
  if (provider === "sqlite") return schemaPath;
  const swapped = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./placeholder.db"', 'url      = "postgresql://placeholder@127.0.0.1:5432/placeholder"')
    .replace('output          = "../generated/sqlite"', 'output          = "../generated/postgresql"');
  mkdirSync(join(root, "generated"), { recursive: true });
  const out = join(root, "generated", "schema.postgresql.prisma");
  writeFileSync(out, swapped);
  return out;
}

function prisma(args, provider, { capture = false } = {}) {
  const placeholder = join(root, "package.json"); // any existing file will do
  const env = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    CASEFILE_PRISMA_PROVIDER: provider,
    CASEFILE_PRISMA_SCHEMA: schemaFor(provider),
  };
  const bin = join(root, "node_modules", "prisma", "build", "index.js");
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  if (r.status !== 0) {
    if (capture) process.stderr.write(r.stderr ?? "");
    throw new Error(`prisma ${args.join(" ")} failed (${provider})`);
  }
  return r.stdout;
}

export function generate() {
  for (const p of PROVIDERS) prisma(["generate", "--schema", schemaFor(p)], p);
}

/** SQL that takes a database from `fromSchema` (or empty) to the current schema. */
export function diffSql(provider, fromSchema) {
  const to = schemaFor(provider);
  const from = fromSchema ? ["--from-schema-datamodel", fromSchema] : ["--from-empty"];
  return prisma(["migrate", "diff", ...from, "--to-schema-datamodel", to, "--script"], provider, { capture: true });
}

function newMigration(name) {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const p of PROVIDERS) {
    const base = join(root, "prisma", "migrations", p);
    mkdirSync(base, { recursive: true });
    const previous = readdirSync(base).filter((d) => existsSync(join(base, d, "schema.prisma"))).sort().pop();
    const sql = diffSql(p, previous ? join(base, previous, "schema.prisma") : undefined);
    const dir = join(base, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "migration.sql"), sql);
    copyFileSync(schemaFor(p), join(dir, "schema.prisma"));
    console.log(`wrote ${dir}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [cmd, ...rest] = process.argv.slice(2);
  if (cmd === "generate") generate();
  else if (cmd === "sql") process.stdout.write(diffSql(rest[0], rest[1]));
  else if (cmd === "new" && rest[0]) newMigration(rest[0]);
  else {
    console.error("usage: prisma-cli.mjs generate | sql PROVIDER [FROM_SCHEMA] | new NAME");
    process.exit(2);
  }
}
