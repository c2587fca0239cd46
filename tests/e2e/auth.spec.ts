import { readFileSync } from "node:fs";
import { join } from "node:path";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { ROLES } from "@/lib/auth/roles";
import { demoUser, expect, signInWith, test } from "./fixtures";
import { requestOnce, type OnceInit } from "./http-once";

const en = JSON.parse(readFileSync(join(process.cwd(), "messages/en.json"), "utf8")) as { signin: { throttled: string } };

/** Fills the sign-in form and submits it from the keyboard, as a person would. */
async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press("Enter");
}

const PAGES = ["/", "/statements", "/statements/new", "/witnesses", "/witnesses/new", "/audit", "/admin/users", "/settings"];

for (const role of ROLES) {
  test(`a ${role.toLowerCase()} signs in with the form and sees their name`, async ({ page }) => {
    const u = demoUser(role);
    await page.goto("/signin");
    await submitSignIn(page, u.email, u.password);
    await expect(page.getByText(u.name).first()).toBeVisible();
    expect(new URL(page.url()).pathname).not.toBe("/signin");
  });
}

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  const messages: string[] = [];
  for (const email of [demoUser("ADMIN").email, "nobody@demo.casefile"]) {
    await page.goto("/signin");
    await submitSignIn(page, email, "definitely wrong");
    // The sign-in error itself (Next's route announcer is an alert too once it is mounted).
    const alert = page.getByTestId("signin-error");
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute("role", "alert");
    messages.push((await alert.innerText()).trim());
    expect(new URL(page.url()).pathname).toBe("/signin");
  }
  expect(messages[0]).toBe(messages[1]);
});

