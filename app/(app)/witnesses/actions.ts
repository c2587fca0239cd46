"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/_lib/form-state";
import { formValues, runForm } from "@/app/_lib/run-form";
import { isDateParseError, parseFuzzyDate } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { CONSENT_SCOPES, IDENTITY_FIELDS, type Identity } from "@/lib/witnesses/identity";
import { createWitness, recordConsent, revealIdentity, updateWitness, withdrawConsent } from "@/lib/witnesses/witnesses";

// Thin actions over lib/witnesses: they turn form fields into the lib's input and the lib's
// field paths ("identity.legalName", "consents.0.givenAt") back into the form's field names.
// Identity values never go into a URL, a redirect or a log; the revealed identity exists only
// in the one action response that asked for it.

const CONSENT_FIELDS = ["consentGivenAt", "consentMethod", "consentNote"] as const;
const scopeField = (scope: string) => `consent_${scope}`;
const clearField = (field: string) => `clear_${field}`;

/** Lib field paths -> the names the forms use. */
function formFieldErrors<D>(state: FormState<D>, rename: (key: string) => string): FormState<D> {
  if (!state.fieldErrors) return state;
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(state.fieldErrors)) out[rename(k)] = [...new Set([...(out[rename(k)] ?? []), ...v])];
  return { ...state, fieldErrors: out };
}

const identityName = (k: string) => k.replace(/^identity\./, "");

/**
 * A consent date as one exact day, typed in either calendar (2024-01-10, ۱۴۰۲/۱۰/۲۰, 20 Dey 1402).
 * A month, a season or an approximate date is refused, not rounded to a day: the lib's
 * date check answers "invalid_date" for the empty string this returns.
 */
function consentDay(raw: string | undefined): string {
  const parsed = parseFuzzyDate(raw ?? "");
  if (isDateParseError(parsed) || parsed.precision !== "day") return "";
  return parsed.earliest;
}

/** Identity fields as typed: only those filled in; with `clearing`, a ticked "clear" box sends "". */
function identityInput(values: Record<string, string>, clearing: boolean): Identity {
  const identity: Identity = {};
  const conflicts: Record<string, string[]> = {};
  for (const f of IDENTITY_FIELDS) {
    const typed = values[f]?.trim() ? values[f] : undefined;
    const clear = clearing && values[clearField(f)] === "on";
    if (clear && typed) conflicts[f] = ["clear_and_value"];
    else if (clear) identity[f] = "";
    else if (typed) identity[f] = typed;
  }
  if (Object.keys(conflicts).length) throw new AppError("INVALID_INPUT", "A field is both filled in and marked to be cleared.", conflicts);
  return identity;
}

export async function createWitnessAction(prev: FormState<{ code: string }>, formData: FormData): Promise<FormState<{ code: string }>> {
  const values = formValues(formData, ["protectionLevel", "notes", ...IDENTITY_FIELDS, ...CONSENT_SCOPES.map(scopeField), ...CONSENT_FIELDS]);
  const scopes = CONSENT_SCOPES.filter((s) => values[scopeField(s)] === "on");
  let state = await runForm(prev, values, async (actor) => {
    if (!scopes.length && (values.consentGivenAt?.trim() || values.consentNote?.trim()))
      throw new AppError("INVALID_INPUT", "A consent date or note was given without a scope.", { consentScopes: ["consent_scope_required"] });
    const identity = identityInput(values, false);
    const givenAt = consentDay(values.consentGivenAt);
    const w = await createWitness({
      actor,
      input: {
        protectionLevel: values.protectionLevel,
        notes: values.notes,
        identity: Object.keys(identity).length ? identity : undefined,
        consents: scopes.map((scope) => ({ scope, givenAt, method: values.consentMethod, note: values.consentNote })),
      },
    });
    return { code: w.code };
  });
  // One date, method and note serve every ticked scope: their errors belong to those fields.
  state = formFieldErrors(state, (k) => identityName(k).replace(/^consents\.\d+\.(givenAt|method|note)$/, (_m, f: string) => `consent${f[0].toUpperCase()}${f.slice(1)}`));
  if (state.ok && state.data) {
    revalidatePath("/witnesses");
    redirect(`/witnesses?created=${encodeURIComponent(state.data.code)}`);
  }
  return state;
}

type Saved = { savedAt: string };

export async function updateWitnessAction(witnessId: string, prev: FormState<Saved>, formData: FormData): Promise<FormState<Saved>> {
  const values = formValues(formData, ["protectionLevel", "notes", "sameAsCode"]);
  const state = await runForm(prev, values, async (actor) => {
    await updateWitness({ actor, witnessId, input: values });
    return { savedAt: new Date().toISOString() };
  }, witnessId);
  if (state.ok) revalidatePath(`/witnesses/${witnessId}`);
  return state;
}

/** Changes only the identity fields filled in or marked to be cleared; the others stay as they are. */
export async function updateIdentityAction(witnessId: string, prev: FormState<{ changed: string[] }>, formData: FormData): Promise<FormState<{ changed: string[] }>> {
  const values = formValues(formData, [...IDENTITY_FIELDS, ...IDENTITY_FIELDS.map(clearField)]);
  const state = await runForm(prev, values, async (actor) => {
    const identity = identityInput(values, true);
    if (!Object.keys(identity).length) throw new AppError("INVALID_INPUT", "Nothing to change.", { identity: ["nothing_to_change"] });
    await updateWitness({ actor, witnessId, input: { identity } });
    return { changed: Object.keys(identity) };
  }, witnessId);
  if (state.ok) revalidatePath(`/witnesses/${witnessId}`);
  return formFieldErrors(state, identityName);
}

export type Revealed = { identity: Identity; at: string };

/**
 * The one place a browser receives a witness's identity: this action's response, after the
 * reveal and its reason are in the audit log. Nothing is revalidated or cached; reloading the
 * page shows the identity hidden again.
 */
export async function revealIdentityAction(witnessId: string, prev: FormState<Revealed>, formData: FormData): Promise<FormState<Revealed>> {
  const values = formValues(formData, ["reason"]);
  return runForm(prev, values, async (actor) => {
    const r = await revealIdentity({ actor, witnessId, input: values });
    return { identity: r.identity, at: new Date().toISOString() };
  }, witnessId);
}

export async function recordConsentAction(witnessId: string, prev: FormState<{ scope: string }>, formData: FormData): Promise<FormState<{ scope: string }>> {
  const values = formValues(formData, ["scope", "givenAt", "method", "note"]);
  const state = await runForm(prev, values, async (actor) => {
    const c = await recordConsent({ actor, witnessId, input: { ...values, givenAt: consentDay(values.givenAt) } });
    return { scope: c.scope };
  }, witnessId);
  if (state.ok) revalidatePath(`/witnesses/${witnessId}`);
  return state;
}

export async function withdrawConsentAction(witnessId: string, consentId: string, prev: FormState<{ scope: string }>, formData: FormData): Promise<FormState<{ scope: string }>> {
  const values = formValues(formData, ["note", "confirm"]);
  const state = await runForm(prev, values, async (actor) => {
    // The confirmation is the form's own safeguard; the API withdraws on request.
    if (values.confirm !== "on") throw new AppError("INVALID_INPUT", "Confirm the withdrawal.", { confirm: ["confirm_required"] });
    const c = await withdrawConsent({ actor, consentId, witnessId, input: { note: values.note } });
    return { scope: c.scope };
  }, witnessId, consentId);
  if (state.ok) revalidatePath(`/witnesses/${witnessId}`);
  return state;
}
