import { type APIRequestContext, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { demoUser, expect, setLocale, signInAs, signInWith, test } from "./fixtures";

// The witnesses and events lists a page at a time: fifty rows a page, the total, page links
// and a filter, with the keyboard and without scripts. The demo has fewer than fifty of each,
// so the tests add fictional ones through the API first. The statements list (twenty-five a
// page) reads its page number the same way.

async function total(request: APIRequestContext, path: string): Promise<number> {
  const res = await request.get(`${path}${path.includes("?") ? "&" : "?"}page=1`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

/**
 * At least `n` witnesses in all and `n` events titled "Quorvantis" (the title filter's test pages
 * through them): counted by title, not in all, since the specs before this one add events of their
 * own and the demo has some.
 */
async function atLeast(request: APIRequestContext, n: number) {
  for (let have = await total(request, "/api/v1/witnesses"); have < n; have++) expect((await request.post("/api/v1/witnesses", { data: { fictional: true } })).status()).toBe(201);
  for (let have = await total(request, "/api/v1/events?q=Quorvantis"); have < n; have++) {
    const day = String((have % 28) + 1).padStart(2, "0");
    const res = await request.post("/api/v1/events", { data: { title: `Fictional Quorvantis hearing ${have} (list pages test)`, dateStart: `1988-01-${day}` } });
    expect(res.status()).toBe(201);
  }
}

async function withoutScripts(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; noJs: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const researcher = demoUser("RESEARCHER");
  await signInWith(context.request, researcher.email, researcher.password);
  return { context, noJs: await context.newPage() };
}

test.beforeEach(async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "en");
  await atLeast(page.request, 60);
});

test("the witnesses list shows fifty a page with the total; the page links are followed with the keyboard; a bad page number shows a page", async ({ page }) => {
  const all = await total(page.request, "/api/v1/witnesses");
  const pages = Math.ceil(all / 50);
  await page.goto("/witnesses");
  await expect(page.getByTestId("witness-row")).toHaveCount(50);
  await expect(page.getByTestId("witness-count")).toHaveAttribute("data-total", String(all));
  await expect(page.getByTestId("witness-count")).toContainText(`${all.toLocaleString("en-GB")} witnesses`);
  const pager = page.getByTestId("witness-pager");
  await expect(pager).toContainText(`Page 1 of ${pages}`);
  const first = await page.getByTestId("witness-row").first().getAttribute("data-code");
  await pager.getByTestId("witness-pager-next").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/witnesses\?page=2$/);
  await expect(page.getByTestId("witness-pager")).toHaveAttribute("data-page", "2");
  await expect(page.getByTestId("witness-row").first()).not.toHaveAttribute("data-code", first!);

  for (const [raw, shown] of [["abc", 1], ["-3", 1], ["99999999999999999999", 1], ["9999999", pages], ["0", 1]] as const) {
    const res = await page.goto(`/witnesses?page=${raw}`);
    expect(res?.status(), raw).toBe(200);
    await expect(page.getByTestId("witness-pager"), raw).toHaveAttribute("data-page", String(shown));
  }
});

test("the witness code filter finds a code typed in part, in lower case, in Persian digits or on a Persian keyboard, and its page links keep it", async ({ page }) => {
  await page.goto("/witnesses");
  const box = page.getByLabel("Witness code");
  await box.fill("w-00");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/witnesses\?q=w-00$/);
  const rows = page.getByTestId("witness-row");
  await expect(rows.first()).toHaveAttribute("data-code", /^W-00/);
  for (const code of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))) expect(code).toContain("W-00");
  await expect(page.getByTestId("witness-count")).toContainText("contain “W-00”");
  await expect(page.getByTestId("witness-pager-next")).toHaveAttribute("href", "/witnesses?q=w-00&page=2");

  await page.goto(`/witnesses?q=${encodeURIComponent("۰۰۰۳")}`);
  await expect(page.getByTestId("witness-row")).toHaveCount(1);
  await expect(page.getByTestId("witness-row")).toHaveAttribute("data-code", "W-0003");
  // Typed on a Persian keyboard, whose W key types «ص»: read as the code it names.
  await page.goto(`/witnesses?q=${encodeURIComponent("ص-۰۰۰۳")}`);
  await expect(page.getByTestId("witness-row")).toHaveCount(1);
  await expect(page.getByTestId("witness-count")).toContainText("contains “W-0003”");
  await page.getByRole("link", { name: "Show all" }).click();
  await expect(page).toHaveURL(/\/witnesses$/);

  await page.goto("/witnesses?q=zz-none");
  await expect(page.getByTestId("witness-row")).toHaveCount(0);
  await expect(page.getByText("No witness matches.")).toBeVisible();
});

