import Database from "better-sqlite3";
import pg from "pg";
import type { Page } from "@playwright/test";
import { sortForReader } from "@/lib/names/order";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// Linking testimony to an official, in the Persian interface: a researcher selects a Persian
// passage of a (fictional) statement, finds the official by typing another spelling of the
// name, saves the link, and — once the statement is VERIFIED — sees the official's page count
// one independent verified witness. The review workflow is not what is tested here, so the
// status is set in the e2e database directly.

// The database the e2e server runs on, as playwright.config.ts sets it.
const E2E_DATABASE_URL = process.env.CASEFILE_E2E_DATABASE_URL ?? "file:./data/e2e/casefile-e2e.db";

const PASSAGE = "نیری حکم اعدام را خواند";
const TEXT = `این متن ساختگی است و فقط برای آزمون نرم‌افزار نوشته شده است.\n\nدر مرداد ۱۳۶۷ ما را با چشم‌بند به راهرو بردند. ${PASSAGE} و کسی چیزی نگفت. بعد ما را به بند برگرداندند.`;

/** A fictional Persian statement made through the API as the researcher; returns its id. */
async function persianStatement(page: Page, title: string, text = TEXT): Promise<string> {
  const witnesses = await page.request.get("/api/v1/witnesses");
  expect(witnesses.ok()).toBe(true);
  const w = ((await witnesses.json()) as { items: { id: string }[] }).items[0]!;
  const res = await page.request.post("/api/v1/statements", { data: { witnessId: w.id, title, language: "fa", originalText: text } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Selects `quote` inside the statement text the way a reader's selection would be: a DOM Range. */
async function selectPassage(page: Page, quote: string) {
  await page.getByTestId("statement-text").evaluate((el, q) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(q);
      if (i === -1) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + q.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return;
    }
    throw new Error(`passage not in the text: ${q}`);
  }, quote);
}

/** Test-only: the review workflow is another issue's; set the status in the e2e database. */
async function setStatus(statementId: string, status: string) {
  if (E2E_DATABASE_URL.startsWith("file:")) {
    const db = new Database(E2E_DATABASE_URL.slice("file:".length));
    try {
      db.pragma("busy_timeout = 10000");
      db.prepare(`UPDATE "Statement" SET status = ? WHERE id = ?`).run(status, statementId);
    } finally {
      db.close();
    }
  } else {
    const c = new pg.Client({ connectionString: E2E_DATABASE_URL });
    await c.connect();
    await c.query(`UPDATE "Statement" SET status = $1 WHERE id = $2`, [status, statementId]);
    await c.end();
  }
}

test("in the Persian interface a researcher links a Persian passage to an official found by another spelling, and once verified it is counted on the official's page", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  await setLocale(page, baseURL!, "fa");
  const statementId = await persianStatement(page, "نمونهٔ ساختگی — آزمون پیوند");

  await page.goto(`/statements/${statementId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const links = page.getByTestId("links-section");
  await expect(links.getByRole("heading", { name: "پیوندها", exact: true })).toBeVisible();

  // The registry's Nayyeri is written «حسینعلی نیری» and "Hossein-Ali Nayyeri": the text's «نیری» is suggested.
  await expect(links.getByTestId("link-suggestion").filter({ hasText: "نیری" }).first()).toBeVisible();

  // Select the passage in the RTL text; the form shows exactly those words.
  await selectPassage(page, PASSAGE);
  await expect(links.getByTestId("link-passage-quote")).toHaveText(PASSAGE);

  // A save without a person is refused in Persian, and the passage stays selected.
  await links.getByTestId("link-submit").click();
  await expect(links.getByTestId("form-error")).toBeVisible();
  await expect(links.getByTestId("field-error-personId")).toBeVisible();
  await expect(links.getByTestId("link-passage-quote")).toHaveText(PASSAGE);

  // The official, found by typing a different spelling in Latin letters.
  const person = links.getByTestId("link-person").getByRole("combobox");
  await person.fill("Nayeri");
  const option = links.getByTestId("link-person").getByRole("option").filter({ hasText: "Nayyeri" }).first();
  await expect(option).toBeVisible();
  await person.press("ArrowDown");
  await person.press("Enter");
  // Chosen by a Latin spelling, named as the Persian interface names it.
  await expect(person).toHaveValue(/نیری/);
  // The event, searched by a word of its Persian title (not picked from a list of every event),
  // offered with its date in the reader's calendar, chosen from the keyboard.
  const event = links.getByTestId("link-event").getByRole("combobox");
  await event.fill("خاوران");
  const eventOption = links.getByTestId("link-event").getByRole("option").filter({ hasText: "دفن دسته‌جمعی در خاوران" });
  await expect(eventOption).toHaveCount(1);
  await expect(eventOption).toContainText("۱۳۶۷");
  await event.press("ArrowDown");
  await event.press("Enter");
  await expect(event).toHaveValue("دفن دسته‌جمعی در خاوران");
  await links.getByTestId("link-role").selectOption("SAT_ON_COMMISSION");
  await links.getByTestId("link-allegation").selectOption("KILLING");
  await links.getByTestId("link-submit").click();

  // Saved: listed with its quote, and the passage marked in the text.
  await expect(links.getByTestId("form-ok")).toBeVisible();
  const item = links.getByTestId("link-item").filter({ hasText: PASSAGE });
  await expect(item).toHaveCount(1);
  await expect(item).toHaveAttribute("data-anchor", "ANCHORED");
  await expect(item).toContainText("عضو هیئت بود");
  await expect(item).toContainText("قتل");
  await expect(item).toContainText("رویداد: دفن دسته‌جمعی در خاوران");
  await expect(page.getByTestId("statement-text").locator("mark")).toHaveText(PASSAGE);

  // Still a draft: the official's page counts no verified witness, one unverified.
  const personHref = await item.getByRole("link").first().getAttribute("href");
  expect(personHref).toMatch(/^\/persons\//);
  await page.goto(personHref!);
  const section = page.getByTestId("person-allegations");
  const killing = section.locator('[data-allegation="KILLING"]').getByTestId("allegation-counts");
  await expect(killing).toHaveAttribute("data-verified", "0");
  await expect(killing).toHaveAttribute("data-unverified", "1");

  // Verified (test-only path): now one independent verified witness, with the quote and a citation.
  await setStatus(statementId, "VERIFIED");
  await page.reload();
  await expect(killing).toHaveAttribute("data-verified", "1");
  await expect(killing).toHaveAttribute("data-unverified", "0");
  await expect(killing).toContainText("۱ شاهد مستقلِ تأییدشده");
  // The quotes are not in the page until their group is opened; a failed load says so in Persian and can be retried.
  await expect(section.getByTestId("allegation-quote")).toHaveCount(0);
  const killingGroup = section.locator('[data-allegation="KILLING"]');
  let failNext = true;
  await page.route("**/api/v1/persons/*/allegations/quotes?*", (route) => (failNext ? ((failNext = false), route.abort()) : route.continue()));
  await killingGroup.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(killingGroup.getByTestId("allegation-quotes-error")).toContainText("نقل‌قول‌ها بارگیری نشدند");
  await killingGroup.getByTestId("allegation-quotes-retry").click();
  const quote = section.getByTestId("allegation-quote").filter({ hasText: PASSAGE });
  await expect(quote).toBeVisible();
  await expect(killingGroup.getByTestId("allegation-quotes-error")).toHaveCount(0);
  await expect(quote).toContainText(/W-\d{4}/);
  await expect(quote.getByTestId("quote-revision-link")).toHaveAttribute("href", `/statements/${statementId}/revisions/1`);

  // And in the matrix on the graph page.
  await page.goto("/graph");
  const personId = personHref!.split("/").pop()!;
  const row = page.locator(`[data-testid="matrix-row"][data-person-id="${personId}"]`);
  // The cell of Khavaran, the event linked here (the demo's verified sample fills another of the row's cells).
  const khavaranCell = row.locator('[data-testid="matrix-cell"][title*="دفن دسته‌جمعی در خاوران"]');
  await expect(khavaranCell).toHaveCount(1);
  await expect(khavaranCell).toHaveAttribute("data-verified", "1");
  await expect(page.getByTestId("timeline")).toHaveAttribute("data-calendar", "persian");
  await expect(page.getByTestId("timeline-year").first()).toContainText("۱۳۶");
  // What the matrix and timeline show of how many, in Persian.
  await expect(page.getByTestId("matrix-showing")).toContainText("رویداد");
  await expect(page.getByTestId("timeline-showing")).toContainText("رویداد");
  // Narrowed from the keyboard to one person, by another spelling of the name; a cell opens
  // that person's allegations for the event.
  await page.locator("#matrix-person").fill("Nayeri");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/person=Nayeri/);
  await expect(page.getByTestId("matrix-row")).toHaveCount(1);
  await expect(page.getByTestId("matrix-showing")).toHaveAttribute("data-persons-total", "1");
  const cellLink = khavaranCell.locator("a");
  await cellLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/persons/${personId}#event-`));
});

