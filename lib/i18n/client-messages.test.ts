import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { BASE_CLIENT_MESSAGES, pickMessages } from "./client-messages";
import { messagesFor } from "./messages";

// Reads the app's sources: every client component's interface text must reach it. The root
// layout hands the browser only BASE_CLIENT_MESSAGES; a server file that renders client
// components wraps them in <ClientMessages namespaces={[...]}>, and the nearest such wrapper
// above a client component (the deepest server file on the import path that has one) is what
// it gets. A client component whose key is built at run time from another namespace
// (t(`${kind}.name`)) names the namespaces it may use in a comment: `// messages: a b c`.

const ROOT = join(__dirname, "..", "..");
const APP = join(ROOT, "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.(tsx?|mts)$/.test(name) ? [p] : [];
  });
}

const sources = new Map<string, string>();
const read = (file: string) => {
  let s = sources.get(file);
  if (s === undefined) sources.set(file, (s = readFileSync(file, "utf8")));
  return s;
};

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = join(dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.tsx`, `${base}.ts`, join(base, "index.tsx"), join(base, "index.ts")]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

function imports(file: string): string[] {
  const src = read(file);
  const specs = [...src.matchAll(/(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g)]
    .filter((m) => !/^(?:import|export)\s+type\s/.test(m[0]))
    .map((m) => m[1]);
  return specs.map((s) => resolve(file, s)).filter((f): f is string => !!f && /\.(tsx?|mts)$/.test(f));
}

const isClient = (file: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(read(file));

/** Namespaces (dotted paths) one module's client code asks for. */
function usedNamespaces(file: string): { used: string[]; dynamic: boolean } {
  const src = read(file);
  const used = new Set<string>();
  for (const m of src.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)) used.add(m[1]);
  let dynamic = false;
  if (/useTranslations\(\s*\)/.test(src)) {
    // A translator over the whole catalogue: its keys name their namespace first.
    for (const m of src.matchAll(/\bt(?:\.rich|\.raw|\.markup|\.has)?\(\s*(["'`])([^"'`]*)\1?/g)) {
      const key = m[2];
      if (key.startsWith("${")) dynamic = true;
      else if (key.includes(".")) used.add(key.split(".")[0]);
    }
  }
  const declared = src.match(/\bmessages:((?:[ \t]+[a-zA-Z.]+)+)[ \t]*$/m);
  if (declared) for (const ns of declared[1].trim().split(/\s+/)) used.add(ns);
  return { used: [...used], dynamic: dynamic && !declared };
}

/** The namespaces a <ClientMessages namespaces={[...]}> in this server file provides, if any. */
function provided(file: string): string[] | null {
  const m = read(file).match(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/);
  if (!m) return null;
  return [...m[1].matchAll(/["']([^"']+)["']/g)].map((x) => x[1]);
}

const covers = (have: readonly string[], need: string) => have.some((h) => need === h || need.startsWith(`${h}.`));

function clientClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of imports(file)) clientClosure(f, seen);
  return seen;
}

type Problem = { entry: string; via: string; component: string; missing: string[] };

function check(): { problems: Problem[]; dynamic: string[]; clientCount: number } {
  const files = walk(APP);
  const entries = files.filter((f) => /\/(page|layout|template|not-found|default|error|global-error|loading)\.tsx$/.test(f));
  const problems: Problem[] = [];
  const dynamic = new Set<string>();
  const clients = new Set<string>();
  for (const entry of entries) {
    // Walk server files; `have` is what the nearest wrapper above provides.
    const visit = (file: string, have: readonly string[], seen: Set<string>) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (isClient(file)) {
        for (const c of clientClosure(file)) {
          clients.add(c);
          const { used, dynamic: d } = usedNamespaces(c);
          if (d) dynamic.add(relative(ROOT, c));
          const missing = used.filter((ns) => !covers(have, ns));
          if (missing.length) problems.push({ entry: relative(ROOT, entry), via: relative(ROOT, file), component: relative(ROOT, c), missing });
        }
        return;
      }
      const own = provided(file);
      const next = own ? [...BASE_CLIENT_MESSAGES, ...own] : have;
      for (const f of imports(file)) visit(f, next, seen);
    };
    visit(entry, BASE_CLIENT_MESSAGES, new Set());
  }
  return { problems, dynamic: [...dynamic], clientCount: clients.size };
}

describe("interface text handed to the browser", () => {
  test("every client component gets the namespaces it uses", () => {
    const { problems, dynamic, clientCount } = check();
    expect(clientCount).toBeGreaterThan(20); // the scan found the client components
    expect(dynamic, "keys built at run time: name their namespaces in a `// messages:` comment").toEqual([]);
    expect(problems).toEqual([]);
  });

  test("every namespace a wrapper names exists", () => {
    const en = messagesFor("en");
    const names = new Set<string>([...BASE_CLIENT_MESSAGES]);
    for (const f of walk(APP)) for (const ns of provided(f) ?? []) names.add(ns);
    for (const ns of names) expect(Object.keys(pickMessages(en, [ns])), ns).not.toEqual([]);
  });

  test("the scan notices a missing namespace", () => {
    // The links panel uses "links": without it (only the base set), it would show raw keys.
    const panel = join(APP, "(app)/statements/[id]/_components/links-panel.tsx");
    expect(isClient(panel)).toBe(true);
    const { used } = usedNamespaces(panel);
    expect(used).toContain("links");
    expect(used.filter((ns) => !covers(BASE_CLIENT_MESSAGES, ns))).toContain("links");
  });

  test("pickMessages keeps only the named parts, in the same shape", () => {
    const m = { a: { x: "1", y: "2" }, b: { z: { w: "3" } }, c: "4" };
    expect(pickMessages(m, ["a", "b.z.w"])).toEqual({ a: { x: "1", y: "2" }, b: { z: { w: "3" } } });
    expect(pickMessages(m, ["a.x", "a.y"])).toEqual({ a: { x: "1", y: "2" } });
    expect(pickMessages(m, ["missing"])).toEqual({});
  });
});
