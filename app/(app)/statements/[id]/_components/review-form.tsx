"use client";

import { Fragment, useActionState, useEffect, useId, useState } from "react";
import { useHydrated } from "@/app/_lib/use-hydrated";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError, FormBanner, SubmitButton, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { GradingFields } from "@/app/_components/grading-fields";
import { parseReviewComments, type Passage, type ReviewComment } from "@/app/_lib/echoed-values";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import styles from "./review.module.css";

const DECISIONS = ["VERIFIED", "CHANGES_REQUESTED", "DISPUTED", "REJECTED"] as const;
const CHECKLIST = [
  "consentOnFile",
  "interviewerConfirmedIdentity",
  "exhibitsHashVerified",
  "internallyConsistent",
  "consistentWithOtherStatements",
  "consistentWithSources",
  "translationChecked",
] as const;

type Comment = ReviewComment;
type Decision = (typeof DECISIONS)[number];

/** As lib/review/schemas.ts gradingRequired: only a verification must be graded; the others need a comment. */
const gradingRequired = (d: Decision) => d === "VERIFIED";
const isDecision = (v: string | undefined): v is Decision => (DECISIONS as readonly string[]).includes(v ?? "");

/** UTF-16 offset of a DOM boundary point from the start of the container's text, as the server counts. */
function offsetOf(container: HTMLElement, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(container, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

/** The selection inside the statement text as a passage, trimmed of surrounding white space. */
function selectedPassage(text: string): Passage | null {
  const el = document.querySelector<HTMLElement>('[data-testid="statement-text"]');
  const sel = document.getSelection();
  if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  let start = offsetOf(el, range.startContainer, range.startOffset);
  let end = offsetOf(el, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end || text.slice(start, end) !== range.toString().trim()) return null;
  return { startOffset: start, endOffset: end, quote: text.slice(start, end) };
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i !== -1 && out.length < 50; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/**
 * The assigned reviewer's decision on the current revision: decision, the seven checks, the
 * two-axis grading and comments. A comment may quote a passage of the statement: select it in
 * the text and press "Quote the selection", or type the words (for keyboard use) and the form
 * finds them; the passage's offsets go with the comment and the server checks them again.
 * `decide` is decideReviewAction bound to the statement by ReviewDecision (a server component).
 * `consentInForce`: whether the witness has a consent in force; without one the reviewer is told
 * beside "consent on file", before sending, that lib/review will refuse that tick.
 */
export function ReviewForm({
  decide,
  revisionNumber,
  text,
  lang,
  consentInForce = true,
}: {
  decide: FormAction<{ status: string }>;
  revisionNumber: number;
  text: string;
  lang: string;
  consentInForce?: boolean;
}) {
  const t = useTranslations("review");
  const [state, action] = useActionState(decide, initialFormState<{ status: string }>());
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const id = useId();
  const v = state.values;
  const [comments, setComments] = useState<Comment[]>(() => parseReviewComments(v.comments));
  const [selection, setSelection] = useState<Passage | null>(null);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const hydrated = useHydrated();
  // The chosen decision, so the form says what it needs before it is sent. Without scripts the
  // text stays the whole rule for every decision ("needs.none"), which reads right either way.
  const [decision, setDecision] = useState<Decision | null>(() => (isDecision(v.decision) ? v.decision : null));
  const shown = hydrated ? decision : null;
  const needsGrade = shown ? gradingRequired(shown) : null;
  const mark = (required: boolean | null) =>
    required === null ? undefined : (
      <span className={required ? styles.required : "optional"} data-testid={required ? "mark-required" : "mark-optional"}>
        {t(required ? "requiredMark" : "optionalMark")}
      </span>
    );

  // The last passage selected in the statement text, kept after focus moves to the button.
  useEffect(() => {
    const onChange = () => {
      const p = selectedPassage(text);
      if (p) setSelection(p);
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [text]);

  const update = (i: number, patch: Partial<Comment> | null) =>
    setComments((cs) =>
      cs.map((c, j) => {
        if (j !== i) return c;
        if (patch === null) return { text: c.text };
        return { ...c, ...patch };
      }),
    );
  const findTyped = (i: number, words: string) => {
    setTyped((x) => ({ ...x, [i]: words }));
    const needle = words.trim();
    const hits = occurrences(text, needle);
    if (hits.length === 1) update(i, { startOffset: hits[0], endOffset: hits[0]! + needle.length, quote: needle });
    else update(i, null);
  };
  const sent = comments.filter((c) => c.text.trim() !== "" || c.quote);
  const errs = state.fieldErrors ?? {};
  const checklistErrors = CHECKLIST.some((k) => errs[`checklist.${k}`]);

  return (
    <form key={state.seq} ref={ref} action={action} className={styles.form} data-testid="review-form" noValidate {...guard}>
      <h3>{t("formTitle", { n: revisionNumber })}</h3>
      <p className="hint">{t("formIntro")}</p>
      <FormBanner state={state} />
      <input type="hidden" name="revisionNumber" value={revisionNumber} />
      <input type="hidden" name="comments" value={JSON.stringify(sent)} />
      <FieldError id={`${id}-revisionNumber-error`} name="revisionNumber" messages={errs.revisionNumber} />

      <fieldset className="fieldset" aria-describedby={[`${id}-needs`, errs.decision ? `${id}-decision-error` : ""].filter(Boolean).join(" ")}>
        <legend>{t("decision")}</legend>
        <div className={styles.decisions}>
          {DECISIONS.map((d) => (
            <label key={d} className={styles.choice}>
              <input type="radio" name="decision" value={d} defaultChecked={v.decision === d} onChange={() => setDecision(d)} aria-invalid={errs.decision ? true : undefined} data-testid={`decision-${d}`} />
              <span>
                <strong>{t(`decisions.${d}`)}</strong> <span className={styles.choiceHint}>{t(`decisionHints.${d}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <p className={`hint ${styles.needs}`} id={`${id}-needs`} aria-live="polite" data-testid="decision-needs">
          {t(`needs.${shown ?? "none"}`)}
        </p>
        <FieldError id={`${id}-decision-error`} name="decision" messages={errs.decision} />
      </fieldset>

      <fieldset className="fieldset" aria-describedby={checklistErrors ? `${id}-checklist-error` : `${id}-checklist-hint`}>
        <legend>
          {t("checklist")}
          {needsGrade !== null && <> {mark(needsGrade)}</>}
        </legend>
        <p className="hint" id={`${id}-checklist-hint`}>
          {t("checklistHint")}
        </p>
        <div className={styles.checklist}>
          {CHECKLIST.map((k) => {
            const noConsent = k === "consentOnFile" && !consentInForce;
            // The note sits under the box, outside its label, so it is read as its description, not its name.
            return (
              <Fragment key={k}>
                <label className={styles.choice}>
                  <input
                    type="checkbox"
                    name={`checklist.${k}`}
                    defaultChecked={v[`checklist.${k}`] === "on"}
                    aria-invalid={errs[`checklist.${k}`] ? true : undefined}
                    aria-describedby={noConsent ? `${id}-no-consent` : undefined}
                    data-testid={`check-${k}`}
                  />
                  <span>{t(`checks.${k}`)}</span>
                </label>
                {noConsent && (
                  <p className="hint" id={`${id}-no-consent`} data-testid="no-consent-note">
                    {t("noConsentNote")}
                  </p>
                )}
              </Fragment>
            );
          })}
        </div>
        {checklistErrors && <FieldError id={`${id}-checklist-error`} name="checklist" messages={[...new Set(CHECKLIST.flatMap((k) => errs[`checklist.${k}`] ?? []))]} />}
      </fieldset>

      <p className="hint" id={`${id}-grading-hint`} data-testid="grading-hint">
        {t("gradingHint")}
      </p>
      <GradingFields
        idPrefix={id}
        names={{ reliability: "sourceReliability", credibility: "credibility" }}
        values={{ reliability: v.sourceReliability, credibility: v.credibility }}
        errors={errs}
        none={{ label: t("notGraded"), hint: t("notGradedHint"), choose: t("chooseGrade") }}
        mark={mark(needsGrade)}
        required={needsGrade === true}
        describedBy={`${id}-grading-hint`}
      />

      <fieldset className="fieldset">
        <legend>
          {t("comments")}
          {needsGrade !== null && <> {mark(!needsGrade)}</>}
        </legend>
        {/* The quote button and the find box come with scripts; without them the hint does not send the reader to them. */}
        <p className="hint" data-testid="comments-hint">
          {t(hydrated ? "commentsHint" : "commentsHintNoScript")}
        </p>
        {comments.map((c, i) => {
          const words = typed[i] ?? "";
          const hits = words.trim() ? occurrences(text, words.trim()).length : -1;
          return (
            <div key={i} className={styles.comment} data-testid="comment-editor">
              <label htmlFor={`${id}-comment-${i}`}>{t("commentN", { n: i + 1 })}</label>
              {c.quote && (
                <div>
                  <blockquote className={styles.quote} lang={lang} dir="auto" data-testid="comment-quote">
                    {c.quote}
                  </blockquote>
                  <span className={styles.quoteMeta}>{t("quoteAt", { start: c.startOffset ?? 0, end: c.endOffset ?? 0, n: revisionNumber })}</span>{" "}
                  <button type="button" className="button small" onClick={() => update(i, null)}>
                    {t("removeQuote")}
                  </button>
                </div>
              )}
              <textarea
                id={`${id}-comment-${i}`}
                name="commentText"
                dir="auto"
                rows={3}
                value={c.text}
                onChange={(e) => update(i, { text: e.target.value })}
                aria-invalid={errs[`comments.${i}.text`] ? true : undefined}
                data-testid="comment-text"
              />
              <FieldError id={`${id}-comment-${i}-error`} name={`comments.${i}.text`} messages={errs[`comments.${i}.text`]} />
              {hydrated && (
              <div className={styles.commentTools}>
                <button
                  type="button"
                  className="button small"
                  disabled={!selection}
                  onClick={() => selection && update(i, selection)}
                  data-testid="quote-selection"
                  title={selection ? selection.quote.slice(0, 120) : undefined}
                >
                  {t("quoteSelection")}
                </button>
                <label htmlFor={`${id}-find-${i}`} className={styles.status}>
                  {t("orType")}
                </label>
                <input id={`${id}-find-${i}`} type="text" dir="auto" lang={lang} value={words} onChange={(e) => findTyped(i, e.target.value)} data-testid="quote-find" style={{ inlineSize: "14rem" }} />
                <span className={styles.status} aria-live="polite">
                  {hits === 0 ? t("notFound") : hits > 1 ? t("foundMany", { n: hits }) : ""}
                </span>
              </div>
              )}
            </div>
          );
        })}
        <FieldError id={`${id}-comments-error`} name="comments" messages={errs.comments} />
        {/* Adding a box and quoting a passage need scripts; without them, the one box is the comment. */}
        {hydrated && (
          <div>
            <button type="button" className="button small" onClick={() => setComments((cs) => [...cs, { text: "" }])} data-testid="add-comment">
              {t("addComment")}
            </button>
          </div>
        )}
      </fieldset>

      <div className="actions">
        <SubmitButton testId="decide">{t("recordDecision")}</SubmitButton>
      </div>
    </form>
  );
}
