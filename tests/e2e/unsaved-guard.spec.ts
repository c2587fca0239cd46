import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dialog, Page } from "@playwright/test";
import { aStatementId, demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// A researcher who has typed part of a testimony is asked before leaving the form: a link in the
// application (the page's own question, in the reader's language), or a reload or closed tab (the
// browser's). A clean form, a saved one and a link opened in a new tab are not asked about; a
// refused submission (the form shown again with what was typed) is still unsaved.

const question = (locale: "en" | "fa") => (JSON.parse(readFileSync(join(process.cwd(), `messages/${locale}.json`), "utf8")) as { common: { unsavedLeave: string } }).common.unsavedLeave;

/** Records every dialog, answering each with `answer` (Playwright would dismiss it unanswered). */
function dialogs(page: Page) {
  const seen: { type: string; message: string }[] = [];
  let answer: "accept" | "dismiss" = "dismiss";
  page.on("dialog", (d: Dialog) => {
    seen.push({ type: d.type(), message: d.message() });
    void (answer === "accept" ? d.accept() : d.dismiss());
  });
  return { seen, answer: (a: "accept" | "dismiss") => (answer = a) };
}

const navLink = (page: Page, href: string) => page.getByRole("banner").getByRole("navigation").locator(`a[href="${href}"]`);

test("the new statement form asks before a link leaves typed text, in English and Persian, and not once the text is saved", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const d = dialogs(page);

  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    // Nothing typed: the link is followed without a question.
    await page.goto("/statements/new");
    await navLink(page, "/search").click();
    await expect(page).toHaveURL(/\/search$/);
    expect(d.seen).toEqual([]);

    // Typed: the question, in the reader's language; staying keeps the page and the text.
    await page.goto("/statements/new");
    const text = page.locator('textarea[name="originalText"]');
    await text.click();
    await text.pressSequentially("Fictional testimony, typed and not yet saved.");
    d.answer("dismiss");
    await navLink(page, "/search").click();
    await expect.poll(() => d.seen.length).toBe(1);
    expect(d.seen[0]).toEqual({ type: "confirm", message: question(locale) });
    await expect(page).toHaveURL(/\/statements\/new$/);
    await expect(text).toHaveValue("Fictional testimony, typed and not yet saved.");

    // A refused submission (no witness, no title) puts the text back, still unsaved: asked again; leaving goes.
    await page.getByTestId("statement-submit").click();
    await expect(page.getByTestId("field-error-title")).toBeVisible();
    await expect(text).toHaveValue("Fictional testimony, typed and not yet saved.");
    d.answer("accept");
    await navLink(page, "/search").click();
    await expect(page).toHaveURL(/\/search$/);
    expect(d.seen.map((x) => x.type)).toEqual(["confirm", "confirm"]);
    d.seen.length = 0;
  }

  // Saved: the page that shows the new statement comes without a question, and leaving it is free.
  await setLocale(page, baseURL!, "en");
  await page.goto("/statements/new");
  await page.locator('input[name="witnessCode"]').fill("W-0001");
  await page.locator('input[name="title"]').fill(`Fictional sample — unsaved-guard test ${Date.now()}`);
  await page.locator('textarea[name="originalText"]').fill("Fictional testimony written only to test the software.");
  await page.getByTestId("statement-submit").click();
  await expect(page.getByTestId("statement-text")).toContainText("Fictional testimony written only");
  await navLink(page, "/search").click();
  await expect(page).toHaveURL(/\/search$/);
  expect(d.seen).toEqual([]);
});

test("the statement edit form asks the browser before a reload drops what was typed; a link opened in a new tab is not asked about", async ({ page }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const id = await aStatementId(page);
  const d = dialogs(page);

  await page.goto(`/statements/${id}/edit`);
  const reason = page.locator('textarea[name="reason"]');
  await reason.click();
  await reason.pressSequentially("A fictional reason");
  // A link opened in a new tab leaves this page as it is: not asked about.
  await page.getByRole("banner").getByRole("navigation").locator('a[href="/search"]').click({ modifiers: ["ControlOrMeta"] });
  expect(d.seen).toEqual([]);
  d.answer("accept");
  await page.reload();
  await expect.poll(() => d.seen.map((x) => x.type)).toEqual(["beforeunload"]);
  // Left (the reload went ahead): the form is clean again.
  await expect(reason).toHaveValue("");
  await page.reload();
  expect(d.seen).toHaveLength(1);
});

