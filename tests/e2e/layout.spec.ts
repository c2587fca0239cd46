import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { pdf } from "@/tests/support/exhibit-files";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// The pages as a reader sees them on a phone (390 px wide), in English and in Persian: nothing
// widens the page past the screen (a wide table scrolls inside its own frame), no message key or
// field name shows where words belong, and a Persian page gives numbers and sizes in Persian.
// Signed in as the administrator, who sees every page; the records opened are the demo's and a
// fictional statement and exhibit made here.

const PHONE = { width: 390, height: 844 };
/** The top-level sections of the English messages (messages/en.json and the area files beside it). */
const SECTIONS = [...new Set(["en.json", ...readdirSync(join(process.cwd(), "messages/en")).map((f) => `en/${f}`)].flatMap((f) => Object.keys(JSON.parse(readFileSync(join(process.cwd(), "messages", f), "utf8")) as object)))];
const TEXT = "This text is fictional and written only to test the software. The prisoners were called out one by one.";

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, status: number): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

/** A fictional statement (submitted, so the review queue has a row) with a PDF exhibit; their ids and a few of the demo's. */
/** A new browser context of this size, signed in as the role's demo user: its page, and the context to close. */
async function signedInPage(browser: Browser, baseURL: string | undefined, role: Role, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const u = demoUser(role);
  await signInWith(page.request, u.email, u.password);
  return { context, page };
}

async function records(request: APIRequestContext) {
  const witness = (await json<{ items: { id: string }[] }>(await request.get("/api/v1/witnesses"), 200)).items[0]!;
  const statement = await json<{ id: string }>(await request.post("/api/v1/statements", { data: { witnessId: witness.id, title: "Fictional sample — layout test", language: "en", originalText: TEXT } }), 201);
  await json(await request.post(`/api/v1/statements/${statement.id}/submit`), 200);
  // Each file differs (the time is in it), so it is stored, not found as an earlier run's.
  const file = { name: "layout.pdf", mimeType: "application/pdf", buffer: pdf(`layout ${Date.now()}`) };
  const exhibit = await json<{ exhibit: { id: string } }>(await request.post("/api/v1/exhibits", { multipart: { statementId: statement.id, file } }), 201);
  const person = (await json<{ items: { id: string }[] }>(await request.get("/api/v1/persons?q=Nouri"), 200)).items[0]!;
  const event = (await json<{ items: { id: string }[] }>(await request.get("/api/v1/events"), 200)).items[0]!;
  const proceeding = (await json<{ items: { id: string }[] }>(await request.get("/api/v1/proceedings"), 200)).items[0]!;
  return { witness: witness.id, statement: statement.id, exhibit: exhibit.exhibit.id, person: person.id, event: event.id, proceeding: proceeding.id };
}

/** What is wrong on the page now: overflow past the screen's width, message keys shown as text, raw field names in a record's history. */
async function problems(page: Page): Promise<string[]> {
  // A message that is missing shows as its path ("history.fields.code"): a dotted word that
  // begins with one of the messages' sections (a file name such as "layout.pdf" does not).
  const sections = SECTIONS;
  return page.evaluate((sections) => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) out.push(`the page is ${root.scrollWidth - root.clientWidth}px wider than the screen`);
    const KEY = new RegExp(`^(${sections.join("|")})(\\.[a-zA-Z0-9_-]+)+$`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? "";
      // Codes shown on purpose (an audit action under its words, a command) are in <code>.
      if (KEY.test(text) && !n.parentElement?.closest("code, pre, script, style, noscript")) out.push(`a message key as text: ${text}`);
    }
    for (const el of document.querySelectorAll("[placeholder], [aria-label], [title]"))
      for (const a of ["placeholder", "aria-label"]) if (KEY.test(el.getAttribute(a) ?? "")) out.push(`a message key as ${a}: ${el.getAttribute(a)}`);
    for (const row of document.querySelectorAll<HTMLElement>("[data-testid=record-history] tr[data-field]")) {
      const label = row.querySelector("th")?.textContent?.trim();
      if (row.dataset.field && label === row.dataset.field) out.push(`a field shown by its stored name in the history: ${label}`);
    }
    return out;
  }, sections);
}

