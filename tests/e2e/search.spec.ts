import { expect, setLocale, signInAs, test } from "./fixtures";

// Search in the browser, over the demo's fictional statements and public-record registries.

test("in the Persian interface, an Arabic-keyboard spelling finds the statement, marked, right to left, and opens it", async ({ page, baseURL }, testInfo) => {
  await setLocale(page, baseURL!, "fa");
  await signInAs(page, "RESEARCHER");
  await page.goto("/");
  await page.getByRole("navigation").getByRole("link", { name: "جستجو" }).click();
  await expect(page).toHaveURL(/\/search$/);
  // تلويزيون with the Arabic yeh (ي) an Arabic keyboard types; the statement has تلویزیون.
  await page.getByTestId("search-q").fill("تلويزيون");
  await page.getByTestId("search-q").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const result = page.getByTestId("search-result").first();
  await expect(result).toContainText("نمونهٔ ساختگی — روزهای بسته شدن ملاقات‌ها در گوهردشت");
  const snippet = result.getByTestId("search-snippet");
  await expect(snippet).toHaveAttribute("dir", "rtl");
  await expect(snippet.locator("mark").first()).toHaveText("تلویزیون");
  await page.screenshot({ path: testInfo.outputPath("search-fa.png"), fullPage: true });
  await result.getByTestId("search-result-link").click();
  await expect(page).toHaveURL(/\/statements\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("روزهای بسته شدن ملاقات‌ها در گوهردشت");
});

test("in English, a Latin name finds the person and the official's Persian spellings; filters narrow to statements; bad filters are explained", async ({ page }, testInfo) => {
  await signInAs(page, "REVIEWER");
  await page.goto("/search?q=Evin");
  const results = page.getByTestId("search-result");
  await expect(results.first()).toBeVisible();
  await expect(page.getByTestId("search-results")).toContainText("Fictional sample — a relative's search for news at Evin");
  await expect(page.getByTestId("search-results").locator("mark").first()).toHaveText(/Evin|اوین/);
  await page.screenshot({ path: testInfo.outputPath("search-en.png"), fullPage: true });
  // Other browser tests add statements of their own, so the filters are checked against the
  // unfiltered search rather than against a fixed count.
  const all = (await (await page.request.get("/api/v1/search?q=Evin")).json()) as { items: { type: string }[]; total: number };
  const filtered = (await (await page.request.get("/api/v1/search?q=Evin&type=statement&language=en")).json()) as { items: { type: string }[]; total: number };
  expect(filtered.total).toBeGreaterThan(0);
  expect(filtered.total).toBeLessThan(all.total);
  expect(filtered.items.every((i) => i.type === "statement")).toBe(true);
  await page.goto("/search?q=Evin&type=statement&language=en");
  await expect(results).toHaveCount(filtered.items.length);
  for (const snippet of await results.getByTestId("search-snippet").all()) await expect(snippet).toHaveAttribute("dir", "ltr");
  await page.goto("/search?q=Nayeri");
  await expect(page.getByTestId("search-persons")).toContainText("Nayyeri");
  await page.goto("/search?q=Evin&from=not-a-date");
  await expect(page.locator(".field-error")).toBeVisible();
  // The JSON API: items with type, id, title, snippet and score, and the total; bad input is a 400.
  const api = await page.request.get("/api/v1/search?q=" + encodeURIComponent("نيري"));
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { items: { type: string; id: string; title: string; snippet: string; score: number }[]; total: number };
  expect(body.total).toBeGreaterThan(0);
  expect(body.items[0]).toEqual(expect.objectContaining({ type: expect.any(String), id: expect.any(String), title: expect.any(String), snippet: expect.any(String), score: expect.any(Number) }));
  for (const bad of ["", "?q=", "?q=x&colour=red", `?q=${"x".repeat(600)}`, "?q=a&q=b", "?q=x&page=-1"]) expect((await page.request.get(`/api/v1/search${bad}`)).status(), bad).toBe(400);
  for (const odd of ['"', "NEAR(a b)", "*", "a -b (c)", "'; DROP TABLE"]) expect((await page.request.get(`/api/v1/search?q=${encodeURIComponent(odd)}`)).status(), odd).toBe(200);
});

test("the filters offer every kind of link and the author; choosing one narrows the search to it", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  await page.goto("/search?q=Evin");
  await page.getByText("Filters", { exact: true }).click();
  // Every registry a statement links to, and the people who recorded statements, by name.
  await expect(page.getByTestId("search-person").locator("option", { hasText: "Nayyeri" })).toHaveCount(1);
  await expect(page.getByTestId("search-event").locator("option", { hasText: "Prisons locked down" })).toHaveCount(1);
  await expect(page.getByTestId("search-place").locator("option", { hasText: "Evin Prison" })).toHaveCount(1);
  await expect(page.getByTestId("search-proceeding").locator("option", { hasText: "Prosecution of Hamid Nouri (Sweden)" })).toHaveCount(1);
  await expect(page.getByTestId("search-author").locator("option", { hasText: "Demo Researcher" })).toHaveCount(1);

  // The author: the demo's statements were recorded by the demo researcher.
  await page.getByTestId("search-author").selectOption({ label: "Demo Researcher" });
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.has("authorId"));
  const authorId = new URL(page.url()).searchParams.get("authorId")!;
  const byAuthor = (await (await page.request.get(`/api/v1/search?q=Evin&authorId=${authorId}`)).json()) as { items: { type: string }[]; total: number };
  expect(byAuthor.total).toBeGreaterThan(0);
  expect(byAuthor.items.every((i) => i.type === "statement")).toBe(true);
  await expect(page.getByTestId("search-result")).toHaveCount(byAuthor.items.length);
  await expect(page.getByTestId("search-author")).toHaveValue(authorId);

  // A place: the page shows what the API answers for the same filter, and keeps the choice.
  await page.getByTestId("search-place").selectOption({ label: "Evin Prison" });
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.has("placeId"));
  const placeId = new URL(page.url()).searchParams.get("placeId")!;
  const byPlace = (await (await page.request.get(`/api/v1/search?q=Evin&authorId=${authorId}&placeId=${placeId}`)).json()) as { total: number };
  await expect(page.getByTestId("search-count")).toHaveText(byPlace.total === 0 ? "Nothing found" : new RegExp(`^${byPlace.total} result`));
  await expect(page.getByTestId("search-place")).toHaveValue(placeId);
});