test("a reviewer's unsent review is asked about before a link leaves it", async ({ page }) => {
  // A fictional statement, submitted by the researcher and taken by the reviewer.
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const witness = ((await (await page.request.get("/api/v1/witnesses")).json()) as { items: { id: string }[] }).items[0]!;
  const created = await page.request.post("/api/v1/statements", { data: { witnessId: witness.id, title: `Fictional sample — unsaved review ${Date.now()}`, language: "en", originalText: "Fictional testimony written only to test the software." } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await page.request.post(`/api/v1/statements/${id}/submit`)).status()).toBe(200);
  const reviewer = demoUser("REVIEWER");
  await signInWith(page.request, reviewer.email, reviewer.password);
  expect((await page.request.post(`/api/v1/statements/${id}/take`)).status()).toBe(200);

  const d = dialogs(page);
  await page.goto(`/statements/${id}`);
  const form = page.getByTestId("review-form");
  await expect(form).toBeVisible();
  await navLink(page, "/review").click();
  await expect(page).toHaveURL(/\/review$/);
  expect(d.seen).toEqual([]);

  await page.goto(`/statements/${id}`);
  await form.getByTestId("decision-CHANGES_REQUESTED").check();
  await navLink(page, "/review").click();
  await expect.poll(() => d.seen.map((x) => x.type)).toEqual(["confirm"]);
  await expect(page).toHaveURL(new RegExp(`/statements/${id}$`));
  await expect(form.getByTestId("decision-CHANGES_REQUESTED")).toBeChecked();
});

test("every form that takes typing asks: two unsaved forms on a witness's page give one question, and a saved person form none", async ({ page }) => {
  const admin = demoUser("ADMIN");
  await signInWith(page.request, admin.email, admin.password);
  const witness = ((await (await page.request.get("/api/v1/witnesses")).json()) as { items: { id: string }[] }).items[0]!;
  const d = dialogs(page);
  await page.goto(`/witnesses/${witness.id}`);
  for (const testId of ["protection-form", "consent-form"]) {
    const form = page.getByTestId(testId);
    await page.locator("details", { has: form }).locator("summary").first().click();
    const note = form.locator('textarea[name="notes"], textarea[name="note"]');
    await note.click();
    await note.pressSequentially("Fictional note, not saved");
  }
  await navLink(page, "/witnesses").click();
  await expect.poll(() => d.seen.map((x) => x.type)).toEqual(["confirm"]);
  await expect(page).toHaveURL(new RegExp(`/witnesses/${witness.id}$`));
  // Going elsewhere by address: the browser's question, once; left.
  d.answer("accept");
  await page.goto("/persons/new");
  expect(d.seen.map((x) => x.type)).toEqual(["confirm", "beforeunload"]);
  d.seen.length = 0;

  // A registry form: typed and saved, then left without a question.
  const name = page.locator('input[name="name"]');
  await name.click();
  await name.pressSequentially(`Fictional Official Unsavedguard ${Date.now()}`);
  d.answer("dismiss");
  await navLink(page, "/persons").click();
  await expect.poll(() => d.seen.map((x) => x.type)).toEqual(["confirm"]);
  await page.getByTestId("person-submit").click();
  await expect(page).toHaveURL(/\/persons\/[^/]+$/);
  await expect(page).not.toHaveURL(/\/persons\/new$/);
  await navLink(page, "/persons").click();
  await expect(page).toHaveURL(/\/persons$/);
  expect(d.seen).toHaveLength(1);
});

test("Back inside the application asks before leaving typed text (Chromium's Navigation API)", async ({ page }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  const d = dialogs(page);
  await page.goto("/statements");
  // Into the form by the router, so Back stays in the same document.
  await page.getByTestId("new-statement").click();
  await expect(page).toHaveURL(/\/statements\/new$/);
  const text = page.locator('textarea[name="originalText"]');
  await text.click();
  await text.pressSequentially("Fictional testimony, not saved.");
  await page.goBack({ timeout: 3000 }).catch(() => null);
  await expect.poll(() => d.seen.map((x) => x.type)).toEqual(["confirm"]);
  await expect(page).toHaveURL(/\/statements\/new$/);
  await expect(text).toHaveValue("Fictional testimony, not saved.");
  // Asked again after a new input of the reader's (without one the browser does not let a page stop Back twice), and left.
  d.answer("accept");
  await text.click();
  await page.goBack();
  await expect(page).toHaveURL(/\/statements$/);
  expect(d.seen.map((x) => x.type)).toEqual(["confirm", "confirm"]);
});
