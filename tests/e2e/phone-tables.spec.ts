import type { APIRequestContext, Browser, Locator } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// Four tables of records on a phone (390 px), in English and Persian: a dossier's contents, the
// users, the statements and the review queue. Each used to keep its width and scroll sideways in
// its frame, with no sign that it did, so that a record's state and the row's buttons lay off the
// screen and the dossier's Record column was squeezed to a word a line. On a phone each row is now
// a block, every cell of it on the screen; on a laptop (1280 px) the tables are as they were.
// Screenshots are kept in test-results/.

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 900 };
const TEXT = "This text is fictional and written only to test the software. The visits stopped in late July.";

async function created(res: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<{ id: string }> {
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string };
}

/** A new browser context of this size, signed in as the role's demo user, in the language given. */
async function signedInPage(browser: Browser, baseURL: string, role: Role, locale: "en" | "fa", viewport: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const u = demoUser(role);
  await signInWith(page.request, u.email, u.password);
  await setLocale(page, baseURL, locale);
  return { context, page };
}

/** The records the tables show: a dossier with statements in it (made by the legal team) and a statement waiting for review (by the researcher). */
async function records(browser: Browser, baseURL: string) {
  const legal = await signedInPage(browser, baseURL, "LEGAL", "en", PHONE);
  const proceeding = ((await (await legal.page.request.get("/api/v1/proceedings?q=Nouri")).json()) as { items: { id: string }[] }).items[0]!;
  const title = "پروندهٔ آزمون جدول‌ها در صفحهٔ تلفن — گردآوری‌شده برای تیم حقوقی";
  const dossier = await created(await legal.page.request.post("/api/v1/dossiers", { data: { title, subjectType: "PROCEEDING", subjectId: proceeding.id } }));
  const statements = ((await (await legal.page.request.get("/api/v1/statements?pageSize=3")).json()) as { items: { id: string }[] }).items;
  for (const s of statements) {
    // A statement the dossier already holds (one linked to the proceeding) is refused; that is fine.
    await legal.page.request.post(`/api/v1/dossiers/${dossier.id}/items`, { data: { kind: "STATEMENT", refId: s.id } });
  }
  const items = ((await (await legal.page.request.get(`/api/v1/dossiers/${dossier.id}`)).json()) as { items: unknown[] }).items;
  expect(items.length, "the dossier holds statements").toBeGreaterThan(1);
  await legal.context.close();

  const researcher = await signedInPage(browser, baseURL, "RESEARCHER", "en", PHONE);
  const witness = await created(await researcher.page.request.post("/api/v1/witnesses", { data: { fictional: true, consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2024-01-01", method: "WRITTEN" }] } }));
  const statement = await created(
    await researcher.page.request.post("/api/v1/statements", { data: { witnessId: witness.id, title: `Fictional sample — phone tables ${Date.now()}`, language: "en", originalText: TEXT } }),
  );
  const submitted = await researcher.page.request.post(`/api/v1/statements/${statement.id}/submit`);
  expect(submitted.status(), await submitted.text()).toBe(200);
  await researcher.context.close();
  return { dossier: dossier.id };
}

/**
 * The element lies wholly across the screen, and the table around it does not scroll sideways.
 * Read without scrolling anything into view: a browser would scroll the table's frame sideways
 * to bring a cell into view, which is what a reader cannot guess they should do.
 */
async function expectOnScreen(locator: Locator, what: string) {
  await expect(locator, what).toBeVisible();
  const p = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const wrap = el.closest(".table-wrap");
    return { left: r.left, right: r.right, width: r.width, screen: document.documentElement.clientWidth, scrolls: wrap ? wrap.scrollWidth - wrap.clientWidth : 0 };
  });
  expect(p.width, `${what}: its width`).toBeGreaterThan(0);
  expect(p.left, `${what}: its left edge`).toBeGreaterThanOrEqual(0);
  expect(p.right, `${what}: its right edge (the screen is ${p.screen}px wide)`).toBeLessThanOrEqual(p.screen);
  expect(p.scrolls, `${what}: how far its table scrolls sideways`).toBeLessThanOrEqual(1);
}

/** The table is laid out as a table: its header row shows, and a row's cells sit side by side on one line. */
async function expectTableLayout(table: Locator, what: string) {
  const layout = await table.evaluate((t) => {
    const head = t.querySelector("thead")!.getBoundingClientRect();
    const tops = [...t.querySelectorAll("tbody tr:first-child > *")].map((c) => Math.round(c.getBoundingClientRect().top));
    return { head: head.height, tops: new Set(tops).size, display: getComputedStyle(t).display };
  });
  expect(layout, what).toEqual({ head: expect.any(Number), tops: 1, display: "table" });
  expect(layout.head, `${what}: the header row's height`).toBeGreaterThan(10);
}

for (const locale of ["en", "fa"] as const)
  test(`on a phone a dossier's contents, the users, the statements and the review queue show each record's state and its buttons on the screen, and on a laptop they are tables as before (${locale})`, async ({ browser, baseURL }, testInfo) => {
    test.setTimeout(120_000);
    const r = await records(browser, baseURL!);
    const pages = [
      { role: "LEGAL" as const, path: `/dossiers/${r.dossier}`, table: "dossier-items", columns: 6 },
      { role: "ADMIN" as const, path: "/admin/users", table: "user-list", columns: 6 },
      { role: "ADMIN" as const, path: "/statements", table: "statement-list", columns: 7 },
      { role: "REVIEWER" as const, path: "/review?state=SUBMITTED", table: "review-queue", columns: 8 },
    ];
    for (const p of pages) {
      const { context, page } = await signedInPage(browser, baseURL!, p.role, locale, PHONE);
      const res = await page.goto(p.path);
      expect(res?.status(), p.path).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await page.screenshot({ path: testInfo.outputPath(`${p.table}-${locale}-390.png`), fullPage: true });
      const table = page.getByTestId(p.table);
      // Still a table to a screen reader: its column headers are there, though out of sight.
      await expect(table.getByRole("columnheader")).toHaveCount(p.columns);
      const where = `${p.path} (${locale}, 390px)`;

      if (p.table === "dossier-items") {
        const row = page.getByTestId("dossier-item").first();
        const cells = row.locator(":scope > td");
        await expectOnScreen(row.getByTestId("item-number"), `${where}: the number`);
        await expectOnScreen(row.getByTestId("item-label"), `${where}: the record`);
        await expectOnScreen(cells.nth(4), `${where}: the state`);
        for (const button of ["move-up", "move-down", "remove-item"]) await expectOnScreen(row.getByTestId(button), `${where}: ${button}`);
        // The record's title has the width of the screen, not a strip a word wide.
        const width = await cells.nth(3).evaluate((td) => td.getBoundingClientRect().width);
        expect(width, `${where}: the record's width`).toBeGreaterThanOrEqual(PHONE.width / 2);
      } else if (p.table === "user-list") {
        const row = page.getByTestId("user-row").first();
        await expectOnScreen(row.getByRole("rowheader"), `${where}: the name`);
        await expectOnScreen(row.getByTestId("user-state"), `${where}: the state`);
        await expectOnScreen(row.locator("details.manage > summary"), `${where}: Manage`);
      } else if (p.table === "statement-list") {
        const row = page.getByTestId("statement-row").first();
        await expectOnScreen(row.locator(".record-title"), `${where}: the title`);
        await expectOnScreen(row.locator(":scope > td").nth(3), `${where}: the status`);
      } else {
        // The queue lists the longest waiting first: the statement made here, or one before it, offers Take.
        const row = page.getByTestId("queue-row").filter({ has: page.getByTestId("take") }).first();
        await expectOnScreen(row.locator(".record-title"), `${where}: the title`);
        await expectOnScreen(row.locator(":scope > td").nth(4), `${where}: the status`);
        await expectOnScreen(row.getByTestId("take"), `${where}: Take`);
      }

      await page.setViewportSize(LAPTOP);
      await page.screenshot({ path: testInfo.outputPath(`${p.table}-${locale}-1280.png`), fullPage: true });
      await expectTableLayout(table, `${p.path} (${locale}, 1280px)`);
      await context.close();
    }
  });
