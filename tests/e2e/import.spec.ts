import { join } from "node:path";
import type { Locator } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// Importing a Persian sheet in the Persian interface: dry run, fix the flagged row, import,
// and open a created record.

test("in Persian: a CSV is dry-run, a flagged row is fixed in the table, the import runs with progress and the created statements open", async ({ page, baseURL }, testInfo) => {
  await setLocale(page, baseURL!, "fa");
  await signInAs(page, "RESEARCHER");
  await page.goto("/transfer/import");
  // The button is enabled once the page's script runs: a choice made before that is reset by it.
  await expect(page.getByTestId("import-check")).toBeEnabled();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("ورود داده");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  await page.getByTestId("import-kind").selectOption("STATEMENTS");
  await page.getByTestId("import-file").setInputFiles(join(process.cwd(), "tests/fixtures/import/statements-fa.csv"));
  await page.getByTestId("import-check").click();

  const dry = page.getByTestId("import-dry-run");
  await expect(dry).toBeVisible();
  await expect(page.getByTestId("import-counts")).toHaveText("۳ ردیف: ۲ ساختنی، ۰ پیوندی، ۱ ردشده، ۰ پیش‌تر واردشده");
  // The sheet's Persian headers were mapped without asking.
  await expect(page.getByTestId("map-تاریخ مصاحبه")).toHaveValue("interviewDate");
  await expect(page.getByTestId("map-اشخاص")).toHaveValue("persons");
  const flagged = page.getByTestId("import-row-3");
  await expect(flagged).toHaveAttribute("data-outcome", "REFUSE");
  await expect(flagged).toContainText("تاریخ مصاحبه");
  await expect(flagged).toContainText("این تاریخ");
  await expect(page.getByTestId("import-row-2")).toHaveAttribute("data-outcome", "CREATE");
  await expect(page.getByTestId("import-run")).toBeDisabled();
  // The steps after the upload stand apart, each in its own panel, and the rows-per-transaction
  // box is a text field like the others, not the browser's bare input.
  const mapping = page.locator('section[aria-labelledby="import-mapping"]');
  await expect(mapping).toHaveClass(/\bpanel\b/);
  await expect(dry).toHaveClass(/\bpanel\b/);
  const below = async (upper: Locator, lower: Locator) => {
    const [u, l] = [(await upper.boundingBox())!, (await lower.boundingBox())!];
    return l.y - (u.y + u.height);
  };
  expect(await below(page.getByTestId("import-check"), mapping), "space between the upload button and the columns").toBeGreaterThanOrEqual(12);
  expect(await below(mapping, dry), "space between the columns and the dry run").toBeGreaterThanOrEqual(12);
  await expect(page.locator("#import-batch")).toHaveCSS("border-top-style", "solid");
  expect((await page.locator("#import-batch").boundingBox())!.height).toBeGreaterThanOrEqual(36);

  await page.getByTestId("import-only-refused").check();
  await expect(page.getByTestId("import-rows").locator("tbody tr")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("import-dry-run-fa.png"), fullPage: true });

  // Fix the flagged row's date with the keyboard and check again.
  await page.getByTestId("import-fix-3").click();
  const cell = page.getByTestId("fix-cell-تاریخ مصاحبه");
  await expect(cell).toHaveValue("سال نامعلوم");
  expect((await cell.boundingBox())!.height, "the cell to fix is a text field like the others").toBeGreaterThanOrEqual(36);
  await cell.fill("۱۳۶۷");
  await cell.press("Tab");
  await page.getByTestId("import-apply-fix").click();
  await expect(page.getByTestId("import-counts")).toHaveText("۳ ردیف: ۳ ساختنی، ۰ پیوندی، ۰ ردشده، ۰ پیش‌تر واردشده");
  await page.getByTestId("import-only-refused").uncheck();
  await expect(page.getByTestId("import-row-3")).toHaveAttribute("data-outcome", "CREATE");

  await page.getByTestId("import-run").click();
  await expect(page.getByTestId("import-summary")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-done")).toHaveText("۳ ردیف: ۳ ساخته شد، ۰ پیوند خورد، ۰ رد شد، ۰ پیش‌تر وارد شده بود");
  const created = page.getByTestId("import-created").getByRole("link");
  await expect(created).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath("import-summary-fa.png"), fullPage: true });
  await created.filter({ hasText: "نامه‌ای که نرسید" }).click();
  await expect(page).toHaveURL(/\/statements\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("نمونهٔ واردشده — نامه‌ای که نرسید");

  // The same file again: everything was imported before, nothing is created.
  await page.goto("/transfer/import");
  // The button is enabled once the page's script runs: a choice made before that is reset by it.
  await expect(page.getByTestId("import-check")).toBeEnabled();
  await page.getByTestId("import-kind").selectOption("STATEMENTS");
  await page.getByTestId("import-file").setInputFiles(join(process.cwd(), "tests/fixtures/import/statements-fa.csv"));
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-counts")).toHaveText("۳ ردیف: ۰ ساختنی، ۰ پیوندی، ۱ ردشده، ۲ پیش‌تر واردشده");
});

