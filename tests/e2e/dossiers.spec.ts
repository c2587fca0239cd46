import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, APIResponse, Browser, Page } from "@playwright/test";
import type { Role } from "@/lib/auth/roles";
import { CHECKLIST } from "@/lib/review/schemas";
import { demoUser, expect, setLocale, signInAs, signInWith, test } from "./fixtures";

// A legal team builds a dossier for the Nouri proceeding from the demo data: the verified
// statements linked to the proceeding are pre-selected (the demo's Gohardasht sample, verified in
// the demo, and a fictional statement linked and verified through the API here); the team starts
// from the proceeding's page, adds a demo statement (not verified) found by search and a source,
// moves an item up, and reads the preview — in English, then in the Persian interface, whose
// screenshot is kept in data/test-results for a person to look at.

const SHOTS = join("data", "test-results");

async function searchAndAddFirst(page: Page, q: string, kind: "STATEMENT" | "SOURCE") {
  await page.getByTestId("candidate-search").fill(q);
  await page.getByTestId("candidate-search-submit").click();
  const candidate = page.locator(`[data-testid="candidate"][data-kind="${kind}"]`).first();
  await expect(candidate).toBeVisible();
  const before = await page.getByTestId("dossier-item").count();
  await candidate.getByTestId("add-candidate").click();
  await expect(page.getByTestId("dossier-item")).toHaveCount(before + 1);
}

const numbers = (page: Page) => page.getByTestId("dossier-item").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-number")));

// A fictional witness with consent to legal sharing and a protected name that must never show.
const SECRET = "Fictional Protected Name Qwertzuiop";
const QUOTE = "مردی که خود را حمید می‌نامید فهرست نام‌ها را خواند";
const TEXT = `این متن ساختگی است و فقط برای آزمون نوشته شده است. در راهروی بند، ${QUOTE} و کسی چیزی نپرسید.`;

async function as(browser: Browser, role: Role): Promise<APIRequestContext> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const u = demoUser(role);
  await signInWith(context.request, u.email, u.password);
  return context.request;
}

