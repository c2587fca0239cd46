import type { Page } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// A Persian page lists persons by their Persian names in Persian alphabetical order, those
// without a Persian name after them; an English page by the Latin name. The same order in a new
// dossier's subject menu. Fictional persons, made here; their order is written by hand.

const stamp = Date.now();
// In the order of the Persian alphabet (آ ... پ چ ژ ک گ ی), two typed on an Arabic keyboard
// (ك ي), which must stand where ک and ی do. By code point, آ ك ي come before پ چ ژ گ.
// Their Latin names run the other way (G ... A), so an order by Latin name reads them backwards.
const PERSIAN = ["آزاده ترتیبی", "پرستو ترتیبی", "چنگیز ترتیبی", "ژینا ترتیبی", "كامران ترتيبي", "گلاره ترتیبی", "يلدا ترتیبی"];
const latinOf = (i: number) => `Order Sample ${String.fromCharCode(0x47 - i)} ${stamp}`;
const LATIN_ONLY = `Order Sample Latin-only ${stamp}`;

/** Every row of the persons list, page by page: its link and whether it is named in Persian. */
async function listedPersons(page: Page): Promise<{ href: string; persian: boolean }[]> {
  await page.goto("/persons");
  const total = Number(await page.getByTestId("person-count").getAttribute("data-total"));
  const rows: { href: string; persian: boolean }[] = [];
  for (let n = 1; n <= Math.max(1, Math.ceil(total / 50)); n++) {
    if (n > 1) await page.goto(`/persons?page=${n}`);
    for (const link of await page.getByTestId("person-link").all())
      rows.push({ href: (await link.getAttribute("href"))!, persian: (await link.locator("bdi").getAttribute("lang")) === "fa" });
  }
  expect(rows).toHaveLength(total);
  return rows;
}

test("the persons list and the dossier subject menu are in Persian alphabetical order on a Persian page, in Latin order on an English one", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "ADMIN");
  const ids: string[] = [];
  // Created out of order.
  for (const i of [3, 0, 6, 1, 5, 2, 4]) {
    const res = await page.request.post("/api/v1/persons", { data: { name: latinOf(i), nameFa: PERSIAN[i], confirmDuplicate: true } });
    expect(res.status(), await res.text()).toBe(201);
    ids[i] = ((await res.json()) as { id: string }).id;
  }
  const latinOnly = await page.request.post("/api/v1/persons", { data: { name: LATIN_ONLY, confirmDuplicate: true } });
  expect(latinOnly.status()).toBe(201);
  const latinOnlyId = ((await latinOnly.json()) as { id: string }).id;
  const mine = (hrefs: string[]) => hrefs.map((h) => h.replace("/persons/", "")).filter((id) => ids.includes(id) || id === latinOnlyId);

  await setLocale(page, baseURL!, "fa");
  const fa = await listedPersons(page);
  expect(mine(fa.map((r) => r.href))).toEqual([...ids, latinOnlyId]);
  // Every person named in Persian comes before every person named in Latin.
  const firstLatin = fa.findIndex((r) => !r.persian);
  expect(firstLatin).toBeGreaterThan(0);
  expect(fa.slice(firstLatin).every((r) => !r.persian)).toBe(true);
  await page.goto("/persons");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: testInfo.outputPath(`persons-fa-${width}.png`), fullPage: true });
  }

  // The new dossier's subject menu lists the persons in the same order.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/dossiers/new");
  const options = await page.getByTestId("dossier-subject").locator('option[value^="PERSON:"]').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value.slice("PERSON:".length)));
  expect(mine(options)).toEqual([...ids, latinOnlyId]);
  // Shown open (as a list box) for the screenshot: a native menu's pop-up is not in a screenshot.
  await page.getByTestId("dossier-subject").evaluate((s) => ((s as HTMLSelectElement).size = 24));
  await page.getByTestId("dossier-form").screenshot({ path: testInfo.outputPath("subject-menu-fa.png") });

  await setLocale(page, baseURL!, "en");
  const en = await listedPersons(page);
  // Latin names A to G are the Persian order backwards; the Latin-only one ("Latin-only") after G.
  expect(mine(en.map((r) => r.href))).toEqual([...[...ids].reverse(), latinOnlyId]);
});
