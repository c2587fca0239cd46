import type { Page } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// A Persian page names a record by its Persian name, and an English page by its Latin one: in a
// search result, the persons list and a person's page, a new dossier's subject menu, a dossier's
// page and its preview. Where a page shows both names, the other follows. The expected names are
// read from the registries' API, not written here.

type Person = { id: string; name: string; nameFa: string };
const LOCALES = ["en", "fa"] as const;
const first = (p: Person, locale: "en" | "fa") => (locale === "fa" ? p.nameFa : p.name);
const other = (p: Person, locale: "en" | "fa") => (locale === "fa" ? p.name : p.nameFa);

async function personNamed(page: Page, q: string, name: string): Promise<Person> {
  const found = (await (await page.request.get(`/api/v1/persons?q=${encodeURIComponent(q)}`)).json()) as { items: Person[] };
  const p = found.items.find((x) => x.name === name)!;
  expect(p, name).toBeTruthy();
  expect(p.nameFa, `${name} has a Persian name`).not.toBe("");
  return p;
}

test("a person is named in Persian first on Persian pages and in Latin on English ones: search result, persons list, person page", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "REVIEWER");
  const nayyeri = await personNamed(page, "Nayyeri", "Hossein-Ali Nayyeri");
  for (const locale of LOCALES) {
    await setLocale(page, baseURL!, locale);

    // Search: the person's result is headed by the reader's name; a Persian page adds the Latin spelling.
    await page.goto(`/search?q=${encodeURIComponent(nayyeri.name)}&type=person`);
    const result = page.getByTestId("search-result").filter({ has: page.locator(`a[href="/persons/${nayyeri.id}"]`) });
    await expect(result, locale).toHaveCount(1);
    await expect(result.getByTestId("search-result-link"), locale).toHaveText(first(nayyeri, locale));
    if (locale === "fa") await expect(result.getByTestId("search-result-latin")).toHaveText(nayyeri.name);
    else await expect(result.getByTestId("search-result-latin")).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath(`search-person-${locale}.png`), fullPage: true });

    // The persons list: the link is the reader's name, the next column the other one.
    await page.goto(`/persons?q=${encodeURIComponent(nayyeri.name)}`);
    const row = page.getByTestId("person-row").filter({ has: page.locator(`a[href="/persons/${nayyeri.id}"]`) });
    await expect(row.getByRole("link"), locale).toHaveText(first(nayyeri, locale));
    await expect(row.getByRole("cell").first(), locale).toHaveText(other(nayyeri, locale));
    await page.screenshot({ path: testInfo.outputPath(`persons-${locale}.png`), fullPage: true });

    // The person's page: the heading is the reader's name, the other name under it; the tab's title too.
    await page.goto(`/persons/${nayyeri.id}`);
    await expect(page.getByRole("heading", { level: 1 }), locale).toHaveText(first(nayyeri, locale));
    await expect(page.locator("main").getByText(other(nayyeri, locale), { exact: true }).first(), locale).toBeVisible();
    expect(await page.title(), locale).toContain(first(nayyeri, locale));
    await page.screenshot({ path: testInfo.outputPath(`person-${locale}.png`) });
  }
});

