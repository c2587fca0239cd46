import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// The main forms with the keyboard alone: linking a passage (typed, since text that cannot be
// edited cannot be selected without a pointer) and a review decision sent incomplete, whose
// first wrong field gets the focus and is marked invalid.

const PASSAGE = "the guard read the names from a list";
const TEXT = `This text is fictional and written only to test the software. In the evening ${PASSAGE} and nobody answered. Later the guard read the names again.`;

async function json<T>(res: Awaited<ReturnType<APIRequestContext["get"]>>, status: number): Promise<T> {
  expect(res.status(), await res.text()).toBe(status);
  return (await res.json()) as T;
}

async function as(browser: Browser, role: "RESEARCHER" | "REVIEWER", baseURL: string, locale: "en" | "fa" = "en"): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const u = demoUser(role);
  await signInWith(page.request, u.email, u.password);
  await setLocale(page, baseURL, locale);
  return page;
}

async function statement(request: APIRequestContext, title: string): Promise<string> {
  const w = (await json<{ items: { id: string }[] }>(await request.get("/api/v1/witnesses"), 200)).items[0]!;
  return (await json<{ id: string }>(await request.post("/api/v1/statements", { data: { witnessId: w.id, title, language: "en", originalText: TEXT } }), 201)).id;
}

for (const locale of ["en", "fa"] as const)
  test(`a researcher links a passage with the keyboard alone, by typing its words (${locale})`, async ({ browser, baseURL }) => {
    const page = await as(browser, "RESEARCHER", baseURL!, locale);
    const id = await statement(page.request, `Fictional sample — keyboard linking ${locale} ${Date.now()}`);
    await page.goto(`/statements/${id}`);
    const links = page.getByTestId("links-section");
    const find = links.getByTestId("link-passage-find");
    await expect(find).toBeVisible();
    await expect(find).toHaveAccessibleName(/.+/);

    // Words found twice choose nothing; more words found once become the passage.
    await find.focus();
    await page.keyboard.type("the guard read the names");
    await expect(links.getByTestId("link-passage-find-status")).not.toBeEmpty();
    await expect(links.getByTestId("link-passage-quote")).toHaveCount(0);
    await page.keyboard.type(" from a list");
    await expect(links.getByTestId("link-passage-quote")).toHaveText(PASSAGE);
    await expect(links.getByTestId("link-passage-find-status")).toBeEmpty();

    // On to the person by Tab, chosen from the suggestions with the arrow keys.
    await page.keyboard.press("Tab");
    const person = links.getByTestId("link-person").getByRole("combobox");
    await expect(person).toBeFocused();
    await page.keyboard.type("Nayeri");
    await expect(links.getByTestId("link-person").getByRole("option").first()).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(person).toHaveValue(/Nayyeri|نیری/);
    await links.getByTestId("link-role").selectOption("PRESENT");
    await links.getByTestId("link-allegation").selectOption("PERSECUTION");
    await links.getByTestId("link-submit").focus();
    await page.keyboard.press("Enter");
    await expect(links.getByTestId("link-item").filter({ hasText: PASSAGE })).toBeVisible();
    // The form drawn again, the focus stays in the links' section, not back at the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="links-section"]') !== null)).toBe(true);
    const saved = await json<{ items: { startOffset: number; endOffset: number }[] }>(await page.request.get(`/api/v1/statements/${id}/links`), 200);
    expect(saved.items.map((l) => [l.startOffset, l.endOffset])).toEqual([[TEXT.indexOf(PASSAGE), TEXT.indexOf(PASSAGE) + PASSAGE.length]]);
    await page.context().close();
  });

