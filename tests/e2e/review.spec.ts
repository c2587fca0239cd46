import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

type Decision = "VERIFIED" | "CHANGES_REQUESTED" | "DISPUTED" | "REJECTED";
type Messages = {
  review: { quoteSelection: string; needs: Record<Decision | "none", string>; requiredMark: string; optionalMark: string; chooseGrade: string };
  fieldErrors: Record<string, string>;
};
const messages = Object.fromEntries((["en", "fa"] as const).map((l) => [l, JSON.parse(readFileSync(join(process.cwd(), `messages/${l}.json`), "utf8")) as Messages])) as Record<"en" | "fa", Messages>;

// Review and source auditing in the browser: a researcher submits, a reviewer takes the statement
// from the queue and verifies it with the checklist, grading and a quoted comment, the author is
// told; the four-eyes rule keeps an author from reviewing their own statement; the claims chart
// draws one mark per claim in the Persian interface; and an audit export taken by the reviewer
// verifies with the standalone script.

const shots = process.env.CASEFILE_SCREENSHOTS;
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

async function as(browser: Browser, role: Role, baseURL: string, locale: "en" | "fa" = "en"): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const u = demoUser(role);
  await signInWith(page.request, u.email, u.password);
  await setLocale(page, baseURL, locale);
  return page;
}

