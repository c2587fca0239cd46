import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { IntlProvider, useTranslations as nextIntlUseTranslations } from "next-intl";
import { sharedTranslationStore, useTranslations } from "./use-translations";

const messages = {
  demo: {
    plain: "Plain text",
    named: "Revoke token “{name}”",
    plural: "{count, plural, =0 {no witnesses} one {# witness} other {# witnesses}}",
    rich: "Read <b>this</b> first",
  },
};

// The same component written against each hook.
function Demo({ hook, name, count }: { hook: typeof useTranslations; name: string; count: number }) {
  const t = hook("demo");
  return createElement(Fragment, null, t("plain"), "|", t("named", { name }), "|", t("plural", { count }), "|", t.rich("rich", { b: (c) => createElement("b", null, c) }), "|", String(t.has("plain")), String(t.has("missing")));
}

const render = (locale: string, hook: typeof useTranslations, name: string, count: number) =>
  renderToStaticMarkup(createElement(IntlProvider, { locale, messages, timeZone: "UTC", children: createElement(Demo, { hook, name, count }) }));

describe("useTranslations with a shared store", () => {
  test("translates as next-intl's hook does", () => {
    for (const [name, count] of [["bench", 0], ["export script", 1], ["«x»", 12]] as const) {
      expect(render("en", useTranslations, name, count)).toBe(render("en", nextIntlUseTranslations, name, count));
    }
    expect(render("en", useTranslations, "a", 2)).toBe("Plain text|Revoke token “a”|2 witnesses|Read <b>this</b> first|truefalse");
  });

  test("a message with an argument is compiled once per locale, not once per render", () => {
    const store = sharedTranslationStore("fa");
    render("fa", useTranslations, "one", 1);
    const compiled = Object.values(store.message);
    expect(compiled.length).toBeGreaterThan(0);
    render("fa", useTranslations, "two", 2);
    render("fa", useTranslations, "three", 3);
    // The second and third page views found the compiled messages of the first.
    expect(Object.values(store.message)).toEqual(compiled);
    expect(Object.values(store.message).every((m, i) => m === compiled[i])).toBe(true);
  });

  test("components asking for the same namespace share one translator (a page draws many badges)", () => {
    const seen: unknown[] = [];
    function Probe() {
      seen.push(useTranslations("demo"));
      return null;
    }
    const page = () => createElement(IntlProvider, { locale: "en", messages, timeZone: "UTC", children: [createElement(Probe, { key: 1 }), createElement(Probe, { key: 2 })] });
    renderToStaticMarkup(page());
    renderToStaticMarkup(page()); // the same messages object, as the catalogue is on the server
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(1);
  });
});
