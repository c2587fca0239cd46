import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, setLocale, signInAs, test } from "./fixtures";

// The e2e server's database and exhibit store (playwright.config.ts): the CLI below runs against them.
const E2E_ENV = {
  DATABASE_URL: process.env.CASEFILE_E2E_DATABASE_URL ?? "file:./data/e2e/casefile-e2e.db",
  CASEFILE_DATA_KEY: "k1.k_cGBqpItT10fB_tauxihzQMWhVD58c2E7HdsW4x9uc",
  CASEFILE_ENV_FILE: "data/no-such-env-file",
  CASEFILE_BACKUP_SCRYPT_LOG_N: "10",
};

test("an administrator downloads the statements list as CSV from the list page", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/statements");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^casefile-statements-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8").slice(1);
  const [header, ...rows] = text.trim().split(/\r?\n/);
  expect(header).toBe("id,title,language,status,witness_code,author,interview_date,revision,fictional,created_at,updated_at,summary,text");
  expect(rows.length).toBeGreaterThan(0);
  expect(text).toMatch(/W-\d{4}/);
  // Persian text survives (the demo seed has Persian statements).
  expect(text).toMatch(/[\u0600-\u06FF]/);
});

test("after a command-line backup, the administrator sees it verified on the backups screen (English and Persian)", async ({ page, baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), "casefile-e2e-backup-"));
  const target = join(dir, "backup");
  try {
    const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/casefile.ts", "backup", target], {
      cwd: process.cwd(),
      env: { ...process.env, ...E2E_ENV },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/verified/);

    await signInAs(page, "ADMIN");
    await page.goto("/admin/users");
    await page.getByTestId("backups-link").click();
    await expect(page).toHaveURL(/\/admin\/backups$/);
    await expect(page.getByTestId("backup-status")).toHaveAttribute("data-warning", "none");
    const row = page.getByTestId("backup-row").filter({ hasText: target });
    await expect(row).toHaveCount(1);
    await expect(row).toHaveAttribute("data-verified", "yes");
    await expect(row).toContainText("sqlite");
    await page.screenshot({ path: "test-results/admin-backups-en.png", fullPage: true });

    await setLocale(page, baseURL!, "fa");
    await page.reload();
    await expect(page.locator("h1")).toHaveText("پشتیبان‌ها");
    await expect(page.getByTestId("backup-row").filter({ hasText: target })).toContainText("بله");
    await page.screenshot({ path: "test-results/admin-backups-fa.png", fullPage: true });

    // A researcher may not see the screen.
    await page.context().clearCookies();
    await signInAs(page, "RESEARCHER");
    const res = await page.goto("/admin/backups");
    expect(res?.status()).toBe(403);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the transfer hub offers import, CSV downloads and the full export", async ({ page, baseURL }) => {
  await signInAs(page, "ADMIN");
  await setLocale(page, baseURL!, "fa");
  await page.goto("/transfer");
  await expect(page.locator("h1")).toHaveText("ورود و خروج داده");
  await page.screenshot({ path: "test-results/transfer-hub-fa.png", fullPage: true });
  await setLocale(page, baseURL!, "en");
  await page.goto("/transfer");
  await expect(page.getByTestId("csv-statements")).toHaveAttribute("href", "/api/v1/exports/statements.csv");
  await expect(page.getByTestId("transfer-import").getByRole("link")).toHaveAttribute("href", "/transfer/import");
  await page.getByTestId("transfer-full").getByRole("link").click();
  await expect(page.getByTestId("full-export")).toBeVisible();
  const res = await page.request.get("/api/v1/exports/full.zip");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/zip");
  expect((await res.body()).subarray(0, 4).readUInt32LE(0)).toBe(0x04034b50);
  await page.screenshot({ path: "test-results/transfer-export.png", fullPage: true });
});
