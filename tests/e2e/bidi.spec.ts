import type { Page } from "@playwright/test";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// Persian pages show numbers the right way round. Beside Persian letters, Latin digits count as
// Arabic-script numbers and a hyphen does not join them, so a date such as 1988-07-19 written into
// a Persian sentence reads 19-07-1988 unless it is isolated. The date fields' examples are what a
// researcher copies, so a reversed example leads to a wrong date. Every number with separators in
// the page's text is checked by where the browser draws its first and last digits.

/**
 * Every match of `pattern` (source and flags) in the page's text that is drawn on one line, with
 * whether its first character is drawn to the left of its last, and the text around it.
 */
async function drawnMatches(page: Page, pattern: RegExp): Promise<{ text: string; firstLeft: boolean; context: string }[]> {
  return page.evaluate(
    ([source, flags]) => {
      const out: { text: string; firstLeft: boolean; context: string }[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (n.parentElement?.closest("script, style, template")) continue;
        for (const m of n.data.matchAll(new RegExp(source, flags))) {
          const box = (at: number) => {
            const r = document.createRange();
            r.setStart(n, at);
            r.setEnd(n, at + 1);
            return r.getBoundingClientRect();
          };
          const first = box(m.index);
          const last = box(m.index + m[0].length - 1);
          // Not drawn (hidden), or wrapped onto two lines: nothing to compare.
          if (!first.width || !last.width || Math.abs(first.top - last.top) > 2) continue;
          out.push({ text: m[0], firstLeft: first.left < last.left, context: n.data.trim().slice(0, 80) });
        }
      }
      return out;
    },
    [pattern.source, pattern.flags] as const,
  );
}

/** Numbers with separators (1988-07-19, ۱۳۶۷/۰۵/۱۲, 14:30) whose first digit is drawn to the right of their last. */
async function reversedNumbers(page: Page): Promise<string[]> {
  return (await drawnMatches(page, /[0-9۰-۹]+(?:[-/:.][0-9۰-۹]+)+/g)).filter((m) => !m.firstLeft).map((m) => `${m.text} in «${m.context}»`);
}

/**
 * Ranges of years (۱۳۶۶–۱۳۶۷, or 1979 – 1989 as recorded), how many are drawn, and those drawn
 * with their first number to the left of their last: a Persian reader starts on the right, so
 * such a range reads backwards.
 */
async function leftToRightRanges(page: Page): Promise<{ drawn: number; reversed: string[] }> {
  const ranges = await drawnMatches(page, /[0-9۰-۹]+ ?[–—] ?[0-9۰-۹]+/g);
  return { drawn: ranges.length, reversed: ranges.filter((m) => m.firstLeft).map((m) => `${m.text} in «${m.context}»`) };
}

/**
 * The checks' own test: adds a paragraph of `html` to the page's main region and runs `check`,
 * which must see it. React may replace the region after the paragraph was added (while it hydrates
 * the page, or when it renders it again), so each try puts the paragraph back if it is gone. A
 * check that never sees it fails when the tries run out.
 */
async function checkCatches(page: Page, html: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.evaluate((inner) => {
      if (document.getElementById("bidi-self-test")) return;
      const p = document.createElement("p");
      p.id = "bidi-self-test";
      p.innerHTML = inner;
      document.querySelector("main")!.append(p);
    }, html);
    await check();
  }).toPass({ timeout: 10_000 });
}

