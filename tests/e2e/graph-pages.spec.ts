import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// The accountability graph's pages on more than they can show at once: a person's allegations
// a page of events at a time (with and without scripts, by keyboard, in both languages), and
// the timeline narrowed by place, proceeding, allegation type and a period typed in either
// calendar. The records made here are fictional; the places and events they meet are the
// public record's, from the demo seed.

const PASSAGE = "The official was present";
const TEXT = `This text is fictional and written only to test the software. ${PASSAGE} at every hearing.`;

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, status: number): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/** A fictional English statement made through the API; returns its id. */
async function statement(request: APIRequestContext, title: string): Promise<string> {
  const w = (await json<{ items: { id: string }[] }>(await request.get("/api/v1/witnesses"), 200)).items[0]!;
  return (await json<{ id: string }>(await request.post("/api/v1/statements", { data: { witnessId: w.id, title, language: "en", originalText: TEXT } }), 201)).id;
}

async function link(request: APIRequestContext, data: { statementId: string; personId: string; eventId: string; allegationType: string; proceedingId?: string }) {
  const start = TEXT.indexOf(PASSAGE);
  await json(await request.post("/api/v1/links", { data: { revisionNumber: 1, startOffset: start, endOffset: start + PASSAGE.length, quote: PASSAGE, role: "PRESENT", ...data } }), 201);
}

/** A new browser context without scripts, signed in as the researcher (in `locale` if given); the caller closes it. */
async function withoutScripts(browser: Browser, baseURL: string, locale?: "en" | "fa"): Promise<{ context: BrowserContext; noJs: Page }> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const researcher = demoUser("RESEARCHER");
  await signInWith(context.request, researcher.email, researcher.password);
  if (locale) await context.addCookies([{ name: "casefile-locale", value: locale, url: baseURL }]);
  return { context, noJs: await context.newPage() };
}

async function signIn(page: Page) {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
}

