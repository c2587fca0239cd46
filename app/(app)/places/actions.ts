"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { createPlace, updatePlace } from "@/lib/places";

type Saved = { id: string };
const FIELDS = ["name", "nameFa", "aliases", "city", "note", "baseUpdatedAt"] as const;

export async function createPlaceAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, FIELDS);
  const state = await runForm(prev, values, async (actor) => ({ id: (await createPlace({ actor, input: values })).id }));
  if (state.ok && state.data) {
    revalidatePath("/places");
    redirect(`/places/${state.data.id}?saved=1`);
  }
  return state;
}

export async function updatePlaceAction(placeId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, FIELDS);
  const state = await runForm(prev, values, async (actor) => ({ id: (await updatePlace({ actor, placeId, input: values })).id }), placeId);
  if (state.ok) {
    revalidatePath("/places");
    revalidatePath(`/places/${placeId}`);
    redirect(`/places/${placeId}?saved=1`);
  }
  return state;
}
