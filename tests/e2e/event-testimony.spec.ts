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
  // Per person named, the independent witnesses: Nayyeri named by two witnesses (one statement each), Nouri by one.
  const rows = section.getByTestId("event-person-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Nayyeri");
  await expect(rows.first().getByTestId("event-person-counts")).toHaveAttribute("data-unverified", "2");
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
