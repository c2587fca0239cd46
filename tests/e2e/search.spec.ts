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
  // The word with its adjectival ending written joined («تلویزیونی», televised) is found too, and marked as written.
  const adjectival = page.getByTestId("search-result").filter({ hasText: "پرسش‌های «هیئت» دربارهٔ نماز و مصاحبه" });
  await expect(adjectival.getByTestId("search-snippet").locator("mark").first()).toHaveText("تلویزیونی");
  const result = page.getByTestId("search-result").filter({ hasText: "نمونهٔ ساختگی — روزهای بسته شدن ملاقات‌ها در گوهردشت" });
  await expect(result).toHaveCount(1);
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
  // A character no text can hold (here a NUL) is explained on the search box, in search's terms.
  await page.goto("/search?q=Evin%00");
  await expect(page.locator("#search-q-error")).toContainText("can be neither stored nor searched for");
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
  // Every registry a statement links to is searchable by name, in either script, and the
  // people who recorded statements are listed by name.
  const suggest = async (testId: string, typed: string, name: string) => {
    await page.getByTestId(testId).getByRole("combobox").fill(typed);
    await expect(page.getByTestId(testId).getByRole("option", { name })).toHaveCount(1);
    await page.getByTestId(testId).getByRole("combobox").press("Escape");
  };
  await suggest("search-person", "نيري", "Hossein-Ali Nayyeri");
  await suggest("search-event", "locked down", "Prisons locked down");
  await suggest("search-place", "اوین", "Evin Prison");
  await suggest("search-proceeding", "Nouri", "Prosecution of Hamid Nouri (Sweden)");
  await expect(page.getByTestId("search-author").locator("option", { hasText: "Demo Researcher" })).toHaveCount(1);
  // The boxes speak the interface's language, not message keys.
  await page.getByTestId("search-event").getByRole("combobox").fill("qqxzqq");
  await expect(page.getByTestId("search-event").getByText("No matches", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("search-event")).not.toContainText("registry.autocomplete");
  for (const testId of ["search-person", "search-event", "search-place", "search-proceeding"]) await page.getByTestId(testId).getByRole("combobox").fill("");

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

  // A place, chosen with the keyboard: the page shows what the API answers for the same filter,
  // keeps the choice by name, and the address carries only the place's id.
  const place = page.getByTestId("search-place").getByRole("combobox");
  await place.fill("Evin");
  await expect(page.getByTestId("search-place").getByRole("option", { name: "Evin Prison" })).toBeVisible();
  await place.press("ArrowDown");
  await expect(page.getByTestId("search-place").getByRole("option", { selected: true })).toHaveText(/Evin Prison/);
  await place.press("Enter");
  await expect(place).toHaveValue("Evin Prison");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.has("placeId"));
  const url = new URL(page.url());
  expect(url.searchParams.get("authorId")).toBe(authorId);
  // The chosen place's name is not sent: its id alone carries the choice.
  expect([...url.searchParams.keys()].filter((k) => k.endsWith("Name"))).toEqual([]);
  const placeId = url.searchParams.get("placeId")!;
  const places = (await (await page.request.get(`/api/v1/places?q=${encodeURIComponent("Evin Prison")}`)).json()) as { items: { id: string; name: string }[] };
  expect(places.items.find((p) => p.name === "Evin Prison")?.id).toBe(placeId);
  const byPlace = (await (await page.request.get(`/api/v1/search?q=Evin&authorId=${authorId}&placeId=${placeId}`)).json()) as { total: number };
  await expect(page.getByTestId("search-count")).toHaveText(byPlace.total === 0 ? "Nothing found" : new RegExp(`^${byPlace.total} result`));
  await expect(page.getByTestId("search-place").getByRole("combobox")).toHaveValue("Evin Prison");
  await expect(page.locator('input[type="hidden"][name="placeId"]')).toHaveValue(placeId);
});

