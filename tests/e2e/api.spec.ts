import { request as playwrightRequest } from "@playwright/test";
import { aStatementId, demoUser, expect, signInAs, signInWith, test } from "./fixtures";

// The JSON API contract: authentication, validation, error shape, and that bad input
// changes nothing.

async function tokenFor(baseURL: string, role: "RESEARCHER" | "ADMIN" | "REVIEWER" | "LEGAL") {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const u = demoUser(role);
  await signInWith(ctx, u.email, u.password);
  return ctx;
}

test("health names the database and needs no sign-in", async ({ request }) => {
  const res = await request.get("/api/v1/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "sqlite" });
});

test("the OpenAPI document describes the statements API from the shared schemas", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.paths["/statements"].post).toBeTruthy();
  expect(doc.components.schemas.CreateStatement.required).toEqual(expect.arrayContaining(["witnessId", "title", "language", "originalText"]));
  expect(doc.components.schemas.CreateStatementByCode.required).toEqual(expect.arrayContaining(["witnessCode", "title", "language", "originalText"]));
});

test("a signed-out client gets 401 with the error shape from every data route", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/statements"],
    ["POST", "/api/v1/statements"],
    ["GET", "/api/v1/statements/anything"],
    ["PUT", "/api/v1/statements/anything"],
    ["GET", "/api/v1/audit/verify"],
  ] as const) {
    const res = await request.fetch(path, { method, data: method === "GET" ? undefined : {} });
    expect(res.status(), `${method} ${path}`).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe("UNAUTHENTICATED");
  }
});

test("a bad bearer token is refused with 401", async ({ request }) => {
  const res = await request.get("/api/v1/statements", { headers: { Authorization: "Bearer cf_not-a-real-token" } });
  expect(res.status()).toBe(401);
});

test("invalid input answers 400 with field errors in the asked language and creates nothing", async ({ baseURL }) => {
  const api = await tokenFor(baseURL!, "RESEARCHER");
  const before = (await (await api.get("/api/v1/statements")).json()).total;
  const res = await api.post("/api/v1/statements", {
    data: { witnessId: "", title: "   ", language: "de", originalText: "" },
    headers: { "Accept-Language": "fa" },
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe("INVALID_INPUT");
  expect(Object.keys(body.error.fields).sort()).toEqual(["language", "originalText", "title", "witnessId"]);
  expect(body.error.fields.title[0]).toBe("پر کردن این فیلد الزامی است.");
  const malformed = await api.post("/api/v1/statements", { headers: { "Content-Type": "application/json" }, data: "{not json" });
  expect(malformed.status()).toBe(400);
  // A text over the schema's limit is a field error; a body over the request limit (8 MiB) is refused unread.
  const long = await api.post("/api/v1/statements", { data: { witnessId: "x", title: "t", language: "en", originalText: "x".repeat(1_100_000) } });
  expect(long.status()).toBe(400);
  expect((await long.json()).error.fields.originalText[0]).toMatch(/^Use at most 200,?000 characters\.$/);
  const huge = await api.post("/api/v1/statements", { data: { witnessId: "x", title: "t", language: "en", originalText: "x".repeat(8_500_000) } });
  expect(huge.status()).toBe(413);
  expect((await (await api.get("/api/v1/statements")).json()).total).toBe(before);
});

test("a page of another site cannot write through the API with the reader's cookie; Casefile's own pages and a token can", async ({ page, baseURL }) => {
  await signInAs(page, "RESEARCHER");
  const existing = await (await page.request.get(`/api/v1/statements/${await aStatementId(page)}`)).json();
  const draft = await (await page.request.post("/api/v1/statements", { data: { witnessId: existing.witnessId, title: "Fictional draft a page of another site tries to submit", language: "en", originalText: "Fictional text." } })).json();
  expect(draft.status).toBe("DRAFT");
  // Another port of the same host is the same site: the browser sends the session cookie with a
  // form it posts from there. A form's text/plain body needs no preflight.
  const foreign = "http://127.0.0.1:1";
  await page.route(`${foreign}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<form method="post" enctype="text/plain" action="${baseURL}/api/v1/statements/${draft.id}/submit"><input name="x" value="1"></form><script>document.forms[0].submit()</script>`,
    }),
  );
  const answered = page.waitForResponse((r) => r.url().endsWith(`/api/v1/statements/${draft.id}/submit`));
  await page.goto(`${foreign}/page`);
  const res = await answered;
  expect(res.status()).toBe(403);
  expect((await res.json()).error.code).toBe("FORBIDDEN");
  expect((await (await page.request.get(`/api/v1/statements/${draft.id}`)).json()).status).toBe("DRAFT");
  // The same post with another Origin, as a fetch would send it: refused too, nothing created.
  const before = (await (await page.request.get("/api/v1/statements?pageSize=1")).json()).total;
  const posted = await page.request.post("/api/v1/statements", { headers: { Origin: foreign }, data: { witnessId: existing.witnessId, title: "Fictional", language: "en", originalText: "Fictional." } });
  expect(posted.status()).toBe(403);
  expect((await (await page.request.get("/api/v1/statements?pageSize=1")).json()).total).toBe(before);
  // From Casefile's own page the same submission goes through.
  await page.goto(`${baseURL}/statements/${draft.id}`);
  const own = await page.evaluate(async (id) => {
    const r = await fetch(`/api/v1/statements/${id}/submit`, { method: "POST" });
    return { status: r.status, body: await r.json() };
  }, draft.id);
  expect(own).toMatchObject({ status: 200, body: { status: "SUBMITTED" } });
});

