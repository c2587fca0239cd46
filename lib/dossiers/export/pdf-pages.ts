// On which page each named destination of a PDF lands, read from the PDF itself. Chromium prints
// through Skia, which writes an element that a link points to (href="#id") as a named
// destination: the catalog's /Dests dictionary maps the id to [page-object /XYZ x y zoom]. The
// pages' order is the page tree's (/Pages nodes with /Kids, nested in a large document). CSS
// cannot number a table of contents in Chromium (no target-counter), so the dossier is printed
// once, its sections' pages read back here, and printed again with the numbers (pdf.ts).
//
// Only what Skia writes is read: a classic cross-reference table (no cross-reference streams or
// object streams) and uncompressed dictionaries for the catalog, the page tree and /Dests. Anything
// else gives an empty answer, and the contents are printed without page numbers rather than wrong ones.

/** The 1-based page of each named destination, or an empty map if the PDF is not one this reads. */
export function namedDestinationPages(pdf: Buffer): Map<string, number> {
  try {
    return readDestinations(pdf.toString("latin1"));
  } catch {
    return new Map();
  }
}

function readDestinations(text: string): Map<string, number> {
  const offsets = xrefOffsets(text);
  const object = (n: number): string => {
    const at = offsets.get(n);
    if (at === undefined) throw new Error(`object ${n} is not in the cross-reference table`);
    const head = new RegExp(`^${n}\\s+\\d+\\s+obj\\b`).exec(text.slice(at, at + 32));
    if (!head) throw new Error(`object ${n} is not at its offset`);
    const end = text.indexOf("endobj", at);
    const body = text.slice(at + head[0].length, end < 0 ? undefined : end);
    const stream = body.indexOf("stream");
    return stream < 0 ? body : body.slice(0, stream);
  };
  const trailer = text.slice(text.lastIndexOf("trailer"));
  const root = refIn(trailer, "Root");
  const catalog = object(root);
  const dests = destsOf(catalog, object);
  if (dests.size === 0) return new Map();

  // Page object number → page number, walking the page tree in order.
  const pageNumber = new Map<number, number>();
  const walk = (n: number, depth: number) => {
    if (depth > 64) throw new Error("page tree too deep");
    const node = object(n);
    if (/\/Type\s*\/Pages\b/.test(node)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node);
      if (!kids) throw new Error("a page tree node without /Kids");
      for (const m of kids[1]!.matchAll(/(\d+)\s+\d+\s+R/g)) walk(Number(m[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(node)) pageNumber.set(n, pageNumber.size + 1);
    else throw new Error(`object ${n} is neither a page nor a page tree node`);
  };
  walk(refIn(catalog, "Pages"), 0);

  const pages = new Map<string, number>();
  for (const [name, pageObject] of dests) {
    const p = pageNumber.get(pageObject);
    if (p !== undefined) pages.set(name, p);
  }
  return pages;
}

/** The catalog's named destinations: the /Dests dictionary (PDF 1.1 style, as Skia writes it), name → page object number. */
function destsOf(catalog: string, object: (n: number) => string): Map<string, number> {
  const out = new Map<string, number>();
  const inline = /\/Dests\s*<</.exec(catalog);
  const dict = inline ? catalog.slice(inline.index + inline[0].length) : /\/Dests\s+\d+\s+\d+\s+R/.test(catalog) ? object(refIn(catalog, "Dests")) : null;
  if (dict === null) return out;
  for (const m of dict.matchAll(/\/([^\s/\[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R/g)) out.set(decodeName(m[1]!), Number(m[2]));
  return out;
}

/** A PDF name's characters: #xx is the byte xx (ids are ASCII; others come back as their UTF-8). */
function decodeName(name: string): string {
  const bytes = Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1");
  return bytes.toString("utf8");
}

/** The object number a dictionary's `/key n g R` refers to. */
function refIn(dict: string, key: string): number {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  if (!m) throw new Error(`no /${key} reference`);
  return Number(m[1]);
}

/** Object number → byte offset, from the last classic cross-reference table (startxref). */
function xrefOffsets(text: string): Map<number, number> {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) throw new Error("no startxref");
  let at = Number(start[1]);
  if (!text.startsWith("xref", at)) throw new Error("not a classic cross-reference table");
  at += 4;
  const offsets = new Map<number, number>();
  const section = /\s*(\d+)\s+(\d+)\s*\r?\n/y;
  const entry = /(\d{10}) (\d{5}) ([nf])\s{0,2}/y;
  for (;;) {
    section.lastIndex = at;
    const s = section.exec(text);
    if (!s) break;
    const first = Number(s[1]);
    const count = Number(s[2]);
    entry.lastIndex = section.lastIndex;
    for (let i = 0; i < count; i++) {
      const e = entry.exec(text);
      if (!e) throw new Error("a malformed cross-reference entry");
      if (e[3] === "n") offsets.set(first + i, Number(e[1]));
    }
    at = entry.lastIndex;
  }
  return offsets;
}
