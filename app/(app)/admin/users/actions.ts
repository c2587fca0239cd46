"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { createUser, revokeUserAccess, updateUser } from "@/lib/users/users";

type Done = { email: string };

export async function createUserAction(prev: FormState<Done>, formData: FormData): Promise<FormState<Done>> {
  const values = formValues(formData, ["email", "name", "role", "password"]);
  const state = await runForm(prev, values, async (actor) => {
    const u = await createUser({ actor, input: values });
    return { email: u.email };
  });
  if (state.ok) revalidatePath("/admin/users");
  return state;
}

export type UserChange = "role" | "disabled" | "password";
const CHANGES: readonly unknown[] = ["role", "disabled", "password"] satisfies UserChange[];

/** Ends the user's sessions and revokes their API tokens (lib/users revokeUserAccess). */
export async function revokeAccessAction(userId: string, prev: FormState<{ email: string; tokensRevoked: number }>, formData: FormData): Promise<FormState<{ email: string; tokensRevoked: number }>> {
  const state = await runForm(prev, formValues(formData, []), (actor) => revokeUserAccess({ actor, userId }), userId);
  if (state.ok) revalidatePath("/admin/users");
  return state;
}

/** One of the per-user changes; `change` says which field the form carries. */
export async function updateUserAction(userId: string, change: UserChange, prev: FormState<Done>, formData: FormData): Promise<FormState<Done>> {
  const values = formValues(formData, [change]);
  const input: Record<string, unknown> = {};
  if (change === "disabled") input.disabled = values.disabled === "true";
  else if (values[change] !== undefined) input[change] = values[change];
  const state = await runForm(prev, values, async (actor) => {
    const u = await updateUser({ actor, userId, input });
    return { email: u.email };
  }, userId, CHANGES.includes(change) ? change : null);
  if (state.ok) revalidatePath("/admin/users");
  return state;
}
