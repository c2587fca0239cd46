"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { addCustodyEntry, verifyExhibit } from "@/lib/exhibits";

export type VerifyOutcome = { result: "MATCH" | "MISMATCH" | "MISSING"; actual: string | null };

export async function addCustodyEntryAction(exhibitId: string, prev: FormState<{ id: string }>, formData: FormData): Promise<FormState<{ id: string }>> {
  const values = formValues(formData, ["kind", "who", "place", "at", "note"]);
  const state = await runForm(prev, values, async (actor) => {
    const entry = await addCustodyEntry({ actor, exhibitId, input: values });
    return { id: entry.id };
  }, exhibitId);
  if (state.ok) revalidatePath(`/exhibits/${exhibitId}`);
  return state;
}

export async function verifyExhibitAction(exhibitId: string, prev: FormState<VerifyOutcome>): Promise<FormState<VerifyOutcome>> {
  const state = await runForm(prev, {}, async (actor) => {
    const r = await verifyExhibit({ actor, exhibitId });
    return { result: r.result, actual: r.actual };
  }, exhibitId);
  if (state.ok) revalidatePath(`/exhibits/${exhibitId}`);
  return state;
}
