"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus, useUnsavedGuard } from "@/app/_components/form-bits";
import { GradingFields } from "@/app/_components/grading-fields";
import { initialFormState, type FormAction } from "@/app/_lib/form-state";

/**
 * Grade (or re-grade) a source on both axes; the reasons are required and kept with the grade.
 * `grade` is gradeSourceAction bound to the source by the page.
 */
export function GradeForm({ grade, current }: { grade: FormAction<{ grade: string }>; current: { reliability?: string; credibility?: string } }) {
  const t = useTranslations("sources");
  const [state, action] = useActionState(grade, initialFormState<{ grade: string }>());
  const f = useFields(state);
  const ref = useFormFocus(state);
  const guard = useUnsavedGuard(state);
  const values = state.seq === 0 || state.ok ? current : { reliability: state.values.reliability, credibility: state.values.credibility };
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="grade-form" noValidate {...guard}>
      <FormBanner state={state} success={t("gradeSaved", { grade: state.data?.grade ?? "" })} />
      <GradingFields idPrefix={f.id("grade")} values={values} errors={state.fieldErrors} />
      <div className="field">
        <label htmlFor={f.id("reason")}>{t("fields.reason")}</label>
        <textarea {...f.props("reason", { hint: true })} dir="auto" rows={4} data-testid="grade-reason" />
        <p className="hint" id={f.hintId("reason")}>
          {t("hints.reason")}
        </p>
        {f.error("reason")}
      </div>
      <div className="actions">
        <SubmitButton testId="grade-submit">{t("saveGrade")}</SubmitButton>
      </div>
    </form>
  );
}