test("the link form names the chosen official in the reader's language: when chosen, after a refused save, and from a suggestion", async ({ page, baseURL }, testInfo) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const found = (await (await page.request.get("/api/v1/persons?q=" + encodeURIComponent("نیری"))).json()) as { items: { id: string; name: string; nameFa: string }[] };
  const nayyeri = found.items.find((p) => p.name === "Hossein-Ali Nayyeri")!;
  expect(nayyeri.nameFa).not.toBe("");
  const statementId = await persianStatement(page, "نمونهٔ ساختگی — آزمون نام برگزیده");

  for (const locale of ["fa", "en"] as const) {
    await setLocale(page, baseURL!, locale);
    const named = locale === "fa" ? nayyeri.nameFa : nayyeri.name;
    await page.goto(`/statements/${statementId}`);
    const links = page.getByTestId("links-section");
    const person = links.getByTestId("link-person").getByRole("combobox");

    // A suggestion taken fills the box.
    await links.getByTestId("link-suggestion").filter({ hasText: named }).first().getByTestId("suggestion-accept").click();
    await expect(person, locale).toHaveValue(named);
    await expect(links.locator('input[type="hidden"][name="personId"]')).toHaveValue(nayyeri.id);

    // Found by a Persian spelling, chosen from the keyboard.
    await person.fill("");
    await person.fill("نیری");
    await expect(links.getByTestId("link-person").getByRole("option").filter({ hasText: "Nayyeri" }).first()).toBeVisible();
    await person.press("ArrowDown");
    await person.press("Enter");
    await expect(person, locale).toHaveValue(named);
    await expect(links.locator('input[type="hidden"][name="personId"]')).toHaveValue(nayyeri.id);
    if (locale === "fa") await links.getByTestId("link-person").screenshot({ path: testInfo.outputPath("link-person-chosen-fa.png") });

    // Refused (no role): the form is drawn again with the official still chosen, named the same way.
    await links.getByTestId("link-submit").click();
    await expect(links.getByTestId("form-error")).toBeVisible();
    await expect(person, locale).toHaveValue(named);
    await expect(links.locator('input[type="hidden"][name="personId"]')).toHaveValue(nayyeri.id);
  }
});

