// Builds the SQLite extension with Casefile's FTS5 ranking function (casefile_fts.c) into
// generated/native/, against the SQLite headers better-sqlite3 is built from. Run by
// `npm install` (postinstall). Without a C compiler the build is skipped with a warning and
// search ranks with FTS5's own bm25(), more slowly, and counting the words of a hyphenated word's
// window twice (casefile_fts.c says how casefile_bm25 differs).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const out = join(root, "generated", "native");
const target = join(out, process.platform === "darwin" ? "casefile_fts.dylib" : "casefile_fts.so");
const headers = join(dirname(createRequire(import.meta.url).resolve("better-sqlite3/package.json")), "deps", "sqlite3");

try {
  if (!existsSync(join(headers, "sqlite3ext.h"))) throw new Error(`no SQLite headers in ${headers}`);
  mkdirSync(out, { recursive: true });
  const cc = process.env.CC || "cc";
  const flags = process.platform === "darwin" ? ["-dynamiclib"] : ["-shared", "-fPIC"];
  execFileSync(cc, ["-O2", ...flags, "-I", headers, join(here, "casefile_fts.c"), "-o", target, "-lm"], { stdio: "inherit" });
  console.log(`Built ${target.slice(root.length + 1)}`);
} catch (e) {
  console.warn(`[casefile] The search ranking extension was not built (${e instanceof Error ? e.message : e}); search will use FTS5's bm25(), which is slower.`);
}