test("a person named in more events than a page holds: the allegations come twenty events at a time, by keyboard and without scripts, in both languages", async ({ page, browser, baseURL }) => {
  await signIn(page);
  await setLocale(page, baseURL!, "en");
  const personId = (await json<{ id: string }>(await page.request.post("/api/v1/persons", { data: { name: "Fictional Committee Member (pages test)", confirmDuplicate: true } }), 201)).id;
  const statementId = await statement(page.request, "Fictional sample — many hearings");
  // 23 events in January 1988 (within the public record's period, so the graph's axis stays as other tests expect it), made
  // in the reverse of their date order: the page orders by date, not by creation.
  for (let n = 22; n >= 0; n--) {
    const e = await json<{ id: string }>(await page.request.post("/api/v1/events", { data: { title: `Fictional hearing ${String(n).padStart(2, "0")} (pages test)`, dateStart: `1988-01-${String(n + 1).padStart(2, "0")}` } }), 201);
    await link(page.request, { statementId, personId, eventId: e.id, allegationType: "PERSECUTION" });
  }

  await page.goto(`/persons/${personId}`);
  const section = page.getByTestId("person-allegations");
  const blocks = section.getByTestId("allegation-event");
  await expect(blocks).toHaveCount(20);
  await expect(blocks.first()).toContainText("Fictional hearing 00");
  await expect(blocks.last()).toContainText("Fictional hearing 19");
  await expect(section.getByTestId("allegation-page-showing")).toContainText("Events 1–20 of 23");
  const pager = section.getByTestId("allegation-pager");
  await expect(pager).toContainText("Page 1 of 2");
  await expect(pager.getByTestId("allegation-pager-prev")).toHaveCount(0);
  // By keyboard: the next page's link is a link like any other.
  await pager.getByTestId("allegation-pager-next").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/allegationsPage=2#allegations$/);
  await expect(blocks).toHaveCount(3);
  await expect(blocks.first()).toContainText("Fictional hearing 20");
  await expect(section.getByTestId("allegation-page-showing")).toContainText("Events 21–23 of 23");
  // A group of the second page still opens to its quote.
  await expect(async () => {
    await blocks.first().getByTestId("allegation-details").locator("summary").click();
    await expect(section.getByTestId("allegation-quote").first()).toContainText(PASSAGE, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  // A page past the last is the last.
  await page.goto(`/persons/${personId}?allegationsPage=99`);
  await expect(blocks).toHaveCount(3);

  // In Persian: the pager's words and numbers.
  await setLocale(page, baseURL!, "fa");
  await page.goto(`/persons/${personId}?allegationsPage=2`);
  await expect(section.getByTestId("allegation-pager")).toContainText("صفحهٔ ۲ از ۲");
  await expect(section.getByTestId("allegation-pager-first")).toHaveText("نخستین صفحه");
  await expect(section.getByTestId("allegation-page-showing")).toContainText("رویدادهای ۲۱ تا ۲۳ از ۲۳");

  // Without scripts: the pages are plain links.
  const { context, noJs } = await withoutScripts(browser, baseURL!, "en");
  try {
    await noJs.goto(`/persons/${personId}`);
    const s = noJs.getByTestId("person-allegations");
    await expect(s.getByTestId("allegation-event")).toHaveCount(20);
    await s.getByTestId("allegation-pager-last").click();
    await expect(noJs).toHaveURL(/allegationsPage=2/);
    await expect(s.getByTestId("allegation-event")).toHaveCount(3);
    await s.getByTestId("allegation-pager-first").click();
    await expect(noJs).not.toHaveURL(/allegationsPage/);
    await expect(s.getByTestId("allegation-event")).toHaveCount(20);
  } finally {
    await context.close();
  }
});

test("an allegation group with more quotes than a page holds: twenty at a time, by keyboard with scripts and as plain links without them, in both languages", async ({ page, browser, baseURL }) => {
  await signIn(page);
  await setLocale(page, baseURL!, "en");
  const personId = (await json<{ id: string }>(await page.request.post("/api/v1/persons", { data: { name: "Fictional Interrogator (quotes test)", confirmDuplicate: true } }), 201)).id;
  const eventId = (await json<{ id: string }>(await page.request.post("/api/v1/events", { data: { title: "Fictional interrogation (quotes test)", dateStart: "1988-03-01" } }), 201)).id;
  // 23 statements each quoted once for the same event and allegation: one group of 23 quotes, in the order linked.
  const statements: string[] = [];
  for (let n = 0; n < 23; n++) {
    const statementId = await statement(page.request, `Fictional sample ${String(n).padStart(2, "0")} (quotes test)`);
    await link(page.request, { statementId, personId, eventId, allegationType: "TORTURE" });
    statements.push(statementId);
  }
  const revisionLinks = (n: number) => statements.slice(n === 1 ? 0 : 20, n === 1 ? 20 : 23).map((id) => `/statements/${id}/revisions/1`);

  await page.goto(`/persons/${personId}`);
  const group = page.getByTestId("person-allegations").getByTestId("allegation-group");
  await expect(group).toHaveCount(1);
  await expect(group.locator("summary")).toHaveText("23 quotes");
  const quotes = group.getByTestId("allegation-quote");
  await expect(async () => {
    await group.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(quotes).toHaveCount(20, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  expect(await group.getByTestId("quote-revision-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(revisionLinks(1));
  const showing = group.getByTestId("allegation-quotes-showing");
  await expect(showing).toHaveText("Quotes 1–20 of 23, in the order they were linked.");
  const pager = group.getByTestId("allegation-quotes-pager");
  await expect(pager).toContainText("Page 1 of 2");
  // By keyboard: the next page replaces the quotes in place, and the focus goes to what is shown (the "next" link is gone).
  await pager.getByTestId("allegation-quotes-pager-next").focus();
  await page.keyboard.press("Enter");
  await expect(quotes).toHaveCount(3);
  await expect(showing).toHaveText("Quotes 21–23 of 23, in the order they were linked.");
  await expect(showing).toBeFocused();
  await expect(page).not.toHaveURL(/quotesPage/);
  expect(await group.getByTestId("quote-revision-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(revisionLinks(2));
  await expect(pager.getByTestId("allegation-quotes-pager-next")).toHaveCount(0);

  // In Persian: the words and numbers of the count and the pager.
  await setLocale(page, baseURL!, "fa");
  await page.reload();
  await expect(async () => {
    await group.locator("summary").click();
    await expect(quotes).toHaveCount(20, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(showing).toContainText("نقل‌قول‌های ۱ تا ۲۰ از ۲۳");
  await expect(pager).toContainText("صفحهٔ ۱ از ۲");
  await expect(pager.getByTestId("allegation-quotes-pager-last")).toHaveText("واپسین صفحه");

  // Without scripts, in Persian: a closed group links to its quotes, and the pages are plain links.
  const { context, noJs } = await withoutScripts(browser, baseURL!, "fa");
  try {
    await noJs.goto(`/persons/${personId}`);
    const g = noJs.getByTestId("allegation-group");
    await g.locator("summary").click();
    await expect(g.getByTestId("allegation-quotes-show")).toHaveText("نمایش نقل‌قول‌ها");
    await g.getByTestId("allegation-quotes-show").click();
    await expect(noJs).toHaveURL(/quotesType=TORTURE/);
    await expect(g.getByTestId("allegation-quote")).toHaveCount(20);
    await expect(g.getByTestId("allegation-quotes-showing")).toContainText("نقل‌قول‌های ۱ تا ۲۰ از ۲۳");
    await g.getByTestId("allegation-quotes-pager-next").click();
    await expect(noJs).toHaveURL(/quotesPage=2/);
    await expect(g.getByTestId("allegation-quote")).toHaveCount(3);
    expect(await g.getByTestId("quote-revision-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(revisionLinks(2));
    await g.getByTestId("allegation-quotes-pager-first").click();
    await expect(noJs).not.toHaveURL(/quotesPage/);
    await expect(g.getByTestId("allegation-quote")).toHaveCount(20);
  } finally {
    await context.close();
  }
});

test("the timeline narrows by proceeding, allegation, place and a period typed in either calendar; a bad period is said beside its field, in both languages", async ({ page, baseURL }) => {
  await signIn(page);
  await setLocale(page, baseURL!, "en");
  const proceedingId = (await json<{ id: string }>(await page.request.post("/api/v1/proceedings", { data: { title: "Fictional proceeding (timeline test)", kind: "OTHER" } }), 201)).id;
  const places = await json<{ items: { id: string; name: string }[] }>(await page.request.get("/api/v1/places?q=Gohardasht"), 200);
  const gohardasht = places.items.find((p) => p.name === "Gohardasht Prison")!;
  // Dated in the Solar Hijri calendar, as a witness would give it.
  const eventId = (
    await json<{ id: string }>(await page.request.post("/api/v1/events", { data: { title: "Fictional transfer of prisoners (timeline test)", dateStart: "20 Mordad 1367", placeIds: [gohardasht.id] } }), 201)
  ).id;
  const personId = (await json<{ id: string }>(await page.request.post("/api/v1/persons", { data: { name: "Fictional Official (timeline test)", confirmDuplicate: true } }), 201)).id;
  await link(page.request, { statementId: await statement(page.request, "Fictional sample — timeline filters"), personId, eventId, allegationType: "ENFORCED_DISAPPEARANCE", proceedingId });

  await page.goto("/graph");
  const list = page.getByTestId("timeline-list-events");
  const filter = page.getByTestId("timeline-filter");
  // By proceeding: only the event its links cite.
  await filter.locator("#timeline-proceeding").selectOption(proceedingId);
  await filter.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`proceeding=${proceedingId}`));
  await expect(page.getByTestId("timeline-event")).toHaveCount(1);
  await expect(list).toContainText("Fictional transfer of prisoners");
  await expect(page.getByTestId("timeline-filters-note")).toContainText("Fictional proceeding (timeline test)");

  // Cleared from the keyboard, then by allegation: the same event, found by its type.
  await page.getByTestId("timeline-clear").focus();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/proceeding=/);
  await filter.locator("#timeline-type").selectOption("ENFORCED_DISAPPEARANCE");
  await filter.locator("#timeline-person").press("Enter");
  await expect(page).toHaveURL(/allegationType=ENFORCED_DISAPPEARANCE/);
  await expect(list).toContainText("Fictional transfer of prisoners");
  await expect(page.getByTestId("timeline-showing")).toHaveAttribute("data-events-total", "1");

  // By place and a Solar Hijri period typed: Evin's events in Tir and Mordad 1367, not those of Shahrivar.
  await page.goto("/graph");
  await filter.locator("#timeline-place").selectOption({ label: "Evin Prison" });
  await filter.locator("#timeline-from").fill("Tir 1367");
  await filter.locator("#timeline-to").fill("Mordad 1367");
  await filter.locator("#timeline-to").press("Enter");
  await expect(page).toHaveURL(/from=Tir/);
  await expect(list).toContainText("Prisons locked down");
  await expect(list).toContainText("Tehran commission questions MEK prisoners");
  await expect(list).not.toContainText("Commission turns to leftist prisoners");
  await expect(list).not.toContainText("Fictional transfer of prisoners");
  await expect(page.getByTestId("timeline-filters-note")).toContainText("events at Evin Prison");
  // The same period in Gregorian days gives the same events.
  const hijri = await list.textContent();
  const shown = await page.getByTestId("timeline-event").count();
  await filter.locator("#timeline-from").fill("1988-06-22");
  await filter.locator("#timeline-to").fill("1988-08-22");
  await filter.locator("#timeline-to").press("Enter");
  await expect(page).toHaveURL(/from=1988-06-22/);
  expect(await list.textContent()).toBe(hijri);

  // A period that ends before it starts: said beside "To", the page still there.
  await filter.locator("#timeline-from").fill("Mordad 1367");
  await filter.locator("#timeline-to").fill("Tir 1367");
  await filter.locator("#timeline-to").press("Enter");
  await expect(page.getByTestId("timeline-to-error")).toHaveText("The range ends before it starts.");
  await expect(filter.locator("#timeline-to")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accountability graph");

  // In Persian, typed in Persian: the same events, the note and the errors in Persian.
  await setLocale(page, baseURL!, "fa");
  await page.goto("/graph");
  await filter.locator("#timeline-place").selectOption({ label: "زندان اوین" });
  await filter.locator("#timeline-from").fill("تیر ۱۳۶۷");
  await filter.locator("#timeline-to").fill("مرداد ۱۳۶۷");
  await filter.locator("#timeline-to").press("Enter");
  await expect(page).toHaveURL(/place=/);
  await expect(page.getByTestId("timeline-filters-note")).toContainText("رویدادهای زندان اوین");
  await expect(page.getByTestId("timeline-event")).toHaveCount(shown);
  await filter.locator("#timeline-from").fill("هفتم ماه هیچ");
  await filter.locator("#timeline-from").press("Enter");
  await expect(page.getByTestId("timeline-from-error")).toContainText("تاریخ");
});

test("a proceeding's statements in evidence come twenty at a time, the defendants' counts over all of them, with and without scripts", async ({ page, browser, baseURL }) => {
  await signIn(page);
  await setLocale(page, baseURL!, "en");
  const personId = (await json<{ id: string }>(await page.request.post("/api/v1/persons", { data: { name: "Fictional Defendant (evidence test)", confirmDuplicate: true } }), 201)).id;
  const proceedingId = (await json<{ id: string }>(await page.request.post("/api/v1/proceedings", { data: { title: "Fictional prosecution (evidence test)", kind: "CRIMINAL_TRIAL", defendantIds: [personId] } }), 201)).id;
  const eventId = (await json<{ id: string }>(await page.request.post("/api/v1/events", { data: { title: "Fictional hearing (evidence test)", dateStart: "1988-08" } }), 201)).id;
  for (let n = 0; n < 22; n++) {
    const statementId = await statement(page.request, `Fictional sample ${String(n).padStart(2, "0")} (evidence test)`);
    await link(page.request, { statementId, personId, eventId, allegationType: "KILLING" });
  }

  await page.goto(`/proceedings/${proceedingId}`);
  const section = page.getByTestId("proceeding-evidence");
  await expect(section.getByTestId("evidence-item")).toHaveCount(20);
  await expect(section.getByTestId("evidence-item").first()).toContainText("Fictional sample 00");
  await expect(section.getByTestId("evidence-page-showing")).toContainText("Statements 1–20 of 22");
  // The demo witnesses are one each time: one independent (unverified) witness over all 22 statements.
  await expect(section.getByTestId("defendant-counts")).toContainText("1 unverified");
  await section.getByTestId("evidence-pager-next").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/evidencePage=2/);
  await expect(section.getByTestId("evidence-item")).toHaveCount(2);
  await expect(section.getByTestId("evidence-item").last()).toContainText("Fictional sample 21");

  await setLocale(page, baseURL!, "fa");
  await page.reload();
  await expect(section.getByTestId("evidence-pager")).toContainText("صفحهٔ ۲ از ۲");

  const { context, noJs } = await withoutScripts(browser, baseURL!);
  try {
    await noJs.goto(`/proceedings/${proceedingId}?evidencePage=2`);
    const s = noJs.getByTestId("proceeding-evidence");
    await expect(s.getByTestId("evidence-item")).toHaveCount(2);
    await s.getByTestId("evidence-pager-first").click();
    await expect(s.getByTestId("evidence-item")).toHaveCount(20);
  } finally {
    await context.close();
  }
});

test("a place with more events than a page holds lists them twenty at a time, by date, with pages that work without scripts", async ({ page, browser, baseURL }) => {
  await signIn(page);
  await setLocale(page, baseURL!, "en");
  const placeId = (await json<{ id: string }>(await page.request.post("/api/v1/places", { data: { name: "Fictional Prison (places test)" } }), 201)).id;
  // Made in the reverse of their date order, all within 1988.
  for (let n = 20; n >= 0; n--) {
    await json(await page.request.post("/api/v1/events", { data: { title: `Fictional transfer ${String(n).padStart(2, "0")} (places test)`, dateStart: `1988-02-${String(n + 1).padStart(2, "0")}`, placeIds: [placeId] } }), 201);
  }
  await page.goto(`/places/${placeId}`);
  const section = page.getByTestId("section-events");
  const items = section.locator(".recent-list > li");
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText("Fictional transfer 00");
  await expect(section.getByTestId("place-events-showing")).toContainText("Events 1–20 of 21");
  await section.getByTestId("place-events-pager-next").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/eventsPage=2/);
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Fictional transfer 20");

  await setLocale(page, baseURL!, "fa");
  await page.reload();
  await expect(section.getByTestId("place-events-pager")).toContainText("صفحهٔ ۲ از ۲");

  const { context, noJs } = await withoutScripts(browser, baseURL!);
  try {
    await noJs.goto(`/places/${placeId}?eventsPage=2`);
    await noJs.getByTestId("place-events-pager-prev").click();
    await expect(noJs.getByTestId("section-events").locator(".recent-list > li")).toHaveCount(20);
  } finally {
    await context.close();
  }
});
