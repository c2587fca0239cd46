import type { Page } from "@playwright/test";
import { expect, setLocale, signInAs, test } from "./fixtures";

// The new-statement form names the witness by code: typed without JavaScript (the server
// resolves it, and answers a code that names no witness in the field), chosen from suggestions
// with the keyboard with it. The page never lists every witness.

const persianDigits = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

/** A fresh witness through the API; its id and code. */
async function newWitness(page: Page, input: object = {}): Promise<{ id: string; code: string }> {
  const res = await page.request.post("/api/v1/witnesses", { data: input });
  expect(res.status()).toBe(201);
  return (await res.json()) as { id: string; code: string };
}

const codeField = (page: Page) => page.locator('input[name="witnessCode"]');

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a researcher types the witness code in Persian digits; an unknown code is a Persian field error and what was typed stays", async ({ page, baseURL }) => {
    await signInAs(page, "RESEARCHER");
    const w = await newWitness(page);
    await setLocale(page, baseURL!, "fa");
    await page.goto("/statements/new");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // No select of every witness: one text field.
    await expect(page.locator('select[name="witnessId"]')).toHaveCount(0);
    await expect(page.getByTestId("statement-form").locator("option")).not.toContainText([w.code]);

    await codeField(page).fill("W-99999");
    await page.locator('input[name="title"]').fill("شهادت با کد ناشناخته");
    await page.locator('textarea[name="originalText"]').fill("متن ساختگی.");
    await page.getByTestId("statement-submit").click();
    await expect(page.getByTestId("field-error-witnessCode")).toContainText("هیچ شاهدی این کد را ندارد");
    await expect(codeField(page)).toHaveValue("W-99999");
    await expect(page.locator('input[name="title"]')).toHaveValue("شهادت با کد ناشناخته");

    await codeField(page).fill(`w-${persianDigits(w.code.slice(2))}`);
    await page.getByTestId("statement-submit").click();
    await expect(page.getByTestId("witness-code")).toContainText(w.code);
    await expect(page.getByTestId("statement-text")).toContainText("متن ساختگی");
  });

  test("a code typed on a Persian keyboard, whose W key types «ص», names its witness", async ({ page, baseURL }) => {
    await signInAs(page, "RESEARCHER");
    const w = await newWitness(page);
    await setLocale(page, baseURL!, "fa");
    await page.goto("/statements/new");
    await codeField(page).fill(`ص-${persianDigits(w.code.slice(2))}`);
    await page.locator('input[name="title"]').fill("شهادت با صفحه‌کلید فارسی");
    await page.locator('textarea[name="originalText"]').fill("متن ساختگی با کد فارسی.");
    await page.getByTestId("statement-submit").click();
    await expect(page.getByTestId("witness-code")).toContainText(w.code);
    await expect(page.getByTestId("statement-text")).toContainText("متن ساختگی با کد فارسی");
  });

  test("the witness list's “add statement” link fills the field with that witness's code", async ({ page }) => {
    await signInAs(page, "RESEARCHER");
    const w = await newWitness(page, { protectionLevel: "PROTECTED" });
    await page.goto(`/statements/new?witnessId=${w.id}`);
    await expect(codeField(page)).toHaveValue(w.code);
    // An id that names no witness, or is no id at all, leaves the field empty.
    for (const bad of ["no-such-witness", "%00", "x".repeat(500)]) {
      await page.goto(`/statements/new?witnessId=${bad}`);
      await expect(codeField(page)).toHaveValue("");
    }
  });
});

test("with the keyboard: matching codes are suggested with their protection, arrow keys move, Enter chooses, and the statement is saved", async ({ page }) => {
  await signInAs(page, "RESEARCHER");
  const w = await newWitness(page, { protectionLevel: "CONFIDENTIAL", fictional: true });
  await page.goto("/statements/new");
  const field = codeField(page);
  await expect(field).toHaveAttribute("role", "combobox");
  await field.focus();
  await page.keyboard.type(w.code.slice(2)); // the number alone
  const listbox = page.getByRole("listbox");
  const option = listbox.getByRole("option", { name: new RegExp(w.code) });
  await expect(option).toBeVisible();
  await expect(option).toContainText("Confidential");
  await expect(option.getByTestId("fictional-badge")).toBeVisible();
  await expect(listbox.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(field).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(field).toHaveValue(w.code);
  await expect(field).toHaveAttribute("aria-expanded", "false");
  await page.locator('input[name="title"]').fill("Chosen by keyboard");
  await page.locator('textarea[name="originalText"]').fill("This text is fictional.");
  await page.getByTestId("statement-submit").click();
  await expect(page.getByTestId("witness-code")).toContainText(w.code);
});
