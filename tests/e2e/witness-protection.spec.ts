import { readFileSync } from "node:fs";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { demoUser, expect, setLocale, signInWith, test } from "./fixtures";

// Witness protection in the browser: identity is typed once, shown nowhere by default, revealed
// only for a reason (and audited), and a legal team sees a witness only while the witness's
// consent covers legal sharing. Plus the calendar switch on a Solar Hijri interview date.

// Distinctive, so a leak anywhere in a page is unmistakable.
const NAME = "Quilldrevna Ostramesk";
const LEGAL_NAME = "Vashtirel Pombrequin";

async function signedIn(baseURL: string, role: "RESEARCHER" | "LEGAL" | "ADMIN"): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const u = demoUser(role);
  await signInWith(ctx, u.email, u.password);
  return ctx;
}

async function signInPage(page: Page, role: "RESEARCHER" | "LEGAL" | "REVIEWER" | "ADMIN") {
  await page.context().clearCookies();
  const u = demoUser(role);
  await signInWith(page.request, u.email, u.password);
}

/** A witness (and one statement) made through the API, as the researcher. */
async function witnessWithStatement(api: APIRequestContext, input: object, interviewDate = "1402-10-20") {
  const w = await api.post("/api/v1/witnesses", { data: input });
  expect(w.status()).toBe(201);
  const witness = (await w.json()) as { id: string; code: string };
  const s = await api.post("/api/v1/statements", {
    data: { witnessId: witness.id, title: `Statement of ${witness.code}`, language: "en", originalText: "The visits stopped that summer.", interviewDate },
  });
  expect(s.status()).toBe(201);
  return { witness, statementId: ((await s.json()) as { id: string }).id };
}

