import { readFileSync } from "node:fs";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { demoUser, expect, signInWith, test } from "./fixtures";

// Server actions at the protocol level: what a browser without JavaScript posts, and what a
// hand-made client can post instead. None of it may answer 500, hang the server or change data.

type Messages = { actionRequest: Record<"malformed" | "origin" | "tooLarge" | "unknownAction", string>; errors: Record<string, string> };
const messages = (locale: string) => JSON.parse(readFileSync(join(process.cwd(), `messages/${locale}.json`), "utf8")) as Messages;
const en = messages("en");
const fa = messages("fa");

type ManifestEntry = { exportedName: string; workers: Record<string, unknown> };

/** A page whose worker holds the action (its route groups dropped, its [params] filled in). */
function actionPages(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  const page = (worker: string) =>
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .split("/")
      .filter((seg) => !/^\(.*\)$/.test(seg))
      .map((seg) => (/^\[.*\]$/.test(seg) ? "nope" : seg))
      .join("/") || "/";
  return Object.fromEntries(Object.values(manifest.node).map((v) => [v.exportedName, page(Object.keys(v.workers)[0]!)]));
}

function actionIds(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.fromEntries(Object.entries(manifest.node).map(([id, v]) => [v.exportedName, id]));
}

async function admin(baseURL: string | undefined): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  await signInWith(ctx, demoUser("ADMIN").email, demoUser("ADMIN").password);
  return ctx;
}

async function healthy(ctx: APIRequestContext) {
  const res = await ctx.get("/api/v1/health", { timeout: 5_000 });
  expect(res.status()).toBe(200);
}