test("a dossier's subject menu, its page and its preview name the person and the defendants in Persian first on Persian pages", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "LEGAL");
  const nouri = await personNamed(page, "Nouri", "Hamid Nouri");
  const created = await page.request.post("/api/v1/dossiers", { data: { title: `Reader names ${Date.now()}`, subjectType: "PERSON", subjectId: nouri.id } });
  expect(created.status(), await created.text()).toBe(201);
  const dossier = (await created.json()) as { id: string };
  // A proceeding's dossier names its defendants; the proceeding's own record says who they are.
  const proceedings = (await (await page.request.get("/api/v1/proceedings?q=Nouri")).json()) as { items: { id: string; title: string }[] };
  const proceeding = proceedings.items.find((p) => p.title.includes("Hamid Nouri"))!;
  const { defendants } = (await (await page.request.get(`/api/v1/proceedings/${proceeding.id}`)).json()) as { defendants: Person[] };
  const defendant = defendants.find((d) => d.nameFa)!;
  expect(defendant, "a defendant with a Persian name").toBeTruthy();
  const byProceeding = await page.request.post("/api/v1/dossiers", { data: { title: `Reader names ${Date.now()}`, subjectType: "PROCEEDING", subjectId: proceeding.id } });
  expect(byProceeding.status(), await byProceeding.text()).toBe(201);
  const proceedingDossier = (await byProceeding.json()) as { id: string };

  for (const locale of LOCALES) {
    await setLocale(page, baseURL!, locale);

    // The subject menu of a new dossier: the person's option starts with the reader's name, the other after it.
    await page.goto("/dossiers/new");
    const option = page.getByTestId("dossier-subject").locator(`option[value="PERSON:${nouri.id}"]`);
    const text = ((await option.textContent()) ?? "").trim();
    expect(text.startsWith(first(nouri, locale)), `${locale}: ${text}`).toBe(true);
    expect(text.endsWith(other(nouri, locale)), `${locale}: ${text}`).toBe(true);
    await page.getByTestId("dossier-subject").selectOption(`PERSON:${nouri.id}`);
    await page.getByTestId("dossier-form").screenshot({ path: testInfo.outputPath(`subject-menu-${locale}.png`) });

    // The dossier's page: the subject's link is the reader's name, the other in parentheses after it.
    await page.goto(`/dossiers/${dossier.id}`);
    await expect(page.getByTestId("dossier-subject-link"), locale).toHaveText(first(nouri, locale));
    await expect(page.locator(".lead").filter({ has: page.getByTestId("dossier-subject-link") }), locale).toContainText(`${first(nouri, locale)} (${other(nouri, locale)})`);
    await page.locator(".page-head").screenshot({ path: testInfo.outputPath(`dossier-${locale}.png`) });

    // Its preview: the cover names the subject the same way.
    await page.goto(`/dossiers/${dossier.id}/preview`);
    const cover = page.getByTestId("preview-cover");
    await expect(cover.locator(".lead"), locale).toContainText(`${first(nouri, locale)} (${other(nouri, locale)})`);
    await cover.screenshot({ path: testInfo.outputPath(`preview-person-${locale}.png`) });

    // A proceeding's preview: each defendant by the reader's name.
    await page.goto(`/dossiers/${proceedingDossier.id}/preview`);
    await expect(cover.locator("dd").filter({ hasText: defendant.name }), locale).toContainText(`${first(defendant, locale)} (${other(defendant, locale)})`);
    await cover.screenshot({ path: testInfo.outputPath(`preview-proceeding-${locale}.png`) });
  }
});

// "1.2 MB" / «۱٫۲ مگابایت» read back as a number of bytes: the number in Latin or Persian digits
// (Persian separators too) times its unit.
const UNIT_BYTES: Record<string, number> = { bytes: 1, byte: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, "بایت": 1, "کیلوبایت": 1024, "مگابایت": 1024 ** 2, "گیگابایت": 1024 ** 3 };
function readSize(text: string): { value: number; unit: number } | null {
  const latin = text.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/٫/g, ".").replace(/[,٬]/g, "");
  const m = /([\d.]+)\s*(\S+)$/.exec(latin.trim());
  if (!m || !(m[2]! in UNIT_BYTES)) return null;
  return { value: Number(m[1]), unit: UNIT_BYTES[m[2]!]! };
}
const digitsOf = (text: string) => Number(text.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d))).replace(/\D/g, ""));