test("the link form offers the proceedings as the reader's page lists them: on a Persian page by their Persian titles, in Persian alphabetical order, the English after each; on an English page the other way round", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const statementId = await persianStatement(page, "نمونهٔ ساختگی — آزمون فهرست دادرسی‌ها");
  // Every proceeding (other tests add their own), and the order a Persian page lists them in.
  const all = ((await (await page.request.get("/api/v1/proceedings")).json()) as { items: { id: string; title: string; titleFa: string }[] }).items;
  const faOrder = sortForReader(all.map((p) => ({ ...p, name: p.title, nameFa: p.titleFa })), "fa");
  const options = (page: Page) =>
    page.getByTestId("link-proceeding").locator("option:not([value=''])").evaluateAll((os) => os.map((o) => ({ id: (o as HTMLOptionElement).value, label: o.textContent })));
  // The demo's three: «پیگرد …» (پ) before «دادگاه …» (د) before «گزارشگر …» (گ), in the Persian
  // alphabet; by code point پ and گ would follow د, and in English "Iran Tribunal" comes first.
  const nouri = all.find((p) => p.title === "Prosecution of Hamid Nouri (Sweden)")!;
  const tribunal = all.find((p) => p.title === "Iran Tribunal")!;
  const rapporteur = all.find((p) => p.title.startsWith("UN Special Rapporteur"))!;
  const demo = [nouri.id, tribunal.id, rapporteur.id];

  await setLocale(page, baseURL!, "fa");
  await page.goto(`/statements/${statementId}`);
  const fa = await options(page);
  expect(fa.map((o) => o.id)).toEqual(faOrder.map((p) => p.id));
  expect(fa.map((o) => o.label)).toEqual(faOrder.map((p) => (p.titleFa ? `${p.titleFa} — ${p.title}` : p.title)));
  expect(fa.filter((o) => demo.includes(o.id)).map((o) => o.id)).toEqual(demo);
  expect(fa.find((o) => o.id === nouri.id)!.label).toBe("پیگرد حمید نوری (سوئد) — Prosecution of Hamid Nouri (Sweden)");
  await page.getByTestId("link-proceeding").selectOption({ label: "پیگرد حمید نوری (سوئد) — Prosecution of Hamid Nouri (Sweden)" });
  await expect(page.getByTestId("link-proceeding")).toHaveValue(nouri.id);

  // An English page: in English order, each by its English title with the Persian after it.
  await setLocale(page, baseURL!, "en");
  await page.goto(`/statements/${statementId}`);
  const en = await options(page);
  expect(en.map((o) => o.label)).toEqual(en.map((o) => all.find((p) => p.id === o.id)!).map((p) => (p.titleFa ? `${p.title} — ${p.titleFa}` : p.title)));
  expect(en.find((o) => o.id === nouri.id)!.label).toBe("Prosecution of Hamid Nouri (Sweden) — پیگرد حمید نوری (سوئد)");
  expect(en.filter((o) => demo.includes(o.id)).map((o) => o.id)).toEqual([tribunal.id, nouri.id, rapporteur.id]);
  // The optional fields say so alike: the word quieter than the label, for the event and the place as for the proceeding.
  for (const [field, name] of [["link-event", "Event"], ["link-place", "Place"]] as const) {
    const label = page.getByTestId(field).locator("label");
    await expect(label).toHaveText(`${name} (optional)`);
    await expect(label.locator(".optional")).toHaveText("(optional)");
  }
});

