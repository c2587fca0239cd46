import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/session";
import { toAppError } from "@/lib/http";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/config";
import { localizeFieldErrors } from "@/lib/i18n/field-errors";
import type { FormState } from "./form-state";

/**
 * Form fields read as strings; a missing field is left out so the lib's defaults apply.
 * Browsers submit textarea line breaks as CRLF; they are stored as LF, as the API and the
 * seed store them, so an edit that changes nothing does not change the content hash.
 */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = formData.get(f);
    if (typeof v === "string") out[f] = v.replace(/\r\n?/g, "\n");
  }
  return out;
}

// Passwords are never sent back to the browser in a form state.
function echoable(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !/password/i.test(k)));
}

/**
 * The one path every form action takes: read the actor, run the lib operation, and turn
 * whatever it throws into a form state in the user's language. Redirects and other Next
 * control-flow errors pass through untouched.
 */
export async function runForm<D>(
  prev: FormState<D>,
  values: Record<string, string>,
  op: (actor: Actor) => Promise<D>,
): Promise<FormState<D>> {
  const seq = prev.seq + 1;
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
