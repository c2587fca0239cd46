import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_USERS } from "@/lib/seed/demo-users";
import type { Role } from "@/lib/auth/roles";

export function demoUser(role: Role) {
  const u = DEMO_USERS.find((x) => x.role === role);
  if (!u) throw new Error(`no demo user for ${role}`);
  return u;
}

/** Signs in through next-auth's credentials endpoint (the form has its own test). */
export async function signInWith(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(res.status(), "sign-in answered").toBeLessThan(400);
}

export async function signInAs(page: Page, role: Role): Promise<void> {
  const u = demoUser(role);
  await signInWith(page.request, u.email, u.password);
}

/** The language switcher's cookie, set directly (the switcher itself has its own test). */
export async function setLocale(page: Page, baseURL: string, locale: "en" | "fa"): Promise<void> {
  await page.context().addCookies([{ name: "casefile-locale", value: locale, url: baseURL }]);
}

/** The id of a statement the signed-in user can read (the newest the API lists). */
export async function aStatementId(page: Page): Promise<string> {
  const res = await page.request.get("/api/v1/statements?pageSize=1");
  expect(res.status()).toBe(200);
  return (await res.json()).items[0].id as string;
}

export const test = base;
export { expect };