test("a researcher registers a witness with identity and consent; the name appears in no list, and a reveal with a reason shows it once", async ({ page }) => {
  await signInPage(page, "RESEARCHER");
  await page.goto("/witnesses/new");
  await page.getByTestId("identity-legalName").fill(NAME);
  await page.getByTestId("identity-contact").fill("+1 555 0199\nvia a cousin");
  await page.getByTestId("consent-LEGAL_SHARING").check();

  // A ticked scope without a date: a field error, nothing saved, what was typed kept.
  await page.getByTestId("witness-submit").click();
  await expect(page.getByTestId("field-error-consentGivenAt")).toBeVisible();
  await expect(page.getByTestId("identity-legalName")).toHaveValue(NAME);
  await expect(page.getByTestId("consent-LEGAL_SHARING")).toBeChecked();

  await page.getByTestId("consent-given-at").fill("20 Dey 1402");
  await page.getByTestId("witness-submit").click();
  const created = page.getByTestId("witness-created");
  await expect(created).toBeVisible();
  const code = (await created.innerText()).match(/W-\d{4}/)![0];

  // The witness list: codes only. (Filtered to the code: the list is paged, and when other
  // tests have registered witnesses before this one it is past the first page.)
  await page.goto(`/witnesses?q=${code}`);
  const row = page.locator(`[data-testid="witness-row"][data-code="${code}"]`);
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(NAME);

  // A statement for the witness; the statement list and page do not carry the name either.
  await row.getByTestId("witness-link").click();
  await expect(page.getByTestId("witness-heading")).toContainText(code);
  const witnessUrl = page.url();
  await page.goto(`/statements/new?witnessId=${witnessUrl.split("/").pop()}`);
  await expect(page.locator('input[name="witnessCode"]')).toHaveValue(code);
  await page.locator('input[name="title"]').fill("Protected witness statement");
  await page.locator('select[name="language"]').selectOption("en");
  await page.locator('textarea[name="originalText"]').fill("I was held in ward 3.");
  await page.getByTestId("statement-submit").click();
  await expect(page.getByTestId("statement-text")).toContainText("ward 3");
  expect(await page.content()).not.toContain(NAME);
  await page.goto("/statements");
  await expect(page.getByTestId("statement-list")).toContainText("Protected witness statement");
  expect(await page.content()).not.toContain(NAME);

  // The statement page links its witness code to the witness record.
  await page.goto("/statements");
  await page.getByRole("link", { name: "Protected witness statement" }).click();
  await page.getByTestId("witness-code").click();
  await expect(page).toHaveURL(witnessUrl);

  // The witness page says which fields are recorded, never what they hold.
  await expect(page.locator('[data-testid="identity-fields"] li[data-field="legalName"]')).toHaveAttribute("data-recorded", "true");
  await expect(page.locator('[data-testid="identity-fields"] li[data-field="birthDate"]')).toHaveAttribute("data-recorded", "false");
  await expect(page.locator('[data-testid="consent-row"][data-scope="LEGAL_SHARING"]')).toHaveAttribute("data-in-force", "true");
  expect(await page.content()).not.toContain(NAME);

  // A reveal without a reason is refused; with one, the identity shows, from a response no cache keeps.
  await page.getByTestId("reveal-submit").click();
  await expect(page.getByTestId("field-error-reason")).toBeVisible();
  await expect(page.getByTestId("revealed-identity")).toHaveCount(0);
  await page.locator('[data-testid="reveal-form"] textarea[name="reason"]').fill("to arrange a follow-up interview");
  const actionResponse = page.waitForResponse((r) => r.request().method() === "POST" && r.url() === witnessUrl);
  await page.getByTestId("reveal-submit").click();
  const res = await actionResponse;
  expect(res.headers()["cache-control"] ?? "").toContain("no-store");
  await expect(page.getByTestId("revealed-legalName")).toHaveText(NAME);
  await expect(page.getByTestId("revealed-contact")).toContainText("via a cousin");
  await expect(page.getByTestId("reveal-notice")).toContainText("audit log");
  expect(page.url()).toBe(witnessUrl);

  // Hidden again by the button, and by a reload: the page itself never carries it.
  await page.getByTestId("hide-identity").click();
  await expect(page.getByTestId("revealed-identity")).toHaveCount(0);
  await page.reload();
  expect(await page.content()).not.toContain(NAME);

  // Changing identity: the form starts empty; only what is filled in or marked to be cleared changes.
  await page.getByTestId("edit-identity").locator("summary").click();
  const identityForm = page.getByTestId("identity-form");
  await expect(identityForm.getByTestId("identity-legalName")).toHaveValue("");
  await identityForm.getByTestId("identity-contact").fill("a new number");
  await identityForm.getByTestId("clear-contact").check();
  await identityForm.getByTestId("identity-submit").click();
  await expect(page.getByTestId("field-error-contact")).toBeVisible(); // both a value and "clear"
  await page.getByTestId("identity-form").getByTestId("identity-contact").fill("");
  await page.getByTestId("identity-form").getByTestId("identity-birthDate").fill("1340");
  await page.getByTestId("identity-form").getByTestId("identity-submit").click();
  await expect(page.getByTestId("identity-form").getByTestId("form-ok")).toBeVisible();
  await expect(page.locator('[data-testid="identity-fields"] li[data-field="contact"]')).toHaveAttribute("data-recorded", "false");
  await expect(page.locator('[data-testid="identity-fields"] li[data-field="birthDate"]')).toHaveAttribute("data-recorded", "true");
  await expect(page.locator('[data-testid="identity-fields"] li[data-field="legalName"]')).toHaveAttribute("data-recorded", "true");
  expect(await page.content()).not.toContain(NAME);

  // The reveal and its reason are in the audit log, the name is not.
  const witnessId = witnessUrl.split("/").pop()!;
  await signInPage(page, "LEGAL"); // legal teams read the audit log
  await page.goto("/audit");
  const reveal = page.getByTestId("audit-row").filter({ hasText: witnessId }).filter({ hasText: "witness.reveal" });
  await expect(reveal).toHaveCount(1);
  expect(await page.content()).not.toContain(NAME);
});

