"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError, FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";

/**
 * Saves this earlier revision's content again as a new revision; nothing is overwritten.
 * `restore` is restoreRevisionAction bound to the statement and this revision's number by the page.
 */
export function RestoreRevisionForm({ restore, number, baseRevision }: { restore: FormAction<{ id: string }>; number: number; baseRevision: number }) {
  const t = useTranslations();
  const [state, action] = useActionState(restore, initialFormState<{ id: string }>());
  const f = useFields(state);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="restore-form" noValidate {...guard}>
      <FormBanner state={state} />
      <FieldError id={`${f.id("baseRevision")}-error`} name="baseRevision" messages={state.fieldErrors?.baseRevision} />
      {/* The revision current when this page was opened: a newer save makes the restore fail, not vanish. */}
      <input type="hidden" name="baseRevision" value={String(baseRevision)} />
      <div className="field">
        <label htmlFor={f.id("reason")}>
          {t("statements.restoreReason")} <span className="optional">{t("common.optional")}</span>
        </label>
        <textarea {...f.props("reason", { hint: true })} dir="auto" rows={2} maxLength={1000} />
        <p className="hint" id={f.hintId("reason")}>
          {t("statements.restoreReasonHint", { n: number })}
        </p>
        {f.error("reason")}
      </div>
      <div className="actions">
        <SubmitButton testId="restore-submit">{t("statements.restoreSubmit", { n: number, next: baseRevision + 1 })}</SubmitButton>
      </div>
    </form>
  );
}
