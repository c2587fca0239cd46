import { readFileSync } from "node:fs";
import { join } from "node:path";

// The ids of this build's server actions, from the manifest `next build` writes. Read once, in
// production only: under `next dev` the actions are compiled as pages are opened, and a manifest
// left by an earlier build would name ids this server does not have.
let known: ReadonlySet<string> | null | undefined;

/** This build's server action ids, or null when they cannot be known (nothing is then refused for it). */
export function knownActionIds(): ReadonlySet<string> | null {
  if (known !== undefined) return known;
  if (process.env.NODE_ENV !== "production") return (known = null);
  try {
    const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as { node?: Record<string, unknown> };
    const ids = Object.keys(manifest.node ?? {});
    known = ids.length ? new Set(ids) : null;
  } catch {
    known = null;
  }
  return known;
}
