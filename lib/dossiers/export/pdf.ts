import "server-only";
import { chromium } from "playwright-core";
import type { ExportContent } from "./content";
import { footerTemplate, renderDossierHtml, type PdfMeta } from "./pdf-html";

// Chromium prints the dossier (full text shaping and bidi, the embedded Persian font). The
// browser gets no network: the document is set as content and has nothing to fetch. The PDF
// is tagged (structure for screen readers and text extraction); that costs about a third more
// printing time on a large dossier (bench/RESULTS.md), so CASEFILE_PDF_TAGGED=0 turns it off.

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export async function printDossierPdf(content: ExportContent, meta: PdfMeta, outPath: string): Promise<void> {
  const html = renderDossierHtml(content, meta);
  const browser = await chromium.launch({ executablePath: process.env.CASEFILE_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load", timeout: 300_000 });
    await page.pdf({
      path: outPath,
      format: "A4",
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: footerTemplate({ dossierId: content.dossier.id, exportedAt: meta.exportedAt }),
      margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
      outline: true,
      tagged: process.env.CASEFILE_PDF_TAGGED !== "0",
    });
  } finally {
    await browser.close();
  }
}