test("no page is wider than a phone's screen, and none shows a message key or a stored field name, in English and Persian", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const { context, page } = await signedInPage(browser, baseURL, "ADMIN", PHONE);
  const r = await records(page.request);
  const paths = [
    "/",
    "/witnesses",
    `/witnesses/${r.witness}`,
    "/witnesses/new",
    "/statements",
    `/statements/${r.statement}`,
    `/statements/${r.statement}/revisions/1`,
    "/statements/new",
    "/search?q=Nouri",
    "/persons",
    `/persons/${r.person}`,
    "/organisations",
    "/places",
    "/events",
    `/events/${r.event}`,
    "/proceedings",
    `/proceedings/${r.proceeding}`,
    "/review",
    "/sources",
    "/claims",
    "/graph",
    "/dossiers",
    "/dossiers/new",
    "/exhibits",
    `/exhibits/${r.exhibit}`,
    "/transfer",
    "/transfer/export",
    "/audit",
    "/admin/users",
    "/admin/backups",
    "/notifications",
    "/settings",
  ];
  const found: string[] = [];
  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), `${path} (${locale})`).toBe(200);
      for (const p of await problems(page)) found.push(`${path} (${locale}): ${p}`);
    }
  }
  expect(found).toEqual([]);
  await context.close();
});

test("a Persian page gives a revision's number, an exhibit's size and a history's list in Persian digits, words and commas", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const r = await records(page.request);
  await setLocale(page, baseURL!, "fa");

  await page.goto(`/statements/${r.statement}`);
  await expect(page.getByTestId("revision-number")).toHaveText("۱");
  await expect(page.getByTestId("revision-row").first().getByRole("link").first()).toHaveText("۱");
  await page.goto(`/statements/${r.statement}/revisions/1`);
  await expect(page.getByTestId("revision-number")).toHaveText("۱");
  await expect(page.locator("main")).toContainText("نسخهٔ ۱");
  await page.goto(`/statements/${r.statement}/edit`);
  await expect(page.locator("main")).toContainText("در حال ویرایش نسخهٔ ۱ هستید");
  await expect(page.getByRole("button", { name: "ذخیره به‌عنوان نسخهٔ ۲" })).toBeVisible();

  for (const path of [`/exhibits/${r.exhibit}`, "/exhibits", `/statements/${r.statement}`]) {
    await page.goto(path);
    const main = page.locator("main");
    await expect(main, path).toContainText("بایت");
    await expect(main, path).not.toContainText(/\d+ bytes/);
  }

  // A witness's history lists its consents in the reader's words, with the Persian comma.
  const consents = ["INTERNAL_RESEARCH", "LEGAL_SHARING"].map((scope) => ({ scope, givenAt: "2024-01-10", method: "WRITTEN" }));
  const witness = await json<{ id: string }>(await page.request.post("/api/v1/witnesses", { data: { fictional: true, consents } }), 201);
  await page.goto(`/witnesses/${witness.id}`);
  const consentRow = page.getByTestId("record-history").locator('tr[data-field="consents"] td').last();
  const scopes = (JSON.parse(readFileSync(join(process.cwd(), "messages/fa.json"), "utf8")) as { witness: { consent: { scopes: Record<string, string> } } }).witness.consent.scopes;
  await expect(consentRow).toHaveText(`${scopes.INTERNAL_RESEARCH}، ${scopes.LEGAL_SHARING}`);

  // The same pages in English keep their English words.
  await setLocale(page, baseURL!, "en");
  await page.goto(`/exhibits/${r.exhibit}`);
  await expect(page.locator("main")).toContainText(/\d+ bytes/);
});

test("without JavaScript no page offers a button that does nothing", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  const admin = demoUser("ADMIN");
  await signInWith(page.request, admin.email, admin.password);
  const r = await records(page.request);
  // A link, so the statement lists one ("Show in text" needs the page's scripts).
  const passage = "The prisoners were called out one by one.";
  const start = TEXT.indexOf(passage);
  await json(await page.request.post("/api/v1/links", { data: { statementId: r.statement, revisionNumber: 1, startOffset: start, endOffset: start + passage.length, quote: passage, personId: r.person, role: "PRESENT", allegationType: "PERSECUTION" } }), 201);
  // An event with places, so its edit form shows chosen records.
  const event = (await json<{ items: { id: string }[] }>(await page.request.get(`/api/v1/events?q=${encodeURIComponent("Prisons locked down")}`), 200)).items[0]!;
  const found: string[] = [];
  for (const path of [`/statements/${r.statement}`, `/exhibits/${r.exhibit}`, "/persons/new", `/persons/${r.person}/edit`, `/events/${event.id}/edit`, "/proceedings/new", "/statements/new", "/witnesses/new"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    const dead = await page.evaluate(() =>
      [...document.querySelectorAll("button")]
        .filter((b) => b.getClientRects().length > 0 && !(b.type === "submit" && b.form))
        .map((b) => (b.getAttribute("aria-label") ?? b.textContent ?? "").trim()),
    );
    for (const d of dead) found.push(`${path}: ${d}`);
  }
  expect(found).toEqual([]);
  await context.close();
});