test("in English: a persons sheet's aliases link to the public-record official; a bad date is refused with its column; a whole-file problem is explained", async ({ page }, testInfo) => {
  await signInAs(page, "RESEARCHER");
  await page.goto("/transfer/import");
  // The button is enabled once the page's script runs: a choice made before that is reset by it.
  await expect(page.getByTestId("import-check")).toBeEnabled();
  await page.getByTestId("import-kind").selectOption("PERSONS");
  await page.getByTestId("import-file").setInputFiles(join(process.cwd(), "tests/fixtures/import/persons-fa-bom.csv"));
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-counts")).toHaveText("4 rows: 2 to create, 1 to link, 1 refused, 0 imported before");
  await expect(page.getByTestId("import-row-2")).toHaveAttribute("data-outcome", "LINK");
  await expect(page.getByTestId("import-row-2").getByRole("link", { name: "links to Hamid Nouri" })).toHaveAttribute("href", /^\/persons\//);
  await expect(page.getByTestId("import-row-5")).toContainText("Use a year between 1300 and 1499");
  await page.screenshot({ path: testInfo.outputPath("import-dry-run-en.png"), fullPage: true });

  // A sheet saved in Windows-1256: refused as a whole, with what to do.
  await page.goto("/transfer/import");
  // The button is enabled once the page's script runs: a choice made before that is reset by it.
  await expect(page.getByTestId("import-check")).toBeEnabled();
  await page.getByTestId("import-kind").selectOption("PERSONS");
  await page.getByTestId("import-file").setInputFiles({ name: "legacy.csv", mimeType: "text/csv", buffer: Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xd3, 0xe1, 0xc7, 0xe3, 0x0a]) });
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-error")).toContainText("Save the sheet as “CSV UTF-8”");
});

test.describe("the import page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("says the import needs scripts, in the user's language, and offers no button that would send the file nowhere", async ({ page, baseURL }) => {
    await signInAs(page, "RESEARCHER");
    await page.goto("/transfer/import");
    await expect(page.getByTestId("import-needs-scripts")).toContainText("Importing needs JavaScript");
    await expect(page.getByTestId("import-check")).toBeDisabled();
    // Should the form be sent anyway, it posts: nothing of it goes into an address.
    await expect(page.getByTestId("import-upload")).toHaveAttribute("method", "post");
    await setLocale(page, baseURL!, "fa");
    await page.reload();
    await expect(page.getByTestId("import-needs-scripts")).toContainText("ورود داده به جاوااسکریپت نیاز دارد");
  });

  test.describe("with scripts", () => {
    test.use({ javaScriptEnabled: true });
    test("the note is not shown and the button works", async ({ page }) => {
      await signInAs(page, "RESEARCHER");
      await page.goto("/transfer/import");
      await expect(page.getByTestId("import-check")).toBeEnabled();
      await expect(page.getByTestId("import-needs-scripts")).toBeHidden();
    });
  });
});

test("in Persian, a refused row without a title is labelled by its number in Persian digits", async ({ page, baseURL }) => {
  await setLocale(page, baseURL!, "fa");
  await signInAs(page, "RESEARCHER");
  await page.goto("/transfer/import");
  await expect(page.getByTestId("import-check")).toBeEnabled();
  await page.getByTestId("import-kind").selectOption("STATEMENTS");
  const sheet = "شاهد,عنوان,زبان,متن\nW-0001,,فارسی,نمونهٔ ساختگی بی‌عنوان.\n";
  await page.getByTestId("import-file").setInputFiles({ name: "untitled-fa.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
  await page.getByTestId("import-check").click();
  const row = page.getByTestId("import-row-2");
  await expect(row).toHaveAttribute("data-outcome", "REFUSE");
  await expect(row).toContainText("#۲");
  await expect(row).not.toContainText("#2");
});
