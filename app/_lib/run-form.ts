import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { toAppError } from "@/lib/http";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { localizeFieldErrors } from "@/lib/i18n/field-errors";
import { hasUnstorableText } from "@/lib/validation";
import type { FormState } from "./form-state";

/**
 * The FormData an action was called with. A server action's arguments are whatever the client
 * sent (a hand-made request can put a JSON object, a number or nothing where the form was): such
 * a call is answered as a form with no fields is, by the lib's own field errors, never a crash.
 */
export function asFormData(formData: unknown): FormData {
  return isFormData(formData) ? formData : new FormData();
}

// Not `instanceof FormData`: React decodes a fetch action's form into a FormData of its own
// runtime's class, not this module's global one (with instanceof every form sent with
// JavaScript read as empty). Arguments decoded from JSON carry no tag and no methods.
function isFormData(x: unknown): x is FormData {
  return Object.prototype.toString.call(x) === "[object FormData]" && typeof (x as FormData).get === "function" && typeof (x as FormData).getAll === "function";
}

/** One field as sent, or undefined when it is missing or is not text (a file). */
export function formField(formData: unknown, name: string): string | undefined {
  const v = asFormData(formData).get(name);
  return typeof v === "string" ? v : undefined;
}

/**
 * Form fields read as strings; a missing field is left out so the lib's defaults apply.
 * Browsers submit textarea line breaks as CRLF; they are stored as LF, as the API and the
 * seed store them, so an edit that changes nothing does not change the content hash.
 */
export function formValues(formData: unknown, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const form = asFormData(formData);
  for (const f of fields) {
    const v = form.get(f);
    if (typeof v === "string") out[f] = v.replace(/\r\n?/g, "\n");
  }
  return out;
}

/** Every value of a repeated text field (several inputs with one name), line breaks as LF. */
export function formTexts(formData: unknown, name: string): string[] {
  return asFormData(formData)
    .getAll(name)
    .filter((v): v is string => typeof v === "string")
    .map((v) => v.replace(/\r\n?/g, "\n"));
}

/**
 * Bound arguments as pages bind them: non-empty strings, without a character no database here
 * can store (a NUL, half a surrogate pair: JSON can carry "\ud800", and the SQLite engine fails
 * on it inside the query, where it is no AppError).
 */
export function boundArgumentsWellFormed(bound: readonly unknown[]): boolean {
  return bound.every((b) => typeof b === "string" && b !== "" && !hasUnstorableText(b));
}

// Passwords are never sent back to the browser in a form state.
function echoable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
}

/**
 * An edit form's action: as runForm, but the form must carry `baseUpdatedAt`, the version of the
 * record it was opened on, which every edit form of this app sends. A post without it was not
 * made by the form, and its missing list fields (aliases, positions, defendants, a timeline)
 * would read as "none left" and empty the record's lists: it is refused, and nothing is saved.
 */
export async function runEditForm<D>(
  prev: FormState<D>,
  values: Record<string, string>,
  formData: unknown,
  op: (actor: Actor) => Promise<D>,
  ...bound: unknown[]
): Promise<FormState<D>> {
  return run(prev, values, op, bound, !!formField(formData, "baseUpdatedAt"));
}

/**
 * The one path every form action takes: read the actor, run the lib operation, and turn
 * whatever it throws into a form state in the user's language. Redirects and other Next
 * control-flow errors pass through untouched. `bound` are the action's bound arguments (the
 * record's id, …): the client sends them back with the form, so they are checked here too.
 */
export async function runForm<D>(
  prev: FormState<D>,
  values: Record<string, string>,
  op: (actor: Actor) => Promise<D>,
  ...bound: unknown[]
): Promise<FormState<D>> {
  return run(prev, values, op, bound, true);
}

/** `fromTheForm`: false when the post lacks what the app's form always sends (runEditForm). */
async function run<D>(prev: FormState<D>, values: Record<string, string>, op: (actor: Actor) => Promise<D>, bound: readonly unknown[], fromTheForm: boolean): Promise<FormState<D>> {
  // The previous state comes from the client too: anything but a form state counts as the first submission.
  const prevSeq = (prev as { seq?: unknown } | null | undefined)?.seq;
  const seq = (typeof prevSeq === "number" && Number.isSafeInteger(prevSeq) && prevSeq >= 0 ? prevSeq : 0) + 1;
  const t = await getTranslations("errors");
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE;
  const failed = (error: string, fieldErrors?: Record<string, string[]>): FormState<D> => ({
    seq,
    ok: false,
    values: echoable(values),
    error,
    fieldErrors,
  });

  const actor = await getActor();
  if (!actor) return failed(t("UNAUTHENTICATED"));
  // The action's bound arguments (a record's id, which change) are sent back by the client with
  // the form: a page binds only strings, so anything else was not sent by a page of this app.
  if (!boundArgumentsWellFormed(bound) || !fromTheForm) return failed(t("malformedCall"));
  try {
    const data = await op(actor);
    return { seq, ok: true, values: {}, data };
  } catch (e) {
    unstable_rethrow(e);
    const app = toAppError(e);
    if (app) return failed(t(app.code), localizeFieldErrors(app.fields, locale));
    const ref = randomUUID().slice(0, 8);
    // Only the error's name and message: form input may carry witness identity.
    console.error(`[casefile] unexpected error in a form action ref=${ref}:`, e instanceof Error ? `${e.name}: ${e.message}` : "non-error thrown");
    return failed(t("unexpected", { ref }));
  }
}
