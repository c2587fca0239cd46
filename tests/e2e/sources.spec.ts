import Database from "better-sqlite3";
import pg from "pg";
import { expect, setLocale, signInAs, test } from "./fixtures";

// A source's date is a date like every other in Casefile: typed in either calendar, read back in
// the reader's, and checked against the source's year of publication.

test("in Persian, a source's date in the Solar Hijri calendar that misses the year is refused in Persian; without the year it is kept, the year taken from it, and read in both calendars", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "fa");
  const title = `گزارش آزمایشی ${Date.now()}`;
  const count = async () => ((await (await page.request.get(`/api/v1/sources?q=${encodeURIComponent(title)}`)).json()) as { total: number }).total;

  await page.goto("/sources/new");
  await page.getByTestId("source-title").fill(title);
  await page.getByTestId("source-year").fill("1990");
  await page.getByTestId("source-date").fill("مرداد ۱۳۶۷");
  await page.getByTestId("source-submit").click();

  const error = page.getByTestId("field-error-date");
  await expect(error).toContainText("۱۹۹۰");
  await expect(error).toContainText("نمی‌خوانند");
  await expect(page.getByTestId("source-date")).toBeFocused();
  await expect(page.getByTestId("source-date")).toHaveValue("مرداد ۱۳۶۷");
  expect(await count()).toBe(0);

  // The year left empty: it is taken from the date (Mordad 1367 lies in 1988).
  await page.getByTestId("source-year").fill("");
  await page.getByTestId("source-submit").click();
  await expect(page).toHaveURL(/\/sources\/[^/]+$/);
  expect(await count()).toBe(1);
  const facts = page.getByTestId("source-facts");
  await expect(facts).toContainText("۱۹۸۸");
  await expect(page.getByTestId("source-date")).toContainText("مرداد ۱۳۶۷");

  // In English, in the Gregorian calendar: the months it spans, and what was typed.
  await setLocale(page, baseURL!, "en");
  await page.reload();
  const date = page.getByTestId("source-date");
  await expect(date).toContainText("1988");
  await expect(date).toContainText("July");
  await expect(date).toContainText("مرداد ۱۳۶۷");
});

// The database the e2e server runs on, as playwright.config.ts sets it.
const E2E_DATABASE_URL = process.env.CASEFILE_E2E_DATABASE_URL ?? "file:./data/e2e/casefile-e2e.db";

/** A date recorded as free text before dates were read: written into the e2e database as such data came in. */
async function setStoredDate(sourceId: string, date: string) {
  if (E2E_DATABASE_URL.startsWith("file:")) {
    const db = new Database(E2E_DATABASE_URL.slice("file:".length));
    try {
      db.pragma("busy_timeout = 10000");
      db.prepare(`UPDATE "Source" SET "date" = ? WHERE "id" = ?`).run(date, sourceId);
    } finally {
      db.close();
    }
  } else {
    const c = new pg.Client({ connectionString: E2E_DATABASE_URL });
    await c.connect();
    await c.query(`UPDATE "Source" SET "date" = $1 WHERE "id" = $2`, [date, sourceId]);
    await c.end();
  }
}

test("a date recorded as free text is shown as typed with a notice in Persian and English, marked in the list and found by the dates-to-fix filter, and the source's other fields still save", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  const tag = `Archive ${Date.now()}`;
  const create = async (input: Record<string, string>) => {
    const res = await page.request.post("/api/v1/sources", { data: input });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const legacy = await create({ title: `${tag} stamped copy` });
  const dated = await create({ title: `${tag} dated copy`, date: "مرداد ۱۳۶۷" });
  const typed = "as stamped on the archive copy";
  await setStoredDate(legacy, typed);

  // In Persian: the date as typed, and a notice, with the way to the edit form.
  await setLocale(page, baseURL!, "fa");
  await page.goto(`/sources/${legacy}`);
  await expect(page.getByTestId("source-date")).toHaveText(typed);
  await expect(page.getByTestId("source-date-notice")).toContainText("متن آزاد");
  await expect(page.getByTestId("source-date-notice")).toContainText("تقویم");
  await expect(page.getByTestId("fix-source-date")).toHaveText("اصلاح تاریخ");
  // A readable date is read as before, with no notice.
  await page.goto(`/sources/${dated}`);
  await expect(page.getByTestId("source-date")).toContainText("مرداد ۱۳۶۷");
  await expect(page.getByTestId("source-date-notice")).toHaveCount(0);

  // The list marks it, and its filter finds it alone.
  await page.goto(`/sources?q=${encodeURIComponent(tag)}`);
  await expect(page.getByTestId("source-row")).toHaveCount(2);
  await expect(page.locator(`[data-source-id="${legacy}"]`).getByTestId("date-to-fix-badge")).toHaveText("تاریخ نیازمند اصلاح");
  await expect(page.locator(`[data-source-id="${dated}"]`).getByTestId("date-to-fix-badge")).toHaveCount(0);
  await page.getByTestId("filter-date-to-fix").selectOption({ label: "تاریخ‌های نیازمند اصلاح" });
  await page.getByTestId("source-filters").getByRole("button").click();
  await expect(page).toHaveURL(/dateToFix=yes/);
  await expect(page.getByTestId("source-row")).toHaveCount(1);
  await expect(page.getByTestId("source-row")).toHaveAttribute("data-source-id", legacy);

  // In English.
  await setLocale(page, baseURL!, "en");
  await page.reload();
  await expect(page.getByTestId("date-to-fix-badge")).toHaveText("Date to fix");
  await page.goto(`/sources/${legacy}`);
  await expect(page.getByTestId("source-date")).toHaveText(typed);
  await expect(page.getByTestId("source-date-notice")).toContainText("free text");
  await expect(page.getByTestId("source-date-notice")).toContainText("calendar");

  // The edit form shows the old text and says what to fix; another field saves without fixing it.
  await page.getByTestId("fix-source-date").click();
  await expect(page).toHaveURL(new RegExp(`/sources/${legacy}/edit$`));
  await expect(page.getByTestId("source-date")).toHaveValue(typed);
  await expect(page.getByTestId("source-date-to-fix")).toContainText("free text");
  await page.getByTestId("source-title").fill(`${tag} stamped copy, second reading`);
  await page.getByTestId("source-submit").click();
  await expect(page).toHaveURL(new RegExp(`/sources/${legacy}$`));
  await expect(page.getByTestId("source-title")).toHaveText(`${tag} stamped copy, second reading`);
  await expect(page.getByTestId("source-date")).toHaveText(typed);

  // Another unreadable date is still refused, and the stored one stays.
  await page.goto(`/sources/${legacy}/edit`);
  await page.getByTestId("source-date").fill("as stamped on the second copy");
  await page.getByTestId("source-submit").click();
  await expect(page.getByTestId("field-error-date")).toBeVisible();
  expect(((await (await page.request.get(`/api/v1/sources/${legacy}`)).json()) as { date: string }).date).toBe(typed);

  // A reviewer, who does not edit sources, reads the notice without the link.
  await signInAs(page, "REVIEWER");
  await page.goto(`/sources/${legacy}`);
  await expect(page.getByTestId("source-date-notice")).toBeVisible();
  await expect(page.getByTestId("fix-source-date")).toHaveCount(0);
});
