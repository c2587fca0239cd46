import type { Page } from "@playwright/test";
import { ELF, pdf, sha256, wav } from "@/tests/support/exhibit-files";
import { aStatementId, expect, setLocale, signInAs, test } from "./fixtures";

// Exhibits in the browser: upload with progress, the hash shown, dedupe, refusals, playback
// and preview, chain of custody and verification, and who may do what.

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByTestId("exhibit-file").setInputFiles({ name, mimeType, buffer });
  await page.getByTestId("exhibit-upload-submit").click();
}

// Each run's files differ, so a run never meets the previous run's stored files.
const seed = Date.now() % 100_000;

test("a researcher uploads a recording, sees its SHA-256 and exhibit number, and plays it in the page", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  const statementId = await aStatementId(page);
  await page.goto(`/exhibits?statementId=${statementId}`);
  const bytes = wav(3, seed);
  await upload(page, "مصاحبه.wav", "audio/wav", bytes);
  const result = page.getByTestId("exhibit-upload-result");
  await expect(result).toBeVisible();
  await expect(result).toHaveAttribute("data-deduplicated", "false");
  await expect(page.getByTestId("exhibit-upload-sha256")).toHaveText(sha256(bytes));
  await expect(page.getByTestId("exhibit-upload-number")).toContainText(/EX-\d{4}/);

  // The list refreshes with the new exhibit, and its audio element can load the recording.
  const item = page.getByTestId("exhibit-item").filter({ hasText: sha256(bytes) });
  await expect(item).toBeVisible();
  const audio = item.getByTestId("exhibit-audio");
  await expect(audio).toBeVisible();
  const duration = await audio.evaluate(
    (el: HTMLAudioElement) =>
      new Promise<number>((resolve, reject) => {
        if (el.readyState >= 1) return resolve(el.duration);
        el.addEventListener("loadedmetadata", () => resolve(el.duration));
        el.addEventListener("error", () => reject(new Error("audio failed to load")));
        el.load();
      }),
  );
  expect(duration).toBeGreaterThan(2.5);

  // The same file again is recognised, not stored twice.
  await page.goto(`/exhibits?statementId=${statementId}`);
  await upload(page, "copy.wav", "audio/wav", bytes);
  await expect(page.getByTestId("exhibit-upload-result")).toHaveAttribute("data-deduplicated", "true");
  await expect(page.getByTestId("exhibit-item").filter({ hasText: sha256(bytes) })).toHaveCount(1);

  // The hash list of every exhibit has it once.
  await page.goto("/exhibits");
  await expect(page.getByTestId("exhibit-row").filter({ hasText: sha256(bytes) })).toHaveCount(1);

  // In Persian, sizes are in Persian digits and unit names, in the list, on the statement's exhibits and in the uploader's hint.
  await setLocale(page, new URL(page.url()).origin, "fa");
  await page.goto("/exhibits");
  const size = page.getByTestId("exhibit-row").filter({ hasText: sha256(bytes) }).getByTestId("exhibit-size");
  await expect(size).toHaveText(/^[۰-۹٫]+ کیلوبایت$/);
  await page.goto(`/exhibits?statementId=${statementId}`);
  await expect(page.getByTestId("exhibit-item").filter({ hasText: sha256(bytes) })).toContainText(/[۰-۹٫]+ کیلوبایت/);
  await expect(page.locator("p.hint").filter({ hasText: "JPEG" })).toContainText(/[۰-۹٫]+ مگابایت/);
  await expect(page.locator("p.hint").filter({ hasText: "JPEG" })).not.toContainText(/\d+ (MB|KB|bytes)/);
});

test("a renamed executable is refused with the detected type, and nothing is added", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  const statementId = await aStatementId(page);
  await page.goto(`/exhibits?statementId=${statementId}`);
  const before = await page.getByTestId("exhibit-item").count();
  await upload(page, "interview.mp3", "audio/mpeg", ELF);
  await expect(page.getByTestId("exhibit-upload-error")).toContainText("application/x-elf");
  await page.reload();
  await expect(page.getByTestId("exhibit-item")).toHaveCount(before);
});