test("Persian pages draw a range of years right to left, its first year on the right: event, person, list, graph and the event search", async ({ page, baseURL }) => {
  const admin = demoUser("ADMIN");
  await signInWith(page.request, admin.email, admin.password);
  await setLocale(page, baseURL!, "fa");
  const first = async (path: string) => ((await (await page.request.get(path)).json()) as { items: { id: string }[] }).items[0]!.id;
  // Dated "1988": in the Solar Hijri calendar, the years 1366–1367. Raisi's positions are recorded
  // in Gregorian years, shown as recorded beside their Solar Hijri reading.
  const [khavaran, nayyeri, raisi] = await Promise.all([first("/api/v1/events?q=Khavaran"), first("/api/v1/persons?q=Nayyeri"), first("/api/v1/persons?q=Raisi")]);

  // The check itself: a range isolated on its own without a direction is caught.
  await page.goto("/", { waitUntil: "networkidle" });
  await checkCatches(page, "سال‌های <bdi>۱۳۶۶–۱۳۶۷</bdi> و <bdi dir=\"rtl\">۱۳۶۸–۱۳۶۹</bdi>", async () =>
    expect(await leftToRightRanges(page)).toEqual({ drawn: 2, reversed: ["۱۳۶۶–۱۳۶۷ in «۱۳۶۶–۱۳۶۷»"] }),
  );

  for (const path of [`/events/${khavaran}`, `/persons/${nayyeri}`, `/persons/${raisi}`, "/events", "/graph"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    const { drawn, reversed } = await leftToRightRanges(page);
    expect(drawn, path).toBeGreaterThan(0);
    expect(reversed, path).toEqual([]);
  }

  // An event offered by the search-as-you-type box (the event of a link, the search's filter).
  await page.goto("/events");
  const box = page.getByRole("combobox").first();
  await box.fill("خاوران");
  await expect(page.getByTestId("autocomplete-date").first()).toHaveText("۱۳۶۶–۱۳۶۷");
  expect((await leftToRightRanges(page)).reversed).toEqual([]);
});

test("Persian pages show dates and numbers with separators the right way round, the date fields' examples included", async ({ page, baseURL }) => {
  const admin = demoUser("ADMIN");
  await signInWith(page.request, admin.email, admin.password);
  await setLocale(page, baseURL!, "fa");
  const first = async (path: string) => ((await (await page.request.get(path)).json()) as { items: { id: string }[] }).items[0]!.id;
  const [witness, statement, event, proceeding] = await Promise.all(["/api/v1/witnesses", "/api/v1/statements", "/api/v1/events", "/api/v1/proceedings"].map(first));

  // The check itself: a date written into a Persian sentence without isolation is caught.
  await page.goto("/", { waitUntil: "networkidle" });
  await checkCatches(page, "مثلاً ۱۲ مرداد ۱۳۶۷ یا 1988-07-19.", async () =>
    expect(await reversedNumbers(page)).toEqual(["1988-07-19 in «مثلاً ۱۲ مرداد ۱۳۶۷ یا 1988-07-19.»"]),
  );

  const pages = [
    "/witnesses/new",
    "/statements/new",
    "/events/new",
    "/proceedings/new",
    `/witnesses/${witness}`,
    `/statements/${statement}`,
    `/statements/${statement}/edit`,
    `/events/${event}`,
    `/events/${event}/edit`,
    `/proceedings/${proceeding}`,
    `/proceedings/${proceeding}/edit`,
    // A date the search cannot read: its error gives examples.
    "/search?q=evin&from=abc",
  ];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(await reversedNumbers(page), path).toEqual([]);
  }
});

test("a Persian field's example (its placeholder) is drawn right to left until something is typed, and a date typed in Latin digits then reads left to right", async ({ page, baseURL }) => {
  const admin = demoUser("ADMIN");
  await signInWith(page.request, admin.email, admin.password);
  // Fields marked dir="auto", whose direction the browser takes from what is typed: empty, it
  // used to fall back to left to right, and a Persian example such as «۱۳۶۷/۰۵/۱۲، تیر ۱۳۶۷،
  // 1988-07» was drawn left-aligned with its parts out of order.
  const fields = (p: Page) =>
    p.locator('input[dir="auto"][placeholder]').evaluateAll((els) =>
      (els as HTMLInputElement[]).filter((e) => e.value === "").map((e) => ({ id: e.id, placeholder: e.placeholder, direction: getComputedStyle(e).direction })),
    );
  for (const locale of ["fa", "en"] as const) {
    await setLocale(page, baseURL!, locale);
    for (const path of ["/graph", "/search?q=evin"]) {
      await page.goto(path);
      const found = await fields(page);
      expect(found.length, `${path} has empty fields showing an example`).toBeGreaterThan(0);
      for (const f of found) expect(f.direction, `${locale} ${path} #${f.id} «${f.placeholder}»`).toBe(locale === "fa" ? "rtl" : "ltr");
    }
  }
  await setLocale(page, baseURL!, "fa");
  await page.goto("/graph");
  const from = page.locator("#timeline-from");
  await from.fill("1988-07");
  expect(await from.evaluate((e) => getComputedStyle(e).direction)).toBe("ltr");
  await from.fill("تیر ۱۳۶۷");
  expect(await from.evaluate((e) => getComputedStyle(e).direction)).toBe("rtl");
});
