"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { createWitness } from "@/lib/witnesses/witnesses";

const FIELDS = ["protectionLevel", "notes"] as const;

export async function createWitnessAction(prev: FormState<{ code: string }>, formData: FormData): Promise<FormState<{ code: string }>> {
  const values = formValues(formData, FIELDS);
  const state = await runForm(prev, values, async (actor) => {
    const w = await createWitness({ actor, input: values });
    return { code: w.code };
  });
  if (state.ok && state.data) {
    revalidatePath("/witnesses");
    redirect(`/witnesses?created=${encodeURIComponent(state.data.code)}`);
  }
  return state;
}