test("an edit that removes a linked passage flags the link, and the researcher points it at the new words", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  await setLocale(page, baseURL!, "en");
  const statementId = await persianStatement(page, "Fictional sample — re-anchoring");
  const text = TEXT;
  const start = text.indexOf(PASSAGE);
  const persons = (await (await page.request.get("/api/v1/persons?q=Nayyeri")).json()) as { items: { id: string }[] };
  const made = await page.request.post("/api/v1/links", {
    data: { statementId, revisionNumber: 1, startOffset: start, endOffset: start + PASSAGE.length, quote: PASSAGE, personId: persons.items[0]!.id, role: "PRESENT", allegationType: "KILLING" },
  });
  expect(made.status()).toBe(201);
  // The API refuses a quote that is not the text at the offsets, and stores nothing.
  const wrong = await page.request.post("/api/v1/links", {
    data: { statementId, revisionNumber: 1, startOffset: start + 1, endOffset: start + 1 + PASSAGE.length, quote: PASSAGE, personId: persons.items[0]!.id, role: "PRESENT", allegationType: "KILLING" },
  });
  expect(wrong.status()).toBe(409);

  const edited = text.replace(PASSAGE, "نیری چیزی خواند که نشنیدم");
  const put = await page.request.put(`/api/v1/statements/${statementId}`, { data: { title: "Fictional sample — re-anchoring", language: "fa", originalText: edited, reason: "test", baseRevision: 1 } });
  expect(put.ok()).toBe(true);

  await page.goto(`/statements/${statementId}`);
  const item = page.getByTestId("link-item");
  await expect(item).toHaveAttribute("data-anchor", "NEEDS_REVIEW");
  await expect(item.getByTestId("link-needs-review")).toBeVisible();
  await expect(page.getByTestId("statement-text").locator("mark")).toHaveCount(0);
  // A click that lands before the page has hydrated does nothing: click until the form opens.
  await expect(async () => {
    await item.getByTestId("link-fix").click();
    await expect(page.getByTestId("link-fix-form")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await selectPassage(page, "نیری چیزی خواند");
  await expect(page.getByTestId("link-passage-quote")).toHaveText("نیری چیزی خواند");
  await page.getByTestId("link-fix-submit").click();
  await expect(page.getByTestId("link-item")).toHaveAttribute("data-anchor", "ANCHORED");
  await expect(page.getByTestId("statement-text").locator("mark")).toHaveText("نیری چیزی خواند");
});

test("the timeline narrows to the events of the person typed in any spelling, from the keyboard, in both languages; with no dated position, no empty heading", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  await setLocale(page, baseURL!, "en");
  // A fictional official with no position on record, linked to one event of the public record.
  const made = await page.request.post("/api/v1/persons", { data: { name: "Fictional Jafar Baharestani", nameFa: "جعفر بهارستانی ساختگی", confirmDuplicate: true } });
  expect(made.status()).toBe(201);
  const personId = ((await made.json()) as { id: string }).id;
  const events = (await (await page.request.get("/api/v1/events")).json()) as { items: { id: string; title: string }[] };
  const mersad = events.items.find((e) => e.title === "Operation Mersad")!;
  const statementId = await persianStatement(page, "نمونهٔ ساختگی — آزمون خط زمان");
  const start = TEXT.indexOf(PASSAGE);
  const link = await page.request.post("/api/v1/links", {
    data: { statementId, revisionNumber: 1, startOffset: start, endOffset: start + PASSAGE.length, quote: PASSAGE, personId, eventId: mersad.id, role: "PRESENT", allegationType: "KILLING" },
  });
  expect(link.status()).toBe(201);

  // Unfiltered, the timeline draws the seeded officials' positions under their heading.
  await page.goto("/graph");
  const timeline = page.getByTestId("timeline");
  // The section headings drawn in the picture (SVG <text>), by their exact words.
  const heading = (words: string) => timeline.locator("text").filter({ hasText: new RegExp(`^${words}$`) });
  await expect(heading("Positions held")).toHaveCount(1);
  expect(await page.getByTestId("timeline-person").count()).toBeGreaterThan(0);
  const allEvents = await page.getByTestId("timeline-event").count();
  expect(allEvents).toBeGreaterThan(1);

  // Typed in the timeline's own filter, misspelt, and sent with Enter.
  await page.locator("#timeline-person").fill("Baharstani");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/person=Baharstani/);
  await expect(page.getByTestId("timeline-person-note")).toContainText("Baharstani");
  await expect(page.getByTestId("timeline-event")).toHaveCount(1);
  await expect(page.getByTestId("timeline-list-events")).toContainText("Operation Mersad");
  // The same filter narrows the matrix: one row, this person.
  await expect(page.getByTestId("matrix-row")).toHaveCount(1);
  await expect(page.locator(`[data-testid="matrix-row"][data-person-id="${personId}"]`)).toHaveCount(1);
  // No dated position: no "Positions held" heading over nothing, in the picture or the list; one line says so.
  await expect(page.getByTestId("timeline-person")).toHaveCount(0);
  await expect(heading("Positions held")).toHaveCount(0);
  await expect(heading("Events")).toHaveCount(1);
  await expect(page.getByTestId("timeline-list-positions")).toHaveCount(0);
  await expect(page.getByTestId("timeline-showing")).toContainText("No dated positions");

  // The filled cell tells a screen reader person, event and count; its headers are a row and a column header.
  await expect(page.getByRole("rowheader", { name: "Fictional Jafar Baharestani" })).toHaveCount(1);
  await expect(page.getByRole("columnheader", { name: /Operation Mersad/ })).toHaveCount(1);
  await expect(page.getByRole("link", { name: /^Fictional Jafar Baharestani, Operation Mersad: 0 verified witnesses, 1 unverified\./ })).toHaveCount(1);

  // In Persian, typed in Persian script: the same events, the note in Persian.
  await setLocale(page, baseURL!, "fa");
  await page.goto("/graph");
  await page.locator("#timeline-person").fill("بهارستانی");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/person=/);
  await expect(page.getByTestId("timeline-person-note")).toContainText("اشخاصِ یافته‌شده");
  await expect(page.getByTestId("timeline-event")).toHaveCount(1);
  await expect(heading("سمت‌ها")).toHaveCount(0);
  await expect(heading("رویدادها")).toHaveCount(1);
  await expect(page.getByTestId("timeline-showing")).toContainText("سمتِ تاریخ‌داری برای نمایش نیست");
  // Cleared from the keyboard: every event again, and the positions under their heading.
  await page.getByTestId("timeline-person-clear").focus();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/person=/);
  await expect(page.getByTestId("timeline-event")).toHaveCount(allEvents);
  await expect(heading("سمت‌ها")).toHaveCount(1);
});

