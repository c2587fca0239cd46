"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { createSource, gradeSource, updateSource } from "@/lib/sources";

// Thin actions over lib/sources, which authorizes (source.edit, source.grade), validates and audits.

const FIELDS = ["title", "author", "year", "date", "kind", "citation", "url", "note"] as const;
type Saved = { id: string };

export async function createSourceAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, FIELDS);
  const state = await runForm(prev, values, async (actor) => ({ id: (await createSource({ actor, input: values })).id }));
  if (state.ok && state.data) {
    revalidatePath("/sources");
    redirect(`/sources/${state.data.id}`);
  }
  return state;
}

export async function updateSourceAction(sourceId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, [...FIELDS, "baseUpdatedAt"]);
  const state = await runForm(prev, values, async (actor) => ({ id: (await updateSource({ actor, sourceId, input: values })).id }), sourceId);
  if (state.ok) {
    revalidatePath("/sources");
    revalidatePath(`/sources/${sourceId}`);
    redirect(`/sources/${sourceId}`);
  }
  return state;
}

export async function gradeSourceAction(sourceId: string, prev: FormState<{ grade: string }>, formData: FormData): Promise<FormState<{ grade: string }>> {
  const values = formValues(formData, ["reliability", "credibility", "reason"]);
  const state = await runForm(prev, values, async (actor) => ({ grade: (await gradeSource({ actor, sourceId, input: values })).grade ?? "" }), sourceId);
  if (state.ok) {
    revalidatePath("/sources");
    revalidatePath(`/sources/${sourceId}`);
    revalidatePath("/claims", "layout");
  }
  return state;
}
