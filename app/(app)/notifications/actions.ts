"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { runForm } from "@/app/_lib/run-form";
import { markNotificationsRead } from "@/lib/review/workflow";

export async function markAllReadAction(prev: FormState, _formData: FormData): Promise<FormState> {
  const state = await runForm(prev, {}, async (actor) => {
    await markNotificationsRead({ actor });
    return undefined;
  });
  if (state.ok) revalidatePath("/", "layout");
  return state;
}
