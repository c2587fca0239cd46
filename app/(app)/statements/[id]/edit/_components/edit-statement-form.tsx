"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FieldError, FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";
import { StatementContentFields, type StatementChoices } from "../../../_components/statement-fields";

/** `update` is updateStatementAction bound to the statement by the page. */
export function EditStatementForm({
  update,
  statementId,
  baseRevision,
  choices,
  initial,
}: {
  update: FormAction<{ id: string }>;
  statementId: string;
  baseRevision: number;
  choices: StatementChoices;
  initial: Record<string, string>;
}) {
  const t = useTranslations();
  const [state, action] = useActionState(update, initialFormState<{ id: string }>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="statement-edit-form" noValidate {...guard}>
      <FormBanner state={state} />
      <FieldError id={`${f.id("baseRevision")}-error`} name="baseRevision" messages={state.fieldErrors?.baseRevision} />
      {state.fieldErrors?.baseRevision && (
        <p>
          <a href={`/statements/${statementId}`} target="_blank" rel="noopener" data-testid="open-current-revision">
            {t("statements.openCurrent")}
          </a>
        </p>
      )}
      {/* The revision this edit starts from: saving over a newer one is refused, never silent. */}
      <input type="hidden" name="baseRevision" value={state.values.baseRevision ?? String(baseRevision)} />
      {/* Translations are edited elsewhere; they ride along so saving here keeps them. */}
      <input type="hidden" name="translations" value={state.values.translations ?? initial.translations ?? "[]"} />
      {f.error("translations")}
      <StatementContentFields f={f} choices={choices} />
      <div className="field field-reason">
        <label htmlFor={f.id("reason")}>{t("statements.reasonForChange")}</label>
        <textarea {...f.props("reason", { hint: true })} dir="auto" rows={2} maxLength={1000} required />
        <p className="hint" id={f.hintId("reason")}>
          {t("statements.reasonHint")}
        </p>
        {f.error("reason")}
      </div>
      <div className="actions">
        <SubmitButton testId="statement-save">{t("statements.saveRevision", { n: baseRevision + 1 })}</SubmitButton>
      </div>
    </form>
  );
}
