import { expect, setLocale, signInAs, test } from "./fixtures";

// A record's history reads a changed date as the record's page does: in the reader's calendar
// and digits (Solar Hijri and Persian digits in the Persian interface), not as stored ("1988-07").

test("an event's history shows its changed dates in the reader's calendar, in Persian and in English", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  const made = await page.request.post("/api/v1/events", { data: { title: `Fictional visits stopped ${Date.now()}`, dateStart: "1988-07" } });
  expect(made.status(), await made.text()).toBe(201);
  const event = (await made.json()) as { id: string };
  const changed = await page.request.patch(`/api/v1/events/${event.id}`, { data: { dateStart: "1988-07-19", dateEnd: "1988-09" } });
  expect(changed.status(), await changed.text()).toBe(200);

  await setLocale(page, baseURL!, "fa");
  await page.goto(`/events/${event.id}`);
  await expect(page.getByTestId("event-date")).toContainText("۲۸ تیر ۱۳۶۷");
  const history = page.getByTestId("record-history");
  await history.locator("summary").click();
  const update = history.getByTestId("history-event").filter({ has: page.locator('tr[data-field="dateEnd"]') });
  const start = update.locator('tr[data-field="dateStart"] td');
  await expect(start.first()).toContainText("تیر–مرداد ۱۳۶۷");
  await expect(start.last()).toContainText("۲۸ تیر ۱۳۶۷");
  await expect(update.locator('tr[data-field="dateEnd"] td').last()).toContainText("شهریور–مهر ۱۳۶۷");
  await expect(update.locator('tr[data-field="latest"] td').last()).toHaveText("۸ مهر ۱۳۶۷");
  await page.screenshot({ path: "test-results/history-dates-fa.png", fullPage: true });

  await setLocale(page, baseURL!, "en");
  await page.reload();
  await history.locator("summary").click();
  await expect(start.first()).toHaveText("July 1988");
  await expect(start.last()).toHaveText("19 July 1988");
  await expect(update.locator('tr[data-field="dateEnd"] td').last()).toHaveText("September 1988");
  await expect(update.locator('tr[data-field="latest"] td').last()).toHaveText("30 September 1988");
  await page.screenshot({ path: "test-results/history-dates-en.png", fullPage: true });
});

test("a proceeding's history shows its timeline's dates in the reader's calendar, in Persian", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  const made = await page.request.post("/api/v1/proceedings", {
    data: { title: `Fictional tribunal ${Date.now()}`, kind: "TRIBUNAL", timeline: [{ date: "2019-11", what: "Fictional arrest" }] },
  });
  expect(made.status(), await made.text()).toBe(201);
  const proceeding = (await made.json()) as { id: string };
  const changed = await page.request.patch(`/api/v1/proceedings/${proceeding.id}`, {
    data: { timeline: [{ date: "2019-11", what: "Fictional arrest" }, { date: "1988", what: "Fictional hearing", source: "Fictional court record" }] },
  });
  expect(changed.status(), await changed.text()).toBe(200);

  await setLocale(page, baseURL!, "fa");
  await page.goto(`/proceedings/${proceeding.id}`);
  const history = page.getByTestId("record-history");
  await history.locator("summary").click();
  const after = history.locator('tr[data-field="timeline"]').last().locator("td").last().getByTestId("history-timeline-entry");
  await expect(after).toHaveCount(2);
  // In date order, as the proceeding page lists them.
  await expect(after.first()).toContainText("۱۳۶۶–۱۳۶۷");
  await expect(after.first()).toContainText("Fictional hearing");
  await expect(after.first()).toContainText("Fictional court record");
  await expect(after.last()).toContainText("آبان–آذر ۱۳۹۸");
  await history.screenshot({ path: "test-results/history-dates-proceeding-fa.png" });
});