test("a witness registered when the list is longer than a page is still announced, with the link to record a statement", async ({ page }) => {
  await page.goto("/witnesses/new");
  await page.getByTestId("witness-submit").click();
  const created = page.getByTestId("witness-created");
  await expect(created).toBeVisible();
  await expect(created.getByRole("link")).toHaveAttribute("href", /\/statements\/new\?witnessId=/);
  const code = (await created.innerText()).match(/W-\d{4,}/)![0];
  // Codes are listed in order: the new one is on the last page, not the first.
  await expect(page.locator(`[data-testid="witness-row"][data-code="${code}"]`)).toHaveCount(0);
});

test("without scripts the witness filter and the page links work as plain GET", async ({ browser, baseURL }) => {
  const { context, noJs } = await withoutScripts(browser, baseURL!);
  try {
    await noJs.goto("/witnesses");
    await noJs.getByTestId("witness-pager-last").click();
    await expect(noJs.getByTestId("witness-pager")).toHaveAttribute("data-page", (await noJs.getByTestId("witness-pager").getAttribute("data-pages"))!);
    const box = noJs.getByLabel("Witness code");
    await box.fill("0005");
    await box.press("Enter");
    await expect(noJs).toHaveURL(/\/witnesses\?q=0005$/);
    await expect(noJs.getByTestId("witness-row")).toHaveAttribute("data-code", "W-0005");
  } finally {
    await context.close();
  }
});

test("the events list shows fifty a page in date order; the title filter pages its matches, with and without scripts", async ({ page, browser, baseURL }) => {
  const all = await total(page.request, "/api/v1/events");
  await page.goto("/events");
  await expect(page.getByTestId("event-row")).toHaveCount(50);
  await expect(page.getByTestId("event-count")).toHaveAttribute("data-total", String(all));
  await expect(page.getByTestId("event-pager")).toContainText(`Page 1 of ${Math.ceil(all / 50)}`);

  const box = page.getByRole("combobox", { name: "Find an event by its title" });
  await box.fill("Quorvantis");
  // Enter with the suggestions closed lists every match.
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/events\?q=Quorvantis$/);
  const found = Number(await page.getByTestId("event-count").getAttribute("data-total"));
  expect(found).toBeGreaterThan(50);
  await expect(page.getByTestId("event-row")).toHaveCount(50);
  await page.getByTestId("event-pager-next").click();
  await expect(page).toHaveURL(/\/events\?q=Quorvantis&page=2$/);
  await expect(page.getByTestId("event-row")).toHaveCount(found - 50);
  for (const title of await page.getByTestId("event-row").allInnerTexts()) expect(title).toContain("Quorvantis");

  const { context, noJs } = await withoutScripts(browser, baseURL!);
  try {
    await noJs.goto("/events?page=abc");
    await expect(noJs.getByTestId("event-pager")).toHaveAttribute("data-page", "1");
    const plain = noJs.getByRole("combobox", { name: "Find an event by its title" });
    await plain.fill("Quorvantis");
    await plain.press("Enter");
    await expect(noJs).toHaveURL(/\/events\?q=Quorvantis$/);
    await noJs.getByTestId("event-pager-last").click();
    await expect(noJs).toHaveURL(/\/events\?q=Quorvantis&page=\d+$/);
    await expect(noJs.getByTestId("event-row")).toHaveCount(found - 50);
  } finally {
    await context.close();
  }
});

test("in Persian the pager and the count show Persian digits, right to left, and the code box takes the direction of what is typed", async ({ page, baseURL }) => {
  await setLocale(page, baseURL!, "fa");
  const all = await total(page.request, "/api/v1/witnesses");
  await page.goto("/witnesses");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const fa = (n: number) => n.toLocaleString("fa-IR");
  await expect(page.getByTestId("witness-count")).toContainText(`${fa(all)} شاهد`);
  await expect(page.getByTestId("witness-pager")).toContainText(`صفحهٔ ${fa(1)} از ${fa(Math.ceil(all / 50))}`);
  await expect(page.getByTestId("witness-pager-next")).toHaveText("بعدی");
  // A code in Latin letters reads left to right; one typed on a Persian keyboard («ص» for W) right to left, as typed.
  const box = page.getByLabel("کد شاهد");
  await box.fill("W-0003");
  expect(await box.evaluate((el) => el.matches(":dir(ltr)"))).toBe(true);
  await box.fill("ص-۰۰۰۳");
  expect(await box.evaluate((el) => el.matches(":dir(rtl)"))).toBe(true);
  await page.goto("/events");
  await expect(page.getByTestId("event-pager")).toContainText(`صفحهٔ ${fa(1)} از`);
});

