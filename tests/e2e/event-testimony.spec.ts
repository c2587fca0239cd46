import type { Page } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// The event page shows the testimony citing the event, on the demo seed: the fictional samples
// link the public record's "Tehran commission questions MEK prisoners" (the death commission's
// sessions) from two witnesses who consent to legal sharing, and Khomeini's order from one who
// does not. Screenshots are kept in data/test-results for a person to look at.

const COMMISSION = "Tehran commission questions MEK prisoners";
const ORDER = "Khomeini's secret order to execute steadfast prisoners";

async function eventId(page: Page, title: string): Promise<string> {
  const res = await page.request.get("/api/v1/events?q=" + encodeURIComponent(title));
  expect(res.status()).toBe(200);
  const e = ((await res.json()) as { items: { id: string; title: string }[] }).items.find((x) => x.title === title);
  expect(e, title).toBeTruthy();
  return e!.id;
}

test("the death commission's event page lists the quotes citing it, with statement, witness code, role and allegation, person and corroboration, in English and Persian", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "en");
  const id = await eventId(page, COMMISSION);
  await page.goto(`/events/${id}`);
  const section = page.getByTestId("event-testimony");
  await expect(section.getByRole("heading", { name: "Testimony about this event" })).toBeVisible();
  const items = section.getByTestId("testimony-item");
  await expect(items).toHaveCount(2);
  const quotes = section.getByTestId("allegation-quote");
  await expect(quotes).toHaveCount(3);
  const nouri = quotes.filter({ hasText: "کسی که اسم‌ها را در راهروی گوهردشت می‌خواند حمید عباسی بود" });
  await expect(nouri).toHaveCount(1);
  await expect(nouri.getByTestId("quote-allegation")).toHaveText("Named by others · Killing");
  await expect(nouri.locator(".code")).toHaveText(/\S/);
  await expect(nouri.locator("strong")).toContainText("Nouri");
  // Each statement links to itself, each quote to its revision.
  const first = items.filter({ has: page.getByText("در آن هیئت نیری حکم می‌داد") });
  await expect(first.getByTestId("testimony-statement-link")).toHaveAttribute("href", /^\/statements\/[^/]+$/);
  await expect(first.getByTestId("quote-revision-link").first()).toHaveAttribute("href", /^\/statements\/[^/]+\/revisions\/1$/);
  // Per person named, the independent witnesses: Nayyeri named by two witnesses (one statement each; the demo verified
  // one of them), Nouri by one.
  const rows = section.getByTestId("event-person-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Nayyeri");
  await expect(rows.first().getByTestId("event-person-counts")).toHaveAttribute("data-verified", "1");
  await expect(rows.first().getByTestId("event-person-counts")).toHaveAttribute("data-unverified", "1");
  await expect(rows.first().getByRole("link")).toHaveAttribute("href", /^\/persons\//);
  await section.screenshot({ path: "data/test-results/event-testimony-en.png" });

  await setLocale(page, baseURL!, "fa");
  await page.goto(`/events/${id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(section.getByRole("heading", { name: "شهادت‌ها دربارهٔ این رویداد" })).toBeVisible();
  await expect(quotes).toHaveCount(3);
  await expect(nouri.getByTestId("quote-allegation")).not.toContainText(/[A-Za-z]/);
  await expect(section.getByTestId("event-person-row").first().getByTestId("event-person-counts")).not.toContainText(/[A-Za-z0-9]/);
  await section.screenshot({ path: "data/test-results/event-testimony-fa.png" });
});

test("a legal team does not see, on an event page, testimony whose witness has not consented to legal sharing", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "en");
  const order = await eventId(page, ORDER);
  await page.goto(`/events/${order}`);
  await expect(page.getByTestId("event-testimony").getByTestId("allegation-quote")).toContainText("it was the Imam's order");

  await page.context().clearCookies();
  await signInAs(page, "LEGAL");
  await setLocale(page, baseURL!, "en");
  await page.goto(`/events/${order}`);
  const section = page.getByTestId("event-testimony");
  await expect(section.getByTestId("event-testimony-empty")).toBeVisible();
  await expect(section).not.toContainText("Imam's order");
  await expect(section.getByTestId("allegation-quote")).toHaveCount(0);
  // The commission's testimony comes from witnesses who consent: the legal team sees it.
  await page.goto(`/events/${await eventId(page, COMMISSION)}`);
  await expect(section.getByTestId("allegation-quote")).toHaveCount(3);
});

test("a statement citing the event in many passages shows its first five quotes and opens the rest a page at a time, by keyboard, in English and Persian", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  const ok = async <T>(res: Awaited<ReturnType<typeof page.request.get>>, status: number) => {
    expect(res.status(), await res.text()).toBe(status);
    return (await res.json()) as T;
  };
  const passages = Array.from({ length: 57 }, (_, i) => `Passage ${String(i + 1).padStart(2, "0")} is fictional.`);
  const text = `This text is fictional and written only to test the software. ${passages.join(" ")}`;
  const witness = (await ok<{ items: { id: string }[] }>(await page.request.get("/api/v1/witnesses"), 200)).items[0]!;
  const statementId = (await ok<{ id: string }>(await page.request.post("/api/v1/statements", { data: { witnessId: witness.id, title: "Fictional sample — many passages", language: "en", originalText: text } }), 201)).id;
  const personId = (await ok<{ id: string }>(await page.request.post("/api/v1/persons", { data: { name: "Fictional Guard (many passages test)", confirmDuplicate: true } }), 201)).id;
  const eventId = (await ok<{ id: string }>(await page.request.post("/api/v1/events", { data: { title: `Fictional roll calls ${Date.now()}`, dateStart: "1988-08" } }), 201)).id;
  for (const p of passages) {
    const start = text.indexOf(p);
    await ok(await page.request.post("/api/v1/links", { data: { statementId, personId, eventId, allegationType: "IMPRISONMENT", role: "PRESENT", revisionNumber: 1, startOffset: start, endOffset: start + p.length, quote: p } }), 201);
  }

  await setLocale(page, baseURL!, "en");
  await page.goto(`/events/${eventId}`);
  const item = page.getByTestId("testimony-item");
  await expect(item).toHaveAttribute("data-quotes-total", "57");
  await expect(item.getByTestId("allegation-quote")).toHaveCount(5);
  await expect(item.getByTestId("allegation-quote").last()).toContainText("Passage 05");
  const more = item.getByTestId("testimony-quotes-more");
  await expect(more).toHaveText("52 more quotes of this statement cite this event: show all 57");
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/quotesOf=/);
  await expect(item.getByTestId("allegation-quote")).toHaveCount(50);
  await expect(item.getByTestId("testimony-quotes-showing")).toHaveText("Quotes 1–50 of 57 of this statement, in the order they were linked.");
  await item.getByTestId("testimony-quotes-pager-next").focus();
  await page.keyboard.press("Enter");
  await expect(item.getByTestId("allegation-quote")).toHaveCount(7);
  await expect(item.getByTestId("allegation-quote").last()).toContainText("Passage 57");
  await expect(item.getByTestId("testimony-quotes-pager")).toHaveAttribute("data-page", "2");
  await item.screenshot({ path: "test-results/event-quotes-en.png" });
  await item.getByTestId("testimony-quotes-fewer").focus();
  await page.keyboard.press("Enter");
  await expect(page).not.toHaveURL(/quotesOf=/);
  await expect(item.getByTestId("allegation-quote")).toHaveCount(5);
  // An address naming no statement shown opens nothing; one that cannot name any (a NUL) is a 404, not a failure.
  expect((await page.goto(`/events/${eventId}?quotesOf=no-such-statement&quotesPage=abc`))?.status()).toBe(200);
  await expect(item.getByTestId("allegation-quote")).toHaveCount(5);
  expect((await page.goto(`/events/${eventId}?quotesOf=%00`))?.status()).toBe(404);
  await page.goto(`/events/${eventId}`);

  await setLocale(page, baseURL!, "fa");
  await page.reload();
  await expect(item.getByTestId("testimony-quotes-more")).toHaveText("۵۲ نقل‌قول دیگر از این شهادت به این رویداد استناد می‌کنند: نمایش همهٔ ۵۷ نقل‌قول");
  await item.getByTestId("testimony-quotes-more").click();
  await expect(item.getByTestId("testimony-quotes-showing")).toHaveText("نقل‌قول‌های ۱ تا ۵۰ از ۵۷ نقل‌قول این شهادت، به ترتیبی که پیوند داده شدند.");
  await expect(item.getByTestId("testimony-quotes-pager")).not.toContainText(/[0-9]/);
  await page.screenshot({ path: "test-results/event-quotes-fa.png", fullPage: false });
});