test("a text whose every registry name is linked says so, not that no name was found; a text without one says none was found (Persian)", async ({ page, baseURL }) => {
  await setLocale(page, baseURL!, "fa");
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const named = await persianStatement(page, "نمونهٔ ساختگی — همهٔ نام‌ها پیوندخورده", "این متن ساختگی است و فقط برای آزمون نوشته شده است. نیری حکم را خواند و کسی چیزی نگفت.");
  const found = (await (await page.request.get(`/api/v1/statements/${named}/link-suggestions`)).json()) as { items: { kind: string; id: string; startOffset: number; endOffset: number; quote: string }[]; alreadyLinked: number };
  expect(found.alreadyLinked).toBe(0);
  const persons = found.items.filter((s) => s.kind === "person");
  expect(persons.length, "the text names Nayyeri").toBeGreaterThan(0);
  expect(found.items.length, "and no other registry record").toBe(persons.length);
  for (const s of persons) {
    const res = await page.request.post("/api/v1/links", { data: { statementId: named, revisionNumber: 1, startOffset: s.startOffset, endOffset: s.endOffset, quote: s.quote, personId: s.id, role: "OTHER", allegationType: "KILLING" } });
    expect(res.status()).toBe(201);
  }
  await page.goto(`/statements/${named}`);
  const none = page.getByTestId("link-suggestions-none");
  await expect(none).toContainText("پیش‌تر پیوند داده شده");
  await expect(none).not.toContainText("هیچ نامی");

  const nameless = await persianStatement(page, "نمونهٔ ساختگی — بی‌نام", "این متن فقط برای آزمون نرم‌افزار نوشته شده است. در آن روز هوا گرم بود و کسی چیزی نگفت.");
  const none2 = (await (await page.request.get(`/api/v1/statements/${nameless}/link-suggestions`)).json()) as { items: { quote: string }[]; alreadyLinked: number };
  expect(none2, "no registry name in the second text").toMatchObject({ items: [], alreadyLinked: 0 });
  await page.goto(`/statements/${nameless}`);
  await expect(page.getByTestId("link-suggestions-none")).toHaveText("هیچ نامی از فهرست‌ها در این متن پیدا نشد.");
});

