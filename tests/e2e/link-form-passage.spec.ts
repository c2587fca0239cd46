import type { Page } from "@playwright/test";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// The link form's passage box in the Persian interface: words typed with the Persian keyboard
// find a passage written with the Arabic keyboard's ي and ك (and the passage kept is the text's
// own), an error from an empty save goes once a passage is picked, and the same link saved a
// second time is refused. Fictional testimony.

// Written with the Arabic ي and ك, as text pasted from an Arabic-keyboard document often is.
const WRITTEN = "نيري حكم اعدام را خواند";
const TYPED = "نیری حکم اعدام را خواند";
const TEXT = `این متن ساختگی است و فقط برای آزمون نرم‌افزار نوشته شده است.\n\nدر مرداد ۱۳۶۷ ما را به راهرو بردند. ${WRITTEN} و كسي چيزي نگفت.`;

async function persianStatement(page: Page, title: string): Promise<string> {
  const witnesses = await page.request.get("/api/v1/witnesses");
  expect(witnesses.ok()).toBe(true);
  const w = ((await witnesses.json()) as { items: { id: string }[] }).items[0]!;
  const res = await page.request.post("/api/v1/statements", { data: { witnessId: w.id, title, language: "fa", originalText: TEXT } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Types the passage's words in the form's box, as a keyboard-only reader picks a passage. */
async function typePassage(page: Page, words: string) {
  const links = page.getByTestId("links-section");
  await links.getByTestId("link-passage-find").fill(words);
  await expect(links.getByTestId("link-passage-quote")).toHaveText(WRITTEN);
}

// A fictional official of this test's own: the demo's officials are counted by other tests.
const OFFICIAL = { name: `Fictional Qorbanzadeh ${Date.now()}`, nameFa: "قربان‌زادهٔ ساختگی" };

/** This test's official, found by a Latin spelling; SAT_ON_COMMISSION; KILLING. */
async function fillFacts(page: Page) {
  const links = page.getByTestId("links-section");
  const person = links.getByTestId("link-person").getByRole("combobox");
  await person.fill(OFFICIAL.name);
  await expect(links.getByTestId("link-person").getByRole("option").first()).toBeVisible();
  await person.press("ArrowDown");
  await person.press("Enter");
  await expect(person).toHaveValue(/قربان‌زاده/);
  await links.getByTestId("link-role").selectOption("SAT_ON_COMMISSION");
  await links.getByTestId("link-allegation").selectOption("KILLING");
}

test("a passage typed with the Persian ی and ک is found in a text written with the Arabic ي and ك, an empty save's error goes once it is picked, and the same link cannot be saved twice", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);
  await setLocale(page, baseURL!, "fa");
  const statementId = await persianStatement(page, "نمونهٔ ساختگی — آزمون واژه‌های نوشته‌شده");
  const made = await page.request.post("/api/v1/persons", { data: OFFICIAL });
  expect(made.status(), await made.text()).toBe(201);
  await page.goto(`/statements/${statementId}`);
  const links = page.getByTestId("links-section");

  // Saved empty: refused, and the passage box says a passage is needed.
  await links.getByTestId("link-submit").click();
  await expect(links.getByTestId("form-error")).toBeVisible();
  await expect(links.getByTestId("field-error-passage")).toHaveText("نخست بخشی از متن را انتخاب کنید.");

  // Typed with the Persian keyboard: found, and the passage is the text's own letters.
  await typePassage(page, TYPED);
  await expect(links.getByTestId("link-passage-find-status")).toHaveText("");
  // Picked: the old error no longer stands under it.
  await expect(links.getByTestId("field-error-passage")).toHaveCount(0);

  // Typed with the Arabic letters in a text with both: still one passage, the text's own.
  await links.getByTestId("link-passage-find").fill("كسي چيزي");
  await expect(links.getByTestId("link-passage-quote")).toHaveText("كسي چيزي");

  await typePassage(page, TYPED);
  await fillFacts(page);
  // The event box's example finds events (they are found by their titles).
  const event = links.getByTestId("link-event").getByRole("combobox");
  await event.fill("هیئت");
  await expect(links.getByTestId("link-event").getByRole("option").first()).toBeVisible();
  await event.fill("");
  await links.getByTestId("link-submit").click();
  await expect(links.getByTestId("form-ok")).toBeVisible();
  const item = links.getByTestId("link-item").filter({ hasText: WRITTEN });
  await expect(item).toHaveCount(1);
  await expect(page.getByTestId("statement-text").locator("mark")).toHaveText(WRITTEN);

  // The same link again: refused in Persian under the passage, nothing added.
  await typePassage(page, TYPED);
  await fillFacts(page);
  await links.getByTestId("link-submit").click();
  await expect(links.getByTestId("form-error")).toBeVisible();
  await expect(links.getByTestId("field-error-passage")).toContainText("پیش‌تر");
  await expect(links.getByTestId("link-passage-quote")).toHaveText(WRITTEN);
  await page.reload();
  await expect(page.getByTestId("links-section").getByTestId("link-item").filter({ hasText: WRITTEN })).toHaveCount(1);
  const saved = (await (await page.request.get(`/api/v1/statements/${statementId}/links`)).json()) as { items: { quote: string; startOffset: number; endOffset: number }[] };
  expect(saved.items).toHaveLength(1);
  expect(TEXT.slice(saved.items[0]!.startOffset, saved.items[0]!.endOffset)).toBe(WRITTEN);
});
