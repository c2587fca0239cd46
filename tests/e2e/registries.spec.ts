import { expect, setLocale, signInAs, test } from "./fixtures";

// The registries in the browser: finding an official from a Persian spelling with the
// keyboard-driven autocomplete and from the list search, the duplicate warning when a
// near-duplicate person is added, the Nouri proceeding with its defendant and timeline, and the
// JSON API's search and 409 with candidates; a person's Persian summary and status notes, typed in the
// form and read on the Persian and English pages.

test("a Persian spelling in the persons search finds Hossein-Ali Nayyeri, chosen with the keyboard", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  await page.goto("/persons");
  const box = page.getByRole("combobox", { name: "Find a person" });
  // Arabic yeh (ي), as Arabic keyboards type it, for the Persian ی of نیری.
  await box.fill("نيري");
  const options = page.getByRole("option");
  await expect(options.first()).toContainText("Hossein-Ali Nayyeri");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", /.+/);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/persons\/[^/?]+$/);
  await expect(page.getByTestId("person-name")).toHaveText("Hossein-Ali Nayyeri");
  await expect(page.getByTestId("person-name-fa")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("position-row")).toHaveCount(1);
  // A reviewer reads the registry but does not edit it.
  await expect(page.getByTestId("edit-person")).toHaveCount(0);
});

test("submitting the search lists every match best first; Escape closes the suggestions", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  await page.goto("/persons");
  const box = page.getByRole("combobox", { name: "Find a person" });
  await box.fill("حسینعلی نیری");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/persons\?q=/);
  const rows = page.getByTestId("person-row");
  await expect(rows.first()).toContainText("Hossein-Ali Nayyeri");
  await rows.first().getByRole("link").click();
  await expect(page.getByTestId("person-name")).toHaveText("Hossein-Ali Nayyeri");
});

test("adding a person with a near-duplicate name shows the likely duplicates before saving; confirming saves", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  await page.goto("/persons/new");
  const name = `Mostafa Pour Mohamadi`;
  await page.locator('input[name="name"]').fill(name);
  await page.locator('input[name="aliases.0.name"]').fill("Mustafa Pourmohammadi");
  await page.locator('input[name="aliases.0.note"]').fill("e2e test");
  await page.getByTestId("person-submit").click();

  const warning = page.getByTestId("duplicate-warning");
  await expect(warning).toBeVisible();
  await expect(page.getByTestId("form-error")).toContainText("already in the registry");
  await expect(page.getByTestId("field-error-name")).toBeVisible();
  const candidate = page.getByTestId("duplicate-candidate").first();
  await expect(candidate).toContainText("Mostafa Pourmohammadi");
  await expect(candidate.getByRole("link")).toHaveAttribute("href", /\/persons\/.+/);
  // Nothing was saved, and what was typed is still there.
  await expect(page).toHaveURL(/\/persons\/new$/);
  await expect(page.locator('input[name="name"]')).toHaveValue(name);
  await expect(page.locator('input[name="aliases.0.note"]')).toHaveValue("e2e test");

  await page.getByTestId("confirm-duplicate").check();
  await page.getByTestId("person-submit").click();
  await expect(page.getByTestId("person-name")).toHaveText(name);
  await expect(page.getByTestId("alias-row")).toContainText("e2e test");
});

test("the Nouri proceeding links its defendant and shows the timeline in the Persian calendar in the Persian interface", async ({ page, baseURL }) => {
  await signInAs(page, "LEGAL");
  await setLocale(page, baseURL!, "fa");
  await page.goto("/proceedings");
  // The Persian list names it by its Persian title; its page keeps the English one under it.
  await page.getByRole("link", { name: /حمید نوری/ }).first().click();
  await expect(page.getByTestId("proceeding-title")).toContainText("Hamid Nouri");
  await expect(page.getByTestId("timeline-entry")).toHaveCount(5);
  // 2019-11 is read as Aban–Azar 1398.
  await expect(page.getByTestId("timeline-entry").first()).toContainText("۱۳۹۸");
  // The defendant by the Persian name first, the Latin spelling beside it.
  await expect(page.getByTestId("defendant-link")).toHaveText("حمید نوری");
  await expect(page.getByTestId("defendant-list")).toContainText("Hamid Nouri");
  await page.getByTestId("defendant-link").click();
  await expect(page.getByTestId("person-name")).toHaveText("Hamid Nouri");
  await expect(page.getByTestId("person-name-fa")).toHaveText("حمید نوری");
});

