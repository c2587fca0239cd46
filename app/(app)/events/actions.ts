"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { allValues } from "@/app/_lib/form-rows";
import { formValues, runEditForm, runForm } from "@/app/_lib/run-form";
import { createEvent, updateEvent } from "@/lib/events";

type Saved = { id: string };
const FIELDS = ["title", "titleFa", "dateStart", "dateEnd", "description", "source", "baseUpdatedAt", "placeIds__labels"] as const;

function read(formData: FormData) {
  const { placeIds__labels: _labels, ...fields } = formValues(formData, FIELDS);
  return { input: { ...fields, placeIds: allValues(formData, "placeIds") }, values: formValues(formData, FIELDS) };
}

export async function createEventAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const { input, values } = read(formData);
  const state = await runForm(prev, values, async (actor) => ({ id: (await createEvent({ actor, input })).id }));
  if (state.ok && state.data) {
    revalidatePath("/events");
    redirect(`/events/${state.data.id}?saved=1`);
  }
  return state;
}

export async function updateEventAction(eventId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const { input, values } = read(formData);
  const state = await runEditForm(prev, values, formData, async (actor) => ({ id: (await updateEvent({ actor, eventId, input })).id }), eventId);
  if (state.ok) {
    revalidatePath("/events");
    revalidatePath(`/events/${eventId}`);
    redirect(`/events/${eventId}?saved=1`);
  }
  return state;
}
