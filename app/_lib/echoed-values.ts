// Some forms carry part of what the user chose as JSON in a hidden field (the records picked in a
// RecordPicker with their labels, a review's comments with their quoted passages). A refused
// submission sends the field back in the form state, and the form is rendered again from it:
// on the server when the page was used without JavaScript. The field is whatever the client
// posted, so these readers keep only entries of the shape the form itself writes. Before, an
// entry that was not (null, a label that was an object) failed the render, and the post
// answered 500 without JavaScript, or broke the page with it.

export type PickedRecord = { id: string; name: string; nameFa: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * The records a RecordPicker showed, from its labels field: null when the form state has no such
 * field (the form shows the record's own), else the well-formed entries, each id once.
 */
export function parsePicked(json: string | undefined): PickedRecord[] | null {
  if (json === undefined) return null;
  const v = parseJson(json);
  if (!Array.isArray(v)) return [];
  const out = new Map<string, PickedRecord>();
  for (const x of v) {
    if (!isRecord(x) || typeof x.id !== "string" || typeof x.name !== "string" || out.has(x.id)) continue;
    out.set(x.id, { id: x.id, name: x.name, nameFa: typeof x.nameFa === "string" ? x.nameFa : "" });
  }
  return [...out.values()];
}

export type Passage = { startOffset: number; endOffset: number; quote: string };
export type ReviewComment = { text: string } & Partial<Passage>;

/** A review decision takes at most this many comments (lib/review/schemas.ts). */
export const MAX_REVIEW_COMMENTS = 100;

/**
 * A review form's comments, from its comments field: the well-formed ones (text, and a quoted
 * passage only when its quote and both offsets are there), at most as many as a decision takes;
 * one empty comment when none is left.
 */
export function parseReviewComments(raw: string | undefined): ReviewComment[] {
  const v = raw ? parseJson(raw) : undefined;
  const out: ReviewComment[] = [];
  if (Array.isArray(v)) {
    for (const c of v) {
      if (out.length >= MAX_REVIEW_COMMENTS) break;
      if (!isRecord(c)) continue;
      const text = typeof c.text === "string" ? c.text : "";
      const passage =
        typeof c.quote === "string" && c.quote !== "" && Number.isSafeInteger(c.startOffset) && Number.isSafeInteger(c.endOffset)
          ? { quote: c.quote, startOffset: c.startOffset as number, endOffset: c.endOffset as number }
          : {};
      if (text === "" && !("quote" in passage)) continue;
      out.push({ text, ...passage });
    }
  }
  return out.length ? out : [{ text: "" }];
}