test("a legal team sees a witness only while consent covers legal sharing, and loses it the moment consent is withdrawn", async ({ page, baseURL }) => {
  const researcher = await signedIn(baseURL!, "RESEARCHER");
  const { witness, statementId } = await witnessWithStatement(researcher, {
    protectionLevel: "PROTECTED",
    identity: { legalName: LEGAL_NAME },
    consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2024-01-10", method: "ORAL_RECORDED" }],
  });
  const legal = await signedIn(baseURL!, "LEGAL");

  // Without legal-sharing consent the witness does not exist for a legal team.
  await signInPage(page, "LEGAL");
  expect((await page.goto(`/witnesses/${witness.id}`))!.status()).toBe(404);
  expect((await page.goto(`/statements/${statementId}`))!.status()).toBe(404);
  expect((await legal.get(`/api/v1/witnesses/${witness.id}`)).status()).toBe(404);
  const refused = await legal.post(`/api/v1/witnesses/${witness.id}/reveal`, { data: { reason: "trial preparation" } });
  expect(refused.status()).toBe(404);
  expect(await refused.text()).not.toContain(LEGAL_NAME);

  // The researcher records legal-sharing consent on the witness page.
  await signInPage(page, "RESEARCHER");
  await page.goto(`/witnesses/${witness.id}`);
  await page.getByTestId("record-consent").locator("summary").click();
  const form = page.getByTestId("consent-form");
  await form.locator('select[name="scope"]').selectOption("LEGAL_SHARING");
  await form.locator('input[name="givenAt"]').fill("August 2024"); // a month is not a day: refused
  await form.getByTestId("consent-submit").click();
  await expect(page.getByTestId("field-error-givenAt")).toBeVisible();
  await page.getByTestId("consent-form").locator('input[name="givenAt"]').fill("2024-08-12");
  await page.getByTestId("consent-form").locator('select[name="method"]').selectOption("WRITTEN");
  await page.getByTestId("consent-form").locator('textarea[name="note"]').fill("for the Stockholm proceedings only");
  await page.getByTestId("consent-submit").click();
  await expect(page.locator('[data-testid="consent-row"][data-scope="LEGAL_SHARING"]')).toHaveAttribute("data-in-force", "true");
  await expect(page.getByTestId("consent-in-force")).toContainText("Sharing with legal teams");

  // Now the legal team sees the witness and its statement, and may reveal with a reason.
  await signInPage(page, "LEGAL");
  expect((await page.goto(`/statements/${statementId}`))!.status()).toBe(200);
  expect((await page.goto(`/witnesses/${witness.id}`))!.status()).toBe(200);
  await expect(page.getByTestId("witness-heading")).toContainText(witness.code);
  await expect(page.getByTestId("edit-identity")).toHaveCount(0);
  await expect(page.getByTestId("record-consent")).toHaveCount(0);
  await page.locator('[data-testid="reveal-form"] textarea[name="reason"]').fill("trial preparation");
  await page.getByTestId("reveal-submit").click();
  await expect(page.getByTestId("revealed-legalName")).toHaveText(LEGAL_NAME);
  const api = await legal.post(`/api/v1/witnesses/${witness.id}/reveal`, { data: { reason: "trial preparation" } });
  expect(api.status()).toBe(200);
  expect(api.headers()["cache-control"]).toContain("no-store");
  expect(((await api.json()) as { identity: { legalName: string } }).identity.legalName).toBe(LEGAL_NAME);

  // The researcher withdraws it: the confirmation is required, then it takes effect at once.
  await signInPage(page, "RESEARCHER");
  await page.goto(`/witnesses/${witness.id}`);
  const row = page.locator('[data-testid="consent-row"][data-scope="LEGAL_SHARING"][data-in-force="true"]');
  await row.getByTestId("withdraw-consent").locator("summary").click();
  await row.locator('textarea[name="note"]').fill("the family was threatened");
  await row.getByTestId("withdraw-submit").click();
  await expect(page.getByTestId("field-error-confirm")).toBeVisible();
  await expect(row).toHaveCount(1);
  await row.getByTestId("withdraw-confirm").check();
  await row.getByTestId("withdraw-submit").click();
  const withdrawn = page.locator('[data-testid="consent-row"][data-scope="LEGAL_SHARING"]');
  await expect(withdrawn).toHaveAttribute("data-in-force", "false");
  await expect(withdrawn.getByTestId("consent-withdrawn")).toContainText(demoUser("RESEARCHER").name);
  await expect(withdrawn).toContainText("the family was threatened");
  await expect(page.locator('[data-testid="consent-row"][data-scope="INTERNAL_RESEARCH"]')).toHaveAttribute("data-in-force", "true");

  // The legal team's very next requests find nothing.
  await signInPage(page, "LEGAL");
  expect((await page.goto(`/witnesses/${witness.id}`))!.status()).toBe(404);
  expect((await page.goto(`/statements/${statementId}`))!.status()).toBe(404);
  expect((await legal.get(`/api/v1/witnesses/${witness.id}`)).status()).toBe(404);
  expect((await legal.get(`/api/v1/statements/${statementId}`)).status()).toBe(404);
  expect((await legal.post(`/api/v1/witnesses/${witness.id}/reveal`, { data: { reason: "again" } })).status()).toBe(404);
  await researcher.dispose();
  await legal.dispose();
});

