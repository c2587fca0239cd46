import { writeFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { expect, setLocale, signInAs, test } from "./fixtures";

// A person's status notes brought back from a spreadsheet on the import screen, in Persian: the
// persons CSV downloaded, one person's Persian status changed and another's made too long, the
// dry run showing the change and the refusal, the import leaving the refused row out, and the
// person's page and history showing the new status. Made-up persons.

test("in Persian: the persons CSV with a status changed is imported; the dry run shows the change and refuses a status too long; the person's page and history show it", async ({ page, baseURL }, testInfo) => {
  await setLocale(page, baseURL!, "fa");
  await signInAs(page, "RESEARCHER");
  const headers = { origin: baseURL!, "content-type": "application/json" };
  const make = async (name: string, statusNotesFa: string) => {
    const res = await page.request.post("/api/v1/persons", { headers, data: { name, statusNotes: "Whereabouts unknown (fictional).", statusNotesFa } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const changed = await make("Fictional Warden Brightwater", "محل او معلوم نیست (ساختگی).");
  await make("Fictional Clerk Brightwell", "کارمند ساختگی.");

  const csv = await page.request.get("/api/v1/exports/persons.csv?q=Brightw");
  expect(csv.status()).toBe(200);
  const rows = parse(await csv.body(), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.name).sort()).toEqual(["Fictional Clerk Brightwell", "Fictional Warden Brightwater"]);
  const edited: Record<string, string>[] = rows.map((r) => (r.id === changed ? { ...r, status_notes_fa: "در تبعید در شهر موهوم‌آباد (ساختگی)." } : { ...r, status_notes_fa: "ق".repeat(10_001) }));
  const file = testInfo.outputPath("persons-edited.csv");
  writeFileSync(file, "\uFEFF" + stringify(edited, { header: true, columns: Object.keys(rows[0]!) }));

  await page.goto("/transfer/import");
  await expect(page.getByTestId("import-check")).toBeEnabled();
  await page.getByTestId("import-kind").selectOption("PERSONS");
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-dry-run")).toBeVisible();
  await expect(page.getByTestId("import-counts")).toHaveText("۲ ردیف: ۰ ساختنی، ۰ پیوندی، ۱ به‌روزکردنی، ۱ ردشده، ۰ پیش‌تر واردشده");
  await expect(page.getByTestId("map-status_notes_fa")).toHaveValue("statusNotesFa");
  await expect(page.getByTestId("map-id").locator("option:checked")).toHaveText("شناسهٔ شخص (CSV اشخاص)");
  const update = page.locator(`[data-testid^="import-row-"][data-outcome="UPDATE"]`);
  await expect(update).toContainText("به‌روزرسانی");
  await expect(update).toContainText("تغییر در Fictional Warden Brightwater");
  await expect(update).toContainText("تغییرها: وضعیت کنونی به فارسی");
  const refused = page.locator(`[data-testid^="import-row-"][data-outcome="REFUSE"]`);
  await expect(refused).toContainText("status_notes_fa");
  // The limit in Persian digits, as the API and the form say it.
  await expect(refused).toContainText("حداکثر ۱۰٬۰۰۰ نویسه وارد کنید.");
  await page.screenshot({ path: testInfo.outputPath("persons-status-dry-run-fa-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("persons-status-dry-run-fa-390.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByTestId("import-skip-refused").check();
  await page.getByTestId("import-run").click();
  await expect(page.getByTestId("import-summary")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-done")).toHaveText("۲ ردیف: ۰ ساخته شد، ۰ پیوند خورد، ۱ به‌روز شد، ۱ رد شد، ۰ پیش‌تر وارد شده بود");

  await page.goto(`/persons/${changed}`);
  await expect(page.getByTestId("person-status-notes-fa")).toContainText("در تبعید در شهر موهوم‌آباد (ساختگی).");
  await page.getByTestId("record-history").locator("summary").click();
  const last = page.getByTestId("history-event").last();
  await expect(last).toHaveAttribute("data-action", "person.update");
  await expect(last.locator('tr[data-field="statusNotesFa"]')).toContainText("در تبعید در شهر موهوم‌آباد");
  await expect(last.locator('tr[data-field="statusNotesFa"]')).toContainText("وضعیت کنونی به فارسی");
  await expect(last.locator('tr[data-field="import.row"]')).toContainText("ردیف برگهٔ واردشده");
  await page.screenshot({ path: testInfo.outputPath("persons-status-history-fa.png"), fullPage: true });

  // In English, the same dry run's words.
  await setLocale(page, baseURL!, "en");
  await page.goto("/transfer/import");
  await expect(page.getByTestId("import-check")).toBeEnabled();
  await page.getByTestId("import-kind").selectOption("PERSONS");
  const again: Record<string, string>[] = edited.map((r) => (r.id === changed ? { ...r, status_notes: "In exile (fictional)." } : r));
  writeFileSync(file, "\uFEFF" + stringify(again, { header: true, columns: Object.keys(rows[0]!) }));
  await page.getByTestId("import-file").setInputFiles(file);
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-counts")).toHaveText("2 rows: 0 to create, 0 to link, 1 to update, 1 refused, 0 imported before");
  await expect(update).toContainText("changes Fictional Warden Brightwater");
  await expect(update).toContainText("Changes: Current status");
  await expect(refused).toContainText("Use at most 10,000 characters.");
  await page.screenshot({ path: testInfo.outputPath("persons-status-dry-run-en-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("persons-status-dry-run-en-390.png"), fullPage: true });
});