test("the API searches across scripts and answers a likely duplicate with 409 and the candidates", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  const res = await page.request.get(`/api/v1/persons?q=${encodeURIComponent("رئيسي")}`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.items[0]).toMatchObject({ name: "Ebrahim Raisi", nameFa: "ابراهیم رئیسی" });
  expect(Object.keys(body.items[0]).sort()).toEqual(["aliases", "id", "name", "nameFa", "score"]);

  const dup = await page.request.post("/api/v1/persons", { data: { name: "Ebrahim Raeesi" }, headers: { "accept-language": "fa" } });
  expect(dup.status()).toBe(409);
  const err = (await dup.json()).error;
  expect(err.code).toBe("CONFLICT");
  expect(err.fields.name[0]).toContain("هم‌خوانی");
  expect(err.details.candidates[0]).toMatchObject({ name: "Ebrahim Raisi", query: "Ebrahim Raeesi" });

  const bad = await page.request.post("/api/v1/events", { data: { title: "Backwards", dateStart: "1988-08-27", dateEnd: "1988-07" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields.dateEnd).toHaveLength(1);

  const doc = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(doc.paths["/persons"].get.parameters.map((p: { name: string }) => p.name)).toContain("q");
  expect(doc.paths["/proceedings/{id}"].patch).toBeTruthy();
});

test("a person's Persian summary and status notes: typed beside the English in the form, shown first on the Persian page with the English under it, and the English on the English page", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "fa");
  await page.goto("/persons/new");
  const form = page.getByTestId("person-form");
  const summary = form.locator('textarea[name="summary"]');
  const summaryFa = form.getByLabel("خلاصه به فارسی");
  const statusNotes = form.locator('textarea[name="statusNotes"]');
  const statusNotesFa = form.getByLabel("وضعیت کنونی به فارسی");
  for (const box of [summaryFa, statusNotesFa]) {
    await expect(box).toHaveAttribute("lang", "fa");
    await expect(box).toHaveAttribute("dir", "rtl");
  }
  await form.locator('input[name="name"]').fill("Fictional Varnel Oskett");
  // Each Persian field comes right after its English one in the tab order.
  await summary.fill("A fictional official of the Zembla commission.");
  await summary.press("Tab");
  await expect(summaryFa).toBeFocused();
  await summaryFa.fill("ق".repeat(10_001));
  await summaryFa.press("Tab");
  await expect(statusNotes).toBeFocused();
  await statusNotes.fill("Fictional: retired.");
  await statusNotes.press("Tab");
  await expect(statusNotesFa).toBeFocused();
  await statusNotesFa.fill("ساختگی: بازنشسته شده است.");
  // Too long: a field error in Persian, nothing saved, what was typed kept.
  await page.getByTestId("person-submit").click();
  await expect(page.getByTestId("field-error-summaryFa")).toContainText(/[\u0600-\u06FF]/);
  await expect(page).toHaveURL(/\/persons\/new$/);
  await expect(form.locator('textarea[name="statusNotesFa"]')).toHaveValue("ساختگی: بازنشسته شده است.");
  await form.locator('textarea[name="summaryFa"]').fill("مأمور ساختگی کمیسیون زمبلا.");
  await page.getByTestId("person-submit").click();
  await expect(page.getByTestId("person-name")).toHaveText("Fictional Varnel Oskett");

  // The Persian page: the Persian text first, the English under it.
  const main = page.getByTestId("person-main");
  await expect(main.getByTestId("person-summary-fa")).toHaveText("مأمور ساختگی کمیسیون زمبلا.");
  await expect(main.getByTestId("person-summary-fa")).toHaveAttribute("dir", "rtl");
  await expect(main.getByTestId("person-summary")).toHaveText("A fictional official of the Zembla commission.");
  await expect(main.getByTestId("person-summary")).toHaveAttribute("lang", "en");
  await expect(main.getByTestId("person-status-notes-fa")).toHaveText("ساختگی: بازنشسته شده است.");
  await expect(main.getByTestId("person-status-notes")).toHaveText("Fictional: retired.");
  const order = await main.locator("[data-testid^='person-summary'], [data-testid^='person-status-notes']").evaluateAll((xs) => xs.map((x) => x.getAttribute("data-testid")));
  expect(order).toEqual(["person-summary-fa", "person-summary", "person-status-notes-fa", "person-status-notes"]);

  // The edit form reads them back.
  const url = page.url().replace(/\?.*$/, "");
  await page.goto(`${url}/edit`);
  await expect(page.locator('textarea[name="summaryFa"]')).toHaveValue("مأمور ساختگی کمیسیون زمبلا.");

  // The English page: the English texts alone.
  await setLocale(page, baseURL!, "en");
  await page.goto(url);
  await expect(main.getByTestId("person-summary")).toHaveText("A fictional official of the Zembla commission.");
  await expect(main.getByTestId("person-status-notes")).toHaveText("Fictional: retired.");
  await expect(main.getByTestId("person-summary-fa")).toHaveCount(0);
  await expect(main.getByTestId("person-status-notes-fa")).toHaveCount(0);
});
