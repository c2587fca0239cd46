import { ZERO_WIDTH_CHARS } from "@/lib/names";
import { EXTRAS_BREAK, HYPHEN, hyphenParts, JOINER, normalizeForSearch, normalizeWithMap, WORD_SPACE, wordStart } from "./normalize";

// Snippets are cut from the text as written, around the first word that matched, with every
// matching word marked. Matching happens on the normalised text (normalize.ts); its offset map
// says where each normalised word sits in the original, so نيري in the text is marked for a
// search for نیری and the marked characters are exactly the ones the witness's text has.

export type Part = { text: string; mark: boolean };

/**
 * What to mark: `words` wherever they stand, `phrases` (several normalised words) only where
 * their words follow one another, so a phrase's or a name's common words ("in", "of", «ها»)
 * are not lit up all over the text. A plain set is words only.
 */
export type Highlight = { words: ReadonlySet<string>; phrases: readonly (readonly string[])[] };
const asHighlight = (h: Highlight | ReadonlySet<string>): Highlight => ("words" in h ? h : { words: h, phrases: [] });

/** Every word and phrase of a highlight as normalised text, for finding the first match in a normalised body. */
function matchStrings(h: Highlight): Set<string> {
  return new Set([...h.words, ...h.phrases.map((p) => p.join(" "))]);
}
export type Dir = "rtl" | "ltr" | "auto";

const SNIPPET_CHARS = 240;
const BEFORE = 60;
// Spaces between words, never a joiner inside one (normalize.ts WORD_SPACE): a window does not
// end inside a word written with U+FEFF, and the snippet keeps that character as the text has it.
const SPACES = new RegExp(`${WORD_SPACE.source}+`, "g");

/** Marks every word of `text` that is one of the highlight's words or part of one of its phrases; also returns the first one's offset. */
export function markTerms(text: string, highlight: Highlight | ReadonlySet<string>, window?: { start: number; end: number }): { parts: Part[]; first: number } {
  const { words, phrases } = asHighlight(highlight);
  const { text: norm, map } = normalizeWithMap(text);
  const ws = norm.split(" ");
  const marked = ws.map((w) => w !== "" && words.has(w));
  for (const p of phrases) {
    if (p.length === 0) continue;
    for (let i = ws.indexOf(p[0]!); i >= 0 && i + p.length <= ws.length; i = ws.indexOf(p[0]!, i + 1)) {
      if (p.every((w, j) => ws[i + j] === w)) p.forEach((_, j) => (marked[i + j] = true));
    }
  }
  if (JOINER.test(text)) markJoined(text, map, ws, words, marked);
  // Where each word stands in `text`: found for every word only when the text has a hyphenated
  // word to look into (markHyphenated), else for the marked words alone (a snippet is built for
  // every result of every search, most of its words unmarked).
  const hyphens = norm !== "" && HYPHEN.test(text) && (words.size > 0 || phrases.length > 0);
  const starts: number[] = [];
  let at = 0;
  for (const w of ws) {
    starts.push(at);
    at += w.length + 1;
  }
  const spanOf = (k: number): [number, number] => {
    const start = map[starts[k]!]!;
    const last = map[starts[k]! + Math.max(ws[k]!.length, 1) - 1]!;
    let end = last + codePointLen(text, last);
    // Diacritics and tatweel after the last letter belong to the word.
    while (end < text.length && /[\p{M}\u0640]/u.test(text[end]!)) end++;
    return [start, end];
  };
  const ranges: [number, number][] = [];
  if (norm !== "") for (let k = 0; k < ws.length; k++) if (marked[k]) ranges.push(spanOf(k));
  if (hyphens) markHyphenated(text, ws, ws.map((_, k) => spanOf(k)), { words, phrases }, marked, ranges);
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const first = ranges.length ? ranges[0]![0] : -1;
  const from = window?.start ?? 0;
  const to = window?.end ?? text.length;
  const parts: Part[] = [];
  let pos = from;
  for (const [s, e] of ranges) {
    if (s < pos || (window && (s < window.start || e > window.end))) continue;
    const prev = parts[parts.length - 1];
    // Two marked parts of one word with only its hyphen between them are marked as one ("Gohar-dasht").
    if (prev?.mark && s > pos && ONLY_HYPHENS.test(text.slice(pos, s))) prev.text += text.slice(pos, e);
    else {
      if (s > pos) parts.push({ text: text.slice(pos, s), mark: false });
      parts.push({ text: text.slice(s, e), mark: true });
    }
    pos = e;
  }
  if (pos < to) parts.push({ text: text.slice(pos, to), mark: false });
  return { parts, first };
}