test("a researcher creates, reads and revises a statement through the API; a reviewer may not edit it", async ({ baseURL }) => {
  const api = await tokenFor(baseURL!, "RESEARCHER");
  const list = await (await api.get("/api/v1/statements?pageSize=1")).json();
  expect(list.items).toHaveLength(1);
  // A witness to attach the statement to: take the one of an existing statement.
  const existing = await (await api.get(`/api/v1/statements/${list.items[0].id}`)).json();
  expect(existing.witnessCode).toMatch(/^W-\d{4}$/);

  // A page of witnesses (fifty by default): asked for by the code, so it holds that witness however many there are.
  const witnesses = await (await api.get(`/api/v1/witnesses?q=${existing.witnessCode}`)).json();
  expect(witnesses.items.map((w: { code: string }) => w.code)).toContain(existing.witnessCode);

  const created = await api.post("/api/v1/statements", {
    data: { witnessId: existing.witnessId, title: "API test", language: "fa", originalText: "متن آزمایشی" },
  });
  expect(created.status()).toBe(201);
  const s = await created.json();
  expect(s).toMatchObject({ title: "API test", language: "fa", originalText: "متن آزمایشی", revisionNumber: 1, status: "DRAFT" });

  const updated = await api.put(`/api/v1/statements/${s.id}`, {
    data: { title: "API test", language: "fa", originalText: "متن آزمایشی، ویرایش شده", reason: "typo", baseRevision: 1 },
  });
  expect(updated.status()).toBe(200);
  expect((await updated.json()).revisionNumber).toBe(2);

  const stale = await api.put(`/api/v1/statements/${s.id}`, {
    data: { title: "x", language: "fa", originalText: "y", reason: "stale", baseRevision: 1 },
  });
  expect(stale.status()).toBe(409);

  const reviewer = await tokenFor(baseURL!, "REVIEWER");
  const refused = await reviewer.put(`/api/v1/statements/${s.id}`, {
    data: { title: "x", language: "fa", originalText: "y", reason: "z", baseRevision: 2 },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("FORBIDDEN");

  const missing = await api.get("/api/v1/statements/does-not-exist");
  expect(missing.status()).toBe(404);

  const verify = await (await api.get("/api/v1/audit/verify")).json();
  expect(verify.ok).toBe(true);
  expect(verify.events).toBeGreaterThan(2);
});

// The longest statement the schema allows must get through: a three-hour Persian testimony with
// its translations is over a megabyte (Next's own limit for a form, and ours once).
test("a statement of more than a megabyte is saved through the API and edited through its form", async ({ baseURL, page }) => {
  const api = await tokenFor(baseURL!, "RESEARCHER");
  const list = await (await api.get("/api/v1/statements?pageSize=1")).json();
  const witnessId = (await (await api.get(`/api/v1/statements/${list.items[0].id}`)).json()).witnessId;
  const text = "شاهد گفت که او را به سالن بردند. ".repeat(6_000).slice(0, 200_000).trim();
  const translation = "The witness said they took him to the hall. ".repeat(4_600).slice(0, 200_000).trim();
  const data = { witnessId, title: "Long testimony", language: "fa", originalText: text, translations: [1, 2, 3, 4].map((n) => ({ language: "en", translator: `Translator ${n}`, text: translation })) };
  expect(Buffer.byteLength(JSON.stringify(data))).toBeGreaterThan(1_000_000);
  const created = await api.post("/api/v1/statements", { data });
  expect(created.status()).toBe(201);
  const s = await created.json();
  expect(s.originalText).toBe(text);

  // The edit form posts the whole text and the translations again (over 1 MB) with the new title.
  await signInWith(page.request, demoUser("RESEARCHER").email, demoUser("RESEARCHER").password);
  await page.goto(`/statements/${s.id}/edit`);
  const form = page.getByTestId("statement-edit-form");
  await form.locator("input[name=title]").fill("Long testimony, titled again");
  await form.locator("input[name=reason], textarea[name=reason]").first().fill("title");
  await form.locator("button[type=submit]").last().click();
  await expect(page).toHaveURL(new RegExp(`/statements/${s.id}(\\?.*)?$`));
  const after = await (await api.get(`/api/v1/statements/${s.id}`)).json();
  expect(after).toMatchObject({ title: "Long testimony, titled again", revisionNumber: 2, originalText: text });
});
