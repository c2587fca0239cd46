import { sha256, wav } from "@/tests/support/exhibit-files";
import { demoUser, expect, signInWith, test } from "./fixtures";

// The thinnest real flow, in the Persian interface: a researcher registers a witness (by code
// only), records a Persian statement, finds it in the list, opens it, edits it (a new
// revision; the old one kept), and the audit log shows both events and verifies.

const TEXT = "در تابستان ۱۳۶۷ ملاقات‌ها قطع شد. نگهبان گفت «هیئت آمده است».";
const EDITED = "در مرداد ۱۳۶۷ ملاقات‌ها قطع شد. نگهبان گفت «هیئت آمده است» و دیگر چیزی نگفت.";

test("a researcher records and revises a Persian statement in the Persian interface, and the audit log verifies", async ({ page, baseURL }) => {
  const researcher = demoUser("RESEARCHER");
  await signInWith(page.request, researcher.email, researcher.password);

  // The language switcher, remembered across pages.
  await page.goto("/");
  await page.getByTestId("locale-fa").click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "fa");
  await page.goto("/witnesses/new");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  // A witness, by pseudonym code only.
  await page.getByTestId("witness-submit").click();
  const created = page.getByTestId("witness-created");
  await expect(created).toBeVisible();
  const code = (await created.innerText()).match(/W-\d{4}/)?.[0];
  expect(code).toBeTruthy();
  await created.getByRole("link").click();
  // The banner's link fills the witness field with the code (the witness is typed by code).
  await expect(page.locator('input[name="witnessCode"]')).toHaveValue(code!);

  // A bad submit: errors in Persian next to the fields, nothing saved, typed text kept.
  await page.locator('textarea[name="originalText"]').fill(TEXT);
  await page.locator('input[name="interviewDate"]').fill("۳۱ اسفند ۱۳۶۷");
  await page.getByTestId("statement-submit").click();
  await expect(page.getByTestId("field-error-title")).toContainText("الزامی");
  await expect(page.getByTestId("field-error-interviewDate")).toBeVisible();
  await expect(page.locator('textarea[name="originalText"]')).toHaveValue(TEXT);

  // The real submit, with a Solar Hijri date.
  await page.locator('input[name="title"]').fill("شهادت آزمون سرتاسری");
  await page.locator('select[name="language"]').selectOption("fa");
  await page.locator('input[name="interviewDate"]').fill("۱۲ مرداد ۱۴۰۲");
  await page.getByTestId("statement-submit").click();
  await expect(page.getByTestId("statement-text")).toContainText("ملاقات‌ها قطع شد");
  await expect(page.getByTestId("statement-text")).toHaveAttribute("lang", "fa");
  await expect(page.getByTestId("witness-code")).toContainText(code!);
  await expect(page.getByTestId("revision-number")).toContainText(/1|۱/);
  const statementUrl = page.url();

  // An interview recording, attached on the statement page: its SHA-256 is shown.
  const recording = wav(2, Date.now() % 100_000);
  await page.getByTestId("exhibit-file").setInputFiles({ name: "مصاحبه.wav", mimeType: "audio/wav", buffer: recording });
  await page.getByTestId("exhibit-upload-submit").click();
  await expect(page.getByTestId("exhibit-upload-sha256")).toHaveText(sha256(recording));
  await page.reload();
  await expect(page.getByTestId("statement-exhibits").getByTestId("exhibit-item").filter({ hasText: sha256(recording) })).toBeVisible();

  // It is in the list.
  await page.goto("/statements");
  await expect(page.getByTestId("statement-list")).toContainText("شهادت آزمون سرتاسری");

  // Edit: a new revision with a reason; the first revision stays as it was.
  await page.goto(statementUrl);
  await page.getByTestId("edit-statement").click();
  await page.locator('textarea[name="originalText"]').fill(EDITED);
  await page.locator('[name="reason"]').fill("تاریخ دقیق‌تر");
  await page.getByTestId("statement-save").click();
  await expect(page.getByTestId("statement-text")).toContainText("دیگر چیزی نگفت");
  await expect(page.getByTestId("revision-row")).toHaveCount(2);
  // Compare revision 1 with 2: the changed words are marked.
  await page.getByTestId("compare-link").first().click();
  const textDiff = page.locator('[data-testid="diff-field"][data-field="originalText"]');
  await expect(textDiff.locator("ins, .diff-added, [data-diff=added]").first()).toContainText(/مرداد|دیگر/);
  await expect(textDiff.locator("del, .diff-removed, [data-diff=removed]").first()).toContainText(/تابستان/);
  await page.goto(statementUrl);
  await page.locator('[data-testid="revision-row"][data-revision="1"] a').first().click();
  await expect(page.getByTestId("statement-text")).toContainText("در تابستان ۱۳۶۷");
  await expect(page.getByTestId("statement-text")).not.toContainText("دیگر چیزی نگفت");

  // The audit page: the chain verifies. The result takes the place of the notice shown while the
  // chain is being verified, inside the live region that announces it.
  await page.goto("/audit");
  await expect(page.getByTestId("audit-status")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("audit-status")).toContainText("زنجیره تأیید شد");
  await expect(page.locator('[aria-live="polite"] [data-testid="audit-status"][role="status"]')).toHaveCount(1);
  await expect(page.getByTestId("audit-status-pending")).toHaveCount(0);
  await expect(page.getByTestId("audit-no-read")).toBeVisible();

  // A reviewer sees both events of this statement in the log.
  const reviewer = demoUser("REVIEWER");
  await page.context().clearCookies();
  await signInWith(page.request, reviewer.email, reviewer.password);
  const statementId = new URL(statementUrl).pathname.split("/").pop()!;
  await page.goto("/audit");
  await expect(page.getByTestId("audit-status")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("audit-status")).toContainText("Chain verified");
  await expect(page.locator('[aria-live="polite"] [data-testid="audit-status"]')).toHaveCount(1);
  await expect(page.getByTestId("audit-status-pending")).toHaveCount(0);
  const rows = page.getByTestId("audit-row").filter({ hasText: statementId });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "statement.update" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "statement.create" })).toHaveCount(1);

  // The log reads in the reader's words, keeps the codes it holds, and opens the record it names.
  const createdRow = rows.filter({ hasText: "statement.create" });
  await expect(createdRow).toContainText("Created");
  await expect(createdRow).toContainText("Statement");
  await createdRow.getByRole("link", { name: statementId }).click();
  await expect(page).toHaveURL(new RegExp(`/statements/${statementId}$`));
  await expect(page.getByTestId("statement-text")).toBeVisible();
  await page.context().addCookies([{ name: "casefile-locale", value: "fa", url: baseURL! }]);
  await page.goto("/audit");
  const createdFa = page.getByTestId("audit-row").filter({ hasText: statementId }).filter({ hasText: "statement.create" });
  await expect(createdFa).toContainText("ایجاد شد");
  await expect(createdFa).toContainText("شهادت‌نامه");
});
