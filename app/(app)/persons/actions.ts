"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "@/lib/i18n/server";
import type { FormState } from "@/app/_lib/form-state";
import { collectRows } from "@/app/_lib/form-rows";
import { formValues, runEditForm, runForm } from "@/app/_lib/run-form";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { createPerson, updatePerson, type DuplicateCandidate } from "@/lib/persons";

export type PersonFormData = { id?: string; duplicates?: DuplicateCandidate[] };

const FIELDS = ["name", "nameFa", "summary", "summaryFa", "statusNotes", "statusNotesFa", "source", "confirmDuplicate", "baseUpdatedAt"] as const;
const ALIAS_COLUMNS = ["name", "note"] as const;
const POSITION_COLUMNS = ["title", "titleFa", "institution", "place", "from", "to"] as const;

/** The form as the lib's input, and everything typed, to send back if it fails. */
function read(formData: FormData) {
  const values = formValues(formData, FIELDS);
  const aliases = collectRows(formData, "aliases", ALIAS_COLUMNS);
  const positions = collectRows(formData, "positions", POSITION_COLUMNS);
  return {
    input: { ...values, aliases: aliases.rows, positions: positions.rows },
    // The "create anyway" box is not kept ticked: after changing the name the user decides again.
    values: { ...values, confirmDuplicate: "", ...aliases.values, ...positions.values },
  };
}

/**
 * Runs the operation; a possible duplicate comes back as the list of candidates for the form
 * to show, with its own banner, instead of the generic conflict message.
 */
async function save(prev: FormState<PersonFormData>, formData: FormData, op: (actor: Actor, input: unknown) => Promise<{ id: string }>, editing: boolean, ...bound: unknown[]) {
  const { input, values } = read(formData);
  let duplicates: DuplicateCandidate[] | undefined;
  const attempt = async (actor: Actor): Promise<PersonFormData> => {
    try {
      return { id: (await op(actor, input)).id };
    } catch (e) {
      if (isAppError(e) && e.code === "CONFLICT" && Array.isArray(e.details?.candidates)) duplicates = e.details.candidates as DuplicateCandidate[];
      throw e;
    }
  };
  const state = editing ? await runEditForm(prev, values, formData, attempt, ...bound) : await runForm(prev, values, attempt);
  if (!duplicates || state.ok) return state;
  const t = await getTranslations("persons");
  return { ...state, error: t("duplicateBanner", { count: duplicates.length }), data: { duplicates } };
}

export async function createPersonAction(prev: FormState<PersonFormData>, formData: FormData): Promise<FormState<PersonFormData>> {
  const state = await save(prev, formData, (actor, input) => createPerson({ actor, input }), false);
  if (state.ok && state.data?.id) {
    revalidatePath("/persons");
    redirect(`/persons/${state.data.id}?saved=1`);
  }
  return state;
}

export async function updatePersonAction(personId: string, prev: FormState<PersonFormData>, formData: FormData): Promise<FormState<PersonFormData>> {
  const state = await save(prev, formData, (actor, input) => updatePerson({ actor, personId, input }), true, personId);
  if (state.ok) {
    revalidatePath("/persons");
    revalidatePath(`/persons/${personId}`);
    redirect(`/persons/${personId}?saved=1`);
  }
  return state;
}
