"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formField, formValues, runForm } from "@/app/_lib/run-form";
import { createLink, deleteLink, updateLink } from "@/lib/links";

type Saved = { id: string };

// The quote is compared with the revision character for character, so it is read as sent,
// not through formValues' line-ending clean-up.
const quoteOf = (formData: FormData) => formField(formData, "quote");

const FACTS = ["personId", "role", "allegationType", "eventId", "placeId", "proceedingId", "note"] as const;
const PASSAGE = ["revisionNumber", "startOffset", "endOffset"] as const;

export async function createLinkAction(statementId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  // personText: the person's name as typed, given back with a refusal (the form's box shows it again); not part of the link.
  const values = formValues(formData, [...PASSAGE, ...FACTS, "personText"]);
  const { personText: _typed, ...input } = values;
  const state = await runForm(prev, values, async (actor) => {
    const link = await createLink({ actor, input: { ...input, statementId, quote: quoteOf(formData) } });
    return { id: link.id };
  }, statementId);
  if (state.ok) revalidatePath(`/statements/${statementId}`);
  return state;
}

/** Points a link (one that needs review) at a passage of the current revision. */
export async function repointLinkAction(statementId: string, linkId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, [...PASSAGE]);
  const state = await runForm(prev, values, async (actor) => {
    const link = await updateLink({ actor, linkId, input: { ...values, quote: quoteOf(formData) } });
    return { id: link.id };
  }, statementId, linkId);
  if (state.ok) revalidatePath(`/statements/${statementId}`);
  return state;
}

export async function deleteLinkAction(statementId: string, linkId: string, prev: FormState<Saved>): Promise<FormState<Saved>> {
  const state = await runForm(prev, {}, async (actor) => deleteLink({ actor, linkId }), statementId, linkId);
  if (state.ok) revalidatePath(`/statements/${statementId}`);
  return state;
}
