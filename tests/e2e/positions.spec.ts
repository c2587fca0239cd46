import { expect, setLocale, signInAs, test } from "./fixtures";

// A position's Persian title in the browser: typed right to left in the person form, shown by
// the Persian interface on the person page and in the persons list (the English one keeps the
// title as recorded), kept by the edit form, and entered without JavaScript as well.

test("in the Persian interface a position added with a Persian title shows that title on the person page and in the list", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "fa");
  await page.goto("/persons/new");
  await page.locator('input[name="name"]').fill("Philemon Titlefield");
  const titleFa = page.locator('input[name="positions.0.titleFa"]');
  await expect(titleFa).toHaveAttribute("dir", "rtl");
  await expect(titleFa).toHaveAttribute("lang", "fa");
  await expect(page.getByLabel(/عنوان سمت به فارسی/).first()).toBeVisible();
  await page.locator('input[name="positions.0.title"]').fill("Fictional Warden of the East Wing");
  await titleFa.fill("رئیس ساختگی بند شرقی");
  await page.locator('input[name="positions.0.from"]').fill("1988");
  await page.getByTestId("person-submit").click();

  await expect(page.getByTestId("person-name")).toHaveText("Philemon Titlefield");
  const row = page.getByTestId("position-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("رئیس ساختگی بند شرقی");
  await expect(row).not.toContainText("Fictional Warden");
  await expect(row.locator('bdi[lang="fa"]')).toHaveAttribute("dir", "rtl");
  await page.screenshot({ path: "test-results/positions-person-fa.png", fullPage: true });

  await page.goto(`/persons?q=${encodeURIComponent("Philemon Titlefield")}`);
  await expect(page.getByTestId("person-row").first()).toContainText("رئیس ساختگی بند شرقی");

  // The edit form keeps it; the English interface shows the title as recorded.
  await page.getByTestId("person-row").first().getByRole("link").click();
  await page.getByTestId("edit-person").click();
  await expect(page.locator('input[name="positions.0.titleFa"]')).toHaveValue("رئیس ساختگی بند شرقی");
  await setLocale(page, baseURL!, "en");
  await page.goBack();
  await page.reload();
  await expect(page.getByTestId("position-row")).toContainText("Fictional Warden of the East Wing");
  await expect(page.getByTestId("position-row")).not.toContainText("رئیس ساختگی");
});

test("the graph timeline's position bars read in Persian in the Persian interface, in English in the English one", async ({ page, baseURL }) => {
  await signInAs(page, "REVIEWER");
  await setLocale(page, baseURL!, "fa");
  await page.goto(`/graph?person=${encodeURIComponent("Hamid Nouri")}&span=all`);
  const person = page.getByTestId("timeline-person").filter({ hasText: "حمید نوری" });
  await expect(person.locator("title")).toContainText("دستیار دادیار زندان گوهردشت");
  await expect(page.getByTestId("timeline-list-positions")).toContainText("دستیار دادیار زندان گوهردشت");
  await page.getByTestId("timeline").screenshot({ path: "test-results/positions-timeline-fa.png" });
  await setLocale(page, baseURL!, "en");
  await page.reload();
  await expect(page.getByTestId("timeline-list-positions")).toContainText("Assistant to the deputy prosecutor, Gohardasht Prison");
  await expect(page.getByTestId("timeline-list-positions")).not.toContainText("دستیار دادیار");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the person form's position row takes a Persian title", async ({ page, baseURL }) => {
    await signInAs(page, "RESEARCHER");
    await setLocale(page, baseURL!, "fa");
    await page.goto("/persons/new");
    await page.locator('input[name="name"]').fill("Ambrosius Nojsfield");
    await page.locator('input[name="positions.0.title"]').fill("Fictional Keeper of Records");
    await page.locator('input[name="positions.0.titleFa"]').fill("بایگان ساختگی");
    await page.getByTestId("person-submit").click();
    await expect(page.getByTestId("person-name")).toHaveText("Ambrosius Nojsfield");
    await expect(page.getByTestId("position-row")).toContainText("بایگان ساختگی");
  });
});