for (const locale of ["en", "fa"] as const)
  test(`on a phone the site navigation folds behind a Menu button that opens from the keyboard and without scripts, leaving the page's content near the top; on a laptop it shows as before (${locale})`, async ({ browser, baseURL }) => {
    const messages = JSON.parse(readFileSync(join(process.cwd(), `messages/${locale}.json`), "utf8")) as { nav: { menu: string; statements: string } };
    const admin = demoUser("ADMIN");
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled });
      const page = await context.newPage();
      await signInWith(page.request, admin.email, admin.password);
      await setLocale(page, baseURL!, locale);
      await page.goto("/witnesses");
      const header = page.getByRole("banner");
      const height = await header.evaluate((el) => el.getBoundingClientRect().height);
      expect(height, `the header is ${height}px high on a phone`).toBeLessThan(120);
      const link = header.getByRole("navigation").locator('a[href="/statements"]');
      await expect(link).toBeHidden();
      const toggle = header.getByTestId("nav-toggle");
      await expect(toggle).toBeVisible();
      await expect(toggle).toContainText(messages.nav.menu);
      // At the inline end of the bar: the right in English, the left in Persian.
      const [brandBox, toggleBox] = [await header.locator(".brand").boundingBox(), await toggle.boundingBox()];
      if (locale === "fa") expect(toggleBox!.x + toggleBox!.width).toBeLessThan(brandBox!.x);
      else expect(toggleBox!.x).toBeGreaterThan(brandBox!.x + brandBox!.width);
      if (javaScriptEnabled) {
        // From the keyboard: Tab reaches the button, which shows its focus ring; Enter opens it, and Tab goes on into the links.
        await page.locator("body").focus();
        for (let i = 0; i < 5 && !(await toggle.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
        await expect(toggle).toBeFocused();
        const ring = await toggle.evaluate((el) => getComputedStyle(el));
        expect(ring.outlineStyle).not.toBe("none");
        expect(parseFloat(ring.outlineWidth)).toBeGreaterThan(0);
        await page.keyboard.press("Enter");
        await expect(link).toBeVisible();
        await page.keyboard.press("Tab");
        await expect(header.getByRole("navigation").getByRole("link").first()).toBeFocused();
        // Escape closes it and gives the focus back to the button; Enter opens it again.
        await page.keyboard.press("Escape");
        await expect(link).toBeHidden();
        await expect(toggle).toBeFocused();
        await page.keyboard.press("Enter");
        await expect(link).toBeVisible();
        await header.screenshot({ path: `test-results/layout-phone-menu-open-${locale}.png` });
        // Following a link closes the menu on the next page.
        await link.click();
        await page.waitForURL(/\/statements$/);
        await expect(header.getByRole("navigation").locator('a[href="/witnesses"]')).toBeHidden();
      } else {
        await toggle.click();
        await expect(link).toBeVisible();
        await link.click();
        await page.waitForURL(/\/statements$/);
      }
      await context.close();
    }

    // On a laptop there is no button: the links and tools are in the header, the links on one or two rows.
    const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await signInWith(page.request, admin.email, admin.password);
    await setLocale(page, baseURL!, locale);
    await page.goto("/witnesses");
    const header = page.getByRole("banner");
    await expect(header.getByTestId("nav-toggle")).toBeHidden();
    await expect(header.getByRole("navigation").locator('a[href="/statements"]')).toBeVisible();
    await expect(header.getByTestId("current-user")).toBeVisible();
    expect(await header.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(220);
    await context.close();
  });

test("a record's fact holding a long web address (its source) wraps on a phone instead of widening the page, in English and Persian", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL, "RESEARCHER", PHONE);
  const source = "https://www.example.org/documents/fictional_report_2018_a_fictional_title_written_as_one_long_address_without_breaks.pdf";
  const stamp = Date.now();
  const event = await json<{ id: string }>(await page.request.post("/api/v1/events", { data: { title: `Fictional event with a long source ${stamp}`, dateStart: "1988-08", source } }), 201);
  const person = await json<{ id: string }>(await page.request.post("/api/v1/persons", { data: { name: `Fictional Official Longsource ${stamp}`, source, confirmDuplicate: true } }), 201);
  const proceeding = await json<{ id: string }>(
    await page.request.post("/api/v1/proceedings", { data: { title: `Fictional tribunal with a long source ${stamp}`, kind: "TRIBUNAL", source, timeline: [{ date: "2019-11", what: "Fictional hearing", source }] } }),
    201,
  );
  const found: string[] = [];
  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    for (const path of [`/events/${event.id}`, `/persons/${person.id}`, `/proceedings/${proceeding.id}`]) {
      await page.goto(path);
      // The history too, where the source and the timeline's entries are listed as changed.
      await page.getByTestId("record-history").locator("summary").click();
      for (const p of await problems(page)) found.push(`${path} (${locale}): ${p}`);
    }
  }
  await page.goto(`/events/${event.id}`);
  await page.screenshot({ path: "test-results/layout-long-source-fa.png", fullPage: true });
  expect(found).toEqual([]);
  await context.close();
});

