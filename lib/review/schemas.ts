import { z } from "zod";
import { toLatinDigits } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { parseInput, zCheckbox, zInteger, ZPage, zQuery, zQueryFlag, zQueryInteger, zString, zText } from "@/lib/validation";

// The review record: a decision on one revision, the checklist, two-axis grading in the
// Admiralty system (source reliability A–F, information credibility 1–6) and comments that may
// point at passages of the reviewed revision.

export const DECISIONS = ["VERIFIED", "CHANGES_REQUESTED", "DISPUTED", "REJECTED"] as const;
export type Decision = (typeof DECISIONS)[number];

export const CHECKLIST = [
  "consentOnFile",
  "interviewerConfirmedIdentity",
  "exhibitsHashVerified",
  "internallyConsistent",
  "consistentWithOtherStatements",
  "consistentWithSources",
  "translationChecked",
] as const;
export type ChecklistItem = (typeof CHECKLIST)[number];

export const RELIABILITY = ["A", "B", "C", "D", "E", "F"] as const;
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;

/** A grade left out, null or sent empty is no grade. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

/** Which grades a decision needs: a verification needs both; the others none (a grade given is given whole). */
export function gradingRequired(decision: Decision): boolean {
  return decision === "VERIFIED";
}

export const ZComment = z.object({
  text: zText(5000),
  startOffset: zInteger((n) => n.min(0)).optional(),
  endOffset: zInteger((n) => n.min(0)).optional(),
  quote: z.string().max(5000).optional(),
});

export const ZDecide = z
  .object({
    revisionNumber: zInteger((n) => n.min(1)),
    // Its own key rather than invalid_choice: the radios are where a reviewer most often
    // forgets something, and "one of the offered values" does not say which.
    decision: z.enum(DECISIONS, { error: "decision_required" }),
    checklist: z.object(Object.fromEntries(CHECKLIST.map((k) => [k, zCheckbox.default(false)])) as Record<ChecklistItem, z.ZodDefault<typeof zCheckbox>>).default(
      Object.fromEntries(CHECKLIST.map((k) => [k, false])) as Record<ChecklistItem, boolean>,
    ),
    sourceReliability: z.preprocess(blankToUndefined, z.enum(RELIABILITY, { error: "invalid_choice" }).optional()),
    credibility: z.preprocess(
      blankToUndefined,
      zInteger((n) => n.min(1, { error: "invalid_choice" }).max(6, { error: "invalid_choice" }), "invalid_choice").optional(),
    ),
    comments: z.array(ZComment).max(100).default([]),
  })
  // Verification is the strongest statement a reviewer makes: every check must have been done,
  // and the statement graded. Sending a statement back, disputing or rejecting it needs reasons (a
  // comment) but no grade: the reviewer may not be able to judge the source before the author's
  // changes, and a grade is given whole (both axes) or not at all.
  // `when`: these rules only need the decision, checklist and comments to have parsed, so a
  // form hears about the missing grading and the unticked checks in one answer, not two.
  .superRefine(
    (v, ctx) => {
      if (v.decision === "VERIFIED")
        for (const k of CHECKLIST) if (!v.checklist[k]) ctx.addIssue({ code: "custom", path: ["checklist", k], message: "checklist_incomplete" });
      if (v.decision !== "VERIFIED" && v.comments.length === 0)
        ctx.addIssue({ code: "custom", path: ["comments"], message: "comment_required" });
      const graded = v.sourceReliability !== undefined || v.credibility !== undefined;
      if (gradingRequired(v.decision) || graded) {
        const why = gradingRequired(v.decision) ? "verify" : "pair";
        if (v.sourceReliability === undefined) ctx.addIssue({ code: "custom", path: ["sourceReliability"], message: `reliability_required_${why}` });
        if (v.credibility === undefined) ctx.addIssue({ code: "custom", path: ["credibility"], message: `credibility_required_${why}` });
      }
    },
    {
      when: (payload) =>
        typeof payload.value === "object" &&
        payload.value !== null &&
        !Array.isArray(payload.value) &&
        payload.issues.every((i) => i.path !== undefined && i.path.length > 0 && !["decision", "checklist", "comments"].includes(String(i.path[0]))),
    },
  );
export type DecideInput = z.infer<typeof ZDecide>;

export const ZAssign = z.object({ reviewerId: zString().min(1, { error: "required" }).max(64, { error: "too_long:64" }) });

/**
 * The queue's "waiting at least" days, as a box or an address gives them. A Persian keyboard
 * types ۲, not 2 (and an Arabic one ٢): those digits are read as the days they write, as lib/dates
 * reads them in dates, rather than refused as no number.
 */
const ZWaitingDays = z.preprocess((v) => (typeof v === "string" ? toLatinDigits(v) : v), zQueryInteger((n) => n.min(0, { error: "not_negative" }).max(3650, { error: "too_large:3650" })));

/**
 * The queue page's days box: the days, nothing when it was left blank, or the field-error key
 * of what was typed instead (shown under the box in the reader's language, not dropped silently).
 */
export function readWaitingDays(raw: string | undefined): { days?: number; error?: string } {
  try {
    const days = parseInput(z.object({ minWaitingDays: ZWaitingDays }), { minWaitingDays: raw }).minWaitingDays;
    return days === undefined ? {} : { days };
  } catch (e) {
    const key = e instanceof AppError ? e.fields?.minWaitingDays?.[0] : undefined;
    if (key === undefined) throw e;
    return { error: key };
  }
}

// A parameter the queue does not take (?sort=) is refused, not ignored (lib/validation zQuery).
export const ZQueue = zQuery({
  state: z.enum(["SUBMITTED", "IN_REVIEW", "MINE"], { error: "invalid_choice" }).optional(),
  language: z.enum(["fa", "en"], { error: "invalid_choice" }).optional(),
  authorId: z.string().max(64).optional(),
  minWaitingDays: ZWaitingDays,
  page: ZPage,
  pageSize: zQueryInteger((n) => n.min(1).max(200, { error: "too_large:200" }), 50),
});

/** Your notices: all (the last 100), or with ?unread=true only those not yet read. */
export const ZNotificationsQuery = zQuery({ unread: zQueryFlag });
