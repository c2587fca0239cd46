"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { createOrganisation, updateOrganisation } from "@/lib/organisations";

type Saved = { id: string };
const FIELDS = ["name", "nameFa", "aliases", "note", "baseUpdatedAt"] as const;

export async function createOrganisationAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, FIELDS);
  const state = await runForm(prev, values, async (actor) => ({ id: (await createOrganisation({ actor, input: values })).id }));
  if (state.ok && state.data) {
    revalidatePath("/organisations");
    redirect(`/organisations/${state.data.id}?saved=1`);
  }
  return state;
}

export async function updateOrganisationAction(organisationId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, FIELDS);
  const state = await runForm(prev, values, async (actor) => ({ id: (await updateOrganisation({ actor, organisationId, input: values })).id }), organisationId);
  if (state.ok) {
    revalidatePath("/organisations");
    revalidatePath(`/organisations/${organisationId}`);
    redirect(`/organisations/${organisationId}?saved=1`);
  }
  return state;
}