test("a filter name typed and not chosen is looked up when the form is sent; in Persian the chosen filter reads right to left", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "REVIEWER");
  await page.goto("/search?q=Evin");
  await page.getByText("Filters", { exact: true }).click();
  // Enter with no suggestion highlighted sends the form with the typed name; one event has it.
  const event = page.getByTestId("search-event").getByRole("combobox");
  await event.fill("Prisons locked down");
  await expect(page.getByTestId("search-event").getByRole("option").first()).toBeVisible();
  await event.press("Enter");
  await page.waitForURL((u) => u.searchParams.has("eventId"));
  const url = new URL(page.url());
  expect(url.searchParams.has("eventName")).toBe(false);
  const events = (await (await page.request.get("/api/v1/events?q=" + encodeURIComponent("Prisons locked down"))).json()) as { items: { id: string; title: string }[] };
  expect(events.items[0]).toMatchObject({ id: url.searchParams.get("eventId"), title: "Prisons locked down" });
  await expect(page.getByTestId("search-event").getByRole("combobox")).toHaveValue("Prisons locked down");
  await page.screenshot({ path: testInfo.outputPath("search-filter-en.png"), fullPage: true });

  // The same page in Persian: the chosen place by its Persian name, the form right to left.
  await setLocale(page, baseURL!, "fa");
  const evin = (await (await page.request.get("/api/v1/places?q=Evin")).json()) as { items: { id: string; name: string }[] };
  const evinId = evin.items.find((p) => p.name === "Evin Prison")!.id;
  await page.goto(`/search?q=${encodeURIComponent("اوین")}&placeId=${evinId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("search-place").getByRole("combobox")).toHaveValue("زندان اوین");
  await page.screenshot({ path: testInfo.outputPath("search-filter-fa.png"), fullPage: true });
});

test("a record chosen in a filter box is named in the reader's language, when chosen and when the page shows the filter set; a registry list finds it by that name", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "REVIEWER");
  // The records as the registries' API names them: Nayyeri has a Persian name, the Nouri proceeding a Persian title.
  const persons = (await (await page.request.get("/api/v1/persons?q=" + encodeURIComponent("نيري"))).json()) as { items: { id: string; name: string; nameFa: string }[] };
  const nayyeri = persons.items.find((p) => p.name === "Hossein-Ali Nayyeri")!;
  expect(nayyeri.nameFa).not.toBe("");
  const proceedings = (await (await page.request.get("/api/v1/proceedings?q=Nouri")).json()) as { items: { id: string; title: string; titleFa?: string }[] };
  const nouri = proceedings.items.find((p) => p.title === "Prosecution of Hamid Nouri (Sweden)")!;
  expect(nouri.titleFa ?? "").not.toBe("");

  const choose = async (testId: string, typed: string, option: RegExp) => {
    const box = page.getByTestId(testId).getByRole("combobox");
    await box.fill(typed);
    await expect(page.getByTestId(testId).getByRole("option", { name: option })).toHaveCount(1);
    await page.getByTestId(testId).getByRole("option", { name: option }).click();
    return box;
  };

  for (const locale of ["fa", "en"] as const) {
    await setLocale(page, baseURL!, locale);
    // Each reader's name for the person and the proceeding.
    const personName = locale === "fa" ? nayyeri.nameFa : nayyeri.name;
    const proceedingName = locale === "fa" ? nouri.titleFa! : nouri.title;
    await page.goto("/search?q=Evin");
    await page.locator("main details summary").first().click();
    // Chosen by a Persian spelling (Arabic-keyboard yeh) in either interface.
    const person = await choose("search-person", "نيري", /Hossein-Ali Nayyeri/);
    await expect(person, locale).toHaveValue(personName);
    await expect(page.locator('input[type="hidden"][name="personId"]')).toHaveValue(nayyeri.id);
    const proceeding = await choose("search-proceeding", "Nouri", /Prosecution of Hamid Nouri/);
    await expect(proceeding, locale).toHaveValue(proceedingName);
    if (locale === "fa") await page.screenshot({ path: testInfo.outputPath("search-filter-chosen-fa.png"), fullPage: true });

    // Sent: the page shows the filters set, named the same way.
    await page.getByTestId("search-submit").click();
    await page.waitForURL((u) => u.searchParams.get("personId") === nayyeri.id && u.searchParams.get("proceedingId") === nouri.id);
    await expect(page.getByTestId("search-person").getByRole("combobox"), locale).toHaveValue(personName);
    await expect(page.getByTestId("search-proceeding").getByRole("combobox"), locale).toHaveValue(proceedingName);

    // The name the box shows, sent as text to a registry's list search, finds the record.
    await page.goto("/persons");
    const search = page.getByTestId("registry-search").getByRole("combobox");
    await search.fill(personName);
    await expect(page.getByTestId("registry-search").getByRole("option").first()).toBeVisible();
    await search.press("Enter");
    await page.waitForURL((u) => u.pathname === "/persons" && u.searchParams.get("q") === personName);
    await expect(page.getByTestId("person-row").locator(`a[href="/persons/${nayyeri.id}"]`).first(), locale).toBeVisible();
  }
});

test("without JavaScript the filters are plain form fields: lists for small registries, typed names looked up by the server", async ({ browser, baseURL }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await signInAs(page, "REVIEWER");
  await page.goto("/search?q=Evin");
  await page.getByText("Filters", { exact: true }).click();
  // The demo's registries are small: each is a <select> naming its records.
  await expect(page.getByTestId("search-person").locator("option", { hasText: "Nayyeri" })).toHaveCount(1);
  await expect(page.getByTestId("search-event").locator("option", { hasText: "Prisons locked down" })).toHaveCount(1);
  await expect(page.getByTestId("search-proceeding").locator("option", { hasText: "Prosecution of Hamid Nouri (Sweden)" })).toHaveCount(1);
  await page.getByTestId("search-place").selectOption({ label: "Evin Prison" });
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.has("placeId"));
  const placeId = new URL(page.url()).searchParams.get("placeId")!;
  const byPlace = (await (await page.request.get(`/api/v1/search?q=Evin&placeId=${placeId}`)).json()) as { total: number };
  await expect(page.getByTestId("search-count")).toHaveText(byPlace.total === 0 ? "Nothing found" : new RegExp(`^${byPlace.total} result`));
  await expect(page.getByTestId("search-place")).toHaveValue(placeId);

  // A typed name (what the form sends for a registry too large to list): one match is applied
  // and the address then carries its id alone.
  await page.goto(`/search?q=Evin&placeName=${encodeURIComponent("زندان اوين")}`);
  await page.waitForURL((u) => u.searchParams.get("placeId") === placeId && !u.searchParams.has("placeName"));
  await expect(page.getByTestId("search-count")).toHaveText(byPlace.total === 0 ? "Nothing found" : new RegExp(`^${byPlace.total} result`));
  // Several matches: offered as links, each the same search with that record.
  await page.goto(`/search?q=Evin&personName=${encodeURIComponent("Hossein-Ali")}`);
  await expect(page.locator("#search-personId-error")).toHaveText("Several records match “Hossein-Ali”. Choose one:");
  await expect(page.getByTestId("search-count")).toHaveCount(0);
  await expect(page.getByTestId("search-person")).toHaveValue("Hossein-Ali");
  const candidates = page.getByTestId("search-person-candidates").getByRole("link");
  await expect(candidates.filter({ hasText: "Hossein-Ali Nayyeri" })).toHaveCount(1);
  await expect(candidates.filter({ hasText: "Hossein-Ali Montazeri" })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("search-nojs-several-en.png"), fullPage: true });
  await candidates.filter({ hasText: "Hossein-Ali Nayyeri" }).click();
  await page.waitForURL((u) => u.searchParams.has("personId"));
  await expect(page.getByTestId("search-person").locator("option:checked")).toHaveText("Hossein-Ali Nayyeri");
  await expect(page.getByTestId("search-count")).toBeVisible();
  // No match: said in the reader's language, nothing searched.
  await setLocale(page, baseURL!, "fa");
  await page.goto(`/search?q=Evin&eventName=${encodeURIComponent("no such event anywhere")}`);
  await expect(page.locator("#search-eventId-error")).toContainText("هیچ رکوردی در فهرست با «no such event anywhere» جور نیست.");
  await expect(page.getByTestId("search-count")).toHaveCount(0);
  await expect(page.getByTestId("search-event")).toHaveValue("no such event anywhere");
  await page.screenshot({ path: testInfo.outputPath("search-nojs-none-fa.png"), fullPage: true });
  // Text no name can hold is no match, not an error page.
  const odd = await page.goto("/search?q=Evin&placeName=%00%01");
  expect(odd!.status()).toBe(200);
  await expect(page.locator("#search-placeId-error")).toBeVisible();
  await context.close();
});

test("the page says which places and organisations the query named, whose other spellings were searched too", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await page.goto(`/search?q=${encodeURIComponent("Gohardasht")}`);
  const named = page.getByTestId("search-persons");
  await expect(named.getByRole("link", { name: "Gohardasht Prison" })).toHaveAttribute("href", /^\/places\//);
  // The fictional demo statement says «گوهردشت» only: found through the place's Persian name.
  await expect(page.getByTestId("search-result").filter({ hasText: "گوهردشت" })).not.toHaveCount(0);
  await page.goto(`/search?q=${encodeURIComponent("Mojahedin-e Khalq")}`);
  await expect(page.getByTestId("search-organisations").getByRole("link", { name: "People's Mojahedin Organization of Iran" })).toHaveAttribute("href", /^\/organisations\//);
  await setLocale(page, baseURL!, "fa");
  await page.reload();
  await expect(page.getByTestId("search-organisations")).toContainText("همچنین جستجو شد");
  await expect(page.getByTestId("search-organisations").getByRole("link", { name: "سازمان مجاهدین خلق ایران" })).toBeVisible();
});

// A GET form sends every field, filled or not; the address should carry only what was chosen.
test("the search form puts only the filled fields in the address, with JavaScript and without", async ({ page, browser, baseURL }) => {
  await signInAs(page, "REVIEWER");
  const addresses: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/search") addresses.push(r.url());
  });
  await page.goto("/search?q=Evin");
  await page.locator("main details summary").first().click();
  await expect(page.getByTestId("search-event").getByRole("combobox")).toBeVisible(); // scripts have run
  await page.locator("#search-language").selectOption("en");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.has("language"));
  expect([...new URL(page.url()).searchParams.keys()].sort()).toEqual(["language", "q"]);
  await expect(page.locator("#search-language")).toHaveValue("en");
  await expect(page.getByTestId("search-count")).toBeVisible();
  // Not even on the way: the empty fields were never sent.
  expect(addresses.filter((a) => /[?&](type|status|personId|eventId|placeId|proceedingId|authorId|from|to)=(&|$)/.test(a))).toEqual([]);

  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await context.newPage();
  await signInAs(plain, "REVIEWER");
  await plain.goto("/search?q=Evin");
  await plain.getByText("Filters", { exact: true }).click();
  await plain.locator("#search-language").selectOption("en");
  await plain.getByRole("button", { name: "Filter", exact: true }).click();
  await plain.waitForURL((u) => u.searchParams.has("language") && !u.searchParams.has("type"));
  expect([...new URL(plain.url()).searchParams.entries()].sort()).toEqual([["language", "en"], ["q", "Evin"]]);
  await expect(plain.getByTestId("search-count")).toBeVisible();
  // An address with empty fields is sent on to the same search without them.
  const res = await plain.goto("/search?type=&q=Evin&status=&language=en&from=&to=%20&personId=");
  expect(res!.status()).toBe(200);
  expect([...new URL(plain.url()).searchParams.entries()].sort()).toEqual([["language", "en"], ["q", "Evin"]]);
  // A typed-name field sent empty beside its filter's id was erased: the filter goes with it.
  const evin = (await (await plain.request.get("/api/v1/places?q=Evin")).json()) as { items: { id: string; name: string }[] };
  await plain.goto(`/search?q=Evin&placeName=&placeId=${evin.items.find((p) => p.name === "Evin Prison")!.id}`);
  expect([...new URL(plain.url()).searchParams.entries()]).toEqual([["q", "Evin"]]);
  await context.close();
});

test("event suggestions in the filters give the event's date in the reader's calendar, as the event's page does", async ({ page, baseURL }) => {
  await signInAs(page, "REVIEWER");
  const found = (await (await page.request.get("/api/v1/events?q=" + encodeURIComponent("Prisons locked down"))).json()) as { items: { id: string; title: string; dateStart: string }[] };
  const event = found.items.find((e) => e.title === "Prisons locked down")!;
  for (const [locale, calendar] of [["fa", "persian"], ["en", "persian"], ["en", "gregorian"]] as const) {
    await setLocale(page, baseURL!, locale);
    await page.context().addCookies([{ name: "casefile-calendar", value: calendar, url: baseURL! }]);
    await page.goto(`/events/${event.id}`);
    const reading = (await page.getByTestId("event-date").locator("bdi").first().innerText()).trim();
    await page.goto("/search?q=Evin");
    await page.locator("main details summary").first().click();
    await page.getByTestId("search-event").getByRole("combobox").fill("locked down");
    const option = page.getByTestId("search-event").getByRole("option", { name: /Prisons locked down/ });
    await expect(option).toHaveCount(1);
    await expect(option, `${locale}, ${calendar}`).toContainText(reading);
    if (reading !== event.dateStart) await expect(option, `${locale}, ${calendar}`).not.toContainText(event.dateStart);
  }
});

test("a phrase with one part of a hyphenated word and its neighbour finds it, marked in the snippet, in English and Persian", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "RESEARCHER");
  const witnessId = ((await (await page.request.get("/api/v1/witnesses")).json()) as { items: { id: string }[] }).items[0]!.id;
  const texts = [
    { title: "Fictional sample — the transfer to Gohar-dasht", language: "en", originalText: "A fictional statement for a test. In the summer we were taken to Gohar-dasht prison by bus." },
    { title: "نمونهٔ ساختگی — انتقال به گوهر-دشت", language: "fa", originalText: "متنی ساختگی برای آزمون. تابستان ما را با اتوبوس به زندان گوهر-دشت در كرج بردند." },
  ];
  for (const t of texts) expect((await page.request.post("/api/v1/statements", { data: { witnessId, ...t } })).status()).toBe(201);

  await page.goto(`/search?q=${encodeURIComponent('"dasht prison"')}`);
  const en = page.getByTestId("search-result").filter({ hasText: "the transfer to Gohar-dasht" });
  await expect(en).toHaveCount(1);
  await expect(en.getByTestId("search-snippet").locator("mark")).toHaveText(["dasht", "prison"]);
  await expect(en.getByTestId("search-snippet")).toContainText("taken to Gohar-dasht prison by bus");
  await page.screenshot({ path: testInfo.outputPath("search-hyphen-en.png"), fullPage: true });

  await setLocale(page, baseURL!, "fa");
  await page.goto(`/search?q=${encodeURIComponent("«دشت در کرج»")}`);
  const fa = page.getByTestId("search-result").filter({ hasText: "انتقال به گوهر-دشت" });
  await expect(fa).toHaveCount(1);
  await expect(fa.getByTestId("search-snippet")).toHaveAttribute("dir", "rtl");
  await expect(fa.getByTestId("search-snippet").locator("mark")).toHaveText(["دشت", "در", "كرج"]);
  await page.screenshot({ path: testInfo.outputPath("search-hyphen-fa.png"), fullPage: true });
});

test("a person's result in Persian sets each field of its snippet apart, so a Persian field is never reordered across its English neighbours", async ({ page, baseURL }, testInfo) => {
  await setLocale(page, baseURL!, "fa");
  await signInAs(page, "RESEARCHER");
  await page.goto(`/search?q=${encodeURIComponent("نيري")}`);
  const person = page.getByTestId("search-result").and(page.locator('[data-type="person"]'));
  await expect(person).toHaveCount(1);
  const fields = person.getByTestId("search-snippet-field");
  // The registry record's fields, each its own isolate, in the record's order, its Persian role whole in one.
  await expect(fields).toContainText(["حسینعلی نیری", "Hossein-Ali Nayeri", "Member of the four-man Tehran commission ('death committee')", "عضو هیئت چهارنفرهٔ تهران، که به «هیئت مرگ» شناخته می‌شود.", "حاکم شرع هیئت تهران"]);
  await expect(fields.filter({ hasText: "«هیئت مرگ»" })).toHaveText("عضو هیئت چهارنفرهٔ تهران، که به «هیئت مرگ» شناخته می‌شود.");
  expect(new Set(await fields.evaluateAll((els) => els.map((el) => el.tagName)))).toEqual(new Set(["BDI"]));
  // The fields run in the page's direction, right to left, though most of their letters are Latin:
  // the first field (his Persian name) is the rightmost.
  expect(await person.getByTestId("search-snippet").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
  const [first, second] = await Promise.all([fields.nth(0).boundingBox(), fields.nth(1).boundingBox()]);
  expect(first!.x).toBeGreaterThan(second!.x);
  // Statements' snippets are one text in one language: no fields.
  await expect(page.getByTestId("search-result").and(page.locator('[data-type="statement"]')).first().getByTestId("search-snippet-field")).toHaveCount(0);
  await person.screenshot({ path: testInfo.outputPath("search-person-fields-fa.png") });
});

test("a person's snippet cut short says so at the paragraph's start, outside its first field", async ({ page }, testInfo) => {
  await signInAs(page, "RESEARCHER");
  await page.goto("/search?q=evin");
  const person = page.getByTestId("search-result").and(page.locator('[data-type="person"]')).filter({ hasText: "Pourmohammadi" });
  await expect(person).toHaveCount(1);
  const snippetText = person.getByTestId("search-snippet");
  const fields = person.getByTestId("search-snippet-field");
  // The window starts inside a Persian field: its "…" stands first in the English paragraph, at
  // the left, not inside that field's right-to-left isolate (where it would sit at the field's right).
  await expect(snippetText).toHaveText(/^… /);
  await expect(fields.first()).not.toContainText("…");
  const ellipsisLeft = await snippetText.evaluate((p) => {
    const range = document.createRange();
    range.setStart(p.firstChild!, 0);
    range.setEnd(p.firstChild!, 1);
    return range.getBoundingClientRect().x;
  });
  expect(ellipsisLeft).toBeLessThan((await fields.first().boundingBox())!.x);
  await person.screenshot({ path: testInfo.outputPath("search-person-cut-en.png") });
});

test("a page past the last of a search shows its last page, as the other lists do", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  const api = (await (await page.request.get("/api/v1/search?q=Evin&type=statement")).json()) as { total: number; pageSize: number };
  const last = Math.max(1, Math.ceil(api.total / api.pageSize));
  await page.goto(`/search?q=Evin&type=statement&page=${last + 40}`);
  // The last page's address and results, not "nothing found" under the count.
  expect(new URL(page.url()).searchParams.get("page")).toBe(last > 1 ? String(last) : null);
  await expect(page.getByTestId("search-result").first()).toBeVisible();
  await expect(page.locator("p.empty")).toHaveCount(0);
});

test("filters without words say that words are needed, in both languages, and can be cleared; words with the same filters search", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  for (const locale of ["fa", "en"] as const) {
    await setLocale(page, baseURL!, locale);
    await page.goto("/search?type=statement&language=fa");
    await expect(page.getByTestId("search-needs-words")).toBeVisible();
    await expect(page.getByTestId("search-needs-words")).toContainText(locale === "fa" ? "واژه‌هایی برای جستجو بنویسید" : "Type words to search for");
    await expect(page.getByTestId("search-count")).toHaveCount(0);
  }
  await page.goto("/search?q=Nouri&type=statement");
  await expect(page.getByTestId("search-needs-words")).toHaveCount(0);
  await expect(page.getByTestId("search-count")).toBeVisible();
  await page.goto("/search");
  await expect(page.getByTestId("search-needs-words")).toHaveCount(0);
});