const ONLY_HYPHENS = new RegExp(`^(?:${HYPHEN.source})+$`);

type Piece = { norm: string; word: number } | { norm: string; range: [number, number] };

/**
 * Marks the parts of the words written with a hyphen ("Gohar-dasht": one word in the normalised
 * text) that the index found apart (index-record.ts normJoinedOf): a part that is one of the
 * highlight's words, and the parts that a phrase holds with the words beside them ("dasht prison"
 * marks dasht and prison, "to Gohar" to and Gohar), read as the index reads the word's window: that
 * word split into its parts, its neighbours as they are. Marked words go to `marked` (their ranges to
 * `ranges` too), marked parts to `ranges`.
 */
function markHyphenated(text: string, ws: string[], spans: [number, number][], highlight: Highlight, marked: boolean[], ranges: [number, number][]): void {
  const { words, phrases } = highlight;
  for (const [k, [start, end]] of spans.entries()) {
    const whole = text.slice(start, end);
    if (!HYPHEN.test(whole)) continue;
    const parts = hyphenatedParts(whole).map(([s, e]): Piece => ({ norm: normalizeForSearch(whole.slice(s, e)), range: [start + s, start + e] })).filter((p) => p.norm !== "");
    if (parts.length < 2) continue;
    // A part that is one of the words, where the whole word is not.
    if (!marked[k] && words.size > 0) for (const p of parts) if (words.has(p.norm) && "range" in p) ranges.push(p.range);
    for (const phrase of phrases) {
      const n = phrase.length;
      if (n < 2) continue;
      // The word's window, as far as this phrase can reach: n - 1 words on either side.
      const before: Piece[] = [];
      for (let j = Math.max(0, k - n + 1); j < k; j++) before.push({ norm: ws[j]!, word: j });
      const after: Piece[] = [];
      for (let j = k + 1; j < Math.min(ws.length, k + n); j++) after.push({ norm: ws[j]!, word: j });
      const seq = [...before, ...parts, ...after];
      const firstPart = before.length;
      const lastPart = before.length + parts.length - 1;
      // Every place the phrase holds at least one part.
      for (let i = Math.max(0, firstPart - n + 1); i <= lastPart && i + n <= seq.length; i++) {
        if (!phrase.every((w, j) => seq[i + j]!.norm === w)) continue;
        for (let j = i; j < i + n; j++) {
          const piece = seq[j]!;
          if ("range" in piece) ranges.push(piece.range);
          else if (!marked[piece.word]) {
            marked[piece.word] = true;
            ranges.push(spans[piece.word]!);
          }
        }
      }
    }
  }
}

/** Where the parts of a hyphenated `word` stand in it: the stretches between its hyphens. */
function hyphenatedParts(word: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < word.length; i++) {
    if (!HYPHEN.test(word[i]!)) continue;
    if (i > from) out.push([from, i]);
    from = i + 1;
  }
  if (word.length > from) out.push([from, word.length]);
  return out;
}

/**
 * Where the first match that a word written with a hyphen gives begins in `body`, or -1: one of
 * its parts that is one of the words, or a phrase that holds a part and the words beside it (a
 * match the index found through the word's window, which the normalised text, where the word is
 * whole, cannot show). Only the stretches around hyphenated words that have such a part are
 * marked, each with as many words on either side as the longest phrase has.
 */