test("after a link is saved the person box starts empty; a choice typed over is dropped, and a refusal keeps the typed name and says to choose from the suggestions", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  await setLocale(page, baseURL!, "fa");
  const second = "ما را به بند برگرداندند";
  const statementId = await persianStatement(page, "نمونهٔ ساختگی — آزمون شخص تازه");
  await page.goto(`/statements/${statementId}`);
  const links = page.getByTestId("links-section");
  const person = links.getByTestId("link-person").getByRole("combobox");
  const chosenId = links.locator('input[type="hidden"][name="personId"]');
  const choose = async (typed: string, listed: string) => {
    await person.fill(typed);
    await expect(links.getByTestId("link-person").getByRole("option").filter({ hasText: listed }).first()).toBeVisible();
    await person.press("ArrowDown");
    await person.press("Enter");
    await expect(chosenId).not.toHaveValue("");
  };

  // The page's scripts running (its suggestions shown), a selection is taken as the passage.
  await expect(links.getByTestId("link-suggestion").first()).toBeVisible();
  await selectPassage(page, PASSAGE);
  await expect(links.getByTestId("link-passage-quote")).toHaveText(PASSAGE);
  await choose("Nayeri", "Nayyeri");
  await links.getByTestId("link-role").selectOption("PRESENT");
  await links.getByTestId("link-allegation").selectOption("KILLING");
  await links.getByTestId("link-submit").click();
  await expect(links.getByTestId("form-ok")).toBeVisible();
  // Saved: nothing of the last link's person is left to be credited with the next passage.
  await expect(person).toHaveValue("");
  await expect(chosenId).toHaveValue("");

  // The next passage: Nayyeri chosen, then typed over with another name not picked from the list.
  await selectPassage(page, second);
  await expect(links.getByTestId("link-passage-quote")).toHaveText(second);
  await choose("Nayeri", "Nayyeri");
  await person.fill("Pour-Mohammadi");
  await links.getByTestId("link-role").selectOption("PRESENT");
  await links.getByTestId("link-allegation").selectOption("KILLING");
  await links.getByTestId("link-submit").click();
  await expect(links.getByTestId("form-error")).toBeVisible();
  await expect(links.getByTestId("field-error-personId")).toContainText("از فهرست پیشنهادها برگزینید");
  await expect(person).toHaveValue("Pour-Mohammadi");
  await expect(chosenId).toHaveValue("");
  const saved = (await (await page.request.get(`/api/v1/statements/${statementId}/links`)).json()) as { items: { quote: string }[] };
  expect(saved.items.map((l) => l.quote)).toEqual([PASSAGE]);

  // Enter while suggestions are shown and none is highlighted does not send the form without its
  // person: it highlights the first suggestion, and a second Enter chooses it.
  await person.fill("Nayeri");
  await expect(links.getByTestId("link-person").getByRole("option").filter({ hasText: "Nayyeri" }).first()).toBeVisible();
  await expect(person).not.toHaveAttribute("aria-activedescendant", /.+/);
  await person.press("Enter");
  await expect(person).toHaveAttribute("aria-activedescendant", /.+/);
  await expect(person).toHaveValue("Nayeri");
  await expect(chosenId).toHaveValue("");
  await person.press("Enter");
  await expect(chosenId).not.toHaveValue("");
  const still = (await (await page.request.get(`/api/v1/statements/${statementId}/links`)).json()) as { items: { quote: string }[] };
  expect(still.items.map((l) => l.quote)).toEqual([PASSAGE]);
});
