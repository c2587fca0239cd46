import { describe, expect, test } from "vitest";
import { namedDestinationPages } from "./pdf-pages";

// A PDF written as Skia writes one: numbered objects, a classic cross-reference table with each
// object's byte offset, a catalog naming the page tree and the /Dests dictionary. The page tree
// here is nested (Skia nests it in a large document) and its pages are not numbered in order.
function pdf(objects: Record<number, string>, opts: { root?: number } = {}): Buffer {
  let out = "%PDF-1.4\n";
  const offsets = new Map<number, number>();
  for (const [n, body] of Object.entries(objects)) {
    offsets.set(Number(n), Buffer.byteLength(out, "latin1"));
    out += `${n} 0 obj\n${body}\nendobj\n`;
  }
  const size = Math.max(...offsets.keys()) + 1;
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let n = 1; n < size; n++) out += offsets.has(n) ? `${String(offsets.get(n)).padStart(10, "0")} 00000 n \n` : "0000000000 65535 f \n";
  out += `trailer\n<</Size ${size}\n/Root ${opts.root ?? 1} 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, "latin1");
}

const PAGE = "<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]>>";

describe("named destinations' pages, read from the PDF", () => {
  test("each name gets the page its destination is on, through a nested page tree", () => {
    const file = pdf({
      1: "<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R>>",
      2: "<</Type /Pages\n/Count 5\n/Kids [10 0 R 11 0 R]>>",
      3: "<</chronology [20 0 R /XYZ 6 756.75 0]\n/statements [24 0 R /XYZ 6 792 0]\n/persons [21 0 R /XYZ 6 792 0]\n/s#2Dx [22 0 R /XYZ 6 10 0]>>",
      10: "<</Type /Pages\n/Count 2\n/Kids [24 0 R 20 0 R]>>",
      11: "<</Type /Pages\n/Count 3\n/Kids [22 0 R 23 0 R 21 0 R]>>",
      20: PAGE,
      21: PAGE,
      22: PAGE,
      23: PAGE,
      24: PAGE,
    });
    expect(Object.fromEntries(namedDestinationPages(file))).toEqual({ statements: 1, chronology: 2, "s-x": 3, persons: 5 });
  });

  test("a PDF it cannot read gives no pages rather than wrong ones", () => {
    const good = pdf({ 1: "<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R>>", 2: "<</Type /Pages\n/Kids [4 0 R]>>", 3: "<</a [4 0 R /XYZ 0 0 0]>>", 4: PAGE });
    expect(namedDestinationPages(good)).toEqual(new Map([["a", 1]]));
    // No named destinations.
    expect(namedDestinationPages(pdf({ 1: "<</Type /Catalog\n/Pages 2 0 R>>", 2: "<</Type /Pages\n/Kids [4 0 R]>>", 4: PAGE })).size).toBe(0);
    // A cross-reference stream instead of a table, a cut file, offsets that point elsewhere, not a PDF.
    expect(namedDestinationPages(Buffer.from(good.toString("latin1").replace(/xref\n/, "XREF\n"), "latin1")).size).toBe(0);
    expect(namedDestinationPages(good.subarray(0, good.length - 20)).size).toBe(0);
    expect(namedDestinationPages(Buffer.from(good.toString("latin1").replace("%PDF-1.4\n", "%PDF-1.4\n\n\n"), "latin1")).size).toBe(0);
    expect(namedDestinationPages(Buffer.from("not a pdf")).size).toBe(0);
    // A page tree whose node is neither a page nor a node of pages.
    expect(namedDestinationPages(pdf({ 1: "<</Type /Catalog\n/Pages 2 0 R\n/Dests 3 0 R>>", 2: "<</Type /Pages\n/Kids [4 0 R]>>", 3: "<</a [4 0 R /XYZ 0 0 0]>>", 4: "<</Type /Font>>" })).size).toBe(0);
  });
});