function firstHyphenMatch(body: string, h: Highlight): number {
  if (!HYPHEN.test(body)) return -1;
  const reach = Math.max(0, ...h.phrases.map((p) => p.length - 1));
  const phraseWords = new Set(h.phrases.flat());
  if (h.words.size === 0 && phraseWords.size === 0) return -1;
  const useful = (w: string) => h.words.has(w) || phraseWords.has(w);
  const at = new RegExp(HYPHEN.source, "g");
  for (let m = at.exec(body); m; m = at.exec(body)) {
    let from = m.index;
    while (from > 0 && !WORD_SPACE.test(body[from - 1]!)) from--;
    let to = m.index + 1;
    while (to < body.length && !WORD_SPACE.test(body[to]!)) to++;
    at.lastIndex = to;
    if (!hyphenParts(body.slice(from, to)).some((p) => p.split(" ").some(useful))) continue;
    // The words beside it: `reach` stretches between spaces with a letter or digit in them, each way.
    for (let n = 0; n < reach && from > 0; ) {
      while (from > 0 && WORD_SPACE.test(body[from - 1]!)) from--;
      const end = from;
      while (from > 0 && !WORD_SPACE.test(body[from - 1]!)) from--;
      if (LETTER_OR_DIGIT.test(body.slice(from, end))) n++;
    }
    let ahead = to;
    for (let n = 0; n < reach && ahead < body.length; ) {
      while (ahead < body.length && WORD_SPACE.test(body[ahead]!)) ahead++;
      const begin = ahead;
      while (ahead < body.length && !WORD_SPACE.test(body[ahead]!)) ahead++;
      if (LETTER_OR_DIGIT.test(body.slice(begin, ahead))) n++;
    }
    const first = markTerms(body.slice(from, ahead), h).first;
    if (first >= 0) return from + first;
  }
  return -1;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Where the first marked word of the stretches of `body` between spaces that hold a match of
 * `at` begins, or -1. `worth` says which stretches to mark (most are not: marking normalises
 * the stretch again, with its offset map).
 */
function firstInStretches(body: string, at: RegExp, words: ReadonlySet<string>, worth: (stretch: string) => boolean): number {
  if (words.size === 0) return -1;
  const only: Highlight = { words, phrases: [] };
  at.lastIndex = 0;
  for (let m = at.exec(body); m; m = at.exec(body)) {
    let from = m.index;
    while (from > 0 && !WORD_SPACE.test(body[from - 1]!)) from--;
    let to = m.index + 1;
    while (to < body.length && !WORD_SPACE.test(body[to]!)) to++;
    const stretch = body.slice(from, to);
    if (worth(stretch)) {
      const first = markTerms(stretch, only).first;
      if (first >= 0) return from + first;
    }
    at.lastIndex = to;
  }
  return -1;
}

/** What may stand between two parts of one word: joiners, and diacritics or tatweel the normaliser drops. */
const JOINERS_OR_MARKS = `[${ZERO_WIDTH_CHARS}\\p{M}\\u0640]*`;
const ONLY_JOINERS = new RegExp(`^${JOINERS_OR_MARKS}[${ZERO_WIDTH_CHARS}]${JOINERS_OR_MARKS}$`, "u");

/**
 * Marks the parts of a word written with a ZWNJ («چشم‌بند») when the word joined is one of the
 * highlight's words: the index finds it joined (persian-variants.ts joinedWords), so the query
 * "چشمبند" should see it marked. Parts apart only by a space are not joined.
 */
function markJoined(text: string, map: number[], ws: string[], words: ReadonlySet<string>, marked: boolean[]): void {
  // joinedToNext[k]: between word k and word k + 1 the text has only joiners.
  const joinedToNext: boolean[] = [];
  let at = 0;
  for (let k = 0; k + 1 < ws.length; k++) {
    at += ws[k]!.length;
    joinedToNext.push(ONLY_JOINERS.test(text.slice(map[at]!, map[at + 1]!)));
    at += 1;
  }
  for (let k = 0; k < ws.length; k++) {
    let joined = ws[k]!;
    for (let j = k; j + 1 < ws.length && joinedToNext[j]; j++) {
      joined += ws[j + 1]!;
      if (words.has(joined)) for (let x = k; x <= j + 1; x++) marked[x] = true;
    }
  }
}

const JOINERS_IN = new RegExp(JOINER.source, "g");

/**
 * Where the first word written with a joiner that is one of `words` joined begins in `body`, or
 * -1: what markTerms(body).first says when no word or phrase stands in the text as it is (a
 * statement found through a linked person, or by its title). Only the stretches between spaces
 * that hold a joiner are read, instead of the whole body being normalised with its offset map
 * again: a space never stands inside a joined word, and a stretch's normalised words are those
 * of the whole text. A stretch is marked only when some of its words side by side make one of
 * `words` (most make none).
 */
function firstJoined(body: string, words: ReadonlySet<string>): number {
  return firstInStretches(body, JOINERS_IN, words, (stretch) => joinsInto(stretchWords(stretch), words));
}

/** Whether some of `ws` side by side, joined, are one of `words`. */
function joinsInto(ws: string[], words: ReadonlySet<string>): boolean {
  for (let k = 0; k + 1 < ws.length; k++) {
    let joined = ws[k]!;
    for (let j = k + 1; j < ws.length; j++) if (words.has((joined += ws[j]!))) return true;
  }
  return false;
}

// Testimony writes the same words with a joiner over and over (می‌گفتند, آن‌ها): each stretch's
// words are normalised once.
const stretchCache = new Map<string, string[]>();
function stretchWords(stretch: string): string[] {
  let ws = stretchCache.get(stretch);
  if (ws === undefined) {
    ws = normalizeForSearch(stretch).split(" ");
    if (stretchCache.size >= 50_000) stretchCache.clear();
    stretchCache.set(stretch, ws);
  }
  return ws;
}

/** Where the last space between words in body[from, to) is, or -1. */
function lastSpace(body: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (WORD_SPACE.test(body[i]!)) return i;
  return -1;
}

function codePointLen(s: string, i: number): number {
  const c = s.codePointAt(i) ?? 0;
  return c > 0xffff ? 2 : 1;
}

/**
 * A window of the body around the first match (or its start), marked. With the body's normalised
 * form (the index holds it), the first match is found in that form and only the window is
 * normalised again with its offset map, instead of the whole body: the same parts, for a
 * fraction of the work on long testimony.
 */
export function snippet(body: string, highlight: Highlight | ReadonlySet<string>, normBody?: string, opts: { fieldBreak?: string } = {}): Part[] {
  const terms = asHighlight(highlight);
  let first: number;
  if (normBody === undefined) first = markTerms(body, terms).first;
  else {
    const k = firstWordIndex(normBody, matchStrings(terms));
    // No word as it stands: a word written with a ZWNJ may match joined, which the normalised
    // text cannot show (its ZWNJ is a space), or a part of one written with a hyphen, alone or in
    // a phrase (the normalised text joins its parts); found in the text itself.
    first = k >= 0 ? wordStart(body, k) : firstJoined(body, terms.words);
    if (first < 0) first = firstHyphenMatch(body, terms);
  }
  let start = first < 0 ? 0 : Math.max(0, first - BEFORE);
  // Start and end at word boundaries, so no word is cut in half.
  if (start > 0) {
    const space = body.slice(start, first < 0 ? start + 30 : first).search(WORD_SPACE);
    if (space >= 0) start += space + 1;
  }
  let end = Math.min(body.length, start + SNIPPET_CHARS);
  if (end < body.length) {
    const back = lastSpace(body, start, end) - start;
    if (back > SNIPPET_CHARS / 2) end = start + back;
  }
  // Normalise whole words only: from the whitespace before the window to the one after it.
  let from = start;
  while (from > 0 && !WORD_SPACE.test(body[from - 1]!)) from--;
  let to = end;
  while (to < body.length && !WORD_SPACE.test(body[to]!)) to++;
  const { parts } = markTerms(body.slice(from, to), terms, { start: start - from, end: end - from });
  // A registry record's text is its fields, one to a line: `fieldBreak` keeps them apart
  // ("Criminal trial · Sweden · Stockholm District Court") where a statement's lines just flow.
  const out = parts.map((p) => ({ ...p, text: opts.fieldBreak && !p.mark ? withFieldBreaks(p.text, opts.fieldBreak) : oneSpace(p.text) }));
  if (opts.fieldBreak && out.length) {
    // Not at the window's edges: the … there says the text goes on.
    const [head, tail] = [out[0]!, out[out.length - 1]!];
    if (head.text.startsWith(opts.fieldBreak)) head.text = head.text.slice(opts.fieldBreak.length);
    if (tail.text.endsWith(opts.fieldBreak)) tail.text = tail.text.slice(0, -opts.fieldBreak.length);
  }
  if (start > 0) out.unshift({ text: CUT_BEFORE, mark: false });
  if (end < body.length) out.push({ text: CUT_AFTER, mark: false });
  return out;
}

/** Between the fields of a registry record in its snippet. */
export const FIELD_BREAK = " · ";
/** A snippet's first and last parts when the window starts after the text's start or ends before its end. */
export const CUT_BEFORE = "… ";
export const CUT_AFTER = " …";

/** Whether a result's snippet is fields with FIELD_BREAK between them (a registry record's) or one flowing text (a statement's). */
export const snippetHasFields = (type: string): boolean => type !== "statement";

/**
 * A registry record's snippet cut at its field breaks, each field's parts apart: the page sets
 * each field in its own bidirectional isolate, because a record's fields are in both scripts
 * (its Persian name, its English and Persian positions) and, run together in one paragraph, the
 * Unicode bidirectional algorithm reorders a Persian field across its English neighbours. A
 * marked part is never cut. The "…" of a window cut short is no field's: inside the first or last
 * field's isolate it would stand at that field's far side when its script runs the other way.
 */
export function snippetFields(parts: Part[], fieldBreak: string = FIELD_BREAK): { cutBefore: boolean; fields: Part[][]; cutAfter: boolean } {
  const cutBefore = parts.length > 0 && !parts[0]!.mark && parts[0]!.text === CUT_BEFORE;
  const cutAfter = parts.length > (cutBefore ? 1 : 0) && !parts[parts.length - 1]!.mark && parts[parts.length - 1]!.text === CUT_AFTER;
  const fields: Part[][] = [[]];
  for (const p of parts.slice(cutBefore ? 1 : 0, cutAfter ? -1 : undefined)) {
    const pieces = p.mark ? [p.text] : p.text.split(fieldBreak);
    pieces.forEach((text, i) => {
      if (i > 0) fields.push([]);
      if (text) fields[fields.length - 1]!.push({ text, mark: p.mark });
    });
  }
  return { cutBefore, fields: fields.filter((f) => f.length > 0), cutAfter };
}

/** `text` with each line break (and the spaces around it) as `fieldBreak`, other runs of space as one space. */
function withFieldBreaks(text: string, fieldBreak: string): string {
  return text.split(/[^\S\n\uFEFF]*\n[^\S\uFEFF]*/).map(oneSpace).join(fieldBreak);
}

/** Every run of space between words as one space. */
function oneSpace(text: string): string {
  return text.replace(SPACES, " ");
}

const BREAK = EXTRAS_BREAK.charCodeAt(0);

/**
 * Which word of a normalised text (words separated by single spaces) is the first one in
 * `terms` (a term of several words: where they follow one another), or -1: what `norm.split(" ").findIndex((w) => terms.has(w))` says, not counting the breaks between fields,
 * without making a string of every word of a 3 KB testimony for each result.
 */
export function firstWordIndex(norm: string, terms: ReadonlySet<string>): number {
  let best = -1;
  for (const t of terms) {
    if (!t) continue;
    for (let i = norm.indexOf(t); i >= 0 && (best < 0 || i < best); i = norm.indexOf(t, i + 1)) {
      const end = i + t.length;
      if ((i === 0 || norm.charCodeAt(i - 1) === 32) && (end === norm.length || norm.charCodeAt(end) === 32)) {
        best = i;
        break;
      }
    }
  }
  if (best < 0) return -1;
  // The break between two fields of an entry's text (normalize.ts normBodyOf) is a word of the
  // normalised text that the text as written does not have: not counted.
  let k = 0;
  for (let i = 0; i < best; i++) {
    const c = norm.charCodeAt(i);
    if (c === 32) k++;
    else if (c === BREAK) k--;
  }
  return k;
}

/** rtl when Arabic-script letters outnumber Latin ones, ltr for the reverse, auto when neither. */
export function directionOf(text: string): Dir {
  let rtl = 0;
  let ltr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) rtl++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) ltr++;
  }
  if (rtl === 0 && ltr === 0) return "auto";
  return rtl >= ltr ? "rtl" : "ltr";
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The API's snippet: escaped text, matches in <mark>. */
export function partsToHtml(parts: Part[]): string {
  return parts.map((p) => (p.mark ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");
}
