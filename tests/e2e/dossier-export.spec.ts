import { mkdtempSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yauzl from "yauzl";
import { demoUser, expect, setLocale, signInAs, signInWith, test } from "./fixtures";

// A legal team builds a dossier for the Nouri proceeding, exports it from the dossier page,
// watches the progress, downloads the package and finds every file in its manifest.

async function zipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(path, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z!))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((res, rej) => {
    zip.on("entry", (entry: yauzl.Entry) =>
      zip.openReadStream(entry, async (e, s) => {
        if (e) return rej(e);
        const chunks: Buffer[] = [];
        for await (const c of s!) chunks.push(c as Buffer);
        out.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      }),
    );
    zip.on("end", () => res());
    zip.on("error", rej);
    zip.readEntry();
  });
  return out;
}

test("legal builds a dossier for the Nouri proceeding, exports it with progress, downloads it and the manifest lists every file with its hash", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(page, "LEGAL");

  // Build: the form, for the Nouri proceeding.
  await page.goto("/dossiers/new");
  const option = page.getByTestId("dossier-subject").locator("option", { hasText: "Prosecution of Hamid Nouri" });
  await page.getByTestId("dossier-subject").selectOption((await option.getAttribute("value"))!);
  await page.getByTestId("dossier-title").fill(`Nouri bundle ${Date.now()}`);
  await page.getByTestId("dossier-form").locator("button[type=submit]").click();
  await page.waitForURL(/\/dossiers\/(?!new$)[a-z0-9]+$/);
  const dossierId = new URL(page.url()).pathname.split("/").pop()!;

  // The dossier starts with the verified statements linked to the proceeding (the demo's Gohardasht
  // sample). To them: the other statements a legal team may see (their witnesses consented to legal
  // sharing), and a source.
  const items = async () => (await (await page.request.get(`/api/v1/dossiers/${dossierId}`)).json()).items as { kind: string; refId: string }[];
  const preselected = new Set((await items()).map((i) => i.refId));
  expect(preselected.size).toBeGreaterThan(0);
  const statements = (await (await page.request.get("/api/v1/statements?pageSize=10")).json()).items as { id: string }[];
  expect(statements.length).toBeGreaterThan(0);
  for (const s of statements.filter((x) => !preselected.has(x.id))) {
    const r = await page.request.post(`/api/v1/dossiers/${dossierId}/items`, { data: { kind: "STATEMENT", refId: s.id } });
    expect(r.status(), await r.text()).toBeLessThan(300);
  }
  const statementCount = (await items()).filter((i) => i.kind === "STATEMENT").length;
  const sources = (await (await page.request.get("/api/v1/sources?pageSize=1")).json()).items as { id: string }[];
  await page.request.post(`/api/v1/dossiers/${dossierId}/items`, { data: { kind: "SOURCE", refId: sources[0]!.id } });

  // Export from the dossier page.
  await page.goto(`/dossiers/${dossierId}`);
  const panel = page.getByTestId("dossier-export-panel");
  await expect(panel).toBeVisible();
  await panel.getByTestId("export-start").click();
  const row = panel.getByTestId("dossier-export").first();
  // Progress while it runs, then the download link.
  await expect(row.getByTestId("export-progress")).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "READY", { timeout: 90_000 });
  const shown = (await row.getByTestId("export-sha256").textContent())!.trim();
  await panel.screenshot({ path: "data/test-results/dossier-export-panel-en.png" });
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("export-download").click()]);
  const file = join(mkdtempSync(join(tmpdir(), "casefile-e2e-dx-")), "package.zip");
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(shown);

  const entries = await zipEntries(file);
  const manifest = JSON.parse(entries.get("manifest.json")!.toString("utf8"));
  expect(manifest.dossier.id).toBe(dossierId);
  expect(manifest.dossier.subject.title).toContain("Hamid Nouri");
  expect(manifest.export.exporter.email).toBe("legal@demo.casefile");
  expect(manifest.counts.statements).toBe(statementCount);
  expect([...entries.keys()].sort()).toEqual([...manifest.files.map((f: { path: string }) => f.path), "manifest.json"].sort());
  for (const f of manifest.files) expect(createHash("sha256").update(entries.get(f.path)!).digest("hex"), f.path).toBe(f.sha256);
  // No witness is named: the export was made without asking for identities.
  const pdfBytes = entries.get("dossier.pdf")!;
  expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(manifest.counts.revealedWitnesses).toBe(0);

  // The panel in Persian, for a person to look at.
  await setLocale(page, baseURL!, "fa");
  await page.goto(`/dossiers/${dossierId}`);
  await expect(page.getByTestId("dossier-export-panel")).toBeVisible();
  await page.getByTestId("dossier-export-panel").screenshot({ path: "data/test-results/dossier-export-panel-fa.png" });
  // The history names the export and the download in words, not as the log's codes.
  const fa = JSON.parse(readFileSync(join(process.cwd(), "messages/fa.json"), "utf8")) as { history: { actions: Record<string, string> } };
  const history = page.getByTestId("dossier-history");
  await expect(history.locator('[data-action="dossier.export.start"] strong')).toHaveText(fa.history.actions.dossier_export_start);
  await expect(history.locator('[data-action="dossier.export.download"] strong').first()).toHaveText(fa.history.actions.dossier_export_download);
  await expect(history.locator("strong").filter({ hasText: /^dossier\./ })).toHaveCount(0);
});