/** Through the API: a researcher records, links and submits a statement; a reviewer verifies it. Returns its id. */
async function verifiedLinkedStatement(browser: Browser, proceedingId: string): Promise<string> {
  const researcher = await as(browser, "RESEARCHER");
  const reviewer = await as(browser, "REVIEWER");
  const ok = async (res: Promise<APIResponse>, status = 200) => {
    const r = await res;
    expect(r.status(), await r.text()).toBe(status);
    return r.json();
  };
  const w = await ok(
    researcher.post("/api/v1/witnesses", {
      data: { fictional: true, identity: { legalName: SECRET }, consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-10", method: "WRITTEN" }] },
    }),
    201,
  );
  const st = await ok(researcher.post("/api/v1/statements", { data: { witnessId: w.id, title: "نمونهٔ ساختگی — آزمون پرونده", language: "fa", originalText: TEXT, interviewDate: "مرداد ۱۴۰۲" } }), 201);
  const nouri = ((await ok(researcher.get("/api/v1/persons?q=Hamid%20Nouri"))) as { items: { id: string; name: string }[] }).items.find((p) => p.name === "Hamid Nouri")!;
  const events = (await ok(researcher.get("/api/v1/events"))) as { items: { id: string; title: string }[] };
  const lockdown = events.items.find((e) => e.title === "Prisons locked down")!;
  const start = TEXT.indexOf(QUOTE);
  await ok(
    researcher.post("/api/v1/links", {
      data: { statementId: st.id, revisionNumber: 1, startOffset: start, endOffset: start + QUOTE.length, quote: QUOTE, personId: nouri.id, role: "TOOK_PART", allegationType: "KILLING", eventId: lockdown.id, proceedingId },
    }),
    201,
  );
  await ok(researcher.post(`/api/v1/statements/${st.id}/submit`));
  await ok(reviewer.post(`/api/v1/statements/${st.id}/take`));
  const checklist = Object.fromEntries(CHECKLIST.map((k) => [k, true]));
  await ok(reviewer.post(`/api/v1/statements/${st.id}/reviews`, { data: { revisionNumber: 1, decision: "VERIFIED", checklist, sourceReliability: "B", credibility: 2 } }), 201);
  return st.id as string;
}

test("legal builds a dossier for the Nouri proceeding, reorders it and previews it in English and Persian", async ({ page, baseURL, browser }) => {
  test.setTimeout(120_000);
  await signInAs(page, "LEGAL");
  await setLocale(page, baseURL!, "en");

  await page.goto("/proceedings");
  await page.getByRole("link", { name: "Prosecution of Hamid Nouri (Sweden)" }).click();
  await expect(page.getByTestId("proceeding-title")).toContainText("Hamid Nouri");
  const proceedingId = page.url().split("/").pop()!;
  const verifiedId = await verifiedLinkedStatement(browser, proceedingId);
  await page.getByTestId("build-dossier").click();
  await expect(page).toHaveURL(/\/dossiers\/new\?proceeding=/);
  // The picker arrives with the proceeding chosen and a title; the keyboard can change it.
  await expect(page.getByTestId("dossier-subject")).toHaveValue(`PROCEEDING:${proceedingId}`);
  await expect(page.getByTestId("dossier-title")).toHaveValue("Dossier: Prosecution of Hamid Nouri (Sweden)");
  await page.getByTestId("dossier-title").fill("Nouri — witness bundle");
  await page.getByTestId("dossier-submit").click();

  await expect(page).toHaveURL(/\/dossiers\/[^/]+$/);
  await expect(page.getByTestId("dossier-title")).toHaveText("Nouri — witness bundle");
  // The verified statements linked to the proceeding are pre-selected, oldest first: the demo's
  // Gohardasht sample, then this test's; the demo statements not verified are not.
  await expect(page.getByTestId("dossier-item")).toHaveCount(2);
  await expect(page.getByTestId("dossier-item").first().getByTestId("item-label")).toContainText("گوهردشت");
  await expect(page.getByTestId("dossier-item").nth(1)).toHaveAttribute("data-number", "CF-0002");
  await expect(page.getByTestId("dossier-item").nth(1).getByTestId("item-label")).toHaveAttribute("href", `/statements/${verifiedId}`);
  await expect(page.getByTestId("unverified-badge")).toHaveCount(0);
  const dossierUrl = page.url();
  const dossierId = dossierUrl.split("/").pop()!;

  // The Persian word for "fictional" is in every demo statement the legal team may see.
  await searchAndAddFirst(page, "ساختگی", "STATEMENT");
  await searchAndAddFirst(page, "Blood-soaked", "SOURCE");
  expect(await numbers(page)).toEqual(["CF-0001", "CF-0002", "CF-0003", "CF-0004"]);
  // A search the search engine refuses (too many words) is a message on the page, nothing more.
  await page.getByTestId("candidate-search").fill(Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "));
  await page.getByTestId("candidate-search-submit").click();
  await expect(page.getByTestId("candidate-search-error")).toBeVisible();
  expect(await numbers(page)).toEqual(["CF-0001", "CF-0002", "CF-0003", "CF-0004"]);
  // The statement added is not verified, and marked so.
  await expect(page.getByTestId("dossier-item").filter({ has: page.getByTestId("unverified-badge") })).toHaveCount(1);
  await expect(page.getByTestId("unverified-note")).toBeVisible();

  // Move CF-0003 up: the order changes, the numbers do not.
  await page.locator('[data-testid="dossier-item"][data-number="CF-0003"]').getByTestId("move-up").click();
  await expect.poll(() => numbers(page)).toEqual(["CF-0001", "CF-0003", "CF-0002", "CF-0004"]);
  await expect(page.locator('[data-testid="history-event"][data-action="dossier.item.move"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="history-event"][data-action="dossier.item.add"]')).toHaveCount(2);

  // A note on an item: shown in the builder, the history and the preview.
  const first = page.locator('[data-testid="dossier-item"][data-number="CF-0001"]');
  await first.locator("summary").click();
  await first.getByTestId("item-note").fill("Key passage: the list of names");
  await first.getByTestId("save-note").click();
  await expect(page.locator('[data-testid="dossier-item"][data-number="CF-0001"]')).toContainText("Key passage: the list of names");
  await expect(page.locator('[data-testid="history-event"][data-action="dossier.item.note"]')).toHaveCount(1);

  // The API agrees.
  const api = await page.request.get(`/api/v1/dossiers/${dossierId}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { items: { exhibitNumber: string; position: number; verified: boolean | null }[] };
  expect(body.items.map((i) => [i.exhibitNumber, i.position, i.verified])).toEqual([
    ["CF-0001", 1, true],
    ["CF-0003", 2, false],
    ["CF-0002", 3, true],
    ["CF-0004", 4, null],
  ]);

  await page.getByTestId("dossier-preview-link").click();
  await expect(page.getByTestId("preview-cover")).toContainText("Nouri — witness bundle");
  await expect(page.getByTestId("preview-cover")).toContainText("Prosecution of Hamid Nouri (Sweden)");
  // What the cover says of the proceeding besides its name, as the PDF's cover does: in English here.
  await expect(page.getByTestId("preview-charges-text")).toContainText("Torturing prisoners");
  await expect(page.getByTestId("preview-charges-text-fa")).toHaveCount(0);
  await expect(page.getByTestId("preview-status-text")).toContainText("Life sentence upheld on appeal");
  await expect(page.getByTestId("preview-counts")).toHaveText("3 statements, 0 exhibits, 1 source.");
  await expect(page.getByTestId("preview-unverified")).toBeVisible();
  const previewed = await page.getByTestId("preview-statement").evaluateAll((xs) => xs.map((x) => x.getAttribute("data-number")));
  expect(previewed).toEqual(["CF-0001", "CF-0003", "CF-0002"]);
  await expect(page.getByTestId("preview-statement").first()).toContainText("Key passage: the list of names");
  // The allegations against Nouri: this test's statement's, with the exact words and where they
  // are, and the one the demo's fictional Gohardasht sample links to him.
  const nouriPinpoints = page.getByTestId("allegation-section").filter({ hasText: "Hamid Nouri" }).getByTestId("pinpoint");
  await expect(nouriPinpoints).toHaveCount(2);
  await expect(nouriPinpoints.filter({ hasText: "حمید عباسی" })).toHaveCount(1);
  const pinpoint = nouriPinpoints.filter({ hasText: QUOTE });
  await expect(pinpoint).toHaveCount(1);
  await expect(pinpoint).toContainText(QUOTE);
  await expect(pinpoint).toContainText(`CF-0002 · revision 1, characters ${TEXT.indexOf(QUOTE)}–${TEXT.indexOf(QUOTE) + QUOTE.length}`);
  await expect(pinpoint.getByTestId("pinpoint-grade")).toHaveAttribute("data-grade", "B2");
  // What else the passage is linked to: the event and the proceeding, by their English titles here.
  await expect(pinpoint.getByTestId("pinpoint-event")).toHaveText("Event: Prisons locked down");
  await expect(pinpoint.getByTestId("pinpoint-proceeding")).toHaveText("Proceeding: Prosecution of Hamid Nouri (Sweden)");
  await expect(page.getByTestId("preview-chronology")).toContainText("Prisons locked down");
  await expect(page.getByTestId("preview-chronology")).toContainText("1367");
  // An event's places are listed with the reader's comma.
  await expect(page.getByTestId("preview-chronology")).toContainText("Evin Prison, Gohardasht Prison");
  await expect(page.getByTestId("preview-exhibits")).toContainText("CF-0004");
  await expect(page.getByTestId("preview-sources")).toContainText("Blood-soaked secrets");
  await expect(page.locator("body")).not.toContainText(SECRET);

  // The Persian interface: right to left, Persian headings, the numbers as they are.
  await setLocale(page, baseURL!, "fa");
  await page.goto(`/dossiers/${dossierId}/preview`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "گاه‌شمار رویدادها" })).toBeVisible();
  await expect(page.getByTestId("preview-contents")).toContainText("فهرست مدارک، با چکیده‌ها");
  await expect(page.getByTestId("preview-chronology")).toContainText("۱۳۶۷");
  await expect(page.getByTestId("preview-chronology")).toContainText("، ");
  // The charges in Persian first, the English under them.
  await expect(page.getByTestId("preview-charges-text-fa")).toContainText("شکنجهٔ زندانیان");
  await expect(page.getByTestId("preview-charges-text")).toContainText("Torturing prisoners");
  await expect(page.getByTestId("preview-allegations")).toContainText("حمید نوری — قتل");
  // The passage's event and proceeding by their Persian titles.
  const faPinpoint = page.getByTestId("pinpoint").filter({ hasText: QUOTE });
  await expect(faPinpoint.getByTestId("pinpoint-event")).toHaveText("رویداد: بسته شدن زندان‌ها و قطع ملاقات‌ها");
  await expect(faPinpoint.getByTestId("pinpoint-proceeding")).toHaveText("رسیدگی قضایی: پیگرد حمید نوری (سوئد)");
  await expect(page.getByTestId("preview-statement").first()).toContainText("CF-0001");
  await expect(page.locator("body")).not.toContainText(SECRET);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, "dossier-preview-fa.png"), fullPage: true });
  // The Persian list of dossiers names the proceeding by its Persian title.
  await page.goto("/dossiers");
  await expect(page.getByTestId("dossier-row").filter({ hasText: "Nouri — witness bundle" }).first().getByTestId("dossier-row-subject")).toHaveText("پیگرد حمید نوری (سوئد)");
  await page.goto(dossierUrl);
  await expect(page.getByRole("heading", { name: "محتوا، به ترتیب" })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, "dossier-builder-fa.png"), fullPage: true });
});

test("a researcher reads dossiers but is offered no way to change them", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  await setLocale(page, baseURL!, "en");
  await page.goto("/dossiers");
  await expect(page.getByTestId("new-dossier")).toHaveCount(0);
  await page.getByTestId("dossier-row").first().getByRole("link").click();
  await expect(page.getByTestId("dossier-items")).toBeVisible();
  await expect(page.getByTestId("move-up")).toHaveCount(0);
  await expect(page.getByTestId("dossier-add")).toHaveCount(0);
  const res = await page.request.post(`${page.url().replace(/^https?:\/\/[^/]+/, "")}`.replace("/dossiers/", "/api/v1/dossiers/") + "/items", { data: { kind: "SOURCE", refId: "x" } });
  expect(res.status()).toBe(403);
  await page.goto("/dossiers/new");
  await expect(page.getByTestId("dossier-form")).toHaveCount(0);
});

test("the dossier API answers bad input with 4xx and field messages, and changes nothing", async ({ page }) => {
  await signInAs(page, "LEGAL");
  const proceedings = (await (await page.request.get("/api/v1/proceedings")).json()) as { items?: { id: string; title: string }[] } | { id: string; title: string }[];
  const list = Array.isArray(proceedings) ? proceedings : (proceedings.items ?? []);
  const nouri = list.find((p) => p.title === "Prosecution of Hamid Nouri (Sweden)")!;
  expect(nouri).toBeTruthy();
  const created = await page.request.post("/api/v1/dossiers", { data: { title: "API dossier", subjectType: "PROCEEDING", subjectId: nouri.id, preselect: false } });
  expect(created.status()).toBe(201);
  const d = (await created.json()) as { id: string; items: unknown[] };
  expect(d.items).toEqual([]);

  const bad = await page.request.post("/api/v1/dossiers", { data: { title: "", subjectType: "COUNTRY", subjectId: "" } });
  expect(bad.status()).toBe(400);
  const badBody = (await bad.json()) as { error: { code: string; fields: Record<string, string[]> } };
  expect(badBody.error.code).toBe("INVALID_INPUT");
  expect(Object.keys(badBody.error.fields).sort()).toEqual(["subjectId", "subjectType", "title"]);

  const sources = (await (await page.request.get("/api/v1/sources?q=Blood-soaked")).json()) as { items: { id: string }[] };
  const sourceId = sources.items[0]!.id;
  const add = await page.request.post(`/api/v1/dossiers/${d.id}/items`, { data: { kind: "SOURCE", refId: sourceId } });
  expect(add.status()).toBe(201);
  const again = await page.request.post(`/api/v1/dossiers/${d.id}/items`, { data: { kind: "SOURCE", refId: sourceId } });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { fields: { refId: string[] } } }).error.fields.refId).toEqual(["This record is already in the dossier."]);
  const wrongKind = await page.request.post(`/api/v1/dossiers/${d.id}/items`, { data: { kind: "WITNESS", refId: sourceId } });
  expect(wrongKind.status()).toBe(400);
  const unknown = await page.request.post(`/api/v1/dossiers/${d.id}/items`, { data: { kind: "EXHIBIT", refId: "no-such-exhibit" } });
  expect(unknown.status()).toBe(400);
  expect((await page.request.patch(`/api/v1/dossiers/${d.id}/items/no-such-item`, { data: { move: "up" } })).status()).toBe(404);
  expect((await page.request.get("/api/v1/dossiers/no-such-dossier")).status()).toBe(404);

  const now = (await (await page.request.get(`/api/v1/dossiers/${d.id}`)).json()) as { items: { exhibitNumber: string }[] };
  expect(now.items.map((i) => i.exhibitNumber)).toEqual(["CF-0001"]);
  expect((await page.request.delete(`/api/v1/dossiers/${d.id}`)).status()).toBe(200);
  expect((await page.request.get(`/api/v1/dossiers/${d.id}`)).status()).toBe(404);
});

test("the dossier list says why an action sent the user back to it, in the user's language, and shows nothing for an unknown code", async ({ page, baseURL }) => {
  await signInAs(page, "LEGAL");
  // A dossier action given a malformed dossier id comes back here with ?error=INVALID_INPUT (actions.ts).
  await page.goto("/dossiers?error=INVALID_INPUT");
  await expect(page.getByTestId("dossier-error")).toHaveText("Some fields need attention. Nothing has been saved yet.");
  await expect(page.getByTestId("dossier-list").or(page.getByTestId("dossiers-empty"))).toBeVisible();
  await setLocale(page, baseURL!, "fa");
  await page.reload();
  await expect(page.getByTestId("dossier-error")).toHaveText("برخی فیلدها نیاز به اصلاح دارند. هنوز چیزی ذخیره نشده است.");
  await page.goto("/dossiers?error=%3Cb%3Ehello%3C%2Fb%3E");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("dossier-error")).toHaveCount(0);
});

test("a person's dossier preview says who they are on its cover: other names, summary and current status, the reader's language first", async ({ page, baseURL }) => {
  await signInAs(page, "LEGAL");
  const nouri = ((await (await page.request.get("/api/v1/persons?q=Hamid%20Nouri")).json()) as { items: { id: string; name: string }[] }).items.find((p) => p.name === "Hamid Nouri")!;
  const res = await page.request.post("/api/v1/dossiers", { data: { title: "Nouri — person cover test", subjectType: "PERSON", subjectId: nouri.id } });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };

  await setLocale(page, baseURL!, "en");
  await page.goto(`/dossiers/${id}/preview`);
  await expect(page.getByTestId("preview-aliases")).toContainText("Hamid Abbasi");
  await expect(page.getByTestId("preview-summary-text")).toContainText("Accused of helping carry out the executions");
  await expect(page.getByTestId("preview-summary-text-fa")).toHaveCount(0);
  // The demo records no current status for him: no empty heading.
  await expect(page.getByTestId("preview-status")).toHaveCount(0);

  await setLocale(page, baseURL!, "fa");
  await page.goto(`/dossiers/${id}/preview`);
  await expect(page.getByTestId("preview-summary-text-fa")).toContainText("دستیار");
  await expect(page.getByTestId("preview-summary-text")).toContainText("Accused of helping carry out the executions");
});

test("a new dossier sent without a subject is told once to choose one, in the reader's language", async ({ page, baseURL }) => {
  await signInAs(page, "LEGAL");
  for (const locale of ["en", "fa"] as const) {
    await setLocale(page, baseURL!, locale);
    await page.goto("/dossiers/new");
    await page.getByTestId("dossier-subject").selectOption("");
    await page.getByTestId("dossier-submit").click();
    const error = page.getByTestId("field-error-subject");
    await expect(error).toBeVisible();
    // One sentence: the picker is one field, not a wrong type and a missing id.
    const sentences = (await error.innerText()).split(/[.۔]\s*/).filter((s) => s.replace(/[!\s]/g, "").length > 0);
    expect(sentences, locale).toHaveLength(1);
    await expect(page).toHaveURL(/\/dossiers\/new/);
  }
});
