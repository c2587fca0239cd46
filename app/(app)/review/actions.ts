"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/_lib/form-state";
import { formTexts, formValues, runForm } from "@/app/_lib/run-form";
import { CHECKLIST } from "@/lib/review/schemas";
import { assignReviewer, decideReview, submitStatement, takeForReview } from "@/lib/review/workflow";

// Thin actions over lib/review/workflow: the workflow authorizes, checks the transition and the
// four-eyes rule, and audits; these only carry form fields in and a form state out.

type Done = { status: string };

function refresh(statementId: string) {
  revalidatePath("/review");
  revalidatePath(`/statements/${statementId}`);
  revalidatePath("/");
}

export async function submitStatementAction(statementId: string, prev: FormState<Done>, _formData: FormData): Promise<FormState<Done>> {
  const state = await runForm(prev, {}, async (actor) => ({ status: (await submitStatement({ actor, statementId })).status }), statementId);
  if (state.ok) refresh(statementId);
  return state;
}

export async function takeStatementAction(statementId: string, prev: FormState<Done>, _formData: FormData): Promise<FormState<Done>> {
  const state = await runForm(prev, {}, async (actor) => ({ status: (await takeForReview({ actor, statementId })).status }), statementId);
  if (state.ok) {
    refresh(statementId);
    // Taking a statement is starting to review it: straight to its review form.
    redirect(`/statements/${statementId}#review`);
  }
  return state;
}

export async function assignReviewerAction(statementId: string, prev: FormState<Done>, formData: FormData): Promise<FormState<Done>> {
  const values = formValues(formData, ["reviewerId"]);
  const state = await runForm(prev, values, async (actor) => ({ status: (await assignReviewer({ actor, statementId, input: values })).status }), statementId);
  if (state.ok) refresh(statementId);
  return state;
}

const DECIDE_FIELDS = ["revisionNumber", "decision", "sourceReliability", "credibility", "comments", ...CHECKLIST.map((k) => `checklist.${k}`)] as const;

/** The comments travel as one JSON field built by the form (text, and the quoted passage's offsets). */
function parseComments(raw: string | undefined): unknown {
  if (!raw) return [];
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // refused by the schema with a field error; nothing is saved
  }
}

/**
 * The decision's comments: the JSON field when the form's script filled it; when it carries none
 * (the page was used without JavaScript, where the script never runs), the comment boxes' own
 * text, one comment per non-empty box. The values sent back with a refusal carry them as JSON,
 * so the form shows them again.
 */
function decisionComments(formData: unknown, values: Record<string, string>): unknown {
  const parsed = parseComments(values.comments);
  if (!Array.isArray(parsed) || parsed.length > 0) return parsed;
  const typed = formTexts(formData, "commentText")
    .filter((text) => text.trim() !== "")
    .map((text) => ({ text }));
  if (typed.length > 0) values.comments = JSON.stringify(typed);
  return typed;
}

export async function decideReviewAction(statementId: string, prev: FormState<Done>, formData: FormData): Promise<FormState<Done>> {
  const values = formValues(formData, DECIDE_FIELDS);
  const checklist = Object.fromEntries(CHECKLIST.map((k) => [k, values[`checklist.${k}`] === "on"]));
  const comments = decisionComments(formData, values);
  const state = await runForm(prev, values, async (actor) => {
    const { statement } = await decideReview({
      actor,
      statementId,
      input: {
        revisionNumber: values.revisionNumber,
        decision: values.decision,
        sourceReliability: values.sourceReliability,
        credibility: values.credibility,
        checklist,
        comments,
      },
    });
    return { status: statement.status };
  }, statementId);
  if (state.ok) refresh(statementId);
  return state;
}
