import "server-only";
import { writeFile } from "node:fs/promises";
import { chromium, type Page } from "playwright-core";
import type { ExportContent } from "./content";
import { footerTemplate, renderDossierHtml, type PdfMeta } from "./pdf-html";
import { namedDestinationPages } from "./pdf-pages";

// Chromium prints the dossier (full text shaping and bidi, the embedded Persian font). The
// browser gets no network: the document is set as content and has nothing to fetch. The PDF
// is tagged (structure for screen readers and text extraction); that costs about a third more
// printing time on a large dossier (bench/RESULTS.md), so CASEFILE_PDF_TAGGED=0 turns it off.

export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

/**
 * Prints the dossier to `outPath`. Twice: a draft first, without the structure tags and bookmarks
 * (which change no layout and cost about a third of the time), whose sections' pages are read back
 * (pdf-pages.ts) and printed in the contents of the final printing. The numbers take the place the
 * draft left empty, so no page moves; the final one is read back too, and printed once more if a
 * section did move after all. If the numbers cannot be read, the contents keep their links without
 * numbers. The draft costs about 60% more printing time than one printing (bench/RESULTS.md).
 */
export async function printDossierPdf(content: ExportContent, meta: PdfMeta, outPath: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: process.env.CASEFILE_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    let pages = namedDestinationPages(await printHtml(page, renderDossierHtml(content, meta), content, meta, true));
    let pdf = await printHtml(page, renderDossierHtml(content, meta, pages), content, meta, false);
    const moved = pages.size > 0 ? namedDestinationPages(pdf) : pages;
    if (moved.size > 0 && !sameNumbers(pages, moved)) {
      pages = moved;
      pdf = await printHtml(page, renderDossierHtml(content, meta, pages), content, meta, false);
    }
    await writeFile(outPath, pdf);
  } finally {
    await browser.close();
  }
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);
}

async function printHtml(page: Page, html: string, content: ExportContent, meta: PdfMeta, draft: boolean): Promise<Buffer> {
  await page.setContent(html, { waitUntil: "load", timeout: 300_000 });
  return page.pdf({
    format: "A4",
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: "<span></span>",
    footerTemplate: footerTemplate({ dossierId: content.dossier.id, exportedAt: meta.exportedAt }),
    margin: { top: "18mm", bottom: "20mm", left: "16mm", right: "16mm" },
    outline: !draft,
    tagged: !draft && process.env.CASEFILE_PDF_TAGGED !== "0",
  });
}
