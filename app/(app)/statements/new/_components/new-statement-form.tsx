"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/use-translations";
import { FormBanner, SubmitButton, useFields, useFormFocus } from "@/app/_components/form-bits";
import { initialFormState } from "@/app/_lib/form-state";
import { createStatementAction } from "../../actions";
import { StatementContentFields, type StatementChoices } from "../../_components/statement-fields";

export type WitnessOption = { id: string; code: string; fictional: boolean; protectionLevel: string };

export function NewStatementForm({
  witnesses,
  choices,
  initial,
}: {
  witnesses: WitnessOption[];
  choices: StatementChoices;
  initial: Record<string, string>;
}) {
  const t = useTranslations();
  const [state, action] = useActionState(createStatementAction, initialFormState<{ id: string }>());
  const f = useFields(state, initial);
  const ref = useFormFocus(state);
  return (
    <form key={state.seq} ref={ref} action={action} className="form" data-testid="statement-form" noValidate>
      <FormBanner state={state} />
      <div className="field">
        <label htmlFor={f.id("witnessId")}>{t("statements.witness")}</label>
        <select {...f.props("witnessId")} required>
          <option value="">{t("statements.chooseWitness")}</option>
          {witnesses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.fictional
                ? t("statements.witnessOptionFictional", { code: w.code, level: t(`protection.${w.protectionLevel}`) })
                : t("statements.witnessOption", { code: w.code, level: t(`protection.${w.protectionLevel}`) })}
            </option>
          ))}
        </select>
        {f.error("witnessId")}
      </div>
      <StatementContentFields f={f} choices={choices} />
      <div className="actions">
        <SubmitButton testId="statement-submit">{t("statements.create")}</SubmitButton>
      </div>
    </form>
  );
}