async function newStatement(request: APIRequestContext, title: string, text: string): Promise<string> {
  // Testimony is taken under the witness's consent: a verification checks one is on file.
  const w = await request.post("/api/v1/witnesses", { data: { consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2024-01-01", method: "WRITTEN" }] } });
  expect(w.status(), await w.text()).toBe(201);
  const witness = (await w.json()) as { id: string };
  const s = await request.post("/api/v1/statements", { data: { witnessId: witness.id, title, language: "en", originalText: text } });
  expect(s.status(), await s.text()).toBe(201);
  return ((await s.json()) as { id: string }).id;
}

// No place or person names: other specs search the shared database for them.
const TEXT = "In late July 1988 the visits stopped. A guard said the commission had arrived in the morning. Nobody came back from the hearings.";

test("a researcher submits, a reviewer takes it from the queue and verifies it with checklist and grading, and the author sees it verified and is notified", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const researcher = await as(browser, "RESEARCHER", baseURL!);
  // The reviewer works in the Persian interface, the author in English.
  const reviewer = await as(browser, "REVIEWER", baseURL!, "fa");
  const title = `Review flow ${Date.now()}`;
  const id = await newStatement(researcher.request, title, TEXT);

  // The author submits it from the statement page.
  await researcher.goto(`/statements/${id}`);
  const panel = researcher.getByTestId("review-panel");
  await expect(panel).toHaveAttribute("data-status", "DRAFT");
  await panel.getByTestId("submit-for-review").click();
  await expect(panel).toHaveAttribute("data-status", "SUBMITTED");
  await expect(panel.getByTestId("four-eyes-note")).toBeVisible();

  // The reviewer finds it in the queue, with its witness code, author and waiting time, and takes it.
  await reviewer.goto("/review?state=SUBMITTED");
  const row = reviewer.locator(`[data-testid="queue-row"][data-statement-id="${id}"]`);
  await expect(row).toContainText("Demo Researcher");
  await expect(row).toContainText(/W-\d{4}/);
  await expect(row.getByTestId("waiting")).toContainText("کمتر از یک روز");
  await expect(reviewer.locator("html")).toHaveAttribute("dir", "rtl");
  await shot(reviewer, "queue-fa");
  await row.getByTestId("take").click();
  await reviewer.waitForURL(`**/statements/${id}**`);
  const form = reviewer.getByTestId("review-form");
  await expect(form).toBeVisible();

  // A verification without the whole checklist and without grading is refused, field by field.
  await form.getByTestId("decision-VERIFIED").check();
  await form.getByTestId("decide").click();
  await expect(reviewer.getByTestId("field-error-checklist")).toBeVisible();
  await expect(reviewer.getByTestId("field-error-sourceReliability")).toBeVisible();
  await expect(reviewer.getByTestId("field-error-credibility")).toBeVisible();
  await expect(reviewer.getByTestId("review-panel")).toHaveAttribute("data-status", "IN_REVIEW");

  // The whole checklist, grading B2, and a comment quoting a passage selected in the text.
  for (const box of await form.locator('input[type="checkbox"]').all()) await box.check();
  await form.getByTestId("reliability-B").check();
  await form.getByTestId("credibility-2").check();
  const passage = "the commission had arrived in the morning";
  await reviewer.getByTestId("statement-text").evaluate((el, words) => {
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(words))!;
    const at = node.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, passage);
  await expect(form.getByTestId("quote-selection")).toBeEnabled();
  await form.getByTestId("quote-selection").click();
  await expect(form.getByTestId("comment-quote")).toHaveText(passage);
  await form.getByTestId("comment-text").fill("Matches the prison's own transfer lists.");
  // A second comment found by typing its words (the keyboard path).
  await form.getByTestId("add-comment").click();
  await form.getByTestId("quote-find").nth(1).fill("Nobody came back");
  await expect(form.getByTestId("comment-quote").nth(1)).toHaveText("Nobody came back");
  await form.getByTestId("comment-text").nth(1).fill("Corroborated by two other statements.");
  await shot(reviewer, "review-form-fa");
  await form.getByTestId("decide").click();

  const reviewed = reviewer.getByTestId("review-panel");
  await expect(reviewed).toHaveAttribute("data-status", "VERIFIED");
  const item = reviewed.getByTestId("review-item").first();
  await expect(item).toHaveAttribute("data-decision", "VERIFIED");
  await expect(item.getByTestId("review-grade")).toHaveAttribute("data-grade", "B2");
  await expect(item.getByTestId("review-quote").first()).toHaveText(passage);
  await expect(reviewed.getByTestId("review-revision").first()).toHaveAttribute("data-revision", "1");

  // The statement's history lists the workflow's events with their changes.
  const history = reviewed.getByTestId("record-history");
  await history.locator("summary").click();
  await expect(history.getByTestId("history-event")).toHaveCount(4);
  await expect(history.locator('[data-action="review.decide"] [data-field="status"]')).toContainText("تأییدشده");
  await expect(history.locator('[data-action="review.take"] [data-field="assigneeId"]')).toContainText("Demo Reviewer");
  await shot(reviewer, "history-fa");

  // The author sees it verified, and a notice of the decision.
  await researcher.goto(`/statements/${id}`);
  await expect(researcher.getByTestId("review-panel")).toHaveAttribute("data-status", "VERIFIED");
  await researcher.getByTestId("review-panel").getByTestId("record-history").locator("summary").click();
  await shot(researcher, "history-en");
  const bell = researcher.getByTestId("notification-bell");
  expect(Number(await bell.getAttribute("data-count"))).toBeGreaterThan(0);
  // On a phone the bell is inside the folded menu: the count shows on the menu's button.
  const wide = researcher.viewportSize()!;
  await researcher.setViewportSize({ width: 390, height: 800 });
  await expect(researcher.getByTestId("nav-unread")).toBeVisible();
  await expect(researcher.getByTestId("nav-unread")).toHaveText((await bell.getAttribute("data-count"))!);
  await researcher.setViewportSize(wide);
  await expect(researcher.getByTestId("nav-unread")).toBeHidden();
  await bell.click();
  const notice = researcher.getByTestId("notification").filter({ hasText: title });
  await expect(notice).toHaveAttribute("data-kind", "DECIDED");
  await expect(notice).toHaveAttribute("data-unread", "true");
  await expect(notice).toContainText("Verified");
  await shot(researcher, "notifications-en");
  await researcher.getByTestId("mark-all-read").click();
  await expect(researcher.getByTestId("notification-bell")).toHaveAttribute("data-count", "0");
  await expect(notice).toHaveAttribute("data-unread", "false");

  // An edit makes a new revision that goes back to review; the verification stays with revision 1.
  const edited = await researcher.request.put(`/api/v1/statements/${id}`, {
    data: { title, language: "en", originalText: `${TEXT} The guard was transferred in September.`, reason: "added the guard's transfer", baseRevision: 1 },
  });
  expect(edited.status(), await edited.text()).toBe(200);
  await researcher.goto(`/statements/${id}`);
  const after = researcher.getByTestId("review-panel");
  await expect(after).toHaveAttribute("data-status", "SUBMITTED");
  await expect(after.getByTestId("earlier-verification")).toBeVisible();
  await expect(after.getByTestId("review-revision")).toHaveAttribute("data-revision", "1");
  await expect(after.getByTestId("review-item")).toHaveAttribute("data-decision", "VERIFIED");
  await researcher.context().close();
  await reviewer.context().close();
});

test("nobody reviews their own statement: an admin's own submission has no Take button, and taking it is refused", async ({ browser, baseURL }) => {
  const admin = await as(browser, "ADMIN", baseURL!);
  const id = await newStatement(admin.request, `Admin's own ${Date.now()}`, TEXT);
  const submitted = await admin.request.post(`/api/v1/statements/${id}/submit`);
  expect(submitted.status()).toBe(200);

  await admin.goto("/");
  await expect(admin.getByTestId("count-submitted")).toBeVisible();
  await expect(admin.getByTestId("count-mine")).toBeVisible();
  await shot(admin, "dashboard-en");
  await admin.goto("/review?state=SUBMITTED");
  const row = admin.locator(`[data-testid="queue-row"][data-statement-id="${id}"]`);
  await expect(row).toBeVisible();
  await shot(admin, "queue-en");
  await expect(row.getByTestId("take")).toHaveCount(0);
  // The assign control offers only eligible reviewers: never the author.
  await expect(row.getByTestId("assign-reviewer").locator("option", { hasText: "Demo Admin" })).toHaveCount(0);
  await expect(row.getByTestId("assign-reviewer").locator("option", { hasText: "Demo Reviewer" })).toHaveCount(1);

  await admin.goto(`/statements/${id}`);
  await expect(admin.getByTestId("review-panel").getByTestId("take")).toHaveCount(0);
  await expect(admin.getByTestId("four-eyes-note")).toBeVisible();

  const taken = await admin.request.post(`/api/v1/statements/${id}/take`);
  expect(taken.status()).toBe(403);
  await admin.context().close();
});

test("the claims chart draws one mark per claim in the Persian interface", async ({ browser, baseURL }) => {
  const page = await as(browser, "LEGAL", baseURL!, "fa");
  const api = await page.request.get("/api/v1/claims?topic=death-toll-1988");
  expect(api.status()).toBe(200);
  const { items } = (await api.json()) as { items: { id: string; low: number | null; high: number | null }[] };
  expect(items.length).toBeGreaterThan(5);

  await page.goto("/claims/death-toll-1988");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const chart = page.getByTestId("claims-chart");
  await expect(chart).toBeVisible();
  await expect(chart.getByTestId("claim-mark")).toHaveCount(items.length);
  for (const c of items) await expect(chart.locator(`[data-testid="claim-mark"][data-claim-id="${c.id}"]`)).toHaveCount(1);
  // An open-ended claim ("at least 2,100") is an arrow, not a bar.
  expect(await chart.locator('[data-kind="at-least"]').count()).toBe(items.filter((c) => c.low !== null && c.high === null).length);
  // Tick labels in Persian digits.
  const ticks = await chart.getByTestId("chart-tick").allTextContents();
  expect(ticks.join(" ")).toMatch(/[۰-۹]/);
  expect(ticks.join(" ")).not.toMatch(/[0-9]/);
  await expect(page.getByTestId("claim-row")).toHaveCount(items.length);
  await shot(page, "claims-fa");
  await page.context().close();
});

test("the reviewer exports the audit log and the standalone verifier accepts it", async ({ browser, baseURL }) => {
  const reviewer = await as(browser, "REVIEWER", baseURL!);
  await reviewer.goto("/audit");
  await expect(reviewer.getByTestId("audit-export-link")).toHaveAttribute("href", "/api/v1/audit/export");
  const res = await reviewer.request.get("/api/v1/audit/export");
  expect(res.status()).toBe(200);
  const body = await res.text();
  expect(body.split("\n").filter(Boolean).length).toBeGreaterThan(10);
  const file = join(mkdtempSync(join(tmpdir(), "casefile-export-")), "audit.jsonl");
  writeFileSync(file, body);
  // execFileSync throws on a non-zero exit code.
  const out = execFileSync(process.execPath, ["lib/audit/verify-export.mjs", file], { encoding: "utf8" });
  expect(out).toMatch(/ok/i);

  // A tampered copy is refused.
  const lines = body.split("\n");
  lines[1] = lines[1]!.replace(/"actorLabel":"[^"]*"/, '"actorLabel":"someone-else"');
  writeFileSync(file, lines.join("\n"));
  expect(() => execFileSync(process.execPath, ["lib/audit/verify-export.mjs", file], { stdio: "pipe" })).toThrow();
  await reviewer.context().close();
});

test("a reviewer grades a source with reasons, and the claims from it carry the grade in the chart", async ({ browser, baseURL }) => {
  const reviewer = await as(browser, "REVIEWER", baseURL!);
  await reviewer.goto("/sources?q=Blood-soaked");
  await reviewer.getByTestId("source-row").first().getByRole("link").click();
  await expect(reviewer.getByTestId("source-title")).toContainText("Blood-soaked secrets");
  const form = reviewer.getByTestId("grade-form");
  await form.getByTestId("reliability-B").check();
  await form.getByTestId("credibility-2").check();
  await form.getByTestId("grade-submit").click();
  // Reasons are required; the choice made is kept.
  await expect(reviewer.getByTestId("field-error-reason")).toBeVisible();
  await expect(reviewer.getByTestId("grade-form").getByTestId("reliability-B")).toBeChecked();
  await reviewer.getByTestId("grade-reason").fill("Established NGO; names of victims cross-checked with families.");
  await reviewer.getByTestId("grade-form").getByTestId("grade-submit").click();
  await expect(reviewer.getByTestId("source-grade")).toHaveAttribute("data-grade", "B2");
  await expect(reviewer.getByTestId("grading-reason")).toContainText("Established NGO");
  await reviewer.getByTestId("record-history").locator("summary").click();
  await expect(reviewer.getByTestId("history-event").last()).toHaveAttribute("data-action", "source.grade");
  await shot(reviewer, "source-en");

  await reviewer.goto("/claims/death-toll-1988");
  const graded = reviewer.locator('[data-testid="claim-mark"][data-grade="B2"]');
  await expect(graded).toHaveCount(1);
  await expect(reviewer.getByTestId("claim-row").filter({ hasText: "Blood-soaked" }).getByTestId("claim-grade")).toHaveAttribute("data-grade", "B2");
  await shot(reviewer, "claims-en");
  await reviewer.goto("/sources");
  await shot(reviewer, "sources-en");
  await reviewer.context().close();
});

test.describe("the review form without JavaScript", () => {
  test("a reviewer asks for changes with a comment typed in the box, and the comment is kept after a refusal", async ({ browser, baseURL }) => {
    const researcher = await as(browser, "RESEARCHER", baseURL!);
    const id = await newStatement(researcher.request, `Review without scripts ${Date.now()}`, TEXT);
    expect((await researcher.request.post(`/api/v1/statements/${id}/submit`)).status()).toBe(200);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const reviewer = await context.newPage();
    const u = demoUser("REVIEWER");
    await signInWith(reviewer.request, u.email, u.password);
    const take = await reviewer.request.post(`/api/v1/statements/${id}/take`);
    expect(take.status(), await take.text()).toBe(200);

    await reviewer.goto(`/statements/${id}`);
    const form = reviewer.getByTestId("review-form");
    // Controls that only work with scripts are not offered; the one comment box is.
    await expect(form.getByTestId("comment-text")).toHaveCount(1);
    await expect(form.getByTestId("add-comment")).toHaveCount(0);
    await expect(form.getByTestId("quote-selection")).toHaveCount(0);
    // Nor does the hint send the reader to the button that is not there, in either language.
    for (const locale of ["en", "fa"] as const) {
      await setLocale(reviewer, baseURL!, locale);
      await reviewer.goto(`/statements/${id}`);
      const hint = reviewer.getByTestId("review-form").locator("fieldset", { has: reviewer.getByTestId("comment-text") }).locator(".hint").first();
      await expect(hint).toBeVisible();
      expect((await hint.innerText()).trim().length).toBeGreaterThan(20);
      await expect(hint).not.toContainText(messages[locale].review.quoteSelection);
    }
    await setLocale(reviewer, baseURL!, "en");
    await reviewer.goto(`/statements/${id}`);
    // With scripts the same form offers the button, and its hint names it.
    const scripted = await browser.newContext();
    const withScripts = await scripted.newPage();
    await signInWith(withScripts.request, u.email, u.password);
    await withScripts.goto(`/statements/${id}`);
    await expect(withScripts.getByTestId("quote-selection").first()).toBeVisible();
    await expect(withScripts.getByTestId("review-form").locator("fieldset", { has: withScripts.getByTestId("comment-text") }).locator(".hint").first()).toContainText(messages.en.review.quoteSelection);
    await scripted.close();

    // Without scripts the form states the whole rule: what a verification needs, what the others do.
    await expect(form.getByTestId("decision-needs")).toHaveText(messages.en.review.needs.none);
    // and both scales offer "Not graded", chosen: the server's answer says what a verification lacks.
    await form.getByTestId("decision-VERIFIED").check();
    await expect(form.getByTestId("reliability-none")).toBeChecked();
    await expect(form.getByTestId("credibility-none")).toBeChecked();
    // Half a grade: the decision is refused naming the missing scale, and the comment typed is still there.
    const comment = "Dates disagree with the prison register; please ask the witness again.";
    await form.getByTestId("decision-CHANGES_REQUESTED").check();
    await form.getByTestId("reliability-C").check();
    await form.getByTestId("comment-text").fill(comment);
    await form.getByTestId("decide").click();
    await expect(reviewer.getByTestId("field-error-credibility")).toHaveText(messages.en.fieldErrors.credibility_required_pair);
    await expect(reviewer.getByTestId("field-error-sourceReliability")).toHaveCount(0);
    await expect(reviewer.getByTestId("review-panel")).toHaveAttribute("data-status", "IN_REVIEW");
    await expect(reviewer.getByTestId("comment-text")).toHaveValue(comment);
    await expect(reviewer.getByTestId("reliability-C")).toBeChecked();

    // "Not graded" takes the half grade back without scripts; changes are requested ungraded.
    await reviewer.getByTestId("reliability-none").check();
    await reviewer.getByTestId("decide").click();
    const panel = reviewer.getByTestId("review-panel");
    await expect(panel).toHaveAttribute("data-status", "CHANGES_REQUESTED");
    const item = panel.getByTestId("review-item").first();
    await expect(item).toHaveAttribute("data-decision", "CHANGES_REQUESTED");
    await expect(item.getByTestId("review-comment")).toHaveText(comment);
    await expect(item.getByTestId("review-grade")).toHaveAttribute("data-grade", "");
    await context.close();
  });
});

for (const locale of ["en", "fa"] as const) {
  test(`the review form says what each decision needs before it is sent; a verification without grades is refused naming each scale, with focus on it; changes are requested ungraded (${locale})`, async ({ browser, baseURL }) => {
    const m = messages[locale];
    const researcher = await as(browser, "RESEARCHER", baseURL!);
    const id = await newStatement(researcher.request, `Review requirements ${locale} ${Date.now()}`, TEXT);
    expect((await researcher.request.post(`/api/v1/statements/${id}/submit`)).status()).toBe(200);
    const reviewer = await as(browser, "REVIEWER", baseURL!, locale);
    expect((await reviewer.request.post(`/api/v1/statements/${id}/take`)).status()).toBe(200);
    await reviewer.goto(`/statements/${id}`);
    const form = reviewer.getByTestId("review-form");
    const needs = form.getByTestId("decision-needs");
    const reliability = form.getByTestId("reliability-group");
    const credibility = form.getByTestId("credibility-group");
    const comments = form.locator("fieldset", { has: reviewer.getByTestId("comment-text") });

    // Before a decision is chosen: the whole rule, and no field marked either way.
    await expect(needs).toHaveText(m.review.needs.none);
    await expect(form.getByTestId("mark-required")).toHaveCount(0);

    // Chosen from the keyboard: the grading becomes required for a verification, and the hint says so.
    await form.getByTestId("decision-VERIFIED").focus();
    await reviewer.keyboard.press("Space");
    await expect(needs).toHaveText(m.review.needs.VERIFIED);
    await expect(reliability.locator("legend")).toContainText(m.review.requiredMark);
    await expect(credibility.locator("legend")).toContainText(m.review.requiredMark);
    await expect(comments.locator("legend")).toContainText(m.review.optionalMark);
    await expect(form.getByTestId("reliability-A")).toHaveAttribute("required", "");
    // A required scale does not sit on "Not graded": that option gives way to a prompt, and no grade is chosen.
    for (const [axis, group] of [["reliability", reliability], ["credibility", credibility]] as const) {
      await expect(form.getByTestId(`${axis}-none`)).toHaveCount(0);
      await expect(form.getByTestId(`${axis}-choose`)).toHaveText(m.review.chooseGrade);
      await expect(group.locator("input:checked")).toHaveCount(0);
    }
    // The next decision (arrow key): grading optional, a comment required.
    await reviewer.keyboard.press("ArrowDown");
    await expect(form.getByTestId("decision-CHANGES_REQUESTED")).toBeChecked();
    await expect(needs).toHaveText(m.review.needs.CHANGES_REQUESTED);
    await expect(reliability.locator("legend")).toContainText(m.review.optionalMark);
    await expect(comments.locator("legend")).toContainText(m.review.requiredMark);
    await expect(form.getByTestId("reliability-A")).not.toHaveAttribute("required", "");
    // Optional again: "Not graded" is back, and chosen, since no grade was picked.
    for (const axis of ["reliability", "credibility"] as const) {
      await expect(form.getByTestId(`${axis}-none`)).toBeChecked();
      await expect(form.getByTestId(`${axis}-choose`)).toHaveCount(0);
    }
    // A grade picked while verifying survives a change of decision either way; the prompt leaves the graded scale only.
    await form.getByTestId("decision-VERIFIED").check();
    await form.getByTestId("reliability-B").check();
    await expect(form.getByTestId("reliability-choose")).toHaveCount(0);
    await expect(form.getByTestId("credibility-choose")).toHaveText(m.review.chooseGrade);
    await form.getByTestId("decision-DISPUTED").check();
    await expect(form.getByTestId("reliability-B")).toBeChecked();
    await expect(form.getByTestId("reliability-none")).not.toBeChecked();
    await expect(form.getByTestId("credibility-none")).toBeChecked();
    await form.getByTestId("decision-VERIFIED").check();
    await expect(form.getByTestId("reliability-B")).toBeChecked();
    await form.getByTestId("decision-CHANGES_REQUESTED").check();
    await form.getByTestId("reliability-none").check();

    for (const width of [1280, 390]) {
      await reviewer.setViewportSize({ width, height: 900 });
      await shot(reviewer, `review-needs-${locale}-${width}`);
    }
    await reviewer.setViewportSize({ width: 1280, height: 900 });

    // A verification with every check but no grade: refused, each scale named in the reader's
    // language, focus on the first one; nothing recorded.
    await form.getByTestId("decision-VERIFIED").check();
    for (const box of await form.locator('input[type="checkbox"]').all()) await box.check();
    await form.getByTestId("decide").click();
    await expect(reviewer.getByTestId("field-error-sourceReliability")).toHaveText(m.fieldErrors.reliability_required_verify);
    await expect(reviewer.getByTestId("field-error-credibility")).toHaveText(m.fieldErrors.credibility_required_verify);
    await expect(reviewer.getByTestId("field-error-checklist")).toHaveCount(0);
    expect(await reviewer.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("sourceReliability");
    await expect(reviewer.getByTestId("review-panel")).toHaveAttribute("data-status", "IN_REVIEW");
    await expect(reviewer.getByTestId("review-item")).toHaveCount(0);
    for (const width of [1280, 390]) {
      await reviewer.setViewportSize({ width, height: 900 });
      await shot(reviewer, `review-refused-${locale}-${width}`);
    }
    await reviewer.setViewportSize({ width: 1280, height: 900 });

    // Changes requested with a comment and no grade: recorded, ungraded.
    await reviewer.getByTestId("decision-CHANGES_REQUESTED").check();
    await reviewer.getByTestId("comment-text").fill(locale === "fa" ? "تاریخ ملاقات‌ها را از شاهد دوباره بپرسید." : "Please ask the witness again about the date.");
    await reviewer.getByTestId("decide").click();
    const panel = reviewer.getByTestId("review-panel");
    await expect(panel).toHaveAttribute("data-status", "CHANGES_REQUESTED");
    await expect(panel.getByTestId("review-item").first().getByTestId("review-grade")).toHaveAttribute("data-grade", "");
    await researcher.context().close();
    await reviewer.context().close();
  });
}
