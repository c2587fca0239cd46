"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { createStatement, updateStatement } from "@/lib/statements/statements";

type Saved = { id: string };

const CONTENT = ["title", "language", "interviewDate", "summary", "originalText"] as const;

export async function createStatementAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, ["witnessId", ...CONTENT]);
  const state = await runForm(prev, values, async (actor) => {
    const s = await createStatement({ actor, input: values });
    return { id: s.id };
  });
  if (state.ok && state.data) {
    revalidatePath("/statements");
    redirect(`/statements/${state.data.id}`);
  }
  return state;
}

export async function updateStatementAction(statementId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, [...CONTENT, "reason", "baseRevision"]);
  const state = await runForm(prev, values, async (actor) => {
    const s = await updateStatement({ actor, statementId, input: values });
    return { id: s.id };
  });
  if (state.ok && state.data) {
    revalidatePath(`/statements/${statementId}`);
    redirect(`/statements/${statementId}`);
  }
  return state;
}
