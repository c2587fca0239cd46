import type { Page } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// What a Persian-speaking legal team reads on the pages it works from: the proceedings list
// names each defendant in the reader's script.

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
