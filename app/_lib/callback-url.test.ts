import { describe, expect, test } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  test("a path of this site is kept", () => {
    for (const p of ["/", "/persons", "/persons/cmx1?saved=1", "/search?q=%D8%A7%D9%88%DB%8C%D9%86&page=2", "/statements/abc#review"]) expect(safeCallbackUrl(p)).toBe(p);
  });

  test("anything else, or an address that cannot be one, is the home page", () => {
    for (const p of [undefined, "", "persons", "//elsewhere.example", "/\\elsewhere.example", "https://elsewhere.example/", "javascript:alert(1)", "/\t/elsewhere.example", "/a\nb", "/persons\u0000", "/\ud800", "/a\\b"])
      expect(safeCallbackUrl(p), JSON.stringify(p)).toBe("/");
  });

  // Node refuses a header holding characters outside ASCII: signing in with such a place to
  // return to, or opening /signin with it while signed in, answered 500.
  test("characters outside ASCII are percent-encoded, so the path can go in a Location header", () => {
    expect(safeCallbackUrl("/search?q=اوین")).toBe("/search?q=%D8%A7%D9%88%DB%8C%D9%86");
    expect(safeCallbackUrl("/persons/é#بخش")).toBe("/persons/%C3%A9#%D8%A8%D8%AE%D8%B4");
    expect(safeCallbackUrl("/a b")).toBe("/a%20b");
    for (const p of ["/search?q=اوین", "/persons/é#بخش", "/\uFFFD", "/x?y=\u202e"]) expect(safeCallbackUrl(p), p).toMatch(/^\/[\x21-\x7e]*$/);
  });
});
