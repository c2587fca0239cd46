import type { Page } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// What a Persian-speaking legal team reads on the pages it works from: the proceedings list
// names each defendant in the reader's script, a dossier's numbered lists count in the page's
// digits, and the dossier's export section is drawn as a panel like the sections around it.

type Proceeding = { id: string; title: string; defendants: { id: string; name: string; nameFa: string }[] };

async function proceedingWithPersianDefendant(page: Page): Promise<Proceeding> {
  const res = await page.request.get("/api/v1/proceedings");
  expect(res.status(), await res.text()).toBe(200);
  const { items } = (await res.json()) as { items: Proceeding[] };
  const p = items.find((x) => x.defendants.some((d) => d.nameFa && d.nameFa !== d.name));
  expect(p, "the demo holds a proceeding whose defendant has a Persian name").toBeTruthy();
  return p!;
}

for (const locale of ["en", "fa"] as const) {
  test(`the proceedings list names each defendant as the reader reads them: Persian spelling in Persian, the registry name in English (${locale})`, async ({ page, baseURL }) => {
    await signInAs(page, "LEGAL");
    await setLocale(page, baseURL!, locale);
    const p = await proceedingWithPersianDefendant(page);
    await page.goto("/proceedings");
    const row = page.locator("tr", { has: page.locator(`a[href="/proceedings/${p.id}"]`) });
    for (const d of p.defendants) {
      const expected = locale === "fa" && d.nameFa ? d.nameFa : d.name;
      await expect(row.locator(`a[href="/persons/${d.id}"]`)).toHaveText(expected);
    }
  });
}

async function newDossier(page: Page, title: string): Promise<string> {
  const p = await proceedingWithPersianDefendant(page);
  const created = await page.request.post("/api/v1/dossiers", { data: { title: `${title} ${Date.now()}`, subjectType: "PROCEEDING", subjectId: p.id, preselect: false } });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

test("a dossier's numbered lists count in Persian digits on the Persian page and in Western digits on the English one", async ({ page, baseURL }) => {
  await signInAs(page, "LEGAL");
  const id = await newDossier(page, "List digits");

  for (const [locale, style] of [
    ["en", "decimal"],
    ["fa", "persian"],
  ] as const) {
    await setLocale(page, baseURL!, locale);
    await page.goto(`/dossiers/${id}/preview`);
    const contents = page.getByTestId("preview-contents").locator("ol");
    await expect(contents.locator("li").first()).toBeVisible();
    expect(await contents.evaluate((ol) => getComputedStyle(ol).listStyleType), `contents list (${locale})`).toBe(style);
    // A list drawn without numbers (the dossier's history) stays without them.
    await page.goto(`/dossiers/${id}`);
    expect(await page.getByTestId("dossier-history").locator("ol").evaluate((ol) => getComputedStyle(ol).listStyleType), `history list (${locale})`).toBe("none");
  }
});

test("a dossier's export section is boxed as a panel like the sections around it, in English and Persian", async ({ page, baseURL }) => {
  await signInAs(page, "LEGAL");
  const id = await newDossier(page, "Export panel");
  // The export section is boxed as the dossier's other sections are (it once carried a class
  // that no stylesheet defines, so it sat on the page background, unbordered).
  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    await page.goto(`/dossiers/${id}`);
    const box = (sel: string) =>
      page.locator(sel).evaluate((el) => {
        const s = getComputedStyle(el);
        return { border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`, background: s.backgroundColor, padding: s.paddingInlineStart };
      });
    const neighbour = await box('section[aria-labelledby="details-heading"]');
    expect(neighbour.border, "the neighbouring section has a border").not.toMatch(/^0px/);
    expect(await box('[data-testid="dossier-export-panel"]'), `export section (${locale})`).toEqual(neighbour);
  }
});
