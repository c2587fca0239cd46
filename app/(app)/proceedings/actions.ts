"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { allValues, collectRows } from "@/app/_lib/form-rows";
import { formValues, runEditForm, runForm } from "@/app/_lib/run-form";
import { createProceeding, updateProceeding } from "@/lib/proceedings";

type Saved = { id: string };
const FIELDS = ["title", "titleFa", "kind", "jurisdiction", "jurisdictionFa", "court", "courtFa", "docket", "status", "statusFa", "charges", "chargesFa", "source", "baseUpdatedAt", "defendantIds__labels"] as const;
const TIMELINE_COLUMNS = ["date", "what", "whatFa", "source"] as const;

function read(formData: FormData) {
  const values = formValues(formData, FIELDS);
  const { defendantIds__labels: _labels, ...fields } = values;
  const timeline = collectRows(formData, "timeline", TIMELINE_COLUMNS);
  return {
    input: { ...fields, defendantIds: allValues(formData, "defendantIds"), timeline: timeline.rows },
    values: { ...values, ...timeline.values },
  };
}

export async function createProceedingAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const { input, values } = read(formData);
  const state = await runForm(prev, values, async (actor) => ({ id: (await createProceeding({ actor, input })).id }));
  if (state.ok && state.data) {
    revalidatePath("/proceedings");
    redirect(`/proceedings/${state.data.id}?saved=1`);
  }
  return state;
}

export async function updateProceedingAction(proceedingId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const { input, values } = read(formData);
  const state = await runEditForm(prev, values, formData, async (actor) => ({ id: (await updateProceeding({ actor, proceedingId, input })).id }), proceedingId);
  if (state.ok) {
    revalidatePath("/proceedings");
    revalidatePath(`/proceedings/${proceedingId}`);
    redirect(`/proceedings/${proceedingId}?saved=1`);
  }
  return state;
}
