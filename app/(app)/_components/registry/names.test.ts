import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { ListOtherName } from "./names";

const render = (item: { name: string; nameFa: string }, locale: string) => renderToStaticMarkup(createElement(ListOtherName, { item, locale }));

describe("a registry list's other-name column", () => {
  const both = { name: "Hossein-Ali Nayyeri", nameFa: "حسینعلی نیری" };
  const latinOnly = { name: "Iran Tribunal", nameFa: "" };

  test("on a Persian page: the Latin spelling of a record listed by its Persian name, left to right; nothing for one listed by its Latin name", () => {
    expect(render(both, "fa")).toBe(`<bdi dir="ltr">${both.name}</bdi>`);
    expect(render(latinOnly, "fa")).toBe("");
  });

  test("on an English page: the Persian name, marked Persian and right to left; nothing when there is none", () => {
    expect(render(both, "en")).toBe(`<span lang="fa" dir="rtl">${both.nameFa}</span>`);
    expect(render(latinOnly, "en")).toBe("");
  });
});
