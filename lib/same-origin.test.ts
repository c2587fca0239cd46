import { describe, expect, test } from "vitest";
import { originAllowed } from "./same-origin";

const req = (headers: Record<string, string>) => new Request("http://casefile.test/api/v1/statements", { method: "POST", headers });

describe("originAllowed", () => {
  test("this site's own Origin, by its Host or the proxy's forwarded host, is allowed; none at all is too", () => {
    expect(originAllowed(req({ host: "casefile.test", origin: "http://casefile.test" }))).toBe(true);
    expect(originAllowed(req({ host: "10.0.0.5:3000", "x-forwarded-host": "casefile.example.org, proxy.internal", origin: "https://casefile.example.org" }))).toBe(true);
    expect(originAllowed(req({ host: "casefile.test" }))).toBe(true);
  });

  test("another site, another port of the same host, an opaque or malformed Origin are refused", () => {
    expect(originAllowed(req({ host: "casefile.test", origin: "https://elsewhere.test" }))).toBe(false);
    expect(originAllowed(req({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3001" }))).toBe(false);
    expect(originAllowed(req({ host: "casefile.test", origin: "null" }))).toBe(false);
    expect(originAllowed(req({ host: "casefile.test", origin: "not a url" }))).toBe(false);
  });
});
