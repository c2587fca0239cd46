import { expect, setLocale, signInAs, test } from "./fixtures";

// Every menu that lists proceedings names each by both its titles, as the person, event and
// place choices show both names: the title the reader's interface reads first (on an English
// page the English, the court's), the other after a dash. Screenshots are kept in test-results/.

const NOURI = "Prosecution of Hamid Nouri (Sweden)";
const NOURI_FA = "پیگرد حمید نوری (سوئد)";
const BOTH = { en: `${NOURI} — ${NOURI_FA}`, fa: `${NOURI_FA} — ${NOURI}` } as const;

test("the link form, the dossier form, the timeline filter and the search filter name a proceeding by both titles, the reader's first", async ({ page, browser, baseURL }, testInfo) => {
  await signInAs(page, "ADMIN");
  const listed = (await (await page.request.get("/api/v1/statements")).json()) as { items: { id: string }[] };
  const statementId = listed.items[0]!.id;
  // The Nouri prosecution's option, found by its id (its text is what is checked).
  const found = (await (await page.request.get("/api/v1/proceedings?q=Nouri")).json()) as { items: { id: string; title: string }[] };
  const nouri = found.items.find((p) => p.title === NOURI)!;
  expect(nouri, "the demo's Nouri prosecution").toBeTruthy();

  // The search filters without scripts: the plain <select> the server renders.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const noScripts = await plain.newPage();
  await signInAs(noScripts, "ADMIN");

  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    await setLocale(noScripts, baseURL!, locale);

    // A statement's linking form.
    await page.goto(`/statements/${statementId}`);
    const linkMenu = page.getByTestId("link-proceeding");
    await expect(linkMenu.locator(`option[value="${nouri.id}"]`), locale).toHaveText(BOTH[locale]);
    await linkMenu.selectOption(nouri.id);
    await linkMenu.screenshot({ path: testInfo.outputPath(`link-proceeding-${locale}.png`) });
    // Closed, the menu shows the chosen proceeding's two titles whole (on a 1280 px page the
    // field has the row to itself): the text's width in the menu's font, plus its padding and
    // arrow, fits in the menu.
    const fit = await linkMenu.evaluate((el: HTMLSelectElement) => {
      const ctx = document.createElement("canvas").getContext("2d")!;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return { text: ctx.measureText(el.selectedOptions[0]!.text).width, room: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 24 };
    });
    expect(fit.text, `${locale}: the chosen proceeding's titles fit the closed menu`).toBeLessThanOrEqual(fit.room);

    // A new dossier's subject.
    await page.goto("/dossiers/new");
    const subject = page.getByTestId("dossier-subject");
    await expect(subject.locator(`option[value="PROCEEDING:${nouri.id}"]`), locale).toHaveText(BOTH[locale]);
    await subject.selectOption(`PROCEEDING:${nouri.id}`);
    await page.getByTestId("dossier-form").screenshot({ path: testInfo.outputPath(`dossier-subject-${locale}.png`) });

    // The accountability graph's timeline filter.
    await page.goto("/graph");
    await expect(page.locator(`#timeline-proceeding option[value="${nouri.id}"]`), locale).toHaveText(BOTH[locale]);

    // The search page's proceeding filter.
    await noScripts.goto("/search?q=Evin");
    await expect(noScripts.getByTestId("search-proceeding").locator(`option[value="${nouri.id}"]`), locale).toHaveText(BOTH[locale]);
  }
  await plain.close();
});
