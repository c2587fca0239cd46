import { join } from "node:path";
import type { APIResponse, Page } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// A witness's pseudonym code (W-0003) is one unit on Persian pages: it never breaks across lines
// (not even at its hyphen, in a cell too narrow for it) and reads left to right, its W on the
// left, wherever it is drawn: the dossier page (its items and its candidates), the witnesses
// list and the statement page.

const shots = process.env.CASEFILE_SCREENSHOTS;

async function ok(res: Promise<APIResponse>, status = 200) {
  const r = await res;
  expect(r.status(), await r.text()).toBe(status);
  return r.json();
}

/** Every element on the page whose whole text is the code: one line each, W leftmost. */
async function codesOnOneLineLeftToRight(page: Page, code: string, squeeze: boolean) {
  return page.locator("main").evaluate(
    (main, { code, squeeze }) => {
      const found = [...main.querySelectorAll<HTMLElement>("*")].filter((el) => el.childElementCount === 0 && el.textContent?.trim() === code);
      return found.map((el) => {
        // Squeezed: the code's container is made narrower than the code itself, so that any
        // place the browser may break it at, it breaks.
        if (squeeze) (el.parentElement as HTMLElement).style.inlineSize = "1ch";
        const text = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes(code))!;
        const start = text.textContent!.indexOf(code);
        const charX = (i: number) => {
          const r = document.createRange();
          r.setStart(text, start + i);
          r.setEnd(text, start + i + 1);
          return r.getBoundingClientRect().left;
        };
        const lines = new Set([...el.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return { lines: lines.size, leftToRight: charX(0) < charX(1) && charX(1) < charX(2) && charX(2) < charX(code.length - 1) };
      });
    },
    { code, squeeze },
  );
}

test("a witness code on Persian pages stays on one line and reads left to right: dossier, witnesses list, statement page", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  await signInAs(page, "ADMIN");
  const w = (await ok(page.request.post("/api/v1/witnesses", { data: { fictional: true, consents: [{ scope: "LEGAL_SHARING", givenAt: "2024-01-10", method: "WRITTEN" }] } }), 201)) as { id: string; code: string };
  // A long Persian title, so the code follows it near the end of a line.
  const title = "نمونهٔ ساختگی برای آزمون کد شاهد در صفحه‌های فارسی که عنوانی بلند دارد و تا پایان سطر می‌رود";
  const st = (await ok(page.request.post("/api/v1/statements", { data: { witnessId: w.id, title, language: "fa", originalText: "این متن ساختگی است." } }), 201)) as { id: string };
  const proceedings = (await ok(page.request.get("/api/v1/proceedings"))) as { items: { id: string }[] };
  const dossier = (await ok(page.request.post("/api/v1/dossiers", { data: { title: "کد شاهد", subjectType: "PROCEEDING", subjectId: proceedings.items[0]!.id, preselect: false } }), 201)) as { id: string };
  await ok(page.request.post(`/api/v1/dossiers/${dossier.id}/items`, { data: { kind: "STATEMENT", refId: st.id } }), 201);
  // A second statement of the same witness, left out of the dossier: found among its candidates.
  const token = `nomzad${Date.now()}`;
  await ok(page.request.post("/api/v1/statements", { data: { witnessId: w.id, title: `${title} ${token}`, language: "fa", originalText: "این متن ساختگی دیگری است." } }), 201);

  await setLocale(page, baseURL!, "fa");
  const pages = [
    { url: `/dossiers/${dossier.id}?q=${token}`, atLeast: 2 },
    { url: `/witnesses?q=${w.code}`, atLeast: 1 },
    { url: `/statements/${st.id}`, atLeast: 1 },
  ];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const p of pages) {
      await page.goto(p.url);
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      // For a person to look at: each place the code is drawn, in the viewport.
      if (shots)
        for (const [i, el] of (await page.locator("main").getByText(w.code, { exact: true }).all()).entries()) {
          await el.scrollIntoViewIfNeeded();
          await page.screenshot({ path: join(shots, `witness-code-fa-${p.url.split("/")[1]}-${width}-${i}.png`) });
        }
      for (const squeeze of [false, true]) {
        const codes = await codesOnOneLineLeftToRight(page, w.code, squeeze);
        expect(codes.length, `${p.url} at ${width}px`).toBeGreaterThanOrEqual(p.atLeast);
        expect(codes, `${p.url} at ${width}px${squeeze ? ", squeezed" : ""}`).toEqual(codes.map(() => ({ lines: 1, leftToRight: true })));
      }
    }
  }
});