test("the statements list reads its page number as the other lists do: a page past the last shows the last, anything that is no page number the first", async ({ page }) => {
  // Twenty-five a page: at least three pages, so that the last is neither the first nor the second.
  const witnessId = ((await (await page.request.get("/api/v1/witnesses?pageSize=1")).json()) as { items: { id: string }[] }).items[0]!.id;
  for (let have = await total(page.request, "/api/v1/statements"); have < 51; have++) {
    const res = await page.request.post("/api/v1/statements", { data: { witnessId, title: `Fictional Zelquarin statement ${have} (list pages test)`, language: "en", originalText: "This text is fictional." } });
    expect(res.status()).toBe(201);
  }
  const all = await total(page.request, "/api/v1/statements");
  const pages = Math.ceil(all / 25);
  const onLast = all - 25 * (pages - 1);
  await page.goto("/statements");
  await expect(page.getByTestId("statement-row")).toHaveCount(25);
  await expect(page.getByTestId("pager")).toContainText(`Page 1 of ${pages}`);
  for (const [raw, shown] of [["2", 2], ["abc", 1], ["2abc", 1], ["-3", 1], ["0", 1], ["1.5", 1], ["99999999999999999999", 1], [String(pages + 1), pages], ["999999", pages], ["9999999", pages]] as const) {
    const res = await page.goto(`/statements?page=${raw}`);
    expect(res?.status(), raw).toBe(200);
    await expect(page.getByTestId("pager"), raw).toContainText(`Page ${shown} of ${pages}`);
    await expect(page.getByTestId("statement-row"), raw).toHaveCount(shown === pages ? onLast : 25);
  }
});

test("no list page fails on a bad page number or a filter no record can match", async ({ page }) => {
  for (const path of ["/witnesses", "/events", "/persons", "/places", "/organisations", "/sources", "/proceedings"]) {
    for (const query of ["?page=abc", "?page=-3", "?page=99999999999999999999", "?page=9999999", "?q=%E2%80%AE%F0%9F%99%82&page=2"]) {
      const res = await page.goto(`${path}${query}`);
      expect(res?.status(), `${path}${query}`).toBe(200);
    }
    // A NUL character names nothing there is.
    expect((await page.goto(`${path}?q=%00`))?.status(), path).toBe(404);
  }
});