test("the exhibit page previews a PDF, records custody and verifies the file", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  const statementId = await aStatementId(page);
  await page.goto(`/exhibits?statementId=${statementId}`);
  await upload(page, "report.pdf", "application/pdf", pdf(`Report ${seed}`));
  await page.getByTestId("exhibit-upload-number").click();
  await expect(page.getByTestId("exhibit-number")).toContainText(/EX-\d{4}/);
  await expect(page.getByTestId("exhibit-mime")).toHaveText("application/pdf");
  await expect(page.getByTestId("exhibit-pdf")).toBeVisible();
  await expect(page.getByTestId("custody-entry")).toHaveCount(1);

  // The download is the original, as an attachment, never sniffed.
  const href = await page.getByTestId("exhibit-download").getAttribute("href");
  const dl = await page.request.get(href!);
  expect(dl.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(dl.headers()["x-content-type-options"]).toBe("nosniff");
  expect(dl.headers()["content-type"]).toBe("application/pdf");

  const form = page.getByTestId("custody-form");
  await form.getByTestId("custody-kind").selectOption("COLLECTED");
  await form.getByTestId("custody-at").fill("2019-11-10T14:30");
  await form.getByTestId("custody-who").fill("پژوهشگر میدانی");
  await form.getByTestId("custody-place").fill("Stockholm");
  await form.getByTestId("custody-submit").click();
  await expect(page.getByTestId("form-ok")).toBeVisible();
  await expect(page.getByTestId("custody-entry")).toHaveCount(2);
  await expect(page.getByTestId("custody-entry").first()).toHaveAttribute("data-kind", "COLLECTED");

  // A refused entry keeps what was typed and says why, field by field.
  await page.getByTestId("custody-form").getByTestId("custody-who").fill("x");
  await page.getByTestId("custody-form").getByTestId("custody-at").fill("");
  await page.getByTestId("custody-form").getByTestId("custody-submit").click();
  await expect(page.getByTestId("field-error-at")).toBeVisible();
  await expect(page.getByTestId("custody-entry")).toHaveCount(2);

  await page.getByTestId("verify-submit").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "MATCH");
  await expect(page.locator('[data-testid="custody-entry"][data-kind="VERIFIED"]')).toHaveCount(1);
});

test("the legal team sees exhibits but gets no uploader; a signed-out visitor is sent to sign in", async ({ page, browser, baseURL }) => {
  await signInAs(page, "LEGAL");
  const statementId = await aStatementId(page);
  await page.goto(`/exhibits?statementId=${statementId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("exhibit-uploader")).toHaveCount(0);
  const res = await page.request.post("/api/v1/exhibits", { multipart: { statementId, file: { name: "x.pdf", mimeType: "application/pdf", buffer: pdf("legal") } } });
  expect(res.status()).toBe(403);

  const anon = await browser.newContext({ baseURL });
  const p = await anon.newPage();
  await p.goto(`/exhibits?statementId=${statementId}`);
  await expect(p).toHaveURL(/\/signin/);
  const file = await p.request.get("/api/v1/exhibits?statementId=" + statementId);
  expect(file.status()).toBe(401);
  await anon.close();
});

test.describe("the upload form without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("posts the file to the API, and the description never travels in an address", async ({ page }) => {
    await signInAs(page, "RESEARCHER");
    const statementId = await aStatementId(page);
    const addresses: string[] = [];
    page.on("request", (r) => addresses.push(r.url()));
    await page.goto(`/exhibits?statementId=${statementId}`);
    const bytes = pdf(`no-script ${seed}`);
    const description = `Scanned letter kept by the family ${seed}`;
    await page.getByTestId("exhibit-file").setInputFiles({ name: "letter.pdf", mimeType: "application/pdf", buffer: bytes });
    await page.getByTestId("exhibit-description").fill(description);
    const [res] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/api/v1/exhibits"), page.getByTestId("exhibit-upload-submit").click()]);
    expect(res.status()).toBe(201);
    // Stored for the statement, with its description.
    expect(await res.json()).toMatchObject({ exhibit: { sha256: sha256(bytes), description, links: [{ statementId }] } });
    expect(addresses.filter((a) => a.includes("Scanned") || a.includes("letter.pdf"))).toEqual([]);
  });
});