test("with the keyboard, taking a statement from the queue and recording the decision keep the focus in its review, not back at the top of the page", async ({ browser, baseURL }) => {
  const researcher = await as(browser, "RESEARCHER", baseURL!);
  const title = `Fictional sample — keyboard take ${Date.now()}`;
  const id = await statement(researcher.request, title);
  await json(await researcher.request.post(`/api/v1/statements/${id}/submit`), 200);
  const reviewer = await as(browser, "REVIEWER", baseURL!);
  const inReview = () => reviewer.evaluate(() => document.activeElement !== document.body && document.activeElement?.closest("#review") !== null);

  await reviewer.goto("/review");
  await reviewer.getByTestId("take").and(reviewer.locator(`[aria-label*="${title}"]`)).focus();
  await reviewer.keyboard.press("Enter");
  await reviewer.waitForURL(`**/statements/${id}**`);
  await expect(reviewer.getByTestId("review-form")).toBeVisible();
  await expect.poll(inReview).toBe(true);

  const form = reviewer.getByTestId("review-form");
  await form.getByTestId("decision-CHANGES_REQUESTED").check();
  await form.getByTestId("comment-text").fill("Fictional: name the block.");
  await form.getByTestId("decide").focus();
  await reviewer.keyboard.press("Enter");
  await expect(reviewer.getByTestId("review-panel")).toHaveAttribute("data-status", "CHANGES_REQUESTED");
  await expect.poll(inReview).toBe(true);
  await researcher.context().close();
  await reviewer.context().close();
});

test("a review decision sent without a decision puts the focus on the decision, marked invalid and described by its error", async ({ browser, baseURL }) => {
  const researcher = await as(browser, "RESEARCHER", baseURL!);
  const id = await statement(researcher.request, `Fictional sample — keyboard review ${Date.now()}`);
  await json(await researcher.request.post(`/api/v1/statements/${id}/submit`), 200);
  const reviewer = await as(browser, "REVIEWER", baseURL!);
  await json(await reviewer.request.post(`/api/v1/statements/${id}/take`), 200);

  await reviewer.goto(`/statements/${id}`);
  const form = reviewer.getByTestId("review-form");
  await form.getByRole("button", { name: /record the decision/i }).focus();
  await reviewer.keyboard.press("Enter");
  await expect(form.getByTestId("field-error-decision")).toBeVisible();
  // The decision comes first in the form, so the focus goes there, not to a later field.
  const first = form.getByTestId("decision-VERIFIED");
  await expect(first).toBeFocused();
  await expect(first).toHaveAttribute("aria-invalid", "true");
  const error = (await form.getByTestId("field-error-decision").innerText()).trim();
  const fieldset = form.locator("fieldset", { has: reviewer.getByTestId("decision-VERIFIED") });
  await expect(fieldset).toHaveAccessibleDescription(new RegExp(error.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  await researcher.context().close();
  await reviewer.context().close();
});

for (const locale of ["en", "fa"] as const)
  test(`tabbing through the header and a form, every focused control shows its whole focus ring (${locale})`, async ({ browser, baseURL }) => {
    const page = await as(browser, "RESEARCHER", baseURL!, locale);
    for (const path of ["/statements/new", "/witnesses"]) {
      await page.goto(path);
      await page.locator("body").focus();
      const clipped: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("Tab");
        const problem = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const name = `${el.tagName.toLowerCase()} «${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}»`;
          const cs = getComputedStyle(el);
          if (cs.outlineStyle === "none" || parseFloat(cs.outlineWidth) === 0) return `${name}: no focus ring`;
          // A ring drawn outside the box must not be cut off by a container that clips.
          const grow = Math.max(0, parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth));
          const r = el.getBoundingClientRect();
          for (let p = el.parentElement; p; p = p.parentElement) {
            const o = getComputedStyle(p);
            if (o.overflowX === "visible" && o.overflowY === "visible") continue;
            if (p === document.body || p === document.documentElement) continue;
            const c = p.getBoundingClientRect();
            if (r.left - grow < c.left - 0.5 || r.right + grow > c.right + 0.5 || r.top - grow < c.top - 0.5 || r.bottom + grow > c.bottom + 0.5) return `${name}: its focus ring is clipped by ${p.tagName.toLowerCase()}.${p.className}`;
          }
          return null;
        });
        if (problem) clipped.push(`${path}: ${problem}`);
      }
      expect(clipped).toEqual([]);
    }
    await page.context().close();
  });