test("the search, exhibits and audit lists have first, previous, next and last page links; the search's keep the query and every filter; in English and in Persian", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  // The search: at least three pages (twenty results a page) of English statements saying "Zelquarin".
  const search = "/api/v1/search?q=Zelquarin&type=statement&language=en";
  const witnessId = ((await (await page.request.get("/api/v1/witnesses?pageSize=1")).json()) as { items: { id: string }[] }).items[0]!.id;
  for (let have = await total(page.request, search); have < 45; have++) {
    const res = await page.request.post("/api/v1/statements", { data: { witnessId, title: `Fictional Zelquarin statement ${have} (list pages test)`, language: "en", originalText: "This text is fictional." } });
    expect(res.status()).toBe(201);
  }
  const found = await total(page.request, search);
  const searchPages = Math.ceil(found / 20);
  const kept = "/search?q=Zelquarin&type=statement&language=en";
  await page.goto(kept);
  const pager = page.getByTestId("search-pager");
  await expect(pager).toHaveAttribute("data-page", "1");
  await expect(pager).toContainText(`Page 1 of ${searchPages}`);
  await expect(page.getByTestId("search-pager-first")).toHaveCount(0);
  await expect(page.getByTestId("search-pager-prev")).toHaveCount(0);
  await expect(page.getByTestId("search-pager-next")).toHaveAttribute("href", `${kept}&page=2`);
  await expect(page.getByTestId("search-pager-last")).toHaveAttribute("href", `${kept}&page=${searchPages}`);
  await page.screenshot({ path: testInfo.outputPath("search-pager-en.png"), fullPage: true });
  await page.getByTestId("search-pager-last").click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=Zelquarin&type=statement&language=en&page=${searchPages}$`));
  await expect(page.getByTestId("search-result")).toHaveCount(found - 20 * (searchPages - 1));
  await expect(page.getByTestId("search-pager-prev")).toHaveAttribute("href", `${kept}&page=${searchPages - 1}`);
  await expect(page.getByTestId("search-pager-next")).toHaveCount(0);
  await page.getByTestId("search-pager-first").click();
  await expect(page).toHaveURL(new RegExp(`${kept.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByTestId("search-pager")).toHaveAttribute("data-page", "1");
  // The filters chosen in the form stay applied on every page.
  await expect(page.locator("#search-type")).toHaveValue("statement");
  await expect(page.locator("#search-language")).toHaveValue("en");

  // The exhibits list: at least two pages of fifty, newest first.
  for (let have = await total(page.request, "/api/v1/exhibits"); have < 60; have++) {
    const buffer = Buffer.from(`Fictional exhibit ${have} for the list pages test.\n`);
    const res = await page.request.post("/api/v1/exhibits", { multipart: { witnessId, file: { name: `fictional-${have}.txt`, mimeType: "text/plain", buffer } } });
    expect(res.status(), await res.text()).toBe(201);
  }
  const exhibits = await total(page.request, "/api/v1/exhibits");
  const exhibitPages = Math.ceil(exhibits / 50);
  await page.goto("/exhibits");
  await expect(page.getByTestId("exhibit-row")).toHaveCount(50);
  await expect(page.getByTestId("exhibit-pager")).toContainText(`Page 1 of ${exhibitPages}`);
  await expect(page.getByTestId("exhibit-pager-next")).toHaveAttribute("href", "/exhibits?page=2");
  await page.getByTestId("exhibit-pager-last").click();
  await expect(page).toHaveURL(new RegExp(`/exhibits\\?page=${exhibitPages}$`));
  await expect(page.getByTestId("exhibit-row")).toHaveCount(exhibits - 50 * (exhibitPages - 1));
  await expect(page.getByTestId("exhibit-pager-first")).toHaveAttribute("href", "/exhibits");
  for (const [raw, shown] of [["abc", 1], ["0", 1], ["99999999999999999999", 1], ["9999999", exhibitPages]] as const) {
    expect((await page.goto(`/exhibits?page=${raw}`))?.status(), raw).toBe(200);
    await expect(page.getByTestId("exhibit-pager"), raw).toHaveAttribute("data-page", String(shown));
  }

  // The audit log (an admin's): fifty events a page, newest first, numbered without gaps.
  await signInAs(page, "ADMIN");
  const events = ((await (await page.request.get("/api/v1/audit/verify")).json()) as { events: number }).events;
  const auditPages = Math.ceil(events / 50);
  expect(auditPages).toBeGreaterThan(2);
  await page.goto("/audit");
  await expect(page.getByTestId("audit-row").first()).toHaveAttribute("data-seq", String(events));
  await expect(page.getByTestId("audit-pager")).toContainText(`Page 1 of ${auditPages}`);
  await page.getByTestId("audit-pager-next").click();
  await expect(page).toHaveURL(/\/audit\?page=2$/);
  await expect(page.getByTestId("audit-row").first()).toHaveAttribute("data-seq", String(events - 50));
  await page.getByTestId("audit-pager-last").click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?page=${auditPages}$`));
  await expect(page.getByTestId("audit-row")).toHaveCount(events - 50 * (auditPages - 1));
  await expect(page.getByTestId("audit-row").last()).toHaveAttribute("data-seq", "1");
  await expect(page.getByTestId("audit-pager-first")).toHaveAttribute("href", "/audit");
  // An address of the old pager (events before a number) opens the page that holds them.
  await page.goto(`/audit?before=${events - 49}`);
  await expect(page).toHaveURL(/\/audit\?page=2$/);
  await page.goto(`/audit?before=${events - 48}`);
  await expect(page).toHaveURL(/\/audit$/);
  await page.screenshot({ path: testInfo.outputPath("audit-pager-en.png"), fullPage: true });

  // In Persian: the same links, right to left, with Persian digits.
  await setLocale(page, baseURL!, "fa");
  const fa = (n: number) => n.toLocaleString("fa-IR");
  await page.goto(`${kept}&page=2`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("search-pager")).toContainText(`صفحهٔ ${fa(2)} از ${fa(searchPages)}`);
  await expect(page.getByTestId("search-pager-first")).toHaveText("نخستین صفحه");
  await expect(page.getByTestId("search-pager-last")).toHaveText("واپسین صفحه");
  await page.screenshot({ path: testInfo.outputPath("search-pager-fa.png"), fullPage: true });
  await page.goto("/exhibits?page=2");
  await expect(page.getByTestId("exhibit-pager")).toContainText(`صفحهٔ ${fa(2)} از ${fa(exhibitPages)}`);
  await page.screenshot({ path: testInfo.outputPath("exhibits-pager-fa.png"), fullPage: true });
  await page.goto("/audit?page=2");
  await expect(page.getByTestId("audit-pager")).toContainText(`صفحهٔ ${fa(2)} از ${fa(auditPages)}`);
  await expect(page.getByTestId("audit-pager-prev")).toHaveText("قبلی");
  await page.screenshot({ path: testInfo.outputPath("audit-pager-fa.png"), fullPage: true });
});
