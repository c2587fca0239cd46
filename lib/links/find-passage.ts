import { normalizePersian } from "@/lib/names/normalize";

// Finding the words a researcher types in the statement's text (the link form's "or type the
// words of the passage" box). Pure, and used in the browser.
//
// The text may be written with the Arabic keyboard's ي and ك and the words typed with the
// Persian ی and ک, or the other way round: search and the name suggestions treat them alike
// (lib/names normalizePersian), and so does this. Only the foldings that turn one UTF-16 unit
// into one are applied (ي ى ئ → ی, ك → ک, ة ۀ ە → ه, أ إ آ → ا, Persian and Arabic-Indic
// digits → ASCII, a presentation form → its letter), so a match in the folded text is at the
// same offsets and of the same length in the original, and the passage saved is the
// original's. Diacritics and ZWNJ, which normalizePersian drops or turns into a space, are
// left as they are.

const folded = new Map<number, number>();

function foldUnit(code: number): number {
  let out = folded.get(code);
  if (out === undefined) {
    const n = normalizePersian(String.fromCharCode(code));
    out = n.length === 1 ? n.charCodeAt(0) : code;
    folded.set(code, out);
  }
  return out;
}

/** `s` with each UTF-16 unit folded as above: always as long as `s`. */
export function foldForLookup(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ASCII folds to itself (normalizePersian leaves it, but trims a lone space away).
    out += c < 0x80 ? s[i] : String.fromCharCode(foldUnit(c));
  }
  return out;
}

/**
 * Where the typed words start in the text, up to `max` times. `foldedText` is
 * foldForLookup(text), passed in so that a long statement is folded once, not on every key.
 */
export function passageStarts(foldedText: string, typed: string, max = 50): number[] {
  const out: number[] = [];
  const needle = foldForLookup(typed);
  if (!needle) return out;
  for (let i = foldedText.indexOf(needle); i !== -1 && out.length < max; i = foldedText.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** The passage the typed words name in `text`: where they are found exactly once, the original's words there. */
export function findPassage(text: string, typed: string, foldedText = foldForLookup(text)): { start: number; end: number; quote: string } | null {
  const words = typed.trim();
  const starts = passageStarts(foldedText, words, 2);
  if (starts.length !== 1) return null;
  const start = starts[0]!;
  return { start, end: start + words.length, quote: text.slice(start, start + words.length) };
}