// The same form with JavaScript: React sends it as multipart with the fields under a prefix,
// and the action must read them (a check that the form is a FormData once read them as none).
test("a create form sent with JavaScript saves what was typed", async ({ page }) => {
  await signInWith(page.request, demoUser("ADMIN").email, demoUser("ADMIN").password);
  await page.goto("/places/new");
  const name = `Scripted place ${Date.now()}`;
  await page.locator("input[name=name]").fill(name);
  await page.locator("form button[type=submit]").last().click();
  await expect(page).toHaveURL(/\/places\/[^/]+\?saved=1$/);
  await expect(page.getByText(name).first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  // The browser sends "Origin: null" with a form post under Referrer-Policy: no-referrer, and
  // Next refused every such post with a 500.
  test("a create form posts, saves and lands on the new record", async ({ page, baseURL }) => {
    await signInWith(page.request, demoUser("ADMIN").email, demoUser("ADMIN").password);
    await page.goto("/places/new");
    const name = `No-script place ${Date.now()}`;
    await page.locator("input[name=name]").fill(name);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator("form button[type=submit]").last().click()]);
    expect(res.status()).toBeLessThan(500);
    await expect(page).toHaveURL(/\/places\/[^/]+\?saved=1$/);
    await expect(page.getByText(name).first()).toBeVisible();
  });

  // A form whose action is bound to a record in a client component (useActionState(action.bind(…)))
  // rendered again after a post without JavaScript: React retried the render forever on a new
  // promise each time, and the server stopped answering anyone.
  test("a form bound to a record answers with its errors, and the server keeps answering", async ({ page, baseURL }) => {
    await signInWith(page.request, demoUser("ADMIN").email, demoUser("ADMIN").password);
    await page.goto("/sources");
    const href = await page.locator("a[href^='/sources/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")).find((h) => h && /^\/sources\/[^/]+$/.test(h) && h !== "/sources/new"));
    expect(href).toBeTruthy();
    await page.goto(href!);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST", { timeout: 20_000 }),
      page.getByTestId("grade-submit").click({ noWaitAfter: true }),
    ]);
    expect(res.status()).toBeLessThan(500);
    await expect(page.getByTestId("grade-form")).toBeVisible();
    await healthy(page.request);
  });

  // The same for forms bound to one row of a list (the page binds each row's action): a consent
  // of a witness, refused without its confirmation, and a link of a statement, deleted.
  test("forms bound to one row of a list answer, and the server keeps answering", async ({ page }) => {
    await signInWith(page.request, demoUser("ADMIN").email, demoUser("ADMIN").password);
    await page.goto("/witnesses");
    const witnessHrefs = await page.locator("a[href^='/witnesses/']").evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!).filter((h) => /^\/witnesses\/[^/]+$/.test(h) && h !== "/witnesses/new"))]);
    let row = null;
    for (const href of witnessHrefs) {
      await page.goto(href);
      const inForce = page.locator('[data-testid="consent-row"][data-in-force="true"]');
      if ((await inForce.count()) > 0) {
        row = inForce.first();
        break;
      }
    }
    expect(row, "a demo witness with a consent in force").not.toBeNull();
    await row!.getByTestId("withdraw-consent").locator("summary").click();
    const [withdraw] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST", { timeout: 20_000 }),
      row!.getByTestId("withdraw-submit").click({ noWaitAfter: true }),
    ]);
    expect(withdraw.status()).toBeLessThan(500);
    await expect(page.getByTestId("field-error-confirm")).toBeVisible();
    await healthy(page.request);

    // A statement with two links of this test's own (the demo's links stay for other tests).
    // One is deleted; the page that answers still shows the other's delete form, bound to the
    // same action, which React compares with the posted one: the render that hung.
    const text = "A fictional statement for a test. The guard read out the names. Then the door closed.";
    const witnessId = ((await (await page.request.get("/api/v1/witnesses")).json()) as { items: { id: string }[] }).items[0]!.id;
    const made = await page.request.post("/api/v1/statements", { data: { witnessId, title: "Fictional sample — a link deleted without JavaScript", language: "en", originalText: text } });
    expect(made.status()).toBe(201);
    const statementId = ((await made.json()) as { id: string }).id;
    const personId = ((await (await page.request.get("/api/v1/persons?pageSize=1")).json()) as { items: { id: string }[] }).items[0]!.id;
    const linkIds: string[] = [];
    for (const quote of ["read out the names", "the door closed"]) {
      const start = text.indexOf(quote);
      const link = await page.request.post("/api/v1/links", {
        data: { statementId, revisionNumber: 1, startOffset: start, endOffset: start + quote.length, quote, personId, role: "PRESENT", allegationType: "KILLING" },
      });
      expect(link.status()).toBe(201);
      linkIds.push(((await link.json()) as { id: string }).id);
    }
    await page.goto(`/statements/${statementId}`);
    const item = page.locator(`[data-testid="link-item"][data-link-id="${linkIds[0]}"]`);
    await expect(item).toHaveCount(1);
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST", { timeout: 20_000 }),
      item.getByTestId("link-delete").click({ noWaitAfter: true }),
    ]);
    expect(deleted.status()).toBeLessThan(500);
    await expect(page.locator(`[data-testid="link-item"][data-link-id="${linkIds[1]}"]`).getByTestId("link-delete")).toBeVisible();
    await healthy(page.request);
    const left = (await (await page.request.get(`/api/v1/statements/${statementId}/links`)).json()) as { items: { id: string }[] };
    expect(left.items.map((l) => l.id)).toEqual([linkIds[1]]);
  });

  // Some forms carry JSON in a hidden field (the records picked, a review's comments) that a
  // refused post sends back and the form is rendered from again, here on the server. Entries of
  // another shape than the form writes (a label that is an object, a comment that is null)
  // failed that render: the post answered 500.
  test("a refused form whose JSON fields were tampered with is shown again with its errors", async ({ page, browser }) => {
    await signInWith(page.request, demoUser("ADMIN").email, demoUser("ADMIN").password);
    const tamper = (testId: string, name: string, value: string) =>
      page.getByTestId(testId).evaluate((form, [n, v]) => ((form as HTMLFormElement).querySelector<HTMLInputElement>(`input[name="${n}"]`)!.value = v), [name, value]);
    const picked = JSON.stringify([{ id: "a", name: "Kept", nameFa: { fa: "x" } }, null, { id: "b", name: "Also kept", nameFa: [{ a: 1 }] }, { id: 5, name: "dropped" }]);
    for (const [path, formId, field] of [
      ["/events/new", "event-form", "placeIds__labels"],
      ["/proceedings/new", "proceeding-form", "defendantIds__labels"],
    ] as const) {
      await page.goto(path);
      await tamper(formId, field, picked);
      // Nothing typed: the form is refused for its missing title.
      const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByTestId(formId).locator("button[type=submit]").last().click()]);
      expect(res.status(), path).toBeLessThan(500);
      await expect(page.getByTestId("form-error"), path).toBeVisible();
      await expect(page.getByTestId(formId).getByTestId("picked-record").locator("bdi"), path).toHaveText(["Kept", "Also kept"]);
    }

    // A review's comments: a statement of the admin's, submitted and taken by the reviewer.
    const text = "A fictional statement for a test. The guard read out the names.";
    const witnessId = ((await (await page.request.get("/api/v1/witnesses")).json()) as { items: { id: string }[] }).items[0]!.id;
    const made = await page.request.post("/api/v1/statements", { data: { witnessId, title: "Fictional sample — review comments tampered with", language: "en", originalText: text } });
    expect(made.status()).toBe(201);
    const statementId = ((await made.json()) as { id: string }).id;
    expect((await page.request.post(`/api/v1/statements/${statementId}/submit`)).status()).toBe(200);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const reviewer = await context.newPage();
    await signInWith(reviewer.request, demoUser("REVIEWER").email, demoUser("REVIEWER").password);
    expect((await reviewer.request.post(`/api/v1/statements/${statementId}/take`)).status()).toBe(200);
    for (const comments of ["[null]", "[{}]", '[{"text":{"a":1},"quote":{"b":2}}]', '[{"text":"Kept comment"},{"quote":"x","startOffset":"a"}]']) {
      await reviewer.goto(`/statements/${statementId}`);
      await reviewer.getByTestId("review-form").evaluate((form, v) => ((form as HTMLFormElement).querySelector<HTMLInputElement>('input[name="comments"]')!.value = v), comments);
      // No decision chosen: refused.
      const [res] = await Promise.all([reviewer.waitForResponse((r) => r.request().method() === "POST"), reviewer.getByTestId("decide").click()]);
      expect(res.status(), comments).toBeLessThan(500);
      await expect(reviewer.getByTestId("field-error-decision"), comments).toBeVisible();
      await expect(reviewer.getByTestId("comment-text").first(), comments).toHaveValue(comments.includes("Kept comment") ? "Kept comment" : "");
    }
    await context.close();
    await healthy(page.request);
  });
});

