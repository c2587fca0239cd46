import { expect, setLocale, signInAs, test } from "./fixtures";

// A proceeding in Persian: the demo's Nouri prosecution read on a Persian page (its Persian
// title, court, status, charges and timeline first, the English, the court's language, still
// beside them), the same page in English as before, and the form in Persian: the Persian fields
// beside the English ones, right to left, reached with Tab, and a validation error in Persian
// that keeps what was typed. Screenshots at 1280 and 390 px are kept in test-results/.

const NOURI_FA = "پیگرد حمید نوری (سوئد)";

test("a Persian page shows the proceeding's Persian texts first and keeps the English beside them; the English page is as before", async ({ page, baseURL }) => {
  await signInAs(page, "LEGAL");
  await setLocale(page, baseURL!, "fa");
  await page.goto("/proceedings");
  const row = page.getByTestId("proceeding-row").filter({ hasText: NOURI_FA });
  await expect(row).toContainText("Prosecution of Hamid Nouri (Sweden)");
  await expect(row).toContainText("سوئد");
  await page.screenshot({ path: "test-results/proceedings-list-fa-1280.png", fullPage: true });
  await row.getByRole("link", { name: NOURI_FA }).click();

  const heading = page.getByTestId("proceeding-title-fa");
  await expect(heading).toHaveText(NOURI_FA);
  await expect(heading).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOURI_FA);
  await expect(page.getByTestId("proceeding-title")).toHaveText("Prosecution of Hamid Nouri (Sweden)");
  await expect(page).toHaveTitle(new RegExp(NOURI_FA.replace(/[()]/g, "\\$&")));
  // Court, jurisdiction and status: the Persian, then the English in parentheses.
  await expect(page.getByTestId("proceeding-court")).toContainText("دادگاه بدوی استکهلم");
  await expect(page.getByTestId("proceeding-court")).toContainText("Stockholm District Court");
  await expect(page.getByTestId("proceeding-jurisdiction")).toContainText("سوئد");
  await expect(page.getByTestId("proceeding-status")).toContainText("حبس ابد");
  await expect(page.getByTestId("proceeding-status")).toContainText("prisoner exchange");
  // The charges the public record states, in Persian, with the English as recorded under them.
  await expect(page.getByTestId("proceeding-charges-fa")).toContainText("شکنجهٔ زندانیان");
  await expect(page.getByTestId("proceeding-charges")).toContainText("Torturing prisoners");
  // Each step of the timeline: its Persian text, the English under it.
  const first = page.getByTestId("timeline-entry").first();
  await expect(first.getByTestId("timeline-what-fa")).toContainText("بازداشت");
  await expect(first.getByTestId("timeline-what")).toHaveText("Arrested by Swedish authorities");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/proceeding-fa-${width}.png`, fullPage: true });
  }

  const proceedingPage = page.url();
  // The defendant's page names the proceeding by its Persian title too, with its Persian status.
  await page.getByTestId("defendant-link").click();
  await expect(page.getByTestId("defendant-in-link")).toHaveText(NOURI_FA);
  await expect(page.locator("#proceedings")).toContainText("حبس ابد");
  await page.goto(proceedingPage);

  // A dossier built from it: the subject menu and the suggested title name it in Persian first.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("build-dossier").click();
  await expect(page.getByTestId("dossier-subject").locator("option:checked")).toHaveText(`${NOURI_FA} — Prosecution of Hamid Nouri (Sweden)`);
  await expect(page.locator('input[name="title"]')).toHaveValue(new RegExp(NOURI_FA.replace(/[()]/g, "\\$&")));

  // English: the English texts alone, as before.
  await setLocale(page, baseURL!, "en");
  await page.goto(proceedingPage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prosecution of Hamid Nouri (Sweden)");
  await expect(page.getByTestId("proceeding-title-fa")).toHaveCount(0);
  await expect(page.getByTestId("proceeding-court")).toHaveText("Stockholm District Court");
  await expect(page.getByTestId("proceeding-charges-fa")).toHaveCount(0);
  await expect(page.getByTestId("timeline-what-fa")).toHaveCount(0);
  await expect(page.getByTestId("timeline-entry").first()).toContainText("Arrested by Swedish authorities");
  await page.getByTestId("defendant-link").click();
  await expect(page.getByTestId("defendant-in-link")).toHaveText("Prosecution of Hamid Nouri (Sweden)");
});

test("the form in Persian: Persian fields right to left beside the English ones, a validation error in Persian, then saved", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "fa");
  await page.goto("/proceedings/new");
  const form = page.getByTestId("proceeding-form");
  const titleFa = form.locator('input[name="titleFa"]');
  for (const name of ["titleFa", "jurisdictionFa", "courtFa", "statusFa", "timeline.0.whatFa"]) {
    await expect(form.locator(`input[name="${name}"]`)).toHaveAttribute("dir", "rtl");
    await expect(form.locator(`input[name="${name}"]`)).toHaveAttribute("lang", "fa");
  }
  await expect(form.locator('textarea[name="chargesFa"]')).toHaveAttribute("dir", "rtl");
  await expect(page.getByLabel("عنوان به فارسی")).toBeVisible();

  // Each Persian field follows its English one when tabbing.
  await form.locator('input[name="title"]').focus();
  await page.keyboard.press("Tab");
  await expect(titleFa).toBeFocused();
  await page.keyboard.type("دادرسی ساختگی آزمون مرورگر");
  await form.locator('input[name="court"]').focus();
  await page.keyboard.press("Tab");
  await expect(form.locator('input[name="courtFa"]')).toBeFocused();
  await page.keyboard.type("دادگاه ساختگی");
  await form.locator('input[name="timeline.0.date"]').fill("1402");
  await form.locator('input[name="timeline.0.whatFa"]').fill("گشایش پرونده");

  // No English title and no English text for the step: said in Persian beside each field; nothing saved, nothing typed lost.
  await page.getByTestId("proceeding-submit").click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(page.getByTestId("field-error-title")).toHaveText("پر کردن این فیلد الزامی است.");
  await expect(page.getByTestId("field-error-timeline.0.what")).toHaveText("پر کردن این فیلد الزامی است.");
  await expect(page).toHaveURL(/\/proceedings\/new$/);
  await expect(titleFa).toHaveValue("دادرسی ساختگی آزمون مرورگر");
  await expect(form.locator('input[name="courtFa"]')).toHaveValue("دادگاه ساختگی");
  await expect(form.locator('input[name="timeline.0.whatFa"]')).toHaveValue("گشایش پرونده");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/proceeding-form-fa-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  const title = `Fictional browser-test proceeding ${Date.now()}`;
  await form.locator('input[name="title"]').fill(title);
  await form.locator('input[name="timeline.0.what"]').fill("Case opened");
  await page.getByTestId("proceeding-submit").click();
  await expect(page.getByTestId("proceeding-title-fa")).toHaveText("دادرسی ساختگی آزمون مرورگر");
  await expect(page.getByTestId("proceeding-title")).toHaveText(title);
  await expect(page.getByTestId("proceeding-court")).toContainText("دادگاه ساختگی");
  await expect(page.getByTestId("timeline-what-fa")).toHaveText("گشایش پرونده");
  // Found by its Persian title from the search page, headed by it.
  await page.goto(`/search?q=${encodeURIComponent("دادرسی ساختگی آزمون مرورگر")}&type=proceeding`);
  await expect(page.getByRole("link", { name: /دادرسی ساختگی آزمون مرورگر/ }).first()).toBeVisible();
});