test("a dossier export's size reads in human units in the reader's language, the exact byte count beside it", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  await signInAs(page, "LEGAL");
  const proceedings = (await (await page.request.get("/api/v1/proceedings?q=Nouri")).json()) as { items: { id: string; title: string }[] };
  const proceeding = proceedings.items.find((p) => p.title.includes("Hamid Nouri"))!;
  const created = await page.request.post("/api/v1/dossiers", { data: { title: `Export size ${Date.now()}`, subjectType: "PROCEEDING", subjectId: proceeding.id } });
  const dossier = (await created.json()) as { id: string };
  const statements = (await (await page.request.get("/api/v1/statements?pageSize=3")).json()).items as { id: string }[];
  for (const s of statements) await page.request.post(`/api/v1/dossiers/${dossier.id}/items`, { data: { kind: "STATEMENT", refId: s.id } });
  const started = await page.request.post(`/api/v1/dossiers/${dossier.id}/exports`);
  expect(started.status(), await started.text()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  let exp: { status: string; size: number | null } = { status: "PENDING", size: null };
  await expect.poll(async () => (exp = (await (await page.request.get(`/api/v1/dossier-exports/${id}`)).json())).status, { timeout: 90_000 }).toBe("READY");
  const size = exp.size!;
  expect(size).toBeGreaterThan(1024);

  for (const locale of LOCALES) {
    await setLocale(page, baseURL!, locale);
    await page.goto(`/dossiers/${dossier.id}`);
    // The size follows the download link, after its separator.
    const row = page.locator(`[data-export-id="${id}"]`);
    const line = row.locator("p").filter({ has: page.getByTestId("export-download") });
    await expect(line, locale).toBeVisible();
    const text = (await line.textContent())!.split("·").pop()!.trim();
    // In the page's digits only, in the largest unit the size fills, within rounding of the count.
    expect(text, locale).not.toMatch(locale === "fa" ? /[0-9A-Za-z]/ : /[۰-۹]/);
    const read = readSize(text);
    expect(read, `${locale}: ${text}`).not.toBeNull();
    expect(read!.value, `${locale}: ${text}`).toBeLessThan(1024);
    expect(read!.value, `${locale}: ${text}`).toBeGreaterThanOrEqual(1);
    expect(Math.abs(read!.value * read!.unit - size) / size, `${locale}: ${text}`).toBeLessThan(0.06);
    // The exact count for a reviewer, in the page's digits.
    const title = (await line.locator("[title]").getAttribute("title")) ?? "";
    expect(digitsOf(title), `${locale}: ${title}`).toBe(size);
    await page.getByTestId("dossier-export-panel").screenshot({ path: testInfo.outputPath(`export-size-${locale}.png`) });
  }
});

test("places, organisations and events are headed and listed by their Persian names on Persian pages, by their Latin ones on English pages", async ({ page, baseURL }, testInfo) => {
  await signInAs(page, "REVIEWER");
  const named = async (path: string, q: string) => {
    const found = (await (await page.request.get(`/api/v1/${path}?q=${encodeURIComponent(q)}`)).json()) as { items: Person[] };
    const r = found.items.find((x) => x.nameFa)!;
    expect(r, `${path} ${q} with a Persian name`).toBeTruthy();
    return r;
  };
  const place = await named("places", "Evin");
  const organisation = await named("organisations", "Tudeh");
  const events = (await (await page.request.get(`/api/v1/events?q=${encodeURIComponent("Prisons locked down")}`)).json()) as { items: { id: string }[] };
  const e = (await (await page.request.get(`/api/v1/events/${events.items[0]!.id}`)).json()) as { id: string; title: string; titleFa: string };
  expect(e.titleFa).not.toBe("");
  const event: Person = { id: e.id, name: e.title, nameFa: e.titleFa };

  for (const locale of LOCALES) {
    await setLocale(page, baseURL!, locale);
    for (const [path, r] of [["places", place], ["organisations", organisation], ["events", event]] as const) {
      await page.goto(`/${path}/${r.id}`);
      await expect(page.getByRole("heading", { level: 1 }), `${locale} ${path}`).toHaveText(first(r, locale));
      await expect(page.locator("main").getByText(other(r, locale), { exact: true }).first(), `${locale} ${path}`).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`${path}-page-${locale}.png`) });
      // The list: the record's link is the reader's name; the other name beside it (under it, for an event).
      await page.goto(`/${path}?q=${encodeURIComponent(r.name)}`);
      const link = page.locator(`tbody a[href="/${path}/${r.id}"]`);
      const row = page.locator("tbody tr").filter({ has: page.locator(`a[href="/${path}/${r.id}"]`) });
      await expect(link, `${locale} ${path} list`).toHaveText(first(r, locale));
      await page.locator("table").screenshot({ path: testInfo.outputPath(`${path}-list-${locale}.png`) });
      if (path === "events") await expect(row.getByRole("rowheader"), `${locale} ${path} list`).toContainText(other(r, locale));
      else await expect(row.getByRole("cell").first(), `${locale} ${path} list`).toHaveText(other(r, locale));
    }
  }
});