/**
 * How many lines each element's text takes: the distinct tops of its text's boxes (a line of mixed
 * directions has a box for each run; the element's own box is one block when it is a flex item).
 */
const lines = (els: (HTMLElement | SVGElement)[]) =>
  els.map((e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    return [e.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size] as const;
  });

test("on a phone the persons and proceedings lists keep each listed name whole and give a sentence a readable column, in English and Persian", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL, "LEGAL", PHONE);
  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    await page.goto("/persons");
    // Aliases: a name broken over two lines in a narrow column reads as two names.
    const aliases = await page.locator("[data-testid=person-row] .name-list bdi").evaluateAll(lines);
    expect(aliases.length).toBeGreaterThan(5);
    expect(aliases.filter(([, n]) => n !== 1), locale).toEqual([]);
    // A position's title: a few words to a line, not one or two (Pourmohammadi's is the longest).
    const positions = await page.locator("[data-testid=person-row]").filter({ hasText: "Pourmohammadi" }).locator("td.note-cell bdi").evaluateAll(lines);
    expect(positions.length).toBe(2);
    for (const [text, n] of positions) expect(n, `${locale}: ${text}`).toBeLessThanOrEqual(3);

    await page.goto("/proceedings");
    // The Nouri prosecution (its court's English title is under the Persian one on a Persian page).
    const row = page.getByTestId("proceeding-row").filter({ hasText: "Prosecution of Hamid Nouri (Sweden)" });
    expect(await row.getByTestId("proceeding-row-defendant").evaluateAll(lines)).toEqual([[locale === "fa" ? "حمید نوری" : "Hamid Nouri", 1]]);
    // Its status, a sentence of some ninety letters.
    const [[status, n]] = await row.locator("td.note-cell bdi").evaluateAll(lines);
    expect(n, `${locale}: ${status}`).toBeLessThanOrEqual(5);
    await page.screenshot({ path: `test-results/layout-registry-lists-${locale}.png`, fullPage: true });
  }
  await context.close();
});

test("a witness's list of protected fields never breaks a field's state in two, in Persian at 1280 and 390 px", async ({ browser, baseURL }) => {
  for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
    const { context, page } = await signedInPage(browser, baseURL, "ADMIN", viewport);
    await setLocale(page, baseURL!, "fa");
    const witness = (await json<{ items: { id: string }[] }>(await page.request.get("/api/v1/witnesses"), 200)).items[0]!;
    await page.goto(`/witnesses/${witness.id}`);
    const states = await page.locator("[data-testid=identity-fields] li .muted").evaluateAll(lines);
    expect(states).toHaveLength(6);
    expect(states.filter(([, lines]) => lines !== 1), `${viewport.width}px`).toEqual([]);
    await page.getByTestId("identity-panel").screenshot({ path: `test-results/layout-identity-fields-fa-${viewport.width}.png` });
    await context.close();
  }
});

test("on a phone the graph's timeline keeps readable labels and scrolls sideways in its own box, not the page; a record's other name keeps its brackets with it", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL, "LEGAL", PHONE);
  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    await page.goto("/graph");
    const chart = page.getByTestId("timeline");
    const viewBoxWidth = Number((await chart.getAttribute("viewBox"))!.split(" ")[2]);
    const { width } = (await chart.boundingBox())!;
    // The labels are 13 units of the drawing: at the width it is drawn, ten pixels or nearly.
    expect((13 * width) / viewBoxWidth, locale).toBeGreaterThan(9.5);
    const scroll = page.getByTestId("timeline-scroll");
    expect(await scroll.evaluate((e) => e.scrollWidth > e.clientWidth), locale).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), locale).toBe(true);
    // The box takes the keyboard's focus, so arrow keys scroll it.
    await scroll.focus();
    await expect(scroll).toBeFocused();
  }
  // On a Persian page the Nouri prosecution's English title, which wraps on a phone, carries its
  // brackets inside its own isolate: outside it, each bracket lands on its own line, facing the wrong way.
  const proceedings = await json<{ items: { id: string; title: string }[] }>(await page.request.get("/api/v1/proceedings?q=Nouri"), 200);
  const nouri = proceedings.items.find((x) => x.title === "Prosecution of Hamid Nouri (Sweden)")!;
  const dossier = await json<{ id: string }>(await page.request.post("/api/v1/dossiers", { data: { title: "Layout check: the other name's brackets", subjectType: "PROCEEDING", subjectId: nouri.id, preselect: false } }), 201);
  for (const path of [`/dossiers/${dossier.id}`, `/dossiers/${dossier.id}/preview`]) {
    await page.goto(path);
    await expect(page.locator("main .muted bdi[dir=ltr]").filter({ hasText: "Prosecution of Hamid Nouri" }).first(), path).toHaveText("(Prosecution of Hamid Nouri (Sweden))");
  }
  await context.close();
});
