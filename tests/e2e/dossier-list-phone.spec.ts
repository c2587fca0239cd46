import { expect, setLocale, signInAs, test } from "./fixtures";

// The dossiers list on a phone (390 px) and a desktop (1280 px), in English and Persian: a
// dossier's title wraps as a paragraph does, a few words to a line, not one word under another
// in a column squeezed by its neighbours; nor does the subject beside it. Screenshots are kept in test-results/.

const TITLES = ["Prosecution of Hamid Nouri: statements and exhibits gathered for the legal team", "پروندهٔ پیگرد حمید نوری در دادگاه بدوی استکهلم، گردآوری‌شده برای تیم حقوقی"];

test("a dossier's title wraps a few words to a line on a phone, in English and Persian", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "LEGAL");
  const found = (await (await page.request.get("/api/v1/proceedings?q=Nouri")).json()) as { items: { id: string }[] };
  const ids: string[] = [];
  for (const title of TITLES) {
    const res = await page.request.post("/api/v1/dossiers", { data: { title, subjectType: "PROCEEDING", subjectId: found.items[0]!.id } });
    expect(res.status(), await res.text()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }

  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/dossiers");
      await page.screenshot({ path: testInfo.outputPath(`dossiers-${locale}-${width}.png`), fullPage: true });
      for (const [i, id] of ids.entries()) {
        // The title's line boxes: how many, and how wide the widest is.
        const { lines, widest } = await page
          .getByTestId("dossier-row")
          .locator(`a[href="/dossiers/${id}"]`)
          .evaluate((a) => {
            const rects = [...a.getClientRects()].filter((r) => r.width > 0);
            return { lines: new Set(rects.map((r) => Math.round(r.top))).size, widest: Math.max(...rects.map((r) => r.width)) };
          });
        const what = `${locale} ${width}px: ${TITLES[i]}`;
        expect(lines, `${what}: lines`).toBeLessThanOrEqual(width < 500 ? 4 : 2);
        // On a phone the widest line is at least half the screen: several words, not one.
        if (width < 500) expect(widest, `${what}: widest line`).toBeGreaterThanOrEqual(width / 2);
      }
      // The subject beside it ("Proceeding: Prosecution of Hamid Nouri (Sweden)") keeps a few words to a line too.
      const subject = await page
        .getByTestId("dossier-row")
        .first()
        .locator("td", { has: page.getByTestId("dossier-row-subject") })
        .evaluate((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return new Set(rects.map((r) => Math.round(r.top))).size;
        });
      expect(subject, `${locale} ${width}px: the subject's lines`).toBeLessThanOrEqual(width < 500 ? 3 : 2);
    }
  }
});