test("in Persian, a researcher withdraws a witness's consent to internal research: the warning says what follows, and the testimony is gone for researchers and reviewers but not for an admin", async ({ page, baseURL }) => {
  const fa = JSON.parse(readFileSync(join(process.cwd(), "messages/fa.json"), "utf8")) as { witness: { testimonyWithheld: string; consent: { withdrawWarningResearch: string; scopes: Record<string, string> } } };
  const word = `Quorvantel${Date.now() % 100000}`; // made up, so only this statement has it
  const researcher = await signedIn(baseURL!, "RESEARCHER");
  const w = await researcher.post("/api/v1/witnesses", { data: { consents: [{ scope: "INTERNAL_RESEARCH", givenAt: "2024-01-10", method: "ORAL_RECORDED" }] } });
  expect(w.status()).toBe(201);
  const witness = (await w.json()) as { id: string; code: string };
  const s = await researcher.post("/api/v1/statements", { data: { witnessId: witness.id, title: "نمونهٔ ساختگی", language: "en", originalText: `Fictional: the corridor was called ${word}.` } });
  expect(s.status()).toBe(201);
  const statementId = ((await s.json()) as { id: string }).id;

  await signInPage(page, "RESEARCHER");
  await setLocale(page, baseURL!, "fa");
  await page.goto(`/witnesses/${witness.id}`);
  await expect(page.getByTestId("witness-statements")).toContainText("نمونهٔ ساختگی");
  const row = page.locator('[data-testid="consent-row"][data-scope="INTERNAL_RESEARCH"][data-in-force="true"]');
  await row.getByTestId("withdraw-consent").locator("summary").click();
  await expect(row).toContainText(fa.witness.consent.withdrawWarningResearch.replace("{scope}", fa.witness.consent.scopes.INTERNAL_RESEARCH));
  await row.getByTestId("withdraw-confirm").check();
  await row.getByTestId("withdraw-submit").click();
  await expect(page.locator('[data-testid="consent-row"][data-scope="INTERNAL_RESEARCH"]')).toHaveAttribute("data-in-force", "false");
  // The witness stays, saying why the statements are not shown, with no way to add one.
  await expect(page.getByTestId("testimony-withheld")).toHaveText(fa.witness.testimonyWithheld);
  await expect(page.getByTestId("witness-statements")).not.toContainText("نمونهٔ ساختگی");
  await expect(page.locator(`a[href="/statements/new?witnessId=${witness.id}"]`)).toHaveCount(0);
  expect((await page.goto(`/statements/${statementId}`))!.status()).toBe(404);
  expect((await researcher.get(`/api/v1/statements/${statementId}`)).status()).toBe(404);
  const found = (await (await researcher.get(`/api/v1/search?q=${word}`)).json()) as { items: unknown[]; total: number };
  expect(found).toMatchObject({ items: [], total: 0 });

  await signInPage(page, "REVIEWER");
  expect((await page.goto(`/statements/${statementId}`))!.status()).toBe(404);

  // The admin, the archive's custodian, still reads it and finds it.
  await signInPage(page, "ADMIN");
  expect((await page.goto(`/statements/${statementId}`))!.status()).toBe(200);
  const admin = await signedIn(baseURL!, "ADMIN");
  const forAdmin = (await (await admin.get(`/api/v1/search?q=${word}`)).json()) as { items: { id: string }[] };
  expect(forAdmin.items.map((i) => i.id)).toEqual([statementId]);
  await researcher.dispose();
  await admin.dispose();
});