// Tor Browser's safest setting, a slow link before the scripts load, a locked-down machine: the
// form still signs in, and it posts; it used to fall back to a GET that put the password in the address.
test.describe("the sign-in form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signs in, goes where the user was going, and never puts the password in an address", async ({ page }) => {
    const u = demoUser("REVIEWER");
    const addresses: string[] = [];
    page.on("request", (r) => addresses.push(r.url()));
    await page.goto("/signin?callbackUrl=%2Fstatements");
    await submitSignIn(page, u.email, u.password);
    await page.waitForURL((url) => url.pathname === "/statements");
    await expect(page.getByText(u.name).first()).toBeVisible();
    expect(addresses.filter((a) => a.includes("password") || a.includes(encodeURIComponent(u.password)))).toEqual([]);
  });

  test("signs out: the session cookie is gone and pages send the visitor to sign in", async ({ page }) => {
    const u = demoUser("LEGAL");
    await signInWith(page.request, u.email, u.password);
    await page.goto("/statements");
    await page.getByTestId("sign-out").click();
    await page.waitForURL((url) => url.pathname === "/signin");
    expect((await page.context().cookies()).filter((c) => c.name.endsWith("next-auth.session-token") && c.value)).toEqual([]);
    await page.goto("/statements");
    expect(new URL(page.url()).pathname).toBe("/signin");
  });

  test("never sends the user to another site, whatever the callback address says", async ({ page, baseURL }) => {
    const u = demoUser("REVIEWER");
    // Browsers drop the tab: "/\t/evil.example" would be "//evil.example", another site.
    await page.goto(`/signin?callbackUrl=${encodeURIComponent("/\t/evil.example/")}`);
    await submitSignIn(page, u.email, u.password);
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe("/");
  });

  // A place to return to with characters outside ASCII (a Persian search) went into the Location
  // header as it was, which Node refuses: the sign-in, and /signin opened while signed in, answered 500.
  test("goes back to an address written in Persian, and so does the sign-in page when already signed in", async ({ page }) => {
    const u = demoUser("REVIEWER");
    const back = "/search?q=اوین";
    await page.goto(`/signin?callbackUrl=${encodeURIComponent(back)}`);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), submitSignIn(page, u.email, u.password)]);
    expect(res.status()).toBeLessThan(500);
    await page.waitForURL((url) => url.pathname === "/search");
    expect(new URL(page.url()).searchParams.get("q")).toBe("اوین");
    const again = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(back)}`, { maxRedirects: 0 });
    expect(again.status()).toBe(307);
    expect(again.headers().location).toBe("/search?q=%D8%A7%D9%88%DB%8C%D9%86");
  });

  test("refuses a wrong password with the message, keeps the e-mail and forgets the password", async ({ page }) => {
    const email = "nobody-without-script@demo.casefile";
    const addresses: string[] = [];
    page.on("request", (r) => addresses.push(r.url()));
    await page.goto("/signin");
    await submitSignIn(page, email, "definitely wrong");
    await expect(page.getByTestId("signin-error")).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/signin");
    await expect(page.locator('input[name="email"]')).toHaveValue(email);
    await expect(page.locator('input[name="password"]')).toHaveValue("");
    expect(addresses.filter((a) => a.includes("password") || a.includes("definitely"))).toEqual([]);
  });
});

test("signing out with the header's button ends the session", async ({ page }) => {
  const u = demoUser("RESEARCHER");
  await signInWith(page.request, u.email, u.password);
  await page.goto("/settings");
  await page.getByTestId("sign-out").click();
  await page.waitForURL((url) => url.pathname === "/signin");
  await page.goto("/settings");
  expect(new URL(page.url()).pathname).toBe("/signin");
});

test("after signing out, a copy of the session cookie taken before is refused; another session of the same user goes on", async ({ page, baseURL }) => {
  const u = demoUser("REVIEWER");
  await signInWith(page.request, u.email, u.password);
  await page.goto("/settings");
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(session).toBeTruthy();
  const copy = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: `${session.name}=${session.value}` } });
  const other = await playwrightRequest.newContext({ baseURL });
  await signInWith(other, u.email, u.password);
  expect((await copy.get("/api/v1/statements?pageSize=1")).status()).toBe(200);
  await page.getByTestId("sign-out").click();
  await page.waitForURL((url) => url.pathname === "/signin");
  expect((await copy.get("/api/v1/statements?pageSize=1")).status()).toBe(401);
  const pageWithCopy = await copy.get("/settings", { maxRedirects: 0 });
  expect(pageWithCopy.status()).toBeGreaterThanOrEqual(300);
  expect(pageWithCopy.status()).toBeLessThan(400);
  expect(new URL(pageWithCopy.headers()["location"]!, baseURL).pathname).toBe("/signin");
  // next-auth's session endpoint may renew the copy's cookie: the renewed one is refused too.
  await copy.get("/api/auth/session");
  expect((await copy.get("/api/v1/statements?pageSize=1")).status()).toBe(401);
  expect((await other.get("/api/v1/statements?pageSize=1")).status()).toBe(200);
  await copy.dispose();
  await other.dispose();
});

test("a signed-out visitor is sent to sign in from every page", async ({ page }) => {
  for (const path of PAGES) {
    await page.goto(path);
    expect(new URL(page.url()).pathname, path).toBe("/signin");
  }
});

test("a researcher is refused the admin screen", async ({ page, request }) => {
  const u = demoUser("RESEARCHER");
  await signInWith(page.request, u.email, u.password);
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(403);
  await expect(page.getByText(demoUser("ADMIN").email)).toHaveCount(0);
  const api = await page.request.get("/api/v1/users");
  expect(api.status()).toBe(403);
  void request;
});

test("changing a user's role, password or access ends their session on the very next request", async ({ baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInWith(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
  for (const change of [{ role: "LEGAL" }, { password: "a brand new password" }, { disabled: true }]) {
    const email = `session-${Object.keys(change)[0]}-${Date.now()}@demo.casefile`;
    const created = await admin.post("/api/v1/users", { data: { email, name: "Session Test", role: "RESEARCHER", password: "initial password" } });
    expect(created.status()).toBe(201);
    const { id } = await created.json();

    const user = await playwrightRequest.newContext({ baseURL });
    await signInWith(user, email, "initial password");
    expect((await user.get("/api/v1/statements")).status()).toBe(200);

    expect((await admin.patch(`/api/v1/users/${id}`, { data: change })).status()).toBe(200);

    expect((await user.get("/api/v1/statements")).status(), JSON.stringify(change)).toBe(401);
    const page = await user.get("/statements", { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(page.status());
    expect(page.headers()["location"]).toContain("/signin");
    await user.dispose();
  }
});

// The users screen's per-user forms and the settings screen's token revocation: each row's form
// gets its action bound to that user or token by the page.
test("an administrator changes a user's password, role and access on the users screen, and revokes an API token in the settings", async ({ page, baseURL }) => {
  await signInWith(page.request, demoUser("ADMIN").email, demoUser("ADMIN").password);
  const email = `row-forms-${Date.now()}@demo.casefile`;
  expect((await page.request.post("/api/v1/users", { data: { email, name: "Row Forms Test", role: "RESEARCHER", password: "initial password" } })).status()).toBe(201);

  await page.goto("/admin/users");
  const row = () => page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  const open = async () => {
    const details = row().locator("details.manage");
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  };
  await open();
  await row().getByTestId("user-password-form").locator("input[name=password]").fill("a password set by the admin");
  await row().getByTestId("user-password-form").locator("button[type=submit]").click();
  await expect(row().getByTestId("user-password-form").locator(".banner")).toBeVisible();
  const user = await playwrightRequest.newContext({ baseURL });
  await signInWith(user, email, "a password set by the admin");
  expect((await user.get("/api/v1/statements")).status()).toBe(200);
  await user.dispose();

  await open();
  await row().getByTestId("user-role-form").locator("select[name=role]").selectOption("LEGAL");
  await row().getByTestId("user-role-form").locator("button[type=submit]").click();
  await expect(row().locator("td").nth(1)).toHaveText("Legal team");

  // A password refused, then the account disabled: the refusal does not stay on screen beside the
  // change just made, which says what it did.
  await open();
  await row().getByTestId("user-password-form").locator("input[name=password]").fill("short");
  await row().getByTestId("user-password-form").locator("button[type=submit]").click();
  await expect(row().getByTestId("user-password-form").getByTestId("form-error")).toBeVisible();
  await row().getByTestId("disable-user").click();
  await expect(row().getByTestId("user-state")).toHaveText("Disabled");
  await expect(row().getByTestId("user-disable-form").getByTestId("form-ok")).toContainText("Account disabled");
  await expect(row().getByTestId("form-error")).toHaveCount(0);
  // The admin's own row has no forms, only a note.
  await expect(page.locator(`[data-testid="user-row"][data-email="${demoUser("ADMIN").email}"]`).getByTestId("user-role-form")).toHaveCount(0);

  await page.goto("/settings");
  const name = `row-forms token ${Date.now()}`;
  await page.getByTestId("create-token-form").locator("input[name=name]").fill(name);
  await page.getByTestId("create-token-submit").click();
  const secret = await page.getByTestId("token-secret").inputValue();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await api.get("/api/v1/statements")).status()).toBe(200);
  const tokenRow = page.getByTestId("token-row").filter({ hasText: name });
  await tokenRow.getByTestId("revoke-token").click();
  await expect(tokenRow.getByTestId("revoke-token")).toHaveCount(0);
  expect((await api.get("/api/v1/statements")).status()).toBe(401);
  await api.dispose();
});

test("an administrator signs a user out everywhere and revokes their API tokens on the users screen; the account is otherwise unchanged", async ({ page, browser, baseURL }) => {
  await signInWith(page.request, demoUser("ADMIN").email, demoUser("ADMIN").password);
  const email = `revoke-access-${Date.now()}@demo.casefile`;
  expect((await page.request.post("/api/v1/users", { data: { email, name: "Revoke Access Test", role: "RESEARCHER", password: "initial password" } })).status()).toBe(201);
  // The user, signed in elsewhere, with an API token.
  const elsewhere = await browser.newContext({ baseURL });
  const theirs = await elsewhere.newPage();
  await signInWith(theirs.request, email, "initial password");
  await theirs.goto("/settings");
  await theirs.getByTestId("create-token-form").locator("input[name=name]").fill("laptop");
  await theirs.getByTestId("create-token-submit").click();
  const secret = await theirs.getByTestId("token-secret").inputValue();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await api.get("/api/v1/statements?pageSize=1")).status()).toBe(200);

  await page.goto("/admin/users");
  const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  await row.locator("details.manage summary").click();
  await row.getByTestId("revoke-access").click();
  await expect(row.getByTestId("user-revoke-form").locator(".banner")).toContainText("1 API token revoked");
  expect((await api.get("/api/v1/statements?pageSize=1")).status()).toBe(401);
  expect((await theirs.request.get("/api/v1/statements?pageSize=1")).status()).toBe(401);
  await theirs.goto("/settings");
  expect(new URL(theirs.url()).pathname).toBe("/signin");
  await expect(row.getByTestId("user-state")).toHaveText("Active");
  await signInWith(theirs.request, email, "initial password");
  expect((await theirs.request.get("/api/v1/statements?pageSize=1")).status()).toBe(200);
  await api.dispose();
  await elsewhere.close();
});

/** One HTTP request from a chosen local address (the loopback network is all 127.0.0.0/8). */
function requestFrom(localAddress: string, url: string, init: Omit<OnceInit, "localAddress"> = {}) {
  return requestOnce(url, { ...init, localAddress });
}

/** Signs in through next-auth's credentials endpoint from a local address, presenting `cookies` too; the cookies it sets. */
async function endpointSignIn(baseURL: string, localAddress: string, email: string, password: string, headers: Record<string, string> = {}, cookies: string[] = []): Promise<string[]> {
  const csrf = await requestFrom(localAddress, `${baseURL}/api/auth/csrf`);
  const cookie = [...csrf.cookies.map((c) => c.split(";")[0]), ...cookies].join("; ");
  const body = new URLSearchParams({ csrfToken: JSON.parse(csrf.body).csrfToken, email, password, json: "true" }).toString();
  const r = await requestFrom(localAddress, `${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  expect(r.status).toBeLessThan(500);
  return r.cookies;
}

