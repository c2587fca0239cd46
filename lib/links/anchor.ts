// Where a quoted passage sits in a statement's text, and where it went after an edit.
// Pure functions, no database: lib/links/links.ts applies them inside the statement's write
// transaction.
//
// Offsets are UTF-16 code units, as JavaScript strings (and the DOM's Range) count them.
// A link is a pinpoint citation, so the rule is: move it only when the new text leaves no
// doubt which words it cites, and otherwise mark it NEEDS_REVIEW and keep it pointing at the
// revision it was made on. It must never point at other words silently.

/** Characters compared on each side of a repeated passage to tell its occurrences apart. */
export const CONTEXT_WINDOW = 30;

export type OffsetProblem = "offset_out_of_range" | "offset_order" | "offset_splits_character";

/**
 * Problems with [start, end) as a passage of `text`, by field: out of the text, empty or
 * reversed, or cutting a character written as two UTF-16 units (an emoji, a rare CJK
 * ideograph) in half.
 */
export function offsetProblems(text: string, start: number, end: number): { startOffset?: OffsetProblem; endOffset?: OffsetProblem } {
  const out: { startOffset?: OffsetProblem; endOffset?: OffsetProblem } = {};
  if (start < 0 || start > text.length) out.startOffset = "offset_out_of_range";
  if (end < 0 || end > text.length) out.endOffset = "offset_out_of_range";
  if (!out.startOffset && !out.endOffset && start >= end) out.endOffset = "offset_order";
  if (!out.startOffset && splitsPair(text, start)) out.startOffset = "offset_splits_character";
  if (!out.endOffset && splitsPair(text, end)) out.endOffset = "offset_splits_character";
  return out;
}

function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const before = text.charCodeAt(i - 1);
  const after = text.charCodeAt(i);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Every position where `needle` starts in `haystack`, overlapping ones included. */
export function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) out.push(i);
  return out;
}

export type Anchor = { start: number; end: number };
export type ReanchorResult =
  | { status: "ANCHORED"; start: number; end: number; how: "unchanged" | "shifted" | "unique" | "context" }
  | { status: "NEEDS_REVIEW"; reason: "not_found" | "ambiguous" };

/**
 * Where the passage `old` of `oldText` (whose words are `quote`) is in `newText`:
 *  1. untouched by the edit (wholly inside the common beginning or the common end of the two
 *     texts): the same words at the same or shifted offsets;
 *  2. otherwise, if the quote occurs exactly once in the new text: there;
 *  3. if it occurs several times: among the occurrences whose CONTEXT_WINDOW characters before
 *     and after are the same as around the old passage, the one nearest where the old passage
 *     would have moved to; none, or two equally near: NEEDS_REVIEW;
 *  4. not found: NEEDS_REVIEW.
 */
export function reanchor(oldText: string, newText: string, old: Anchor, quote: string): ReanchorResult {
  if (!quote || oldText.slice(old.start, old.end) !== quote) {
    // The link does not cite its own revision correctly; never guess from that.
    return { status: "NEEDS_REVIEW", reason: "not_found" };
  }
  const prefix = commonPrefix(oldText, newText);
  const suffix = commonSuffix(oldText, newText, prefix);
  const delta = newText.length - oldText.length;
  // Step 1. The edit lies in old [prefix, oldText.length - suffix); a passage wholly outside it
  // is the same characters, in the same surroundings.
  if (old.end <= prefix) return { status: "ANCHORED", start: old.start, end: old.end, how: "unchanged" };
  if (old.start >= oldText.length - suffix) {
    return { status: "ANCHORED", start: old.start + delta, end: old.end + delta, how: delta === 0 ? "unchanged" : "shifted" };
  }
  const found = occurrences(newText, quote);
  if (found.length === 0) return { status: "NEEDS_REVIEW", reason: "not_found" };
  if (found.length === 1) return { status: "ANCHORED", start: found[0]!, end: found[0]! + quote.length, how: "unique" };

  const before = oldText.slice(Math.max(0, old.start - CONTEXT_WINDOW), old.start);
  const after = oldText.slice(old.end, old.end + CONTEXT_WINDOW);
  const matching = found.filter(
    (p) => newText.slice(Math.max(0, p - CONTEXT_WINDOW), p) === before && newText.slice(p + quote.length, p + quote.length + CONTEXT_WINDOW) === after,
  );
  if (matching.length === 0) return { status: "NEEDS_REVIEW", reason: "ambiguous" };
  // Where the passage would be if the edit had only inserted or removed text before it.
  const expected = old.start >= prefix ? old.start + delta : old.start;
  const ranked = matching.map((p) => ({ p, d: Math.abs(p - expected) })).sort((a, b) => a.d - b.d);
  if (ranked.length > 1 && ranked[0]!.d === ranked[1]!.d) return { status: "NEEDS_REVIEW", reason: "ambiguous" };
  const p = ranked[0]!.p;
  return { status: "ANCHORED", start: p, end: p + quote.length, how: "context" };
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common end, not overlapping the common beginning in either text. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const n = Math.min(a.length, b.length) - prefix;
  let i = 0;
  while (i < n && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}