test("the calendar switch shows a Solar Hijri interview date in the Gregorian calendar and back, next to the date as given", async ({ page, baseURL }) => {
  await signInPage(page, "RESEARCHER");
  const { statementId } = await witnessWithStatement(page.request, { consents: [] }, "۱۲ مرداد ۱۳۶۷");
  const date = page.getByTestId("interview-date");

  // English interface, no choice made yet: Gregorian.
  await page.goto(`/statements/${statementId}`);
  await expect(page.getByTestId("calendar-gregorian")).toHaveAttribute("aria-pressed", "true");
  await expect(date).toContainText("۱۲ مرداد ۱۳۶۷");
  await expect(date).toContainText("3 August 1988");
  await expect(date.locator(".fuzzy-date")).toHaveAttribute("title", /1988-08-03/);

  // Solar Hijri, remembered across pages.
  await page.getByTestId("calendar-persian").click();
  await expect(page.getByTestId("calendar-persian")).toHaveAttribute("aria-pressed", "true");
  await expect(date).toContainText("12 Mordad 1367");
  await expect(date).not.toContainText("August");
  await page.goto(`/statements/${statementId}`);
  await expect(date).toContainText("12 Mordad 1367");

  // The Persian interface with the Gregorian calendar chosen.
  await page.getByTestId("locale-fa").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByTestId("calendar-gregorian").click();
  await expect(date).toContainText("۳ اوت ۱۹۸۸");
  await expect(date).toContainText("۱۲ مرداد ۱۳۶۷");

  // Until a reader chooses, the Persian interface reads dates in the Solar Hijri calendar.
  await page.context().clearCookies({ name: "casefile-calendar" });
  await page.reload();
  await expect(page.getByTestId("calendar-persian")).toHaveAttribute("aria-pressed", "true");
  await expect(date).toContainText("۱۲ مرداد ۱۳۶۷");
  await expect(date).not.toContainText("۱۹۸۸");
  void baseURL;
});

test("restoring an earlier revision saves its content again as a new revision and keeps the history", async ({ page }) => {
  await signInPage(page, "RESEARCHER");
  const { statementId } = await witnessWithStatement(page.request, {});
  const first = await (await page.request.get(`/api/v1/statements/${statementId}`)).json();
  const edited = await page.request.patch(`/api/v1/statements/${statementId}`, {
    data: { title: first.title, language: "en", originalText: "A wrong correction.", reason: "mistaken edit", baseRevision: 1 },
  });
  expect(edited.status()).toBe(200);
  expect((await edited.json()).revisionNumber).toBe(2);

  // The current revision offers no restore; an earlier one does.
  await page.goto(`/statements/${statementId}/revisions/2`);
  await expect(page.getByTestId("restore-form")).toHaveCount(0);
  await page.goto(`/statements/${statementId}/revisions/1`);
  await page.locator('[data-testid="restore-form"] textarea[name="reason"]').fill("the edit was a mistake");
  await page.getByTestId("restore-submit").click();
  await expect(page).toHaveURL(new RegExp(`/statements/${statementId}$`));
  await expect(page.getByTestId("statement-text")).toHaveText("The visits stopped that summer.");
  await expect(page.getByTestId("revision-row")).toHaveCount(3);
  await expect(page.locator('[data-testid="revision-row"][data-revision="3"]')).toContainText("the edit was a mistake");

  // A restore from a page opened before someone else saved is refused, not applied over it.
  await page.goto(`/statements/${statementId}/revisions/2`);
  const stale = await page.request.patch(`/api/v1/statements/${statementId}`, {
    data: { title: first.title, language: "en", originalText: "Another edit.", reason: "meanwhile", baseRevision: 3 },
  });
  expect(stale.status()).toBe(200);
  await page.getByTestId("restore-submit").click();
  await expect(page.getByTestId("field-error-baseRevision")).toBeVisible();
  await page.goto(`/statements/${statementId}`);
  await expect(page.getByTestId("revision-row")).toHaveCount(4);
});
