"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError, FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import { IdentityFields } from "../../_components/identity-fields";

/** `update` is updateWitnessAction bound to the witness by the page. */
export function ProtectionForm({
  update,
  levels,
  initial,
}: {
  update: FormAction<{ savedAt: string }>;
  levels: readonly string[];
  initial: { protectionLevel: string; notes: string; sameAsCode: string };
}) {
  const t = useTranslations();
  const [state, action] = useActionState(update, initialFormState<{ savedAt: string }>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="protection-form" noValidate {...guard}>
      <FormBanner state={state} success={t("witness.saved")} />
      <div className="field">
        <label htmlFor={f.id("protectionLevel")}>{t("witnesses.protectionLevel")}</label>
        <select {...f.props("protectionLevel", { hint: true })}>
          {levels.map((l) => (
            <option key={l} value={l}>
              {t(`protection.${l}`)}
            </option>
          ))}
        </select>
        <p className="hint" id={f.hintId("protectionLevel")}>
          {t("witnesses.protectionHint")}
        </p>
        {f.error("protectionLevel")}
      </div>
      <div className="field">
        <label htmlFor={f.id("notes")}>{t("witnesses.notes")}</label>
        <textarea {...f.props("notes", { hint: true })} dir="auto" rows={4} />
        <p className="hint" id={f.hintId("notes")}>
          {t("witnesses.notesHint")}
        </p>
        {f.error("notes")}
      </div>
      <div className="field">
        <label htmlFor={f.id("sameAsCode")}>{t("witness.sameAs")}</label>
        <input {...f.props("sameAsCode", { hint: true })} type="text" dir="ltr" maxLength={20} autoComplete="off" />
        <p className="hint" id={f.hintId("sameAsCode")}>
          {t("witness.sameAsHint")}
        </p>
        {f.error("sameAsCode")}
      </div>
      <div className="actions">
        <SubmitButton testId="protection-submit">{t("witness.save")}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * Starts empty whatever is recorded: a field left empty keeps its value, a filled one replaces
 * it, and "clear" removes it. The current values are never sent to this form. `update` is
 * updateIdentityAction bound to the witness by the page.
 */
export function IdentityForm({ update, recorded }: { update: FormAction<{ changed: string[] }>; recorded: readonly string[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(update, initialFormState<{ changed: string[] }>());
  const f = useFields(state);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const changed = state.data?.changed.map((k) => t(`witness.identity.fields.${k}`)).join(t("witness.listSeparator"));
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="identity-form" noValidate {...guard} autoComplete="off">
      <FormBanner state={state} success={t("witness.identity.updated", { fields: changed ?? "" })} />
      <p className="hint">{t("witness.identity.editIntro")}</p>
      <FieldError id={`${f.id("identity")}-error`} name="identity" messages={state.fieldErrors?.identity} />
      <IdentityFields f={f} state={state} recorded={recorded} clearable />
      <div className="actions">
        <SubmitButton testId="identity-submit">{t("witness.identity.save")}</SubmitButton>
      </div>
    </form>
  );
}
