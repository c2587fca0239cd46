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