test("malformed server action requests are refused with a clear answer, not a server error", async ({ baseURL }) => {
  const ctx = await admin(baseURL);
  const ids = actionIds();
  const id = ids.createPlaceAction!;
  const before = (await (await ctx.get("/api/v1/places?pageSize=1")).json()) as { total: number };
  const multipart = (parts: [string, string][]) => {
    const b = "----casefileTestBoundary";
    return { body: Buffer.from(parts.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("") + `--${b}--\r\n`), type: `multipart/form-data; boundary=${b}` };
  };
  const MESSAGE = { 400: en.actionRequest.malformed, 403: en.actionRequest.origin, 413: en.actionRequest.tooLarge } as Record<number, string>;
  const cases: { label: string; body: string | Buffer; type: string; headers?: Record<string, string>; status: number; message?: string }[] = [
    { label: "JSON that is not an array", body: '{"a":1}', type: "text/plain;charset=UTF-8", status: 400 },
    { label: "a JSON string", body: '"x"', type: "text/plain;charset=UTF-8", status: 400 },
    { label: "malformed JSON", body: '[{"seq":', type: "text/plain;charset=UTF-8", status: 400 },
    { label: "an empty body", body: "", type: "text/plain;charset=UTF-8", status: 400 },
    { label: "bytes", body: Buffer.from([0, 1, 2, 255]), type: "application/octet-stream", status: 400 },
    { label: "a reference to a part that is not there", body: '["$K9"]', type: "text/plain;charset=UTF-8", status: 400 },
    { label: "a truncated multipart body", body: '--b\r\nContent-Disposition: form-data; name="0"\r\n\r\n[1', type: "multipart/form-data; boundary=b", status: 400 },
    { label: "multipart without a boundary", body: "abc", type: "multipart/form-data", status: 400 },
    { label: "multipart without the arguments", ...(({ body, type }) => ({ body, type }))(multipart([["1_name", "x"]])), status: 400 },
    { label: "multipart whose arguments are not an array", ...(({ body, type }) => ({ body, type }))(multipart([["0", '{"a":1}']])), status: 400 },
    { label: "multipart with forward references", ...(({ body, type }) => ({ body, type }))(multipart([["0", '["$K9","$@7","$Q3"]']])), status: 400 },
    { label: "another site's origin", body: '[{"seq":0,"ok":false,"values":{}},{}]', type: "text/plain;charset=UTF-8", headers: { origin: "http://elsewhere.example" }, status: 403 },
    { label: "a malformed origin", body: '[{"seq":0,"ok":false,"values":{}},{}]', type: "text/plain;charset=UTF-8", headers: { origin: "::nope::" }, status: 403 },
    { label: "malformed, in Persian", body: "[{", type: "text/plain;charset=UTF-8", headers: { cookie: "casefile-locale=fa" }, status: 400, message: fa.actionRequest.malformed },
    { label: "a body over the limit (8 MiB)", body: `[{"seq":0,"ok":false,"values":{}},"${"x".repeat(9 << 20)}"]`, type: "text/plain;charset=UTF-8", status: 413 },
    { label: "a body over what Next hands the proxy (10 MB)", body: `[{"seq":0,"ok":false,"values":{}},"${"x".repeat(12 << 20)}"]`, type: "text/plain;charset=UTF-8", status: 413 },
  ];
  const failures: string[] = [];
  for (const c of cases) {
    const res = await ctx.post("/places/new", { headers: { "Next-Action": id, "Content-Type": c.type, ...c.headers }, data: c.body, maxRedirects: 0 });
    const text = await res.text();
    if (res.status() !== c.status) failures.push(`${c.label}: ${res.status()} (expected ${c.status}) ${text.slice(0, 120)}`);
    else if (text !== (c.message ?? MESSAGE[c.status])) failures.push(`${c.label}: not the message that says what to do: ${text.slice(0, 200)}`);
  }
  // The same without JavaScript: the form's own fields, with a broken reference to the action's bound arguments.
  for (const [label, parts] of [
    ["bound arguments that are not JSON", [["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id, bound: "$@1" })], ["$ACTION_1:1", "[[["], ["name", "x"]]],
    ["a reference that is not JSON", [["$ACTION_REF_1", ""], ["$ACTION_1:0", "{nope"], ["name", "x"]]],
  ] as [string, [string, string][]][]) {
    const m = multipart(parts);
    const res = await ctx.post("/places/new", { headers: { "Content-Type": m.type }, data: m.body, maxRedirects: 0 });
    if (res.status() !== 400) failures.push(`no-JS, ${label}: ${res.status()}`);
  }
  // An action this build does not have (the form of a page opened before an upgrade): Next said
  // "Server Action unavailable." in English whatever the user's language.
  const OLD = "40" + "cd".repeat(20);
  for (const [label, headers, m, message] of [
    ["fetch", { "Next-Action": OLD }, { body: Buffer.from('[{"seq":0,"ok":false,"values":{}}]'), type: "text/plain;charset=UTF-8" }, en.actionRequest.unknownAction],
    ["no-JS", {}, multipart([[`$ACTION_ID_${OLD}`, ""], ["name", "x"]]), en.actionRequest.unknownAction],
    ["no-JS, in Persian", { cookie: "casefile-locale=fa" }, multipart([["$ACTION_REF_1", ""], ["$ACTION_1:0", JSON.stringify({ id: OLD, bound: "$@1" })], ["$ACTION_1:1", '[{"seq":0,"ok":false,"values":{}}]'], ["name", "x"]]), fa.actionRequest.unknownAction],
  ] as [string, Record<string, string>, { body: Buffer; type: string }, string][]) {
    const res = await ctx.post("/places/new", { headers: { "Content-Type": m.type, ...headers }, data: m.body, maxRedirects: 0 });
    const text = await res.text();
    if (res.status() !== 409 || text !== message) failures.push(`an unknown action, ${label}: ${res.status()} ${text.slice(0, 120)}`);
  }
  expect(failures, failures.join("\n")).toEqual([]);
  const after = (await (await ctx.get("/api/v1/places?pageSize=1")).json()) as { total: number };
  expect(after.total).toBe(before.total);
  await healthy(ctx);
});

// A server action's arguments are whatever the client sends: the bound ids, the previous form
// state and the form itself can each be any JSON value, or missing.
test("every server action answers arguments of the wrong kind without a server error", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const ctx = await admin(baseURL);
  const anon = await playwrightRequest.newContext({ baseURL });
  const ids = actionIds();
  const pages = actionPages();
  // The message with a reference filled in (the page's own messages hold it with "{ref}").
  const UNEXPECTED = new RegExp(en.errors.unexpected.split("{ref}")[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "[0-9a-f]{8}");
  const SHAPES: unknown[][] = [[], [null], [{}], ["x"], [5], [[], []], [null, null, null, null, null], [{}, {}, {}, {}, {}], [["a"], 7, true, { seq: "1" }, "x"], ["nope", "nope", "nope", { seq: 0, ok: false, values: {} }, {}], ["nope", 1, { seq: 0, ok: false, values: {} }, { title: "x" }], ["\ud800x", "\udc00", "\ud800", { seq: 0, ok: false, values: {} }, {}], ["a\u0000b", "a\u0000b", "a\u0000b", { seq: 0, ok: false, values: {} }, {}], ["nope", "\ud800", "\ud800", { seq: 0, ok: false, values: {} }, {}]];
  const failures: string[] = [];
  let calls = 0;
  for (const [name, id] of Object.entries(ids)) {
    for (const shape of SHAPES) {
      for (const [who, c] of [["admin", ctx], ["anonymous", anon]] as const) {
        const res = await c.post(pages[name]!, { headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(shape), maxRedirects: 0, timeout: 20_000 });
        calls++;
        if (res.status() >= 500) failures.push(`${name}(${JSON.stringify(shape)}) as ${who} → ${res.status()}`);
        // runForm's answer to an error it did not expect (logged on the server with a reference).
        else if (UNEXPECTED.test(await res.text())) failures.push(`${name}(${JSON.stringify(shape)}) as ${who} → an unexpected error`);
      }
    }
  }
  expect(calls).toBeGreaterThan(1000);
  expect(failures, failures.join("\n")).toEqual([]);
  await healthy(ctx);
});

// An edit form always sends the version of the record it was opened on (baseUpdatedAt). A post
// without it did not come from the form; before, its missing list fields (a person's aliases and
// positions, an event's places, a proceeding's defendants and timeline) read as "none left",
// and the save emptied them.
test("an edit posted without the form's fields is refused and empties nothing", async ({ baseURL }) => {
  const ctx = await admin(baseURL);
  const ids = actionIds();
  const pages = actionPages();
  const b = "----casefileTestBoundary";
  const post = (action: string, id: string) =>
    ctx.post(pages[action]!, {
      headers: { "Next-Action": ids[action]!, "Content-Type": `multipart/form-data; boundary=${b}` },
      // As React sends a form: the arguments (the bound id, the previous state, the form), then the form's one field.
      data: Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="1_unrelated"\r\n\r\nx\r\n--${b}\r\nContent-Disposition: form-data; name="0"\r\n\r\n${JSON.stringify([id, { seq: 0, ok: false, values: {} }, "$K1"])}\r\n--${b}--\r\n`),
      maxRedirects: 0,
    });
  type Listed = { items: Record<string, unknown>[] };
  const records: [string, string, (r: Record<string, unknown>) => boolean][] = [
    ["updatePersonAction", "/api/v1/persons?pageSize=100", (r) => (r.aliases as unknown[]).length > 0],
    ["updateEventAction", "/api/v1/events?pageSize=100", (r) => (r.placeIds as unknown[] | undefined ?? r.places as unknown[]).length > 0],
    ["updateProceedingAction", "/api/v1/proceedings?pageSize=100", (r) => (r.defendants as unknown[]).length > 0],
  ];
  for (const [action, list, withLists] of records) {
    const items = ((await (await ctx.get(list)).json()) as Listed).items;
    const record = items.find(withLists);
    expect(record, `${action}: a demo record with lists`).toBeTruthy();
    const url = `${list.split("?")[0]}/${record!.id}`;
    const before = await (await ctx.get(url)).json();
    const res = await post(action, record!.id as string);
    expect(res.status(), action).toBeLessThan(500);
    expect(await res.text(), action).toContain(en.errors.malformedCall);
    expect(await (await ctx.get(url)).json(), action).toEqual(before);
  }
  await healthy(ctx);
});
