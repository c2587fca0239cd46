"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { createToken, revokeToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/users";

export async function changePasswordAction(prev: FormState<{ signedOut: true }>, formData: FormData): Promise<FormState<{ signedOut: true }>> {
  const values = formValues(formData, ["currentPassword", "newPassword", "confirmPassword"]);
  if (values.newPassword && values.confirmPassword !== values.newPassword) {
    return runForm(prev, {}, async () => {
      throw new AppError("INVALID_INPUT", "The passwords differ.", { confirmPassword: ["password_mismatch"] });
    });
  }
  // The password change bumps the session version: this session ends, the form signs out.
  return runForm(prev, values, async (actor) => {
    await changeOwnPassword({ actor, input: { currentPassword: values.currentPassword ?? "", newPassword: values.newPassword ?? "" } });
    return { signedOut: true as const };
  });
}

type NewToken = { name: string; prefix: string; secret: string };

export async function createTokenAction(prev: FormState<NewToken>, formData: FormData): Promise<FormState<NewToken>> {
  const values = formValues(formData, ["name"]);
  const state = await runForm(prev, values, async (actor) => {
    const tok = await createToken({ actor, input: values });
    return { name: tok.name, prefix: tok.prefix, secret: tok.secret };
  });
  if (state.ok) revalidatePath("/settings");
  return state;
}

export async function revokeTokenAction(tokenId: string, prev: FormState, _formData: FormData): Promise<FormState> {
  const state = await runForm(prev, {}, async (actor) => {
    await revokeToken({ actor, tokenId });
    return undefined;
  }, tokenId);
  if (state.ok) revalidatePath("/settings");
  return state;
}
