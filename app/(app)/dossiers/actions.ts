"use server";

import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { FormState } from "@/app/_lib/form-state";
import { boundArgumentsWellFormed, formField, formValues, runForm } from "@/app/_lib/run-form";
import { getActor } from "@/lib/auth/session";
import { addDossierItem, createDossier, deleteDossier, removeDossierItem, updateDossier, updateDossierItem } from "@/lib/dossiers";
import { toAppError } from "@/lib/http";

// Thin actions over lib/dossiers, which authorizes (dossier.edit), validates and audits.

type Saved = { id: string };

export async function createDossierAction(prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, ["title", "description", "subject", "preselect"]);
  const [subjectType = "", subjectId = ""] = (values.subject ?? "").split(":");
  const input = { title: values.title, description: values.description, subjectType, subjectId, preselect: values.preselect === "on" };
  const state = await runForm(prev, values, async (actor) => ({ id: (await createDossier({ actor, input })).id }));
  if (!state.ok && state.fieldErrors) {
    // The picker is one field ("subject") for two of the operation's fields.
    // Nothing picked is one mistake, said once ("required"), not as a wrong type and a missing id.
    const { subjectType: a = [], subjectId: b = [], ...rest } = state.fieldErrors;
    const picked = (values.subject ?? "").trim() !== "";
    const said = picked ? [...a, ...b] : b.length ? b : a;
    state.fieldErrors = said.length ? { ...rest, subject: [...new Set(said)] } : rest;
  }
  if (state.ok && state.data) {
    revalidatePath("/dossiers");
    redirect(`/dossiers/${state.data.id}`);
  }
  return state;
}

export async function updateDossierAction(dossierId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, ["title", "description"]);
  const state = await runForm(prev, values, async (actor) => ({ id: (await updateDossier({ actor, dossierId, input: values })).id }), dossierId);
  if (state.ok) revalidatePath(`/dossiers/${dossierId}`);
  return state;
}

/** One-button changes (add, move, remove): back to the builder, with the error code if it failed. */
async function step(bound: unknown[], op: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>) => Promise<unknown>, anchor = "items") {
  const dossierId = bound[0] as string;
  // The ids are bound by the page; from another client they may be anything (see runForm).
  if (!boundArgumentsWellFormed([dossierId])) redirect("/dossiers?error=INVALID_INPUT");
  const actor = await getActor();
  let error: string | null = null;
  if (!boundArgumentsWellFormed(bound)) {
    error = "INVALID_INPUT";
    anchor = "items"; // the anchor is made from an id, which may be anything here
  } else if (!actor) error = "UNAUTHENTICATED";
  else {
    try {
      await op(actor);
    } catch (e) {
      unstable_rethrow(e);
      const app = toAppError(e);
      if (!app) throw e;
      error = app.code;
    }
  }
  revalidatePath(`/dossiers/${dossierId}`);
  redirect(`/dossiers/${encodeURIComponent(dossierId)}${error ? `?error=${error}` : ""}#${encodeURIComponent(anchor)}`);
}

export async function addItemAction(dossierId: string, kind: string, refId: string) {
  await step([dossierId, kind, refId], (actor) => addDossierItem({ actor, dossierId, input: { kind, refId } }), "items");
}

export async function moveItemAction(dossierId: string, itemId: string, move: "up" | "down") {
  await step([dossierId, itemId, move], (actor) => updateDossierItem({ actor, dossierId, itemId, input: { move } }), `item-${itemId}`);
}

export async function noteItemAction(dossierId: string, itemId: string, formData: FormData) {
  const note = (formField(formData, "note") ?? "").replace(/\r\n?/g, "\n");
  await step([dossierId, itemId], (actor) => updateDossierItem({ actor, dossierId, itemId, input: { note } }), `item-${itemId}`);
}

export async function removeItemAction(dossierId: string, itemId: string) {
  await step([dossierId, itemId], (actor) => removeDossierItem({ actor, dossierId, itemId }), "items");
}

export async function deleteDossierAction(dossierId: string) {
  if (!boundArgumentsWellFormed([dossierId])) redirect("/dossiers?error=INVALID_INPUT");
  const actor = await getActor();
  try {
    await deleteDossier({ actor, dossierId });
  } catch (e) {
    unstable_rethrow(e);
    const app = toAppError(e);
    if (!app) throw e;
    redirect(`/dossiers/${encodeURIComponent(dossierId)}?error=${app.code}`);
  }
  revalidatePath("/dossiers");
  redirect("/dossiers");
}
