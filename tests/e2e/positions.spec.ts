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

test("a person's history shows the positions changed as the page shows positions (title, where, when), not as raw data, in English and Persian", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  const made = await page.request.post("/api/v1/persons", {
    data: { name: `Philemon Historyfield ${Date.now()}`, positions: [{ title: "Fictional Clerk of the Records Office", titleFa: "منشی ساختگی دفتر بایگانی", institution: "Fictional Records Office", from: "1986", to: "1987" }] },
  });
  expect(made.status(), await made.text()).toBe(201);
  const person = (await made.json()) as { id: string; positions: { title: string; titleFa: string; institution: string; from: string; to: string }[] };
  const changed = await page.request.patch(`/api/v1/persons/${person.id}`, {
    data: { positions: [...person.positions.map(({ title, titleFa, institution, from, to }) => ({ title, titleFa, institution, from, to })), { title: "Fictional Warden of the North Wing", titleFa: "رئیس ساختگی بند شمالی", institution: "Fictional Prison", place: "Fictional Town", from: "1988" }] },
  });
  expect(changed.status(), await changed.text()).toBe(200);

  await setLocale(page, baseURL!, "en");
  await page.goto(`/persons/${person.id}`);
  const history = page.getByTestId("record-history");
  await history.locator("summary").click();
  const cells = history.locator('tr[data-field="positions"]');
  await expect(cells).toHaveCount(2);
  for (const text of await cells.allTextContents()) {
    expect(text).not.toContain('"title"');
    expect(text).not.toContain("{");
  }
  const after = cells.last().locator("td").last().getByTestId("history-position");
  await expect(after).toHaveCount(2);
  await expect(after.last()).toContainText("Fictional Warden of the North Wing");
  await expect(after.last()).toContainText("Fictional Prison");
  await expect(after.last()).toContainText("Fictional Town");
  await expect(after.last()).toContainText("1988");
  await expect(after.first()).toContainText("Fictional Clerk of the Records Office");
  await history.screenshot({ path: "test-results/positions-history-en.png" });

  // In Persian: the Persian titles, and the dates as the Persian page gives them (Persian digits).
  await setLocale(page, baseURL!, "fa");
  await page.reload();
  await history.locator("summary").click();
  const afterFa = cells.last().locator("td").last().getByTestId("history-position");
  await expect(afterFa.last()).toContainText("رئیس ساختگی بند شمالی");
  await expect(afterFa.last()).not.toContainText("Fictional Warden");
  await expect(afterFa.last()).toContainText(/[۰-۹]{4}/);
  await history.screenshot({ path: "test-results/positions-history-fa.png" });
});