test("a reviewer sees no export panel and the API refuses to start one", async ({ page }) => {
  await signInAs(page, "REVIEWER");
  const list = (await (await page.request.get("/api/v1/dossiers")).json()).items as { id: string }[];
  expect(list.length).toBeGreaterThan(0);
  await page.goto(`/dossiers/${list[0]!.id}`);
  await expect(page.getByTestId("dossier-title")).toBeVisible();
  await expect(page.getByTestId("dossier-export-panel")).toHaveCount(0);
  const r = await page.request.post(`/api/v1/dossiers/${list[0]!.id}/exports`, { data: {} });
  expect(r.status()).toBe(403);
});

test("an export whose witness has since withdrawn consent to legal sharing is listed as to be exported again, in the reader's language, not as a dead download", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  // A fictional witness of its own (the demo's consents stay as they are for the other tests), consenting to legal sharing.
  const researcherContext = await browser.newContext({ baseURL });
  const researcher = demoUser("RESEARCHER");
  await signInWith(researcherContext.request, researcher.email, researcher.password);
  const r = researcherContext.request;
  const made = (await (await r.post("/api/v1/witnesses", { data: { consents: [{ scope: "LEGAL_SHARING", givenAt: "2023-01-01", method: "WRITTEN" }] } })).json()) as { id: string };
  const witness = (await (await r.get(`/api/v1/witnesses/${made.id}`)).json()) as { id: string; consents: { id: string; scope: string }[] };
  expect(witness.consents.map((c) => c.scope)).toEqual(["LEGAL_SHARING"]);
  const statement = await r.post("/api/v1/statements", { data: { witnessId: witness.id, title: `Fictional withdrawal sample ${Date.now()}`, language: "en", originalText: "This text is fictional and written only to test the software." } });
  expect(statement.status(), await statement.text()).toBe(201);
  const statementId = ((await statement.json()) as { id: string }).id;

  await signInAs(page, "LEGAL");
  await setLocale(page, baseURL!, "en");
  const proceedings = (await (await page.request.get("/api/v1/proceedings?q=" + encodeURIComponent("Hamid Nouri"))).json()).items as { id: string }[];
  const dossier = await page.request.post("/api/v1/dossiers", { data: { title: `Withdrawal bundle ${Date.now()}`, subjectType: "PROCEEDING", subjectId: proceedings[0]!.id, preselect: false } });
  expect(dossier.status(), await dossier.text()).toBe(201);
  const dossierId = ((await dossier.json()) as { id: string }).id;
  const item = await page.request.post(`/api/v1/dossiers/${dossierId}/items`, { data: { kind: "STATEMENT", refId: statementId } });
  expect(item.status(), await item.text()).toBeLessThan(300);
  const started = (await (await page.request.post(`/api/v1/dossiers/${dossierId}/exports`)).json()) as { id: string };
  await expect(async () => {
    expect(((await (await page.request.get(`/api/v1/dossier-exports/${started.id}`)).json()) as { status: string }).status).toBe("READY");
  }).toPass({ timeout: 90_000 });
  await page.goto(`/dossiers/${dossierId}`);
  const row = page.locator(`[data-testid="dossier-export"][data-export-id="${started.id}"]`);
  await expect(row.getByTestId("export-download")).toBeVisible();
  await expect(row.getByTestId("export-unavailable")).toHaveCount(0);
  await expect(row).toContainText("Ready");

  // The witness withdraws: the package is no longer offered, and the list says why and what to do.
  const withdrawn = await r.post(`/api/v1/witnesses/${witness.id}/consents/${witness.consents[0]!.id}/withdraw`, { data: { note: "withdrawn (fictional, test)" } });
  expect(withdrawn.status(), await withdrawn.text()).toBe(200);
  await researcherContext.close();
  await page.goto(`/dossiers/${dossierId}`);
  await expect(row.getByTestId("export-unavailable")).toHaveAttribute("data-reason", "CONSENT_WITHDRAWN");
  await expect(row.getByTestId("export-unavailable")).toContainText("Export the dossier again");
  await expect(row.getByTestId("export-download")).toHaveCount(0);
  // Its label says so too: a package that cannot be downloaded is not "Ready".
  await expect(row).not.toContainText("Ready");
  await expect(row.getByTestId("export-status")).toHaveText("No longer available");
  await row.screenshot({ path: "data/test-results/dossier-export-withdrawn-en.png" });

  await setLocale(page, baseURL!, "fa");
  await page.goto(`/dossiers/${dossierId}`);
  await expect(row.getByTestId("export-unavailable")).toContainText("دوباره برون‌بری کنید");
  await expect(row.getByTestId("export-unavailable")).not.toContainText(/[A-Za-z]/);
  await expect(row.getByTestId("export-download")).toHaveCount(0);
  await expect(row).not.toContainText("آماده");
  await expect(row.getByTestId("export-status")).toHaveText("دیگر دریافت‌شدنی نیست");
  await row.screenshot({ path: "data/test-results/dossier-export-withdrawn-fa.png" });
});
