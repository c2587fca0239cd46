"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { getTranslations } from "@/lib/i18n/server";
import { createStatement, restoreRevision, updateStatement } from "@/lib/statements/statements";

type Saved = { id: string };

const CONTENT = [
  "title",
  "language",
  "interviewDate",
  "interviewPlace",
  "interviewers",
  "mode",
  "relation",
  "periodCovered",
  "placesCovered",
  "summary",
  "originalText",
  "notes",
] as const;

export async function createStatementAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, ["witnessCode", ...CONTENT]);
  const state = await runForm(prev, values, async (actor) => {
    // The form names the witness by code; a post without the field is answered in that field too.
    const s = await createStatement({ actor, input: { ...values, witnessCode: values.witnessCode ?? "" } });
    return { id: s.id };
  });
  if (state.ok && state.data) {
    revalidatePath("/statements");
    redirect(`/statements/${state.data.id}`);
  }
  return state;
}

/** Translations have no fields of their own in this form; they travel as JSON so an edit keeps them. */
function parseTranslations(raw: string | undefined): unknown {
  if (raw === undefined || raw === "") return [];
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // the schema refuses it with a field error; nothing is saved
  }
}

export async function updateStatementAction(statementId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, [...CONTENT, "translations", "reason", "baseRevision"]);
  const state = await runForm(prev, values, async (actor) => {
    const s = await updateStatement({ actor, statementId, input: { ...values, translations: parseTranslations(values.translations) } });
    return { id: s.id };
  }, statementId);
  if (state.ok && state.data) {
    revalidatePath(`/statements/${statementId}`);
    redirect(`/statements/${statementId}`);
  }
  return state;
}

/**
 * Saves an earlier revision's content again as a new revision. `baseRevision` is the revision
 * that was current when the page was opened: restoring over a newer save is refused.
 */
export async function restoreRevisionAction(statementId: string, number: number, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, ["reason", "baseRevision"]);
  const t = await getTranslations("statements");
  // The revision's number is bound by the page; from any other client it may be anything.
  const wellFormed = Number.isSafeInteger(number) && number > 0;
  const reason = values.reason?.trim() ? values.reason : t("restoredReason", { n: wellFormed ? number : 0 });
  const state = await runForm(prev, values, async (actor) => {
    const s = await restoreRevision({ actor, statementId, number, input: { reason, baseRevision: values.baseRevision } });
    return { id: s.id };
  }, statementId, wellFormed ? String(number) : null);
  if (state.ok) {
    revalidatePath(`/statements/${statementId}`);
    redirect(`/statements/${statementId}`);
  }
  return state;
}
