"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormBanner, SubmitButton, useFields, useFormFocus } from "@/app/_components/form-bits";
import { initialFormState } from "@/app/_lib/form-state";
import { createWitnessAction } from "../../actions";

export function WitnessForm({ levels }: { levels: readonly string[] }) {
  const t = useTranslations();
  const [state, action] = useActionState(createWitnessAction, initialFormState<{ code: string }>());
  const f = useFields(state, { protectionLevel: "STANDARD" });
  const ref = useFormFocus(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="witness-form" noValidate>
      <FormBanner state={state} />
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
        <label htmlFor={f.id("notes")}>
          {t("witnesses.notes")} <span className="optional">{t("common.optional")}</span>
        </label>
        <textarea {...f.props("notes", { hint: true })} dir="auto" rows={5} />
        <p className="hint" id={f.hintId("notes")}>
          {t("witnesses.notesHint")}
        </p>
        {f.error("notes")}
      </div>
      <div className="actions">
        <SubmitButton testId="witness-submit">{t("witnesses.create")}</SubmitButton>
      </div>
    </form>
  );
}
