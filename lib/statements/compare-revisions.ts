import "server-only";
import { diffWords } from "diff";
import type { Actor } from "@/lib/auth/actor";
import { formatFuzzyDate, type FormatOptions, type ParsedDate } from "@/lib/dates";
import { getRevision, normalizeDetails } from "./statements";

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
export type FieldDiff = { field: string; changed: boolean; parts: DiffPart[]; dir: "auto" };

/** Word-level differences, using the language's own word boundaries (Persian included). */
export function wordDiff(a: string, b: string, language: string): DiffPart[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "word" });
  return diffWords(a, b, { intlSegmenter: segmenter }).map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined }));
}

/** A date as given, then as read in the reader's calendar (`reading`). */
function dateText(d: ParsedDate | null, reading: FormatOptions): string {
  return d ? `${d.input} (${formatFuzzyDate(d, reading)})` : "";
}

/** Two revisions of one statement, field by field, for the side-by-side history view. */
export async function compareRevisions({
  actor,
  statementId,
  from,
  to,
  reading = { calendar: "gregorian", locale: "en" },
}: {
  actor: Actor | null;
  statementId: string;
  from: number;
  to: number;
  reading?: FormatOptions;
}) {
  const readDate = (d: ParsedDate | null) => dateText(d, reading);
  const [a, b] = await Promise.all([getRevision({ actor, statementId, number: from }), getRevision({ actor, statementId, number: to })]);
  const da = normalizeDetails(JSON.parse(a.details));
  const db = normalizeDetails(JSON.parse(b.details));
  const lang = b.language;
  const fields: [string, string, string][] = [
    ["title", a.title, b.title],
    ["language", a.language, b.language],
    ["interviewDate", readDate(da.interviewDate) || (a.interviewDate ?? ""), readDate(db.interviewDate) || (b.interviewDate ?? "")],
    ["interviewPlace", da.interviewPlace, db.interviewPlace],
    ["interviewers", da.interviewers.join("\n"), db.interviewers.join("\n")],
    ["mode", da.mode ?? "", db.mode ?? ""],
    ["relation", da.relation ?? "", db.relation ?? ""],
    ["periodCovered", readDate(da.periodCovered), readDate(db.periodCovered)],
    ["placesCovered", da.placesCovered.join("\n"), db.placesCovered.join("\n")],
    ["summary", a.summary, b.summary],
    ["originalText", a.originalText, b.originalText],
    ["translations", da.translations.map((t) => `[${t.language}, ${t.translator}]\n${t.text}`).join("\n\n"), db.translations.map((t) => `[${t.language}, ${t.translator}]\n${t.text}`).join("\n\n")],
    ["notes", da.notes, db.notes],
  ];
  const diffs: FieldDiff[] = fields.map(([field, x, y]) => ({ field, changed: x !== y, parts: x === y ? [{ value: x }] : wordDiff(x, y, lang), dir: "auto" }));
  return {
    from: { number: a.number, reason: a.reason, createdAt: a.createdAt, contentHash: a.contentHash, authorId: a.authorId },
    to: { number: b.number, reason: b.reason, createdAt: b.createdAt, contentHash: b.contentHash, authorId: b.authorId },
    fields: diffs,
  };
}
