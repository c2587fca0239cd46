import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";

// Every route of the JSON API answers every method: the ones it serves, and the others with 405,
// the JSON error body every other refusal has and an Allow header (lib/api/handler.ts
// methodNotAllowed). Left to Next, another method got an empty 405 without Allow.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const ROOT = join(process.cwd(), "app", "api", "v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeFiles(join(dir, e.name)) : e.name === "route.ts" ? [join(dir, e.name)] : []));
}

describe("methods the API does not serve", () => {
  const files = routeFiles(ROOT);

  test("every route module exports a handler for every method", async () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const m of METHODS) expect(typeof mod[m], `${relative(ROOT, file)} ${m}`).toBe("function");
    }
  });

  test("a method a route does not serve is answered 405 with a JSON error and Allow, before anything is read", async () => {
    const cases = [
      { file: "statements/route.ts", method: "DELETE", allow: "GET, POST, HEAD, OPTIONS" },
      { file: "search/route.ts", method: "POST", allow: "GET, HEAD, OPTIONS" },
      { file: "health/route.ts", method: "PATCH", allow: "GET, HEAD, OPTIONS" },
    ];
    for (const c of cases) {
      const source = readFileSync(join(ROOT, c.file), "utf8");
      expect(source, c.file).toContain("methodNotAllowed(");
      const handler = ((await import(join(ROOT, c.file))) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>)[c.method]!;
      const res = await handler(new Request(`http://x/api/v1/${c.file}`, { method: c.method, body: c.method === "GET" ? undefined : "{}" }), { params: Promise.resolve({}) });
      expect(res.status, c.file).toBe(405);
      expect(res.headers.get("allow")).toBe(c.allow);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("METHOD_NOT_ALLOWED");
      expect(body.error.message).toContain(c.method);
    }
  });
});
