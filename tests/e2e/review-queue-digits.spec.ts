import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

type Messages = { review: { noConsentNote: string }; fieldErrors: Record<string, string> };
const messages = Object.fromEntries((["en", "fa"] as const).map((l) => [l, JSON.parse(readFileSync(join(process.cwd(), `messages/${l}.json`), "utf8")) as Messages])) as Record<"en" | "fa", Messages>;

// The review queue's "waiting at least" box typed on a Persian keyboard (۲, not 2) was refused by
// the browser in English ("Please match the requested format"), and ?days=۲ was silently ignored;
// now such digits are days, and what is still no number is said under the box in the reader's
// language. And the review form: its decision radios have their own error, and "consent on file"
// says beforehand when the witness has no consent in force (the workflow refuses that tick).
// Fictional records throughout.

async function as(browser: Browser, role: Role, baseURL: string, locale: "en" | "fa" = "en"): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const u = demoUser(role);
  await signInWith(page.request, u.email, u.password);
  await setLocale(page, baseURL, locale);
  return page;
}

/** A fictional statement submitted for review, its witness with these consents. */
async function submitted(request: APIRequestContext, title: string, consents: object[]): Promise<string> {
  const w = await request.post("/api/v1/witnesses", { data: { fictional: true, consents } });
  expect(w.status(), await w.text()).toBe(201);
  const witness = (await w.json()) as { id: string };
  const s = await request.post("/api/v1/statements", { data: { witnessId: witness.id, title, language: "en", originalText: "A fictional account, written for the review form's test." } });
  expect(s.status(), await s.text()).toBe(201);
  const id = ((await s.json()) as { id: string }).id;
  const sub = await request.post(`/api/v1/statements/${id}/submit`);
  expect(sub.status(), await sub.text()).toBeLessThan(300);
  return id;
}

const count = async (page: Page, days: string) => {
  await page.goto(`/review?days=${encodeURIComponent(days)}`);
  return page.getByTestId("queue-count").textContent();
};

test("the queue's days box takes Persian digits typed in the Persian interface, and says in Persian what it cannot read", async ({ browser, baseURL }) => {
  const reviewer = await as(browser, "REVIEWER", baseURL!, "fa");
  await reviewer.goto("/review");
  const box = reviewer.locator("#filter-days");
  // No `pattern`: the browser's own English refusal never comes between the reader and the server.
  expect(await box.getAttribute("pattern")).toBeNull();
  await box.fill("۲");
  await reviewer.getByTestId("queue-filters").getByRole("button").click();
  await reviewer.waitForURL(/days=%DB%B2/);
  await expect(reviewer.getByTestId("field-error-days")).toHaveCount(0);
  await expect(reviewer.locator("#filter-days")).toHaveValue("۲");
  const persian = await reviewer.getByTestId("queue-count").textContent();
  // The same queue as for 2 in Latin digits, and for ٢ in Arabic-Indic ones: the filter was applied, not dropped.
  expect(await count(reviewer, "2")).toBe(persian);
  expect(await count(reviewer, "٢")).toBe(persian);

  // What is still no number is said under the box, in Persian, and the box keeps what was typed.
  await reviewer.goto(`/review?days=${encodeURIComponent("دو")}`);
  await expect(reviewer.getByTestId("field-error-days")).toHaveText(messages.fa.fieldErrors.invalid_number!);
  await expect(reviewer.locator("#filter-days")).toHaveAttribute("aria-invalid", "true");
  await expect(reviewer.locator("#filter-days")).toHaveValue("دو");
  await reviewer.context().close();
});

test("in the English interface a days value that is no number is told so in English", async ({ browser, baseURL }) => {
  const reviewer = await as(browser, "REVIEWER", baseURL!, "en");
  await reviewer.goto("/review?days=two");
  await expect(reviewer.getByTestId("field-error-days")).toHaveText(messages.en.fieldErrors.invalid_number!);
  await reviewer.goto("/review?days=-1");
  await expect(reviewer.getByTestId("field-error-days")).toHaveText(messages.en.fieldErrors.not_negative!);
  await reviewer.context().close();
});

test("the review form names the missing decision, and warns beside 'consent on file' when the witness has no consent in force", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const researcher = await as(browser, "RESEARCHER", baseURL!);
  const reviewer = await as(browser, "REVIEWER", baseURL!, "en");
  const bare = await submitted(researcher.request, `Consent check none ${Date.now()}`, []);
  const given = await submitted(researcher.request, `Consent check given ${Date.now()}`, [{ scope: "INTERNAL_RESEARCH", givenAt: "2024-01-01", method: "WRITTEN" }]);
  for (const id of [bare, given]) expect((await reviewer.request.post(`/api/v1/statements/${id}/take`)).status()).toBeLessThan(300);

  // With a consent in force, no note.
  await reviewer.goto(`/statements/${given}`);
  await expect(reviewer.getByTestId("review-form")).toBeVisible();
  await expect(reviewer.getByTestId("no-consent-note")).toHaveCount(0);

  await reviewer.goto(`/statements/${bare}`);
  const form = reviewer.getByTestId("review-form");
  await expect(form.getByTestId("no-consent-note")).toHaveText(messages.en.review.noConsentNote);
  await expect(form.getByTestId("check-consentOnFile")).toHaveAttribute("aria-describedby", /.+/);

  // No decision chosen: the radios' own message, not "Choose one of the offered values".
  await form.getByTestId("decide").click();
  await expect(reviewer.getByTestId("field-error-decision")).toHaveText(messages.en.fieldErrors.decision_required!);

  // A verification with every check ticked is refused on "consent on file", and nothing changes.
  await form.getByTestId("decision-VERIFIED").check();
  for (const box of await form.locator('input[type="checkbox"]').all()) await box.check();
  await form.getByTestId("reliability-B").check();
  await form.getByTestId("credibility-2").check();
  await form.getByTestId("decide").click();
  await expect(reviewer.getByTestId("field-error-checklist")).toContainText(messages.en.fieldErrors.no_consent_in_force!);
  await expect(reviewer.getByTestId("review-panel")).toHaveAttribute("data-status", "IN_REVIEW");
  await researcher.context().close();
  await reviewer.context().close();
});
