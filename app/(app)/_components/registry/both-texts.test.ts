import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { BothTexts } from "./both-texts";

const render = (en: string, fa: string, locale: string) =>
  renderToStaticMarkup(createElement(BothTexts, { en, fa, locale, inEnglish: "As recorded in English", testId: "t" }));
// The order in which the two paragraphs come, read off the markup.
const order = (html: string) => [...html.matchAll(/data-testid="(t(?:-fa)?)"/g)].map((m) => m[1]);

describe("a record's text and its Persian", () => {
  const en = "Torturing prisoners";
  const fa = "شکنجهٔ زندانیان";

  test("on a Persian page: the Persian first, right to left, then the English under its label, left to right", () => {
    const html = render(en, fa, "fa");
    expect(order(html)).toEqual(["t-fa", "t"]);
    expect(html).toContain(`<p lang="fa" dir="rtl" class="prose" data-testid="t-fa">${fa}</p>`);
    expect(html).toContain(`<p lang="en" dir="ltr" class="prose" data-testid="t">${en}</p>`);
    expect(html.indexOf("As recorded in English")).toBeGreaterThan(html.indexOf(fa));
    expect(html.indexOf("As recorded in English")).toBeLessThan(html.indexOf(en));
  });

  test("on a Persian page with no English: the Persian alone, with no label", () => {
    const html = render("", fa, "fa");
    expect(html).toBe(`<p lang="fa" dir="rtl" class="prose" data-testid="t-fa">${fa}</p>`);
  });

  test("on a Persian page with no Persian: the English alone, with no label", () => {
    expect(render(en, "", "fa")).toBe(`<p dir="auto" class="prose" data-testid="t">${en}</p>`);
  });

  test("on an English page: the English alone, even when there is a Persian", () => {
    expect(render(en, fa, "en")).toBe(`<p dir="auto" class="prose" data-testid="t">${en}</p>`);
  });

  test("on an English page with only the Persian: the Persian, right to left", () => {
    expect(render("", fa, "en")).toBe(`<p lang="fa" dir="rtl" class="prose" data-testid="t-fa">${fa}</p>`);
  });
});