/** Signs in through next-auth's credentials endpoint from a local address; true when a session cookie comes back. */
async function signInFrom(baseURL: string, localAddress: string, email: string, password: string, headers: Record<string, string> = {}): Promise<boolean> {
  return (await endpointSignIn(baseURL, localAddress, email, password, headers)).some((c) => c.includes("session-token="));
}

test("sign-in attempts are counted per connection address: a client cannot escape the limit by writing its own X-Forwarded-For", async ({ baseURL }) => {
  // 127.0.0.2 is this test's own client address, so the limit it reaches stops no other test.
  const other = "127.0.0.2";
  for (let i = 0; i < 20; i++) {
    // A different account each time (the per-account limit stays out of it), a different forwarded
    // address each time, and a forged copy of the server's own address header.
    const forged = { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}`, "x-casefile-peer": `192.0.2.${i}` };
    expect(await signInFrom(baseURL!, other, `nobody-${i}@throttle.invalid`, "wrong password", forged)).toBe(false);
  }
  const u = demoUser("REVIEWER");
  // The address has used up its 20 failures: even the right password is refused from it, whatever it claims to be.
  expect(await signInFrom(baseURL!, other, u.email, u.password, { "x-forwarded-for": "203.0.113.99" })).toBe(false);
  // Another address is not affected.
  expect(await signInFrom(baseURL!, "127.0.0.1", u.email, u.password)).toBe(true);
});

// Someone who knows an e-mail address can use up the account's five failures from anywhere. The
// owner's browser, which has signed in before and holds a device cookie, is counted on its own.
test("failed sign-ins from elsewhere lock the account for new browsers but not for the browser its owner signed in from before", async ({ browser, baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInWith(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
  const email = `device-${Date.now()}@demo.casefile`;
  const password = "the owner's own password";
  expect((await admin.post("/api/v1/users", { data: { email, name: "Device Cookie Test", role: "RESEARCHER", password } })).status()).toBe(201);
  await admin.dispose();

  const owner = await browser.newContext({ baseURL });
  const ownerPage = await owner.newPage();
  await ownerPage.goto("/signin");
  await submitSignIn(ownerPage, email, password);
  await expect(ownerPage.getByText("Device Cookie Test").first()).toBeVisible();
  await ownerPage.getByTestId("sign-out").click();
  await ownerPage.waitForURL((url) => url.pathname === "/signin");

  const attacker = await browser.newContext({ baseURL });
  const attackerPage = await attacker.newPage();
  for (let i = 0; i < 5; i++) {
    await attackerPage.goto("/signin");
    await submitSignIn(attackerPage, email, `a wrong guess ${i}`);
    await expect(attackerPage.getByTestId("signin-error")).toBeVisible();
  }
  await attackerPage.goto("/signin");
  await submitSignIn(attackerPage, email, password);
  await expect(attackerPage.getByTestId("signin-error")).toHaveText(en.signin.throttled);

  // The owner's browser still signs in with the right password.
  await ownerPage.goto("/signin");
  await submitSignIn(ownerPage, email, password);
  await expect(ownerPage.getByText("Device Cookie Test").first()).toBeVisible();
  expect(new URL(ownerPage.url()).pathname).not.toBe("/signin");

  // A browser that never signed in is still locked out, right password or not.
  const fresh = await browser.newContext({ baseURL });
  const freshPage = await fresh.newPage();
  await freshPage.goto("/signin");
  await submitSignIn(freshPage, email, password);
  await expect(freshPage.getByTestId("signin-error")).toHaveText(en.signin.throttled);
  expect(new URL(freshPage.url()).pathname).toBe("/signin");

  // The owner's browser holds a device cookie: script-proof, same-site only, and without the e-mail.
  const device = (await owner.cookies()).find((c) => c.name === "casefile-device");
  expect(device?.httpOnly).toBe(true);
  expect(device?.sameSite).toBe("Lax");
  expect(decodeURIComponent(device?.value ?? "")).not.toContain("device-");
  expect((await fresh.cookies()).some((c) => c.name === "casefile-device")).toBe(false);
  await Promise.all([owner.close(), attacker.close(), fresh.close()]);
});

// Scripts (and this suite's fixture) sign in through next-auth's own endpoint rather than the form:
// a client that signs in there is given the same device cookie, and is counted on its own with it.
test("a sign-in through next-auth's credentials endpoint also gives the device cookie, which keeps that client signing in when the account is locked", async ({ baseURL }) => {
  const admin = await playwrightRequest.newContext({ baseURL });
  await signInWith(admin, demoUser("ADMIN").email, demoUser("ADMIN").password);
  const email = `endpoint-device-${Date.now()}@demo.casefile`;
  const password = "the script owner's password";
  expect((await admin.post("/api/v1/users", { data: { email, name: "Endpoint Device Test", role: "RESEARCHER", password } })).status()).toBe(201);
  await admin.dispose();
  // 127.0.0.3 is this test's own client address, so the address limit it counts towards stops no other test.
  const from = "127.0.0.3";
  const set = await endpointSignIn(baseURL!, from, email, password);
  expect(set.some((c) => c.includes("session-token="))).toBe(true);
  const device = set.find((c) => c.startsWith("casefile-device="));
  expect(device, "a device cookie is set").toBeDefined();
  const attrs = device!.toLowerCase();
  expect(attrs).toContain("httponly");
  expect(attrs).toContain("samesite=lax");
  expect(attrs).toContain("path=/");
  expect(decodeURIComponent(device!.split(";")[0]!)).not.toContain("endpoint-device-");

  // Five failures from a client without it lock the account for every client without it.
  // (A failed sign-in is given no device cookie.)
  for (let i = 0; i < 5; i++) expect(await endpointSignIn(baseURL!, from, email, `a wrong guess ${i}`)).not.toContainEqual(expect.stringMatching(/session-token=|casefile-device=/));
  expect(await signInFrom(baseURL!, from, email, password)).toBe(false);
  // The client that holds it still signs in.
  const again = await endpointSignIn(baseURL!, from, email, password, {}, [device!.split(";")[0]!]);
  expect(again.some((c) => c.includes("session-token="))).toBe(true);
});
